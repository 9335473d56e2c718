package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;

import java.util.List;

/**
 * The {@code kind=simple} / {@code kind=relaxed} parse pattern run as a direct scan over the string instead of a
 * regex per row. It reproduces exactly what the anchored regex of {@link ParseOperator#simpleRegex} matches,
 * including its backtracking order, so results do not depend on which path ran:
 * <ul>
 * <li>a literal must occur exactly (case-sensitive) where the scan stands;</li>
 * <li>{@code *} and a capture of a text-like type take the shortest text after which the rest of the pattern
 * still matches (candidate ends are the occurrences of the next literal, found with {@code indexOf}); when they
 * are the last element they take the rest of the string;</li>
 * <li>numeric and bool captures take the longest text of their type first and give back characters only when
 * the rest of the pattern would otherwise fail (like the regex's greedy {@code -?\d+}).</li>
 * </ul>
 * The pattern is anchored at the start only: text after the last element is ignored.
 */
final class ParseScanner {

    /** One pattern element: a literal, a skip ({@code *}), or a capture of a type. */
    sealed interface Element permits Literal, Skip, Capture {
    }

    record Literal(String text) implements Element {
    }

    record Skip() implements Element {
    }

    record Capture(ScalarType type) implements Element {
    }

    private static final byte LIT = 0, ANY = 1, INTEGER = 2, NUMBER = 3, BOOL = 4;
    private static final String[] BOOLS = {"true", "false", "True", "False", "TRUE", "FALSE", "0", "1"};

    private final byte[] kinds;
    private final String[] literals;
    /** Index of the capture an element fills, or -1 for literals and skips. */
    private final int[] slots;
    private final int captures;

    ParseScanner(List<Element> elements) {
        int n = elements.size();
        kinds = new byte[n];
        literals = new String[n];
        slots = new int[n];
        int c = 0;
        for (int i = 0; i < n; i++) {
            Element e = elements.get(i);
            slots[i] = -1;
            if (e instanceof Literal l) {
                kinds[i] = LIT;
                literals[i] = l.text();
            } else if (e instanceof Skip) {
                kinds[i] = ANY;
            } else if (e instanceof Capture cap) {
                kinds[i] = switch (cap.type()) {
                    case INT, LONG -> INTEGER;
                    case REAL, DECIMAL -> NUMBER;
                    case BOOL -> BOOL;
                    default -> ANY;
                };
                slots[i] = c++;
            }
        }
        captures = c;
    }

    int captureCount() {
        return captures;
    }

    /**
     * Matches {@code s} from its start. On success capture {@code i} is {@code s.substring(starts[i], ends[i])};
     * on failure the arrays hold leftovers and must not be read.
     */
    boolean match(String s, int[] starts, int[] ends) {
        return from(s, 0, 0, starts, ends);
    }

    private boolean from(String s, int pos, int e, int[] st, int[] en) {
        if (e == kinds.length) return true;
        int slot = slots[e];
        switch (kinds[e]) {
            case LIT -> {
                String lit = literals[e];
                return s.startsWith(lit, pos) && from(s, pos + lit.length(), e + 1, st, en);
            }
            case ANY -> {
                int len = s.length();
                if (e == kinds.length - 1) return take(slot, pos, len, st, en);
                if (kinds[e + 1] == LIT && !literals[e + 1].isEmpty()) {
                    // the next element is a literal: only its occurrences can end this one
                    String next = literals[e + 1];
                    for (int j = s.indexOf(next, pos); j >= 0; j = s.indexOf(next, j + 1)) {
                        if (splitsPair(s, j)) continue;
                        if (take(slot, pos, j, st, en) && from(s, j, e + 1, st, en)) return true;
                    }
                    return false;
                }
                for (int j = pos; j <= len; j++) {
                    if (splitsPair(s, j)) continue;
                    if (take(slot, pos, j, st, en) && from(s, j, e + 1, st, en)) return true;
                }
                return false;
            }
            case INTEGER -> {
                int start = pos < s.length() && s.charAt(pos) == '-' ? pos + 1 : pos;
                for (int end = start + digits(s, start); end > start; end--) {
                    if (take(slot, pos, end, st, en) && from(s, end, e + 1, st, en)) return true;
                }
                return false;
            }
            case NUMBER -> {
                return number(s, pos, e, st, en);
            }
            default -> {
                for (String b : BOOLS) {
                    if (s.startsWith(b, pos)) return take(slot, pos, pos + b.length(), st, en) && from(s, pos + b.length(), e + 1, st, en);
                }
                return false;
            }
        }
    }

    /** {@code -?\d+(?:\.\d*)?(?:[eE][+-]?\d+)?}, every greedy part trying its longest form first. */
    private boolean number(String s, int pos, int e, int[] st, int[] en) {
        int start = pos < s.length() && s.charAt(pos) == '-' ? pos + 1 : pos;
        for (int a = start + digits(s, start); a > start; a--) {
            if (a < s.length() && s.charAt(a) == '.') {
                for (int b = a + 1 + digits(s, a + 1); b > a; b--) {
                    if (exponent(s, pos, b, e, st, en)) return true;
                }
            }
            if (exponent(s, pos, a, e, st, en)) return true;
        }
        return false;
    }

    private boolean exponent(String s, int pos, int b, int e, int[] st, int[] en) {
        int len = s.length();
        if (b < len && (s.charAt(b) == 'e' || s.charAt(b) == 'E')) {
            int c = b + 1;
            if (c < len && (s.charAt(c) == '+' || s.charAt(c) == '-')) {
                for (int end = c + 1 + digits(s, c + 1); end > c + 1; end--) {
                    if (take(slots[e], pos, end, st, en) && from(s, end, e + 1, st, en)) return true;
                }
            }
            for (int end = c + digits(s, c); end > c; end--) {
                if (take(slots[e], pos, end, st, en) && from(s, end, e + 1, st, en)) return true;
            }
        }
        return take(slots[e], pos, b, st, en) && from(s, b, e + 1, st, en);
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        return i - from;
    }

    /** A regex '.' steps over whole code points, so a match never ends between the halves of a surrogate pair. */
    private static boolean splitsPair(String s, int j) {
        return j > 0 && j < s.length() && Character.isLowSurrogate(s.charAt(j)) && Character.isHighSurrogate(s.charAt(j - 1));
    }

    /** Records a capture's bounds (skips have no slot); always true so it chains in conditions. */
    private static boolean take(int slot, int start, int end, int[] st, int[] en) {
        if (slot >= 0) {
            st[slot] = start;
            en[slot] = end;
        }
        return true;
    }
}
