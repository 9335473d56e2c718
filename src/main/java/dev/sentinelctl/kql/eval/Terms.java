package dev.sentinelctl.kql.eval;

/**
 * Kusto's term operators. A term is a maximal run of letters and digits; {@code has} matches the needle where it
 * starts and ends on term boundaries (a needle edge that is itself a delimiter needs no boundary), so
 * {@code "AAA" has "aA"} is false and {@code "North America" has "North America"} is true
 * (datatypes-string-operators.md, has-operator.md).
 */
final class Terms {

    private Terms() {
    }

    static boolean isTermChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    static boolean has(String hay, String needle, boolean caseSensitive) {
        return find(hay, needle, caseSensitive, true, true);
    }

    static boolean hasPrefix(String hay, String needle, boolean caseSensitive) {
        return find(hay, needle, caseSensitive, true, false);
    }

    static boolean hasSuffix(String hay, String needle, boolean caseSensitive) {
        return find(hay, needle, caseSensitive, false, true);
    }

    private static boolean find(String hay, String needle, boolean cs, boolean leftBoundary, boolean rightBoundary) {
        int n = needle.length();
        if (n == 0) return true;
        boolean needLeft = leftBoundary && isTermChar(needle.charAt(0));
        boolean needRight = rightBoundary && isTermChar(needle.charAt(n - 1));
        int limit = hay.length() - n;
        for (int p = 0; p <= limit; p++) {
            if (needLeft && p > 0 && isTermChar(hay.charAt(p - 1))) continue;
            if (needRight && p + n < hay.length() && isTermChar(hay.charAt(p + n))) continue;
            if (hay.regionMatches(!cs, p, needle, 0, n)) return true;
        }
        return false;
    }

    static boolean contains(String hay, String needle, boolean cs) {
        if (cs) return hay.contains(needle);
        int n = needle.length();
        for (int p = 0; p <= hay.length() - n; p++) {
            if (hay.regionMatches(true, p, needle, 0, n)) return true;
        }
        return false;
    }

    static boolean startsWith(String hay, String needle, boolean cs) {
        return hay.regionMatches(!cs, 0, needle, 0, needle.length());
    }

    static boolean endsWith(String hay, String needle, boolean cs) {
        int p = hay.length() - needle.length();
        return p >= 0 && hay.regionMatches(!cs, p, needle, 0, needle.length());
    }
}
