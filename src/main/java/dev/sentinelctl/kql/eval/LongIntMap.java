package dev.sentinelctl.kql.eval;


/**
 * An open-addressing long → int map (no boxing, mixed hash): group ids of packed key pairs. Key and value of a slot
 * sit side by side in one array (the value stored plus one, so 0 marks an empty slot): a probe is one cache miss
 * where separate key, value and used arrays were three, which is most of the cost with a million groups.
 */
final class LongIntMap {

    private long[] slots;
    private int size;
    private int mask;

    LongIntMap(int capacity) {
        int cap = Integer.highestOneBit(Math.max(16, capacity * 2 - 1)) << 1;
        slots = new long[cap * 2];
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** The value for {@code key}, or -1. */
    int get(long key) {
        int i = mix(key) & mask;
        long[] s = slots;
        while (s[2 * i + 1] != 0) {
            if (s[2 * i] == key) return (int) (s[2 * i + 1] - 1);
            i = (i + 1) & mask;
        }
        return -1;
    }

    /** Sets the value of {@code key}; values must be 0 or more. */
    void put(long key, int value) {
        if ((size + 1) * 2 > mask + 1) grow();
        int i = mix(key) & mask;
        while (slots[2 * i + 1] != 0) {
            if (slots[2 * i] == key) {
                slots[2 * i + 1] = value + 1L;
                return;
            }
            i = (i + 1) & mask;
        }
        slots[2 * i] = key;
        slots[2 * i + 1] = value + 1L;
        size++;
    }

    private void grow() {
        long[] old = slots;
        int cap = (mask + 1) * 2;
        slots = new long[cap * 2];
        mask = cap - 1;
        size = 0;
        for (int i = 0; i < old.length; i += 2) if (old[i + 1] != 0) put(old[i], (int) (old[i + 1] - 1));
    }

    @Override
    public String toString() {
        return "LongIntMap[" + size + "]";
    }
}
