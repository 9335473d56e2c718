package dev.sentinelctl.arm;

import dev.sentinelctl.content.FileNames;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.Dialect;
import dev.sentinelctl.content.YamlLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports ARM files into a folder of YAML content. Where each item goes: the file its sidecar names (so
 * {@code build}'s output comes back where it came from); else, for a template with one item, the template's
 * path with {@code .yaml}; else {@code <template>/<Analytic Rules|Hunting Queries>/<Name>.yaml}.
 */
public final class ArmImport {
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public record WrittenItem(Path file, ArmImporter.Imported item) {}

    public record Outcome(List<WrittenItem> written, List<ArmImporter.Problem> problems, int templates, int ignoredResources) {}

    private final ArmImporter importer = new ArmImporter();

    /** The JSON files under the paths (files as given; folders walked, hidden folders skipped). */
    public static List<Path[]> jsonFiles(List<Path> roots) {
        List<Path[]> out = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                out.add(new Path[] {root, root.getParent() == null ? Path.of("") : root.getParent()});
                continue;
            }
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
                        // Repositories' own exclusions: parameter files and metadata files are not content. YAML is
                        // read too: rules kept as ARM properties in YAML are imported, Azure-Sentinel YAML is left alone.
                        if ((n.endsWith(".json") && !n.contains(".parameters") && !n.endsWith("metadata.json"))
                                || n.endsWith(".yaml") || n.endsWith(".yml")) {
                            out.add(new Path[] {file, root});
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.sort((a, b) -> a[0].toString().compareTo(b[0].toString()));
        return out;
    }

    public Outcome run(List<Path> roots, Path outDir) {
        List<WrittenItem> written = new ArrayList<>();
        List<ArmImporter.Problem> problems = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        int ignored = 0;
        List<Path[]> files = jsonFiles(roots);
        int read = 0;
        for (Path[] f : files) {
            String display = f[0].toString().replace('\\', '/');
            boolean yaml = !display.toLowerCase(Locale.ROOT).endsWith(".json");
            JsonNode root;
            try {
                if (Files.size(f[0]) > MAX_BYTES) {
                    problems.add(new ArmImporter.Problem(display, "$", "file over " + MAX_BYTES + " bytes; not read", ArmImporter.Level.FAILED));
                    continue;
                }
                if (yaml) {
                    var loaded = new YamlLoader().load(f[0], display);
                    if (loaded.document().isEmpty()) continue; // not readable YAML: check reports it where it belongs
                    root = loaded.document().get().root();
                } else {
                    root = MAPPER.readTree(Files.readString(f[0], StandardCharsets.UTF_8));
                }
            } catch (IOException | JacksonException e) {
                problems.add(new ArmImporter.Problem(display, "$", "not valid JSON: " + firstLine(e.getMessage()), ArmImporter.Level.FAILED));
                continue;
            }
            // Graph's custom detections are KindsImport's (their displayName would read as an alert rule's properties).
            if (!yaml && !dev.sentinelctl.content.GraphDetectionJson.detectionRules(root).isEmpty()) continue;
            java.util.Optional<Dialect> dialect = Dialect.detect(root);
            if (yaml && (dialect.isEmpty() || dialect.get() == Dialect.ARM_TEMPLATE)) continue; // Azure-Sentinel YAML already
            if (dialect.isPresent() && dialect.get() == Dialect.PARSER) continue; // KindsImport converts parsers
            read++;
            ArmImporter.Result r;
            if (!yaml && dialect.isEmpty() && GalleryWorkbooks.isGallery(root)) {
                r = GalleryWorkbooks.imported(root, f[0], display);
            } else if (dialect.isPresent() && !dialect.get().importable()) {
                problems.add(new ArmImporter.Problem(display, "$", "this file is " + dialect.get().description()
                        + "; not converted. " + dialect.get().conversionHint(display), ArmImporter.Level.UNSUPPORTED));
                continue;
            } else if (dialect.isPresent() && dialect.get() != Dialect.ARM_TEMPLATE) {
                try {
                    r = properties(root, display, problems);
                } catch (RuntimeException e) {
                    // a shape the mapping did not foresee: say so for this file and go on with the others
                    problems.add(new ArmImporter.Problem(display, "$", "cannot convert " + dialect.get().description()
                            + ": " + e.getMessage(), ArmImporter.Level.FAILED));
                    continue;
                }
            } else {
                r = importer.importDocument(root, display);
            }
            problems.addAll(r.problems());
            ignored += r.ignoredResources();
            String rel = f[1].relativize(f[0]).toString().replace('\\', '/');
            String base = packageFolder(f[0], rel);
            for (ArmImporter.Imported item : r.items()) {
                String target;
                if (item.sourceFile().isPresent() && safeRelative(item.sourceFile().get())) {
                    target = item.sourceFile().get();
                } else if (r.items().size() == 1) {
                    target = base + ".yaml";
                } else {
                    String folder = item.kind() == ContentKind.HUNTING_QUERY ? "Hunting Queries"
                            : item.kind() == ContentKind.AUTOMATION_RULE ? "Automation Rules"
                            : item.kind() == ContentKind.WORKBOOK ? "Workbooks" : "Analytic Rules";
                    target = base + "/" + folder + "/" + FileNames.fromDisplayName(item.name(), item.id()) + ".yaml";
                }
                target = unique(target, item.id(), taken);
                Path out = outDir.resolve(target);
                String text = YamlWriter.writeChecked(item.yaml());
                try {
                    Files.createDirectories(out.getParent());
                    Files.writeString(out, text, StandardCharsets.UTF_8);
                    String stem = out.getFileName().toString().replaceFirst("\\.ya?ml$", "");
                    for (var companion : item.companions().entrySet()) {
                        Files.writeString(out.resolveSibling(stem + companion.getKey()), companion.getValue(), StandardCharsets.UTF_8);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
                }
                written.add(new WrittenItem(out, item));
            }
        }
        return new Outcome(written, problems, read, ignored);
    }

    /** Rules kept as ARM properties (PascalCase or camelCase): mapped field by field, the rest kept and reported. */
    private static ArmImporter.Result properties(JsonNode root, String display, List<ArmImporter.Problem> problems) {
        List<ArmImporter.Imported> items = new ArrayList<>();
        List<PropertiesDialect.Converted> converted = PropertiesDialect.convert(root);
        for (int i = 0; i < converted.size(); i++) {
            PropertiesDialect.Converted c = converted.get(i);
            c.notes().forEach(n -> problems.add(new ArmImporter.Problem(display, n.substring(0, n.indexOf(':')),
                    n.substring(n.indexOf(':') + 2), ArmImporter.Level.UNRESOLVED)));
            c.unmapped().forEach(u -> problems.add(new ArmImporter.Problem(display, u, "no Azure-Sentinel YAML field for it; "
                    + "kept under its own name in the YAML (check reports it as an unknown field)", ArmImporter.Level.UNSUPPORTED)));
            items.add(new ArmImporter.Imported(c.kind(), c.yaml(), display, converted.size() == 1 ? "$" : "$[" + i + "]",
                    java.util.Optional.empty()));
        }
        return new ArmImporter.Result(items, List.of(), 0);
    }

    /**
     * Where a template's items go: its path without {@code .json}; for a Content Hub package
     * ({@code Solutions/X/Package/mainTemplate.json}) the solution's folder, named after the solution even
     * when the file was given alone.
     */
    static String packageFolder(Path file, String rel) {
        String lower = rel.toLowerCase(Locale.ROOT);
        String base = lower.endsWith(".json") || lower.endsWith(".yaml") ? rel.substring(0, rel.length() - 5)
                : lower.endsWith(".yml") ? rel.substring(0, rel.length() - 4) : rel;
        if (!file.getFileName().toString().equalsIgnoreCase("mainTemplate.json")) return base;
        Path dir = file.toAbsolutePath().normalize().getParent();
        if (dir != null && dir.getFileName() != null && dir.getFileName().toString().equalsIgnoreCase("Package")) {
            dir = dir.getParent();
        }
        String solution = dir == null || dir.getFileName() == null ? "mainTemplate" : dir.getFileName().toString();
        int slash = base.lastIndexOf('/');
        String parent = slash < 0 ? "" : base.substring(0, slash);
        if (parent.toLowerCase(Locale.ROOT).endsWith("/package") || parent.equalsIgnoreCase("package")) {
            int s2 = parent.lastIndexOf('/');
            parent = s2 < 0 ? "" : parent.substring(0, s2);
        }
        if (parent.endsWith("/" + solution) || parent.equals(solution)) return parent;
        return parent.isEmpty() ? solution : parent + "/" + solution;
    }

    /** A sidecar names a path relative to the content root; never let it climb out of the output folder. */
    private static boolean safeRelative(String p) {
        Path path = Path.of(p).normalize();
        return !p.isEmpty() && !path.isAbsolute() && !path.startsWith("..") && !p.contains("\\")
                && (p.endsWith(".yaml") || p.endsWith(".yml"));
    }

    private static String unique(String target, String id, Set<String> taken) {
        if (taken.add(target.toLowerCase(Locale.ROOT))) return target;
        String stem = target.substring(0, target.lastIndexOf('.'));
        String alt = stem + "-" + id.substring(0, Math.min(8, id.length())) + ".yaml";
        int n = 2;
        while (!taken.add(alt.toLowerCase(Locale.ROOT))) alt = stem + "-" + n++ + ".yaml";
        return alt;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
