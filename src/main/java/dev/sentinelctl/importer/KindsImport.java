package dev.sentinelctl.importer;

import dev.sentinelctl.arm.YamlWriter;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.FileNames;
import dev.sentinelctl.content.GraphDetectionJson;
import dev.sentinelctl.content.Watchlist;
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
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import dev.sentinelctl.deploy.kinds.customdetection.CustomDetectionKind;

/**
 * Imports parsers (the four Azure-Sentinel dialects), watchlists (Azure-Sentinel ARM templates with inline
 * {@code rawContent}) and Defender XDR custom detections (Microsoft Graph JSON) into sentinelctl's native forms under an output folder, keeping each file's path relative to
 * the root it was found under. Files that are neither are left alone (ARM rules are {@link dev.sentinelctl.arm.ArmImport}'s).
 */
public final class KindsImport {
    private static final long MAX_BYTES = 16L * 1024 * 1024;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final YamlLoader loader = new YamlLoader();

    public record Written(Path file, ContentKind kind, String source, String alias) {}

    /**
     * Something that stopped or changed an import; {@code failed} means nothing was written for the source, {@code info}
     * that it is only a note (server fields left out on purpose).
     */
    public record Problem(String file, String message, boolean failed, boolean info) {
        public Problem(String file, String message, boolean failed) {
            this(file, message, failed, false);
        }
    }

    public record Outcome(List<Written> written, List<Problem> problems) {
        public long count(ContentKind kind) {
            return written.stream().filter(w -> w.kind() == kind).count();
        }
    }

    public Outcome run(List<Path> roots, Path outDir) {
        List<Written> written = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Path root : roots) {
            for (Path file : files(root)) {
                Path base = Files.isRegularFile(root) ? (root.getParent() == null ? Path.of("") : root.getParent()) : root;
                String rel = base.relativize(file).toString().replace('\\', '/');
                String display = file.toString().replace('\\', '/');
                try {
                    if (Files.size(file) > MAX_BYTES) {
                        problems.add(new Problem(display, "file over " + MAX_BYTES + " bytes; not read", true));
                        continue;
                    }
                    importFile(file, display, rel, outDir, written, problems, taken);
                } catch (IOException e) {
                    problems.add(new Problem(display, "cannot read: " + e.getMessage(), true));
                }
            }
        }
        return new Outcome(written, problems);
    }

    private void importFile(Path file, String display, String rel, Path outDir, List<Written> written,
                            List<Problem> problems, Set<String> taken) throws IOException {
        String lower = rel.toLowerCase(Locale.ROOT);
        String stem = stem(file.getFileName().toString());
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            YamlLoader.Result loaded = loader.load(file, display);
            if (loaded.document().isEmpty()) {
                if (looksLikeParser(file)) problems.add(new Problem(display, "not readable YAML: "
                        + (loaded.diagnostics().isEmpty() ? "empty" : loaded.diagnostics().get(0).message()), true));
                return;
            }
            Optional<ParserDialects.Converted> c = ParserDialects.fromYaml(loaded.document().get().root(), stem);
            if (c.isEmpty()) return;
            write(c.get(), display, withoutExtension(rel) + ".yaml", outDir, written, problems, taken);
        } else if (lower.endsWith(".kql") || lower.endsWith(".csl") || (lower.endsWith(".txt") && looksLikeParser(file) && !isNotes(stem))) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                problems.add(new Problem(display, "empty file: no query to import", true));
                return;
            }
            write(ParserDialects.fromLegacyText(text, stem), display, withoutExtension(rel) + ".yaml", outDir, written, problems, taken);
        } else if (lower.endsWith(".json")) {
            JsonNode root;
            try {
                root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            } catch (JacksonException e) {
                return; // not ours to report: ArmImport reads the JSON files too
            }
            List<ObjectNode> detections = GraphDetectionJson.detectionRules(root);
            if (!detections.isEmpty()) {
                detections(detections, display, rel, outDir, written, problems, taken);
                return;
            }
            List<WatchlistArm.Found> found = WatchlistArm.read(root);
            String dir = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : stem;
            for (WatchlistArm.Found w : found) {
                String folder = found.size() == 1 ? dir : dir + "/" + w.alias();
                if (!taken.add(folder.toLowerCase(Locale.ROOT))) folder = folder + "-" + w.alias();
                Path meta = outDir.resolve(folder).resolve("watchlist.yaml");
                Files.createDirectories(meta.getParent());
                Files.writeString(meta, YamlWriter.writeChecked(w.yaml()), StandardCharsets.UTF_8);
                Files.writeString(meta.resolveSibling(Watchlist.CSV_FILE), w.csv(), StandardCharsets.UTF_8);
                written.add(new Written(meta, ContentKind.WATCHLIST, display, w.alias()));
                for (String n : w.notes()) problems.add(new Problem(display, "watchlist " + w.alias() + ": " + n, false));
            }
        }
    }

    /**
     * Graph custom detections (one {@code detectionRule}, or a {@code {"value": [...]}} page) to custom detection YAML by
     * the kind's own inverse mapping, the same one {@code export} uses: one file, or a folder of files named by display name.
     */
    private static void detections(List<ObjectNode> rules, String display, String rel, Path outDir, List<Written> written,
                                   List<Problem> problems, Set<String> taken) throws IOException {
        for (int i = 0; i < rules.size(); i++) {
            ObjectNode rule = rules.get(i);
            CustomDetectionKind.FromGraph g = CustomDetectionKind.INSTANCE.fromGraph(rule);
            String name = rule.path("displayName").asString("");
            String where = rules.size() == 1 ? "" : "value[" + i + "] (" + (name.isEmpty() ? "no displayName" : name) + "): ";
            String base = rules.size() == 1 ? withoutExtension(rel)
                    : withoutExtension(rel) + "/" + FileNames.fromDisplayName(name, g.yaml().path("id").asString());
            String target = base + ".yaml";
            for (int n = 2; !taken.add(target.toLowerCase(Locale.ROOT)); n++) target = base + "-" + n + ".yaml";
            Path out = outDir.resolve(target);
            Files.createDirectories(out.getParent());
            Files.writeString(out, YamlWriter.writeChecked(g.yaml()), StandardCharsets.UTF_8);
            written.add(new Written(out, ContentKind.CUSTOM_DETECTION, display, g.yaml().path("id").asString()));
            if (!g.dropped().isEmpty()) {
                problems.add(new Problem(display, where + "left out Graph's server fields " + String.join(", ", g.dropped())
                        + " (Graph sets them; the content keeps what is deployed)", false, true));
            }
        }
    }

    private static void write(ParserDialects.Converted c, String display, String target, Path outDir, List<Written> written,
                              List<Problem> problems, Set<String> taken) {
        String t = target;
        int n = 2;
        while (!taken.add(t.toLowerCase(Locale.ROOT))) t = withoutExtension(target) + "-" + n++ + ".yaml";
        Path out = outDir.resolve(t);
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, YamlWriter.writeChecked(c.yaml()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        written.add(new Written(out, ContentKind.PARSER, display, c.alias()));
        for (String note : c.notes()) problems.add(new Problem(display, note, false));
    }

    /** Parser folders also hold read-me and note files as .txt (Azure-Sentinel's test/readme.txt files). */
    private static boolean isNotes(String stem) {
        String s = stem.toLowerCase(Locale.ROOT);
        return s.startsWith("readme") || s.startsWith("note") || s.startsWith("license") || s.startsWith("changelog");
    }

    private static boolean looksLikeParser(Path file) {
        return inParserFolder(file.toAbsolutePath().normalize().toString().replace('\\', '/').toLowerCase(Locale.ROOT));
    }

    /** Plain {@code .txt} files are parsers only in parser folders (Azure-Sentinel keeps READMEs and notes as .txt too). */
    private static boolean inParserFolder(String lowerPath) {
        return lowerPath.contains("parsers/") || lowerPath.contains("functions/") || lowerPath.startsWith("parsers")
                || lowerPath.startsWith("functions");
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    private static String withoutExtension(String rel) {
        int dot = rel.lastIndexOf('.');
        int slash = rel.lastIndexOf('/');
        return dot > slash ? rel.substring(0, dot) : rel;
    }

    private static List<Path> files(Path root) {
        List<Path> out = new ArrayList<>();
        if (Files.isRegularFile(root)) return List.of(root);
        try {
            // links followed: a folder of links to the files to import is a normal way to pick them
            Files.walkFileTree(root, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    return !dir.equals(root) && n.startsWith(".") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) out.add(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(null);
        return out;
    }
}
