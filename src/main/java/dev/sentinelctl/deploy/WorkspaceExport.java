package dev.sentinelctl.deploy;

import dev.sentinelctl.arm.ArmToYaml;
import dev.sentinelctl.arm.YamlWriter;
import dev.sentinelctl.content.FileNames;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One workspace's analytic rules (Scheduled, NRT) and hunting queries as content YAML in one folder, by the same
 * inverse mapping as {@code import}. Everything is read before anything is written, so a workspace that cannot be
 * read leaves no half-written folder.
 */
public final class WorkspaceExport {
    /** What was written; {@code skipped} describes the rules of kinds that have no content format. */
    public record Result(int rules, int huntingQueries, List<String> skipped) {
    }

    private final ArmRest arm;
    private final WorkspaceConfig ws;

    public WorkspaceExport(ArmRest arm, WorkspaceConfig ws) {
        this.arm = arm;
        this.ws = ws;
    }

    /** @throws ArmCallException when the workspace cannot be read (nothing is written then) */
    public Result writeTo(Path folder) {
        List<ObjectNode> rules = arm.list(ResourceType.ALERT_RULE.collectionId(ws.resourceId()), ResourceType.ALERT_RULE.apiVersion());
        List<ObjectNode> searches = arm.list(ResourceType.SAVED_SEARCH.collectionId(ws.resourceId()), ResourceType.SAVED_SEARCH.apiVersion());
        Map<String, String> versions = new HashMap<>();
        for (ObjectNode m : arm.list(ResourceType.METADATA.collectionId(ws.resourceId()), ResourceType.METADATA.apiVersion())) {
            JsonNode p = m.path("properties");
            String parent = p.path("parentId").asString("");
            if (p.has("version")) versions.put(parent.toLowerCase(Locale.ROOT), p.get("version").asString());
        }
        ArmToYaml inverse = new ArmToYaml();
        Set<String> taken = new HashSet<>();
        List<String> skipped = new ArrayList<>();
        int ruleCount = 0;
        int huntCount = 0;
        for (ObjectNode r : rules) {
            String kind = r.path("kind").asString("");
            String name = r.path("name").asString();
            if (!kind.equals("Scheduled") && !kind.equals("NRT")) {
                skipped.add("alert rule " + name + " \"" + r.path("properties").path("displayName").asString(name)
                        + "\" of kind " + (kind.isEmpty() ? "(none)" : kind));
                continue;
            }
            String version = versions.get(ResourceType.ALERT_RULE.resourceId(ws.resourceId(), name).toLowerCase(Locale.ROOT));
            ObjectNode yaml = inverse.toYaml(new ArmToYaml.ArmItem("Microsoft.SecurityInsights/alertRules",
                    Optional.of(kind), name, r.path("properties"), Optional.ofNullable(version)));
            write(folder.resolve("Analytic Rules"), yaml, name, taken);
            ruleCount++;
        }
        for (ObjectNode s : searches) {
            JsonNode p = s.path("properties");
            if (!ArmToYaml.isHuntingQuery(p)) continue;
            String name = s.path("name").asString();
            int bar = name.lastIndexOf('|');
            if (bar >= 0) name = name.substring(bar + 1);
            String version = versions.get(ResourceType.SAVED_SEARCH.resourceId(ws.resourceId(), name).toLowerCase(Locale.ROOT));
            ObjectNode yaml = inverse.toYaml(new ArmToYaml.ArmItem("Microsoft.OperationalInsights/workspaces/savedSearches",
                    Optional.empty(), name, p, Optional.ofNullable(version)));
            write(folder.resolve("Hunting Queries"), yaml, name, taken);
            huntCount++;
        }
        return new Result(ruleCount, huntCount, skipped);
    }

    private static void write(Path folder, ObjectNode yaml, String id, Set<String> taken) {
        String base = FileNames.fromDisplayName(yaml.path("name").asString(""), id);
        String file = base + ".yaml";
        for (int n = 2; !taken.add((folder.getFileName() + "/" + file).toLowerCase(Locale.ROOT)); n++) file = base + "-" + n + ".yaml";
        Path target = folder.resolve(file);
        try {
            Files.createDirectories(folder);
            Files.writeString(target, YamlWriter.writeChecked(yaml), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DeployException("cannot write " + target + ": " + e.getMessage());
        }
    }
}
