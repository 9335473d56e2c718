package dev.sentinelctl.kql.eval;

/**
 * Reuses the String of a text span seen recently instead of allocating a new substring for it. Parse captures
 * repeat a lot (user names, actions, result codes) and every one kept in a column outlives the young generation,
 * so sharing equal values keeps the heap to the distinct ones. Direct-mapped and small enough to stay in cache;
 * a span whose slot holds a different text replaces it. A column whose values rarely repeat (addresses, ids) would
 * pay a hash and a compare for nothing, so after a trial the cache turns itself off when it hits too seldom.
 */
final class SubstringCache {

    private static final int SLOTS = 4096;
    private static final int TRIAL = 8192;

    private final String[] slots;
    private int lookups;
    private int hits;
    private boolean off;

    /** A cache for a column of {@code rows} values; off from the start when there are too few to repay it. */
    SubstringCache(int rows) {
        off = rows < SLOTS;
        slots = off ? null : new String[SLOTS];
    }

    /** {@code s.substring(start, end)}, or an equal String handed out before. */
    String get(String s, int start, int end) {
        if (off) return s.substring(start, end);
        int h = 0;
        for (int i = start; i < end; i++) h = 31 * h + s.charAt(i);
        int slot = (h ^ (h >>> 12)) & (SLOTS - 1);
        String cached = slots[slot];
        int len = end - start;
        if (++lookups == TRIAL) off = hits < TRIAL / 2;
        if (cached != null && cached.length() == len && s.regionMatches(start, cached, 0, len)) {
            hits++;
            return cached;
        }
        String fresh = s.substring(start, end);
        slots[slot] = fresh;
        return fresh;
    }
}
