package dev.sentinelctl.deploy;

import dev.sentinelctl.deploy.config.WorkspaceConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plan saved for review ({@code plan --out FILE}) and applied later ({@code apply --plan FILE}). sentinelctl
 * does not replay a saved plan: apply plans again and refuses unless the fresh plan makes exactly the reviewed
 * changes — same items, actions and field differences, and the same {@link ChangeDigest} of every body it writes or
 * resource it removes (a create shows no field differences, so the digest is what pins its body) — so what was
 * approved is what happens, and a change made in the workspace or the repository in between stops the run instead of
 * riding along.
 */
public final class SavedPlan {
    public static final String FORMAT = "sentinelctl-plan/2";
    /** Plans without a digest per change: they cannot prove a create's body is the reviewed one, so they are refused. */
    private static final String FORMAT_WITHOUT_DIGESTS = "sentinelctl-plan/1";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /**
     * What apply needs from the file: how it was planned, and the changes to compare with.
     *
     * @param preflightArgs the plan's preflight command-line flags ({@code --check-data=7d}, {@code --no-preflight}), so
     *                      apply checks what the reviewed plan checked
     * @param fleet the {@code fleet} section of a plan saved with {@code --fleet} (what it was made for), else empty
     */
    public record Loaded(Planner.Options options, List<String> paths, List<String> workspaces, JsonNode plan,
                         List<String> preflightArgs, Optional<JsonNode> fleet) {
    }

    private SavedPlan() {
    }

    public static void write(Path file, List<WorkspacePlan> plans, Planner.Options options, List<Path> paths)
            throws IOException {
        write(file, plans, options, paths, List.of(), Optional.empty());
    }

    /**
     * @param preflightArgs the preflight flags the plan was made with
     * @param fleet for a fleet plan, the section describing its scope (stored as it is, under {@code fleet})
     */
    public static void write(Path file, List<WorkspacePlan> plans, Planner.Options options, List<Path> paths,
            List<String> preflightArgs, Optional<ObjectNode> fleet) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode o = root.putObject("options");
        o.put("prune", options.prune());
        o.put("adopt", options.adopt());
        ArrayNode pf = o.putArray("preflight");
        preflightArgs.forEach(pf::add);
        ArrayNode p = root.putArray("paths");
        if (paths != null) paths.forEach(x -> p.add(x.toString()));
        fleet.ifPresent(f -> root.set("fleet", f));
        root.setAll(PlanReport.json(plans));
        Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
    }

    public static Loaded read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | JacksonException e) {
            throw new IllegalArgumentException("cannot read the saved plan " + file + ": " + e.getMessage());
        }
        if (FORMAT_WITHOUT_DIGESTS.equals(root.path("format").asString(""))) {
            throw new IllegalArgumentException(file + " was saved by an older sentinelctl that did not record what each "
                    + "change writes, so it cannot be applied safely; run plan --out again and review it");
        }
        if (!FORMAT.equals(root.path("format").asString(""))) {
            throw new IllegalArgumentException(file + " is not a plan saved by `sentinelctl plan --out`");
        }
        List<String> paths = new ArrayList<>();
        root.path("paths").forEach(x -> paths.add(x.asString()));
        List<String> workspaces = new ArrayList<>();
        root.path("workspaces").forEach(w -> workspaces.add(w.path("name").asString()));
        JsonNode o = root.path("options");
        List<String> preflight = new ArrayList<>();
        o.path("preflight").forEach(x -> preflight.add(x.asString()));
        return new Loaded(new Planner.Options(o.path("prune").asBoolean(), o.path("adopt").asBoolean()), paths,
                workspaces, root, preflight, Optional.ofNullable(root.get("fleet")).filter(JsonNode::isObject));
    }

    /** How a fresh plan differs from the saved one, one line per item; empty when they make the same changes. */
    public static List<String> differences(JsonNode saved, List<WorkspacePlan> fresh) {
        Map<String, JsonNode> before = changes(saved);
        Map<String, JsonNode> now = changes(PlanReport.json(fresh));
        List<String> out = new ArrayList<>();
        before.forEach((k, v) -> {
            JsonNode n = now.get(k);
            if (n == null) out.add("no longer planned: " + k);
            else if (!withoutDigest(n).equals(withoutDigest(v))) out.add("changed since the plan was saved: " + k);
            else if (!n.path("digest").equals(v.path("digest"))) out.add(bodyChanged(k, n));
        });
        now.keySet().stream().filter(k -> !before.containsKey(k)).forEach(k -> out.add("new since the plan was saved: " + k));
        return out;
    }

    /** The same change as displayed, without its digest: what people reviewed. */
    private static JsonNode withoutDigest(JsonNode change) {
        ObjectNode copy = ((ObjectNode) change).deepCopy();
        copy.remove("digest");
        return copy;
    }

    /** Displayed the same, written differently: a create's body (which shows no field differences) or a new etag. */
    private static String bodyChanged(String key, JsonNode change) {
        String action = change.path("action").asString();
        String what = action.equals("delete") ? "what it would delete" : "the body it would write";
        String file = change.path("file").asString("");
        return key + ": " + what + " is not the reviewed one (" + (file.isEmpty() ? "" : file + " or ")
                + "the workspace's copy changed since the review)";
    }

    /**
     * How one workspace's fresh plan differs from what the saved plan holds for it (matched by subscription, resource
     * group and workspace name, as ARM compares them); a workspace the saved plan has no entry for had no changes.
     */
    public static List<String> differences(JsonNode saved, WorkspacePlan fresh) {
        ObjectNode one = MAPPER.createObjectNode();
        ArrayNode list = one.putArray("workspaces");
        for (JsonNode w : saved.path("workspaces")) {
            if (identity(w).equals(identity(fresh.workspace()))) list.add(w);
        }
        return differences(one, List.of(fresh));
    }

    private static String identity(JsonNode w) {
        return (w.path("subscription").asString() + "/" + w.path("resourceGroup").asString() + "/"
                + w.path("workspace").asString()).toLowerCase(Locale.ROOT);
    }

    private static String identity(WorkspaceConfig ws) {
        return (ws.subscription() + "/" + ws.resourceGroup() + "/" + ws.workspace()).toLowerCase(Locale.ROOT);
    }

    private static Map<String, JsonNode> changes(JsonNode plan) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode w : plan.path("workspaces")) {
            for (JsonNode c : w.path("changes")) {
                out.put(w.path("name").asString() + ": " + c.path("action").asString() + " " + c.path("type").asString()
                        + " " + c.path("id").asString(), c);
            }
        }
        return out;
    }
}
