package dev.sentinelctl.kql.syntax;

/** Decodes KQL string literal text to its value. */
public final class StringValues {
    private StringValues() {
    }

    /** The value of one string literal token's text ({@code 'a\'b'}, {@code @"x""y"}, {@code h'z'}, {@code ```m```}). */
    public static String decode(String tokenText) {
        String t = tokenText;
        if (t.isEmpty()) return t;
        char c0 = t.charAt(0);
        if (c0 == 'h' || c0 == 'H') t = t.substring(1);
        if (t.startsWith("```")) {
            return t.length() >= 6 && t.endsWith("```") ? t.substring(3, t.length() - 3) : t.substring(3);
        }
        boolean verbatim = t.startsWith("@");
        if (verbatim) t = t.substring(1);
        if (t.isEmpty()) return t;
        char q = t.charAt(0);
        int end = t.length() > 1 && t.charAt(t.length() - 1) == q ? t.length() - 1 : t.length();
        StringBuilder sb = new StringBuilder(end);
        for (int i = 1; i < end; i++) {
            char c = t.charAt(i);
            if (verbatim && c == q && i + 1 < end && t.charAt(i + 1) == q) {
                sb.append(q);
                i++;
            } else if (!verbatim && c == '\\' && i + 1 < end) {
                char n = t.charAt(++i);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    default -> sb.append(n);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
