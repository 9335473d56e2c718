package dev.sentinelctl.vcs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The few git questions PR mode asks, answered by the git command line. The CLI is on every CI runner and
 * knows the runner's credentials, shallow clones and worktrees; a Java git library would add megabytes to
 * the jar and still disagree with it at the edges.
 */
public final class Git {

    /** Git failed or is not there; the message says what to do. */
    public static final class GitException extends RuntimeException {
        public GitException(String message) {
            super(message);
        }
    }

    private final Path top;

    private Git(Path top) {
        this.top = top;
    }

    /** The repository containing {@code dir}. */
    public static Git at(Path dir) {
        Path start = dir.toAbsolutePath().normalize();
        Path existing = start;
        while (existing != null && !existing.toFile().isDirectory()) existing = existing.getParent();
        if (existing == null) throw new GitException("no such folder: " + dir);
        Result r = run(existing, List.of("git", "rev-parse", "--show-toplevel"));
        if (r.exit != 0) {
            throw new GitException(dir + " is not inside a git repository; --changed-since needs one "
                    + "(run it in a clone, or drop --changed-since to check every file)");
        }
        return new Git(Path.of(r.out.strip()));
    }

    public Path top() {
        return top;
    }

    /** The commit a ref names; a clear error when the ref is unknown (often a shallow clone). */
    public String resolve(String ref) {
        Result r = run(top, List.of("git", "rev-parse", "--verify", "--quiet", ref + "^{commit}"));
        if (r.exit != 0) {
            throw new GitException("unknown git ref '" + ref + "'; fetch it first (in GitHub Actions use "
                    + "actions/checkout with fetch-depth: 0, or `git fetch origin main`)");
        }
        return r.out.strip();
    }

    /** Where the current branch left {@code ref}: the base a pull request is compared with. */
    public String mergeBase(String ref) {
        String commit = resolve(ref);
        Result r = run(top, List.of("git", "merge-base", commit, "HEAD"));
        return r.exit == 0 ? r.out.strip() : commit;
    }

    /** One changed path: status A, M, D or R (with the old path for R), repository-relative, '/'-separated. */
    public record Change(char status, String path, Optional<String> oldPath) {}

    /** Changes between {@code base} and the working tree, untracked files included as additions. */
    public List<Change> changesSince(String base) {
        Result r = run(top, List.of("git", "-c", "core.quotepath=off", "diff", "--name-status", "-z", "-M", base, "--"));
        if (r.exit != 0) throw new GitException("git diff failed: " + r.err.strip());
        List<Change> changes = new ArrayList<>();
        String[] parts = r.out.split("\0");
        for (int i = 0; i + 1 < parts.length; ) {
            String status = parts[i];
            if (status.isEmpty()) {
                i++;
                continue;
            }
            char s = status.charAt(0);
            if (s == 'R' || s == 'C') {
                changes.add(new Change(s == 'R' ? 'R' : 'A', parts[i + 2], s == 'R' ? Optional.of(parts[i + 1]) : Optional.empty()));
                i += 3;
            } else {
                changes.add(new Change(s == 'T' ? 'M' : s, parts[i + 1], Optional.empty()));
                i += 2;
            }
        }
        Result untracked = run(top, List.of("git", "-c", "core.quotepath=off", "ls-files", "-z", "--others", "--exclude-standard"));
        for (String p : untracked.out.split("\0")) {
            if (!p.isEmpty()) changes.add(new Change('A', p, Optional.empty()));
        }
        return changes;
    }

    /** A file's bytes at a commit, or empty when it did not exist there. */
    public Optional<byte[]> show(String commit, String path) {
        Result r = runBytes(top, List.of("git", "show", commit + ":" + path));
        return r.exit == 0 ? Optional.of(r.bytes) : Optional.empty();
    }

    private record Result(int exit, String out, String err, byte[] bytes) {}

    private static Result run(Path dir, List<String> command) {
        return runBytes(dir, command);
    }

    private static Result runBytes(Path dir, List<String> command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(p.getErrorStream(), err));
            errReader.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new GitException("git " + String.join(" ", command.subList(1, command.size())) + " did not finish in 120 s");
            }
            errReader.join();
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), out);
        } catch (IOException e) {
            throw new GitException("cannot run git (" + e.getMessage() + "); install git or drop --changed-since");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("interrupted while running git");
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // stderr is only used for messages; losing it loses nothing essential
        }
    }
}
