package dev.sentinelctl.kql.syntax;

import java.util.HashSet;
import java.util.Set;

/**
 * Maps a word in the query text to its canonical String when it is one the parser cares about (keywords and
 * word operators), without allocating a substring: open addressing keyed by the same hash String uses.
 */
final class WordTable {

    private static final String[] SLOTS;
    private static final int MASK;

    static {
        Set<String> words = new HashSet<>(Keywords.ALL);
        words.add("matches");
        words.add("in~");
        int size = Integer.highestOneBit(words.size() * 4);
        SLOTS = new String[size];
        MASK = size - 1;
        for (String w : words) {
            int i = w.hashCode() & MASK;
            while (SLOTS[i] != null) i = (i + 1) & MASK;
            SLOTS[i] = w;
        }
    }

    private WordTable() {
    }

    /** The canonical word for {@code text[start, end)}, or null when it is not a known word. */
    static String lookup(String text, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) h = 31 * h + text.charAt(i);
        int len = end - start;
        int i = h & MASK;
        while (true) {
            String w = SLOTS[i];
            if (w == null) return null;
            if (w.length() == len && text.startsWith(w, start)) return w;
            i = (i + 1) & MASK;
        }
    }
}
