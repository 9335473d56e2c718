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
                i = escape(t, i + 1, end, sb);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Appends the escape whose letter is at {@code i}; returns the index of its last character. */
    private static int escape(String t, int i, int end, StringBuilder sb) {
        char n = t.charAt(i);
        switch (n) {
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'r' -> sb.append('\r');
            case 'a' -> sb.append('\u0007');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'v' -> sb.append('\u000b');
            case 'x', 'u', 'U' -> {
                int digits = n == 'x' ? 2 : n == 'u' ? 4 : 8;
                if (i + 1 + digits <= end) {
                    try {
                        sb.appendCodePoint(Integer.parseInt(t.substring(i + 1, i + 1 + digits), 16));
                        return i + digits;
                    } catch (IllegalArgumentException e) {
                        // not a valid code point: keep the letter, as the lexer has already reported the string
                    }
                }
                sb.append(n);
            }
            default -> {
                if (n >= '0' && n <= '7') {
                    int j = i;
                    int value = 0;
                    while (j < end && j < i + 3 && t.charAt(j) >= '0' && t.charAt(j) <= '7') {
                        value = value * 8 + (t.charAt(j) - '0');
                        j++;
                    }
                    sb.append((char) value);
                    return j - 1;
                }
                sb.append(n);
            }
        }
        return i;
    }
}
