package dev.sentinelctl.fleet;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which content files a workspace gets: paths relative to the content root, matched by globs ({@code **} any
 * folders, {@code *} within one name, {@code ?} one character). Included and not excluded; no include means all.
 */
public record ContentSelection(List<String> include, List<String> exclude) {
    public static final ContentSelection ALL = new ContentSelection(List.of("**"), List.of());

    public ContentSelection {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public boolean selects(String relativePath) {
        String p = relativePath.replace('\\', '/');
        return include.stream().anyMatch(g -> glob(g).matcher(p).matches()) && exclude.stream().noneMatch(g -> glob(g).matcher(p).matches());
    }

    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                re.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
