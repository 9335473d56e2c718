package dev.sentinelctl.kql.semantic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" ranking: case-insensitive Damerau-Levenshtein distance, accepting a candidate when the
 * distance is at most a third of the name's length (at least 1, at most 3), or when the names differ only
 * in case. Kusto names are case-sensitive, so a case-only difference is the most likely mistake and ranks first.
 */
public final class Suggestions {

    public static final int MAX_RESULTS = 5;

    private Suggestions() {
    }

    public static List<String> closest(String misspelt, Collection<String> candidates) {
        if (misspelt == null || misspelt.isEmpty()) return List.of();
        String needle = misspelt.toLowerCase(Locale.ROOT);
        int limit = Math.min(3, Math.max(1, needle.length() / 3));
        record Scored(String name, int distance) {
        }
        List<Scored> hits = new ArrayList<>();
        for (String c : candidates) {
            if (c.equals(misspelt)) continue;
            String lower = c.toLowerCase(Locale.ROOT);
            if (Math.abs(lower.length() - needle.length()) > limit) continue;
            int d = distance(needle, lower, limit);
            if (d <= limit) hits.add(new Scored(c, d));
        }
        hits.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return hits.stream().limit(MAX_RESULTS).map(Scored::name).toList();
    }

    /** Optimal string alignment distance; returns {@code limit + 1} early once every path exceeds the limit. */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) return limit + 1;
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
