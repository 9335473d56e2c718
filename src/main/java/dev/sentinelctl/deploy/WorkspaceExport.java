package dev.sentinelctl.deploy;

import dev.sentinelctl.arm.YamlWriter;
import dev.sentinelctl.content.FileNames;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.KindTable;
import dev.sentinelctl.deploy.kinds.alertrule.AlertRuleKind;
import dev.sentinelctl.deploy.kinds.huntingquery.HuntingQueryKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One workspace's content kinds as content YAML in one folder, by each kind's export (the same inverse mapping as
 * {@code import}). Everything is read before anything is written, so a workspace that cannot be read leaves no
 * half-written folder.
 */
public final class WorkspaceExport {
    /**
     * What was written: files per kind id, and the resources of kinds that have no content format.
     */
    public record Result(Map<String, Integer> written, List<String> skipped) {
        public int rules() {
            return written.getOrDefault(AlertRuleKind.INSTANCE.id(), 0);
        }

        public int huntingQueries() {
            return written.getOrDefault(HuntingQueryKind.INSTANCE.id(), 0);
        }

        /** The other kinds written, for the summary line: {@code ", 2 workbooks"}; empty when there are none. */
        public String othersText() {
            StringBuilder sb = new StringBuilder();
            written.forEach((kind, n) -> {
                if (kind.equals(AlertRuleKind.INSTANCE.id()) || kind.equals(HuntingQueryKind.INSTANCE.id())) return;
                String label = KindTable.builtIn().byId(kind).map(DeployableKind::label).orElse(kind);
                sb.append(", ").append(n).append(' ').append(label).append(n == 1 ? "" : "s");
            });
            return sb.toString();
        }
    }

    private final ArmRest arm;
    private final WorkspaceConfig ws;
    private final KindTable kinds;

    public WorkspaceExport(ArmRest arm, WorkspaceConfig ws) {
        this(arm, ws, KindTable.builtIn());
    }

    public WorkspaceExport(ArmRest arm, WorkspaceConfig ws, KindTable kinds) {
        this.arm = arm;
        this.ws = ws;
        this.kinds = kinds;
    }

    /** @throws ArmCallException when the workspace cannot be read (nothing is written then) */
    public Result writeTo(Path folder) {
        ActualState arm = ActualState.read(this.arm, ws, kinds, ActualState.forContent(List.of()));
        Map<dev.sentinelctl.deploy.kinds.ResourceKind, Map<String, ObjectNode>> items = new LinkedHashMap<>(arm.items());
        List<String> skipped = new ArrayList<>();
        for (DeployableKind kind : kinds.contentKinds()) {
            if (!(kind.scope() instanceof dev.sentinelctl.deploy.kinds.Scope.Graph)) continue;
            // Outside ARM (Graph) is its own permission: a workspace export without it still exports the ARM kinds.
            try {
                items.putAll(ActualState.read(this.arm, ws, kinds, k -> k == kind).items());
            } catch (ArmCallException e) {
                if (e.status() != 401 && e.status() != 403) throw e;
                skipped.add("every " + kind.label() + " (Microsoft Graph refused the read: " + e.describe() + ")");
            }
        }
        ActualState actual = new ActualState(kinds, items);
        Map<String, String> versions = new HashMap<>();
        for (ObjectNode m : actual.metadata().values()) {
            JsonNode p = m.path("properties");
            String parent = p.path("parentId").asString("");
            if (p.has("version")) versions.put(parent.toLowerCase(Locale.ROOT), p.get("version").asString());
        }
        Set<String> taken = new HashSet<>();
        Map<String, Integer> written = new LinkedHashMap<>();
        for (DeployableKind kind : kinds.contentKinds()) {
            for (ObjectNode r : actual.of(kind).values()) {
                String name = kind.nameInList(r);
                String version = versions.get(kind.scope().resourceId(ws, name).toLowerCase(Locale.ROOT));
                DeployableKind.Exported e = kind.export(r, Optional.ofNullable(version));
                if (e instanceof DeployableKind.Skipped skip) {
                    skipped.add(skip.description());
                } else if (e instanceof DeployableKind.AsContent c) {
                    write(folder.resolve(c.folder()), c, name, taken);
                    written.merge(kind.id(), 1, Integer::sum);
                } else if (e instanceof DeployableKind.AsFolder f) {
                    writeFolder(folder.resolve(f.folder()), f, taken);
                    written.merge(kind.id(), 1, Integer::sum);
                }
            }
        }
        return new Result(written, skipped);
    }

    /** A folder of fixed file names ({@code Watchlists/<alias>/watchlist.yaml} + {@code data.csv}), never merged into another. */
    private static void writeFolder(Path parent, DeployableKind.AsFolder content, Set<String> taken) {
        String base = content.name().replaceAll("[^A-Za-z0-9._-]", "_");
        String name = base;
        for (int n = 2; !taken.add((parent.getFileName() + "/" + name + "/").toLowerCase(Locale.ROOT)); n++) name = base + "-" + n;
        Path target = parent.resolve(name);
        try {
            Files.createDirectories(target);
            for (var file : new java.util.TreeMap<>(content.files()).entrySet()) {
                Files.writeString(target.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new DeployException("cannot write " + target + ": " + e.getMessage());
        }
    }

    private static void write(Path folder, DeployableKind.AsContent content, String id, Set<String> taken) {
        ObjectNode yaml = content.yaml();
        String base = FileNames.fromDisplayName(yaml.path("name").asString(yaml.path("displayName").asString("")), id);
        String file = base + ".yaml";
        for (int n = 2; !taken.add((folder.getFileName() + "/" + file).toLowerCase(Locale.ROOT)); n++) file = base + "-" + n + ".yaml";
        Path target = folder.resolve(file);
        try {
            Files.createDirectories(folder);
            Files.writeString(target, YamlWriter.writeChecked(yaml), StandardCharsets.UTF_8);
            String stem = file.substring(0, file.length() - ".yaml".length());
            for (var companion : content.companions().entrySet()) {
                Files.writeString(folder.resolve(stem + companion.getKey()), companion.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new DeployException("cannot write " + target + ": " + e.getMessage());
        }
    }
}
