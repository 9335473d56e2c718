package dev.sentinelctl.arm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The repository name recorded as the source of deployed content: {@code owner/repo} from the git remote
 * {@code origin} of the repository holding the content, else the repository's (or folder's) name. Read from
 * {@code .git/config} directly: no git process, no network.
 */
public final class SourceName {
    private SourceName() {}

    public static String detect(Path content) {
        Path dir = content.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) dir = dir.getParent();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path git = d.resolve(".git");
            if (Files.exists(git)) {
                return remote(git).orElse(name(d));
            }
        }
        return name(dir);
    }

    private static String name(Path dir) {
        return dir == null || dir.getFileName() == null ? "sentinelctl" : dir.getFileName().toString();
    }

    private static Optional<String> remote(Path git) {
        try {
            Path config = git.resolve("config");
            if (Files.isRegularFile(git)) {
                // a worktree: ".git" names the worktree's git dir, whose "commondir" holds the shared config
                String line = Files.readString(git).trim();
                if (!line.startsWith("gitdir:")) return Optional.empty();
                Path gitDir = git.getParent().resolve(line.substring(7).trim()).normalize();
                Path common = gitDir.resolve("commondir");
                Path base = Files.isRegularFile(common) ? gitDir.resolve(Files.readString(common).trim()).normalize() : gitDir;
                config = base.resolve("config");
            }
            if (!Files.isRegularFile(config)) return Optional.empty();
            return originOf(Files.readAllLines(config));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<String> originOf(List<String> config) {
        boolean inOrigin = false;
        for (String raw : config) {
            String line = raw.trim();
            if (line.startsWith("[")) inOrigin = line.replace(" ", "").equals("[remote\"origin\"]");
            else if (inOrigin && line.startsWith("url")) {
                int eq = line.indexOf('=');
                if (eq < 0) continue;
                String url = line.substring(eq + 1).trim();
                if (url.endsWith(".git")) url = url.substring(0, url.length() - 4);
                url = url.replace(':', '/').replace('\\', '/');
                String[] parts = url.split("/");
                int n = parts.length;
                // Azure DevOps: …/<project>/_git/<repo>
                if (n >= 3 && parts[n - 2].equals("_git")) return Optional.of(parts[n - 3] + "/" + parts[n - 1]);
                if (n >= 2 && !parts[n - 1].isEmpty()) return Optional.of(parts[n - 2] + "/" + parts[n - 1]);
            }
        }
        return Optional.empty();
    }
}
