package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.syntax.SyntaxElement;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Kusto regexes are RE2. java.util.regex accepts a superset of the syntax content uses; the constructs RE2
 * lacks (backreferences, lookaround, atomic groups, possessive quantifiers) are refused with
 * {@code EVAL-unsupported} instead of matching differently. Named groups ({@code (?P<name>...)}, {@code (?<name>...)})
 * become plain numbered groups, since Java names cannot hold {@code _}; {@link #namedGroups} maps names to numbers
 * from the RE2 text. Known remaining differences are listed in docs/engine.md.
 */
final class Regexes {

    // a '}' is possessive only when it closes a repetition: in {1-3}+ the braces are literal and + repeats the '}'
    private static final Pattern UNSUPPORTED = Pattern.compile("\\\\[1-9]|\\(\\?<?[=!]|\\(\\?>|\\\\k<|[*+?]\\+|\\{\\d+(,\\d*)?}\\+");

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
        String java = toJava(regex);
        try {
            return Pattern.compile(java, flags);
        } catch (PatternSyntaxException e) {
            throw EvalException.runtime("invalid regex '" + regex + "': " + e.getDescription(), where);
        }
    }

    private static final java.util.Map<String, String> POSIX = java.util.Map.ofEntries(
            java.util.Map.entry("alnum", "\\p{Alnum}"), java.util.Map.entry("alpha", "\\p{Alpha}"),
            java.util.Map.entry("ascii", "\\p{ASCII}"), java.util.Map.entry("blank", "\\p{Blank}"),
            java.util.Map.entry("cntrl", "\\p{Cntrl}"), java.util.Map.entry("digit", "\\d"),
            java.util.Map.entry("graph", "\\p{Graph}"), java.util.Map.entry("lower", "\\p{Lower}"),
            java.util.Map.entry("print", "\\p{Print}"), java.util.Map.entry("punct", "\\p{Punct}"),
            java.util.Map.entry("space", "\\s"), java.util.Map.entry("upper", "\\p{Upper}"),
            java.util.Map.entry("word", "\\w"), java.util.Map.entry("xdigit", "\\p{XDigit}"));

    /**
     * Rewrites the RE2 spellings java.util.regex reads differently: a {@code ]} first in a class and a {@code [}
     * inside one are literals, {@code [[:alpha:]]} classes, {@code &&} inside a class is literal, a {@code {} that
     * does not start a repetition is literal, {@code \0} is NUL.
     */
    static String toJava(String re) {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        int classStart = -1;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                char n = re.charAt(i + 1);
                if (n == '0' && (i + 2 >= re.length() || !Character.isDigit(re.charAt(i + 2)))) {
                    out.append("\\x00");
                } else if (n == 'Q') {
                    int end = re.indexOf("\\E", i + 2);
                    int stop = end < 0 ? re.length() : end + 2;
                    out.append(re, i, stop);
                    i = stop - 1;
                    continue;
                } else {
                    out.append(c).append(n);
                }
                i++;
                continue;
            }
            if (inClass) {
                if (c == ']' && i > classStart) {
                    inClass = false;
                    out.append(c);
                } else if (c == ']') {
                    out.append("\\]");
                } else if (c == '[' && re.startsWith("[:", i)) {
                    int end = re.indexOf(":]", i + 2);
                    String name = end < 0 ? null : re.substring(i + 2, end);
                    boolean negated = name != null && name.startsWith("^");
                    String cls = name == null ? null : POSIX.get(negated ? name.substring(1) : name);
                    if (cls == null) {
                        out.append("\\[");
                    } else {
                        out.append(negated ? cls.replace("\\p", "\\P").replace("\\d", "\\D").replace("\\s", "\\S").replace("\\w", "\\W") : cls);
                        i = end + 1;
                    }
                } else if (c == '[') {
                    out.append("\\[");
                } else if (c == '&' && i + 1 < re.length() && re.charAt(i + 1) == '&') {
                    out.append("\\&");
                } else {
                    out.append(c);
                }
                continue;
            }
            if (c == '(' && (re.startsWith("(?P<", i) || re.startsWith("(?<", i) && i + 3 < re.length() && re.charAt(i + 3) != '=' && re.charAt(i + 3) != '!')) {
                // a named group: RE2 names may hold '_', Java's may not; numbers are what matching uses
                int end = re.indexOf('>', i);
                if (end > 0) {
                    out.append('(');
                    i = end;
                    continue;
                }
            }
            if (c == '[') {
                inClass = true;
                out.append(c);
                classStart = i + 1;
                if (i + 1 < re.length() && re.charAt(i + 1) == '^') {
                    out.append('^');
                    i++;
                    classStart = i + 1;
                }
                continue;
            }
            if (c == '{' && !re.substring(i).matches("(?s)\\{\\d+(,\\d*)?}.*")) {
                out.append("\\{");
                continue;
            }
            out.append(c);
        }
        return out.toString();
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
                    boolean python = regex.startsWith("?P<", i + 1);
                    if (python || regex.startsWith("?<", i + 1) && i + 3 < regex.length() && regex.charAt(i + 3) != '=' && regex.charAt(i + 3) != '!') {
                        group++;
                        int end = regex.indexOf('>', i);
                        if (end > 0) out.put(regex.substring(i + (python ? 4 : 3), end), group);
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
