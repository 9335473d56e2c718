package dev.sentinelctl.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where a checked file sits relative to the path the user named, for mirroring folders in output. */
final class ContentBuildInputs {
    private ContentBuildInputs() {}

    /** The path of {@code displayPath} relative to the root that contains it, with forward slashes. */
    static String relative(String displayPath, List<Path> roots) {
        Path file = Path.of(displayPath).toAbsolutePath().normalize();
        Path best = null;
        for (Path root : roots) {
            Path r = root.toAbsolutePath().normalize();
            if (Files.isRegularFile(r)) {
                if (r.equals(file)) return file.getFileName().toString();
                continue;
            }
            if (file.startsWith(r) && (best == null || r.getNameCount() > best.getNameCount())) best = r;
        }
        if (best == null) return file.getFileName().toString();
        String rel = best.relativize(file).toString().replace('\\', '/');
        // Several roots: keep each root's name so their files cannot collide.
        if (roots.size() > 1 && best.getFileName() != null) rel = best.getFileName() + "/" + rel;
        return rel;
    }
}
