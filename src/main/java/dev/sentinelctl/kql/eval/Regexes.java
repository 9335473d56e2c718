package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.syntax.SyntaxElement;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Kusto regexes are RE2. java.util.regex accepts a superset of the syntax content uses; the constructs RE2
 * lacks (backreferences, lookaround, atomic groups, possessive quantifiers) are refused with
 * {@code EVAL-unsupported} instead of matching differently. RE2's {@code (?P<name>...)} becomes Java's
 * {@code (?<name>...)}. Known remaining differences are listed in docs/engine.md.
 */
final class Regexes {

    private static final Pattern UNSUPPORTED = Pattern.compile("\\\\[1-9]|\\(\\?<?[=!]|\\(\\?>|\\\\k<|[*+?}]\\+");

    private Regexes() {
    }

    static Pattern compile(String regex, SyntaxElement where) {
        return compile(regex, 0, where);
    }

    static Pattern compile(String regex, int flags, SyntaxElement where) {
        String stripped = regex.replaceAll("\\\\\\\\", "");
        if (UNSUPPORTED.matcher(stripped).find()) {
            throw EvalException.unsupported("regex construct RE2 does not have (backreference, lookaround, atomic or possessive) in '" + regex + "'", where);
        }
        String java = regex.replace("(?P<", "(?<");
        try {
            return Pattern.compile(java, flags);
        } catch (PatternSyntaxException e) {
            throw EvalException.runtime("invalid regex '" + regex + "': " + e.getDescription(), where);
        }
    }

    /** Capture group numbers of named groups (java.util.regex exposes them only from Java 20). */
    static java.util.Map<String, Integer> namedGroups(String regex) {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        int group = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                if (c == ']') inClass = false;
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '?') {
                    if (regex.startsWith("?<", i + 1) && i + 3 < regex.length() && regex.charAt(i + 3) != '=' && regex.charAt(i + 3) != '!') {
                        group++;
                        int end = regex.indexOf('>', i);
                        if (end > 0) out.put(regex.substring(i + 3, end), group);
                    }
                } else {
                    group++;
                }
            }
        }
        return out;
    }

    /** RE2 flags string ({@code "i"}, {@code "U"}, {@code "s"}, {@code "m"}) to Java flags. */
    static int flags(String f) {
        int out = 0;
        for (char c : f.toCharArray()) {
            switch (c) {
                case 'i' -> out |= Pattern.CASE_INSENSITIVE;
                case 'm' -> out |= Pattern.MULTILINE;
                case 's' -> out |= Pattern.DOTALL;
                default -> {
                }
            }
        }
        return out;
    }
}
