package dev.sentinelctl.arm.repositories;

import dev.sentinelctl.arm.ArmImport;
import dev.sentinelctl.content.playbook.PlaybookFiles;
import dev.sentinelctl.content.playbook.RepositoriesConfigFile;
import dev.sentinelctl.report.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves a Microsoft Sentinel Repositories repository onto sentinelctl without losing its settings: the files
 * Repositories would deploy (its own file rules: {@code *.json} but not parameter or metadata files, not what
 * {@code excludecontentfiles} excludes) are taken over — playbooks as they are with their parameter files and
 * {@code sentinel-deployment.config} (whose mappings sentinelctl reads itself), analytic rules and hunting queries
 * converted to YAML by {@code import} — and everything else is reported with why: priorities (sentinelctl orders
 * by dependencies), Bicep, types sentinelctl does not deploy yet, and what the tracking tables say was not yet
 * deployed by Repositories.
 */
public final class RepositoriesImport {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One file or setting and what became of it. */
    public record Line(String path, String what) {
    }

    /**
     * @param taken       files taken over (path in the repository → what they became)
     * @param notTaken    files and settings not taken over, with why
     * @param tracking    what each tracking table says about the files today
     * @param rules       the conversion of rule and hunting-query templates (its problems are reported as import's)
     * @param diagnostics problems reading the config or the tables
     */
    public record Outcome(List<Line> taken, List<Line> notTaken, List<Line> tracking, ArmImport.Outcome rules,
            List<Diagnostic> diagnostics) {
    }

    public Outcome run(Path repository, Path out) {
        RepositoriesConfigFile.Read config = RepositoriesConfigFile.read(repository.resolve(PlaybookFiles.CONFIG), PlaybookFiles.CONFIG);
        List<Diagnostic> diagnostics = new ArrayList<>(config.diagnostics());
        List<Line> taken = new ArrayList<>();
        List<Line> notTaken = new ArrayList<>();
        List<Path> ruleTemplates = new ArrayList<>();
        TreeSet<String> mappedFiles = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        config.mappings().values().forEach(m -> m.values().forEach(v -> mappedFiles.add(v.replace('\\', '/'))));
        for (Path file : candidates(repository)) {
            String rel = repository.relativize(file).toString().replace('\\', '/');
            if (rel.toLowerCase(Locale.ROOT).endsWith(".bicep")) {
                notTaken.add(new Line(rel, "Bicep: sentinelctl reads JSON templates; build it with `bicep build` and import the JSON"));
                continue;
            }
            if (matchesPrefix(rel, config.excluded())) {
                notTaken.add(new Line(rel, "excluded by excludecontentfiles: not taken over"));
                continue;
            }
            if (mappedFiles.contains(rel)) continue; // a parameter file, copied with its template
            JsonNode root;
            try {
                root = JSON.readTree(Files.readString(file));
            } catch (IOException | RuntimeException e) {
                notTaken.add(new Line(rel, "not readable as JSON; Repositories would fail on it too"));
                continue;
            }
            List<String> types = new ArrayList<>();
            JsonNode resources = root.path("resources");
            resources.values().forEach(r -> types.add(r.path("type").asString("")));
            List<String> refused = RepositoriesTypes.refused(types);
            if (PlaybookFiles.looksLikePlaybook(root)) {
                copyWithParameters(repository, file, out);
                taken.add(new Line(rel, "playbook, copied with its parameter files"
                        + (refused.isEmpty() ? "" : " (Repositories skipped it for " + String.join(", ", refused)
                        + "; sentinelctl deploys it)")));
                continue;
            }
            List<String> kinds = types.stream().map(t -> RepositoriesTypes.contentTypeOf(t).orElse("?")).distinct().toList();
            if (!refused.isEmpty()) {
                notTaken.add(new Line(rel, "resource types Repositories does not deploy (" + String.join(", ", refused) + ")"));
            } else if (kinds.stream().allMatch(k -> k.equals("AnalyticsRule") || k.equals("HuntingQuery") || k.equals("Parser"))) {
                ruleTemplates.add(file);
            } else {
                notTaken.add(new Line(rel, String.join(", ", kinds) + " content: not deployed by sentinelctl on this "
                        + "version (see docs/deploying-kinds.md); keep deploying it with Repositories or move it later"));
            }
        }
        ArmImport.Outcome rules = new ArmImport().run(ruleTemplates, out);
        for (Path p : ruleTemplates) {
            taken.add(new Line(repository.relativize(p).toString().replace('\\', '/'), "converted to YAML (analytic rules, "
                    + "hunting queries; saved searches of other categories are reported by import)"));
        }
        if (Files.isRegularFile(repository.resolve(PlaybookFiles.CONFIG))) {
            copy(repository.resolve(PlaybookFiles.CONFIG), out.resolve(PlaybookFiles.CONFIG));
            taken.add(new Line(PlaybookFiles.CONFIG, "copied: sentinelctl reads its parameterfilemappings for playbooks "
                    + "(keyed by the workspace's resource name; Repositories keys them by workspace id, re-key them)"));
        }
        for (String p : config.prioritized()) {
            notTaken.add(new Line(p, "prioritizedcontentfiles: not needed, sentinelctl orders a plan by the dependencies "
                    + "found in the content (watchlists, parsers, rules, playbooks, automation rules)"));
        }
        for (String k : config.ignoredKeys()) notTaken.add(new Line(PlaybookFiles.CONFIG + ": " + k, "ignored by Repositories too"));
        List<Line> tracking = tracking(repository, diagnostics);
        return new Outcome(taken, notTaken, tracking, rules, diagnostics);
    }

    /** Per tracking table: how many files are as Repositories last deployed them, which changed, which are gone. */
    private static List<Line> tracking(Path repository, List<Diagnostic> diagnostics) {
        List<Line> out = new ArrayList<>();
        Path dir = repository.resolve(".sentinel");
        if (!Files.isDirectory(dir)) return out;
        try (var files = Files.list(dir)) {
            for (Path t : files.sorted().toList()) {
                String name = t.getFileName().toString();
                if (!name.toLowerCase(Locale.ROOT).matches("tracking_table_.*\\.csv")) continue;
                TrackingTable.Read table = TrackingTable.read(t, ".sentinel/" + name);
                diagnostics.addAll(table.diagnostics());
                int same = 0;
                for (Map.Entry<String, String> row : table.rows().entrySet()) {
                    Path f = repository.resolve(row.getKey());
                    if (!Files.isRegularFile(f)) {
                        out.add(new Line(row.getKey(), "in " + name + " but gone from the repository"));
                    } else if (!GitBlob.sha1(Files.readAllBytes(f)).equals(row.getValue())) {
                        out.add(new Line(row.getKey(), "changed since Repositories last deployed it (" + name + "): the "
                                + "first sentinelctl plan shows the difference"));
                    } else {
                        same++;
                    }
                }
                out.add(new Line(".sentinel/" + name, same + " of " + table.rows().size() + " files as Repositories last deployed them"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Repositories' file rules: *.json and *.bicep, not parameter, metadata or bicepconfig files; hidden folders skipped. */
    static List<Path> candidates(Path root) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    return !dir.equals(root) && n.startsWith(".") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    boolean template = n.endsWith(".json") || n.endsWith(".bicep");
                    if (template && !n.endsWith("metadata.json") && !n.contains(".parameters") && !n.equals("bicepconfig.json")) {
                        out.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + ": " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    private static boolean matchesPrefix(String rel, List<String> prefixes) {
        String r = rel.toLowerCase(Locale.ROOT);
        return prefixes.stream().map(p -> p.replace('\\', '/').replaceFirst("^\\./", "").toLowerCase(Locale.ROOT))
                .anyMatch(p -> !p.isEmpty() && r.startsWith(p));
    }

    private static void copyWithParameters(Path repository, Path template, Path out) {
        Path rel = repository.relativize(template);
        copy(template, out.resolve(rel));
        String base = template.getFileName().toString().replaceFirst("(?i)\\.json$", "").toLowerCase(Locale.ROOT);
        try (var siblings = Files.list(template.getParent())) {
            for (Path f : siblings.toList()) {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (n.startsWith(base + ".parameters") && n.endsWith(".json")) copy(f, out.resolve(rel).resolveSibling(f.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + template.getParent() + ": " + e.getMessage(), e);
        }
        // parameter files the config maps elsewhere keep their place, so the copied config still finds them
        RepositoriesConfigFile.Read config = RepositoriesConfigFile.read(repository.resolve(PlaybookFiles.CONFIG), PlaybookFiles.CONFIG);
        String relText = rel.toString().replace('\\', '/');
        for (Map<String, String> m : config.mappings().values()) {
            m.forEach((t, p) -> {
                if (t.replace('\\', '/').equalsIgnoreCase(relText) && Files.isRegularFile(repository.resolve(p))) {
                    copy(repository.resolve(p), out.resolve(p));
                }
            });
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.toAbsolutePath().getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }
}
