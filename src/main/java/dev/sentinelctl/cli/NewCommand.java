package dev.sentinelctl.cli;

import dev.sentinelctl.content.FileNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sentinelctl new}: writes a valid skeleton with a fresh id where the content tree keeps that kind. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Write a new hunting query or analytic rule skeleton with a fresh GUID.",
        footer = {"", "Examples:", "  sentinelctl new hunting-query \"Rare parent processes\" --table DeviceProcessEvents",
                "  sentinelctl new analytic-rule \"Mass download\" --kind NRT --table OfficeActivity"})
public final class NewCommand implements Callable<Integer> {

    public enum Type { hunting_query, analytic_rule }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TYPE", description = "hunting-query or analytic-rule.")
    String type;

    @Parameters(index = "1", paramLabel = "NAME", description = "Display name; the file name is made from it.")
    String name;

    @Option(names = "--kind", defaultValue = "Scheduled", description = "Analytic rule kind: Scheduled or NRT (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--table", defaultValue = "SecurityEvent", description = "Table the query reads; also names the sub-folder (default: ${DEFAULT-VALUE}).")
    String table;

    @Option(names = "--root", defaultValue = "content", description = "Content root (default: ${DEFAULT-VALUE}).")
    Path root;

    @Override
    public Integer call() {
        String t = type.toLowerCase(Locale.ROOT).replace('_', '-');
        boolean rule = switch (t) {
            case "analytic-rule", "rule" -> true;
            case "hunting-query", "hunting" -> false;
            default -> throw new UserException("unknown content type '" + type + "': use hunting-query or analytic-rule");
        };
        String k = kind.toLowerCase(Locale.ROOT);
        if (!k.equals("scheduled") && !k.equals("nrt")) throw new UserException("--kind must be Scheduled or NRT, not '" + kind + "'");
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new UserException("--table must be a table name, not '" + table + "'");
        if (name.isBlank()) throw new UserException("NAME must not be empty");
        String fileName = FileNames.fromDisplayName(name, "NewContent") + ".yaml";
        Path dir = root.resolve(rule ? "Detections" : "Hunting Queries").resolve(table);
        Path file = dir.resolve(fileName);
        if (Files.exists(file)) throw new UserException(file + " already exists; choose another name");
        String text = rule ? ruleSkeleton(k.equals("nrt")) : huntingSkeleton();
        try {
            Files.createDirectories(dir);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException("cannot write " + file + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println("Wrote " + file);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private String quotedName() {
        return "'" + name.replace("'", "''") + "'";
    }

    private String huntingSkeleton() {
        return "id: " + UUID.randomUUID() + "\n"
                + "name: " + quotedName() + "\n"
                + "description: |\n  Describe what this hunting query looks for and why it matters.\n"
                + "requiredDataConnectors: []\n"
                + "tactics: []\n"
                + "relevantTechniques: []\n"
                + "query: |\n  " + table + "\n  | where TimeGenerated > ago(7d)\n  | take 100\n"
                + "version: 1.0.0\n";
    }

    private String ruleSkeleton(boolean nrt) {
        StringBuilder sb = new StringBuilder();
        sb.append("id: ").append(UUID.randomUUID()).append('\n')
                .append("name: ").append(quotedName()).append('\n')
                .append("description: |\n  Describe what this rule detects and how an analyst should respond.\n")
                .append("severity: Medium\n")
                .append("kind: ").append(nrt ? "NRT" : "Scheduled").append('\n');
        if (!nrt) {
            sb.append("requiredDataConnectors: []\n")
                    .append("queryFrequency: 1h\nqueryPeriod: 1h\ntriggerOperator: gt\ntriggerThreshold: 0\n");
        }
        sb.append("tactics: []\nrelevantTechniques: []\n")
                .append("query: |\n  ").append(table).append('\n')
                .append(nrt ? "" : "  | where TimeGenerated > ago(1h)\n")
                .append("  | summarize Count = count() by Computer = tostring(_ResourceId)\n")
                .append("entityMappings:\n  - entityType: Host\n    fieldMappings:\n      - identifier: FullName\n        columnName: Computer\n")
                .append("eventGroupingSettings:\n  aggregationKind: SingleAlert\n")
                .append("version: 1.0.0\n");
        return sb.toString();
    }
}
