package dev.sentinelctl.schema;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for field names and enum values: case, spaces and small typos. */
public final class Suggest {
    private Suggest() {}

    public static Optional<String> closest(String wrong, Collection<String> candidates) {
        if (wrong == null || wrong.isEmpty()) return Optional.empty();
        String norm = normalise(wrong);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (normalise(c).equals(norm)) return Optional.of(c);
            int d = distance(norm, normalise(c));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int allowed = Math.max(1, Math.min(3, norm.length() / 4));
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\s_&-]", "").replace("and", "");
    }

    /** Levenshtein distance; inputs are short field and enum names. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
