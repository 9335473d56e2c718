package dev.sentinelctl.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes rollout reports:
 * <pre>
 * {"format": "sentinelctl-rollout-report", "version": 1, "shard": "2/4", "startedAt": "…", "finishedAt": "…",
 *  "runId": "…", "resumedFrom": {"file": "r1.json", "runId": "…", "sha256": "…"}, "includes": ["run id" | "sha256:…"],
 *  "workspaces": [{"resourceId": "/subscriptions/…/workspaces/law-x", "tenant": "…", "ring": "canary", "ringIndex": 0,
 *                  "status": "succeeded|failed|not-run", "reason": "…",
 *                  "created": [ids], "updated": [ids], "deleted": [ids], "skipped": [{"id": "…", "reason": "…"}],
 *                  "failed": [{"id": "…", "reason": "…"}], "startedAt": "…", "durationMs": 1234}]}
 * </pre>
 * Written by hand (not by record binding) so the format is fixed here and a bad file is reported at its JSON path.
 * {@code runId}, {@code resumedFrom} and {@code includes} are optional (reports of earlier versions have none), so
 * they did not need a new format version.
 */
public final class RolloutReportJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** A report file that cannot be used; the message names the file and the JSON path. */
    public static final class ReportException extends RuntimeException {
        public ReportException(String message) {
            super(message);
        }
    }

    private RolloutReportJson() {
    }

    public static String write(RolloutReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", RolloutReport.FORMAT);
        root.put("version", RolloutReport.VERSION);
        report.shard().ifPresent(s -> root.put("shard", s.toString()));
        report.startedAt().ifPresent(s -> root.put("startedAt", s));
        report.finishedAt().ifPresent(s -> root.put("finishedAt", s));
        report.runId().ifPresent(s -> root.put("runId", s));
        report.resumedFrom().ifPresent(r -> {
            ObjectNode o = root.putObject("resumedFrom");
            o.put("file", r.file());
            r.runId().ifPresent(id -> o.put("runId", id));
            o.put("sha256", r.sha256());
        });
        if (!report.includes().isEmpty()) strings(root.putArray("includes"), report.includes());
        ArrayNode list = root.putArray("workspaces");
        for (WorkspaceResult w : report.workspaces()) {
            ObjectNode o = list.addObject();
            o.put("resourceId", w.resourceId());
            o.put("tenant", w.tenant());
            o.put("ring", w.ring());
            o.put("ringIndex", w.ringIndex());
            o.put("status", w.status().json());
            w.reason().ifPresent(r -> o.put("reason", r));
            strings(o.putArray("created"), w.created());
            strings(o.putArray("updated"), w.updated());
            strings(o.putArray("deleted"), w.deleted());
            ArrayNode skipped = o.putArray("skipped");
            for (WorkspaceResult.ItemSkip k : w.skipped()) skipped.addObject().put("id", k.id()).put("reason", k.reason());
            ArrayNode failed = o.putArray("failed");
            for (WorkspaceResult.ItemFailure f : w.failed()) failed.addObject().put("id", f.id()).put("reason", f.reason());
            w.startedAt().ifPresent(s -> o.put("startedAt", s));
            o.put("durationMs", w.durationMs());
        }
        return MAPPER.writeValueAsString(root) + "\n";
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    public static RolloutReport read(Path file) {
        return load(file).report();
    }

    /** A report as read from a file, with the SHA-256 of the file's bytes (how a later report names it). */
    public record Loaded(Path file, RolloutReport report, String sha256) {
        /** What a run that resumes this report records. */
        public ResumedFrom resumedFrom() {
            return new ResumedFrom(file.toString(), report.runId(), sha256);
        }
    }

    public static Loaded load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ReportException(file + ": cannot read: " + e.getMessage());
        }
        return new Loaded(file, parse(new String(bytes, StandardCharsets.UTF_8), file.toString()), sha256(bytes));
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static RolloutReport parse(String json, String name) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new ReportException(name + ": not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !RolloutReport.FORMAT.equals(root.path("format").asString(""))) {
            throw new ReportException(name + ": not a sentinelctl rollout report (\"format\": \"" + RolloutReport.FORMAT + "\" missing)");
        }
        int version = root.path("version").asInt(0);
        if (version != RolloutReport.VERSION) {
            throw new ReportException(name + ": report version " + version + " is not supported (this sentinelctl reads " + RolloutReport.VERSION + ")");
        }
        Optional<Shard> shard = Optional.empty();
        if (root.has("shard")) {
            try {
                shard = Optional.of(Shard.parse(root.get("shard").asString("")));
            } catch (IllegalArgumentException e) {
                throw new ReportException(name + ": $.shard: " + e.getMessage());
            }
        }
        JsonNode list = root.get("workspaces");
        if (list == null || !list.isArray()) throw new ReportException(name + ": $.workspaces: expected a list");
        List<WorkspaceResult> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) out.add(workspace(list.get(i), name + ": $.workspaces[" + i + "]"));
        return new RolloutReport(shard, text(root, "startedAt"), text(root, "finishedAt"), out, text(root, "runId"),
                resumedFrom(root.get("resumedFrom"), name + ": $.resumedFrom"), list(root, "includes", name + ": $"));
    }

    private static Optional<ResumedFrom> resumedFrom(JsonNode o, String where) {
        if (o == null) return Optional.empty();
        if (!o.isObject()) throw new ReportException(where + ": expected an object with file, runId and sha256");
        return Optional.of(new ResumedFrom(required(o, "file", where), text(o, "runId"), required(o, "sha256", where)));
    }

    private static WorkspaceResult workspace(JsonNode o, String where) {
        if (!o.isObject()) throw new ReportException(where + ": expected an object");
        String id = required(o, "resourceId", where);
        String statusText = required(o, "status", where);
        WorkspaceResult.Status status = WorkspaceResult.Status.parse(statusText).orElseThrow(() -> new ReportException(
                where + ".status: '" + statusText + "' is not succeeded, failed or not-run"));
        List<WorkspaceResult.ItemFailure> failed = new ArrayList<>();
        JsonNode f = o.path("failed");
        for (int i = 0; i < f.size(); i++) {
            failed.add(new WorkspaceResult.ItemFailure(required(f.get(i), "id", where + ".failed[" + i + "]"),
                    f.get(i).path("reason").asString("")));
        }
        return new WorkspaceResult(id, o.path("tenant").asString(""), required(o, "ring", where), o.path("ringIndex").asInt(0),
                status, text(o, "reason"), list(o, "created", where), list(o, "updated", where), list(o, "deleted", where),
                skips(o, where), failed, text(o, "startedAt"), o.path("durationMs").asLong(0));
    }

    /** {@code [{"id", "reason"}]}; plain ids as earlier reports wrote them read with an empty reason. */
    private static List<WorkspaceResult.ItemSkip> skips(JsonNode o, String where) {
        List<WorkspaceResult.ItemSkip> out = new ArrayList<>();
        JsonNode v = o.get("skipped");
        if (v == null) return out;
        if (!v.isArray()) throw new ReportException(where + ".skipped: expected a list");
        for (int i = 0; i < v.size(); i++) {
            JsonNode x = v.get(i);
            if (x.isString()) out.add(new WorkspaceResult.ItemSkip(x.asString(), ""));
            else out.add(new WorkspaceResult.ItemSkip(required(x, "id", where + ".skipped[" + i + "]"), x.path("reason").asString("")));
        }
        return out;
    }

    private static String required(JsonNode o, String field, String where) {
        JsonNode v = o.get(field);
        if (v == null || !v.isString() || v.asString().isEmpty()) throw new ReportException(where + "." + field + ": missing");
        return v.asString();
    }

    private static Optional<String> text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v != null && v.isString() ? Optional.of(v.asString()) : Optional.empty();
    }

    private static List<String> list(JsonNode o, String field, String where) {
        List<String> out = new ArrayList<>();
        JsonNode v = o.get(field);
        if (v == null) return out;
        if (!v.isArray()) throw new ReportException(where + "." + field + ": expected a list of content ids");
        v.forEach(x -> out.add(x.asString()));
        return out;
    }
}
