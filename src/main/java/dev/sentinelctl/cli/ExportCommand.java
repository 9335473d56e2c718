package dev.sentinelctl.cli;

import dev.sentinelctl.content.FileNames;
import dev.sentinelctl.arm.ArmToYaml;
import dev.sentinelctl.arm.YamlWriter;
import dev.sentinelctl.deploy.ArmCallException;
import dev.sentinelctl.deploy.ArmRest;
import dev.sentinelctl.deploy.ResourceType;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import java.io.IOException;
import java.io.PrintWriter;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code sentinelctl export}: a workspace's analytic rules (Scheduled, NRT) and hunting queries as content YAML, by
 * the same inverse mapping as {@code import} ({@link ArmToYaml}, {@link YamlWriter}). Other rule kinds (Fusion, ML,
 * Microsoft security incident creation, threat intelligence) have no content format and are listed as skipped.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a workspace's analytic rules and hunting queries to YAML files that pass check:",
            "OUT/Analytic Rules/<Name>.yaml and OUT/Hunting Queries/<Name>.yaml."},
        footer = {"", "Example:", "  sentinelctl export --config sentinelctl.yaml --workspace prod --out content-prod"})
public final class ExportCommand extends EnvironmentCommand implements Callable<Integer> {
    @Mixin
    DeployOptions deploy;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the YAML files to.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (deploy.workspaces.size() != 1) throw new UserException("export needs exactly one --workspace NAME");
        DeployRun run = new DeployRun(deploy, env);
        WorkspaceConfig ws = run.workspaces.get(0);
        ArmRest arm = run.arm(ws);
        List<ObjectNode> rules;
        List<ObjectNode> searches;
        Map<String, String> versions = new HashMap<>();
        try {
            rules = arm.list(ResourceType.ALERT_RULE.collectionId(ws.resourceId()), ResourceType.ALERT_RULE.apiVersion());
            searches = arm.list(ResourceType.SAVED_SEARCH.collectionId(ws.resourceId()), ResourceType.SAVED_SEARCH.apiVersion());
            for (ObjectNode m : arm.list(ResourceType.METADATA.collectionId(ws.resourceId()), ResourceType.METADATA.apiVersion())) {
                JsonNode p = m.path("properties");
                String parent = p.path("parentId").asString("");
                if (p.has("version")) versions.put(parent.toLowerCase(Locale.ROOT), p.get("version").asString());
            }
        } catch (ArmCallException e) {
            throw new UserException("workspace '" + ws.name() + "': cannot read its resources: " + e.describe());
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
            write("Analytic Rules", yaml, name, taken);
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
            write("Hunting Queries", yaml, name, taken);
            huntCount++;
        }
        for (String s : skipped) stdout.println("skipped " + s + " (no content format for this kind)");
        stdout.println("Exported " + ruleCount + " analytic rule" + (ruleCount == 1 ? "" : "s") + " and " + huntCount
                + " hunting quer" + (huntCount == 1 ? "y" : "ies") + " from " + ws.name() + " to " + out
                + (skipped.isEmpty() ? "" : "; skipped " + skipped.size()));
        stdout.flush();
        err.flush();
        return ExitCodes.OK;
    }

    private void write(String folder, ObjectNode yaml, String id, Set<String> taken) {
        String base = FileNames.fromDisplayName(yaml.path("name").asString(""), id);
        String file = base + ".yaml";
        for (int n = 2; !taken.add((folder + "/" + file).toLowerCase(Locale.ROOT)); n++) file = base + "-" + n + ".yaml";
        Path target = out.resolve(folder).resolve(file);
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, YamlWriter.writeChecked(yaml), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException("cannot write " + target + ": " + e.getMessage());
        }
    }
}
