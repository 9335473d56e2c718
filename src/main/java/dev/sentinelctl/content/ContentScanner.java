package dev.sentinelctl.content;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the content files under the paths a user names: {@code .yaml}/{@code .yml} files, skipping hidden
 * folders, build output and sentinelctl's own configuration files.
 */
public final class ContentScanner {
    private static final Set<String> SKIPPED_DIRS = Set.of("node_modules", "target", "build", "out");
    private static final Set<String> CONFIG_FILES = Set.of(".sentinelctl.yaml", ".sentinelctl.yml", "sentinelctl.yaml",
            "sentinelctl.yml", "sentinelctl-deploy.yaml", "sentinelctl-deploy.yml", "workspaces.yaml", "workspaces.yml", "fleet.yaml", "fleet.yml");

    /** A file to check, with the path shown to the user (relative as given). */
    public record ContentFile(Path path, String displayPath) {}

    public record Scan(List<ContentFile> files, List<String> missing) {}

    public Scan scan(List<Path> roots) {
        List<ContentFile> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                missing.add(root.toString());
            } else if (Files.isRegularFile(root)) {
                files.add(new ContentFile(root, display(root)));
            } else {
                walk(root, files);
            }
        }
        files.sort((a, b) -> a.displayPath().compareTo(b.displayPath()));
        return new Scan(List.copyOf(files), List.copyOf(missing));
    }

    private static void walk(Path root, List<ContentFile> files) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean hidden = name.startsWith(".") && !dir.equals(root) && !name.equals(".") && !name.equals("..");
                    return hidden || (SKIPPED_DIRS.contains(name) && !dir.equals(root))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isContentFile(file)) files.add(new ContentFile(file, display(file)));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    files.add(new ContentFile(file, display(file)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            files.add(new ContentFile(root, display(root)));
        }
    }

    static boolean isContentFile(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("watchlist.json")) return true; // Sentinel-As-Code's watchlist metadata file
        if (lower.endsWith(".json")) {
            // JSON is content only in another dialect (ARM templates, REST bodies, PowerShell exports), which check
            // names; Repositories' own exclusions keep parameter and metadata files out
            return !lower.contains(".parameters") && !lower.endsWith("metadata.json") && !lower.startsWith("package")
                    && !lower.equals("tsconfig.json");
        }
        // X.tests.yaml holds the detection tests of X.yaml (sentinelctl test), not content.
        boolean tests = lower.endsWith(".tests.yaml") || lower.endsWith(".tests.yml");
        return (lower.endsWith(".yaml") || lower.endsWith(".yml")) && !CONFIG_FILES.contains(lower) && !tests;
    }

    private static String display(Path p) {
        String s = p.normalize().toString().replace('\\', '/');
        return s.startsWith("./") ? s.substring(2) : s;
    }
}
