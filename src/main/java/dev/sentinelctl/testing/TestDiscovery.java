package dev.sentinelctl.testing;

import dev.sentinelctl.content.ContentScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Pairs content files with their tests files: {@code X.yaml} is tested by {@code X.tests.yaml} (or {@code .tests.yml})
 * in the same folder. A tests file without its item is an orphan.
 */
public final class TestDiscovery {

    /** A content file and its tests file when it has one. */
    public record Pair(ContentScanner.ContentFile item, Optional<Path> tests) {}

    public record Found(List<Pair> pairs, List<Path> orphans) {}

    public static boolean isTestsFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tests.yaml") || name.endsWith(".tests.yml");
    }

    /** The tests file of a content file, if it exists. */
    public static Optional<Path> testsFileOf(Path item) {
        String name = item.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        for (String ext : List.of(".tests.yaml", ".tests.yml")) {
            Path candidate = item.resolveSibling(base + ext);
            if (Files.isRegularFile(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** The content file a tests file belongs to, if it exists. */
    static Optional<Path> itemOf(Path tests) {
        String name = tests.getFileName().toString();
        String base = name.substring(0, name.toLowerCase(Locale.ROOT).lastIndexOf(".tests."));
        for (String ext : List.of(".yaml", ".yml")) {
            Path candidate = tests.resolveSibling(base + ext);
            if (Files.isRegularFile(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    public Found find(List<Path> roots) {
        List<Path> itemRoots = new ArrayList<>();
        Set<Path> testsFiles = new LinkedHashSet<>();
        List<Path> orphans = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root) && isTestsFile(root)) {
                Optional<Path> item = itemOf(root);
                if (item.isPresent()) itemRoots.add(item.get());
                else orphans.add(root);
            } else {
                itemRoots.add(root);
                if (Files.isDirectory(root)) testsFiles.addAll(walkTests(root));
            }
        }
        List<Pair> pairs = new ArrayList<>();
        Set<Path> claimed = new LinkedHashSet<>();
        for (ContentScanner.ContentFile f : new ContentScanner().scan(itemRoots).files()) {
            Optional<Path> tests = testsFileOf(f.path());
            tests.ifPresent(t -> claimed.add(t.toAbsolutePath().normalize()));
            pairs.add(new Pair(f, tests));
        }
        for (Path t : testsFiles) {
            if (!claimed.contains(t.toAbsolutePath().normalize())) orphans.add(t);
        }
        return new Found(pairs, orphans);
    }

    private static List<Path> walkTests(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> Files.isRegularFile(p) && isTestsFile(p) && !hidden(root, p)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean hidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            String s = part.toString();
            if (s.startsWith(".") || s.equals("target") || s.equals("node_modules")) return true;
        }
        return false;
    }
}
