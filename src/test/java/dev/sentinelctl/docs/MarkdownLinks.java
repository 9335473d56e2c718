package dev.sentinelctl.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds relative links and anchors in markdown files that do not resolve the way GitHub resolves them: the target
 * file (or folder) must exist relative to the linking file, and a {@code #anchor} into a markdown file must be one of
 * its headings' GitHub slugs (or an explicit {@code <a id|name>}). External links (any {@code scheme:}) are not
 * fetched: tests never reach the internet. Code blocks and code spans are not markdown, so links there are ignored.
 */
final class MarkdownLinks {
    record Broken(Path file, int line, int column, String target, String reason) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": broken link '" + target + "': " + reason;
        }
    }

    /** {@code [text](target)} and {@code ![alt](target "title")}; the target may be in angle brackets. */
    private static final Pattern INLINE = Pattern.compile("!?\\[(?:[^\\]\\\\]|\\\\.)*\\]\\(\\s*(<[^>]*>|[^)\\s]*)(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** {@code [label]: target} reference definitions. */
    private static final Pattern REFERENCE = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*(<[^>]*>|\\S+)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:[^>]*\\s)?(?:id|name)\\s*=\\s*\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final Map<Path, Set<String>> anchorCache = new HashMap<>();

    /** Every broken link of the given markdown files, in file and line order. */
    List<Broken> check(List<Path> files) throws IOException {
        List<Broken> broken = new ArrayList<>();
        for (Path file : files) checkFile(file.toAbsolutePath().normalize(), file, broken);
        return broken;
    }

    private void checkFile(Path file, Path shown, List<Broken> broken) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Fences fences = new Fences();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (fences.skip(line)) continue;
            String text = blankCodeSpans(line);
            Matcher ref = REFERENCE.matcher(text);
            if (ref.find()) resolve(file, shown, i + 1, ref.start(1) + 1, ref.group(1), broken);
            Matcher m = INLINE.matcher(text);
            while (m.find()) resolve(file, shown, i + 1, m.start(1) + 1, m.group(1), broken);
        }
    }

    private void resolve(Path file, Path shown, int line, int column, String raw, List<Broken> broken) throws IOException {
        String target = raw.startsWith("<") && raw.endsWith(">") ? raw.substring(1, raw.length() - 1) : raw;
        if (target.isEmpty()) {
            broken.add(new Broken(shown, line, column, raw, "empty link target"));
            return;
        }
        if (SCHEME.matcher(target).find() || target.startsWith("//")) return;
        int hash = target.indexOf('#');
        String pathPart = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        int query = pathPart.indexOf('?');
        if (query >= 0) pathPart = pathPart.substring(0, query);
        Path dest;
        if (pathPart.isEmpty()) {
            dest = file;
        } else {
            String decoded = percentDecode(pathPart);
            if (decoded.startsWith("/")) {
                broken.add(new Broken(shown, line, column, raw, "absolute path; use a path relative to this file"));
                return;
            }
            dest = file.getParent().resolve(decoded).normalize();
            if (!Files.exists(dest)) {
                broken.add(new Broken(shown, line, column, raw, "no file " + decoded + " relative to " + shown.getFileName()));
                return;
            }
        }
        if (anchor == null) return;
        if (!dest.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md") || Files.isDirectory(dest)) return;
        String wanted = percentDecode(anchor);
        if (!anchors(dest).contains(wanted)) {
            broken.add(new Broken(shown, line, column, raw, "no heading with anchor #" + wanted + " in " + dest.getFileName()));
        }
    }

    /** The anchors GitHub gives a markdown file: one per heading (duplicates get -1, -2, …) and explicit HTML ids. */
    Set<String> anchors(Path file) throws IOException {
        Set<String> cached = anchorCache.get(file);
        if (cached != null) return cached;
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Fences fences = new Fences();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (fences.skip(line)) continue;
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) anchors.add(html.group(1));
            Matcher h = HEADING.matcher(line);
            if (!h.matches()) continue;
            String slug = slug(h.group(2) == null ? "" : h.group(2));
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? slug : slug + "-" + n);
        }
        anchorCache.put(file, anchors);
        return anchors;
    }

    /**
     * GitHub's heading slug: the heading's rendered text (code spans keep their content, links their text, HTML tags
     * go), lower-cased; letters, digits, '-' and '_' stay, spaces become '-', everything else is dropped.
     */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "").replace("`", "");
        StringBuilder sb = new StringBuilder();
        text.strip().toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
            if (cp == ' ') sb.append('-');
            else if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_'
                    || Character.getType(cp) == Character.NON_SPACING_MARK) sb.appendCodePoint(cp);
        });
        return sb.toString();
    }

    /** Code spans replaced by spaces of the same length, so link columns stay right and their text is not read. */
    static String blankCodeSpans(String line) {
        StringBuilder sb = new StringBuilder(line);
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) != '`') {
                i++;
                continue;
            }
            int run = 1;
            while (i + run < line.length() && line.charAt(i + run) == '`') run++;
            String fence = "`".repeat(run);
            int close = line.indexOf(fence, i + run);
            while (close >= 0 && close + run < line.length() && line.charAt(close + run) == '`') close = line.indexOf(fence, close + run + 1);
            if (close < 0) {
                i += run;
                continue;
            }
            for (int k = i; k < close + run; k++) sb.setCharAt(k, ' ');
            i = close + run;
        }
        return sb.toString();
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) return s;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Tracks fenced code blocks (``` or ~~~, closed by a fence of the same character at least as long). */
    private static final class Fences {
        private String open;

        boolean skip(String line) {
            String t = line.stripLeading();
            if (open == null) {
                if (line.length() - t.length() <= 3 && (t.startsWith("```") || t.startsWith("~~~"))) {
                    open = fence(t);
                    return true;
                }
                return false;
            }
            if (t.startsWith(open) && fence(t).length() >= open.length() && t.substring(fence(t).length()).isBlank()) open = null;
            return true;
        }

        private static String fence(String t) {
            int n = 0;
            while (n < t.length() && t.charAt(n) == t.charAt(0)) n++;
            return t.substring(0, n);
        }
    }
}
