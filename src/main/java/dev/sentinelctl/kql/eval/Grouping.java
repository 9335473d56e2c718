package dev.sentinelctl.kql.eval;

import java.util.Arrays;
import java.util.List;

/**
 * Groups rows by key expressions: each row's group id (dense, in order of first appearance) and one vector per key
 * with the groups' key values.
 *
 * <p>One key column at a time: its values get small ids (a pass that touches one small table, so it stays in cache),
 * then the groups so far are combined with those ids — through a dense array indexed by {@code group × ids + id}
 * when that product is small, else through a hash map of the packed pair. The key values of a final group are found
 * by walking the combinations back.
 *
 * @param group  row → group id
 * @param groups how many groups
 * @param keys   per key expression, the key value of each group
 */
record Grouping(int[] group, int groups, Vec[] keys) {

    /** A dense combination array up to this many slots (16 MB of ints); larger products use a hash map. */
    private static final long DENSE_LIMIT = 4_000_000L;

    static Grouping of(List<Ev> keyEvs, int rows) {
        int k = keyEvs.size();
        int[] group = new int[rows];
        if (k == 0) return new Grouping(group, 1, new Vec[0]);
        KeyIds[] ids = new KeyIds[k];
        int[] g = group;
        int groups = 0;
        int[][] prevOf = new int[k][];
        int[][] idOf = new int[k][];
        int[] column = new int[rows];
        for (int i = 0; i < k; i++) {
            Ev e = keyEvs.get(i);
            ids[i] = KeyIds.of(e.type());
            int[] target = i == 0 ? g : column;
            for (int r = 0; r < rows; r++) target[r] = ids[i].id(e.eval(r));
            if (i == 0) {
                groups = ids[0].size();
                continue;
            }
            int width = ids[i].size();
            int[] prev = new int[16];
            int[] id = new int[16];
            int next = 0;
            PairIds pairs = (long) groups * width <= DENSE_LIMIT ? new PairIds.Dense(groups, width) : new PairIds.Hashed();
            for (int r = 0; r < rows; r++) {
                int ng = pairs.get(g[r], column[r]);
                if (ng < 0) {
                    ng = next++;
                    pairs.put(g[r], column[r], ng);
                    if (ng == prev.length) {
                        prev = Arrays.copyOf(prev, ng * 2);
                        id = Arrays.copyOf(id, ng * 2);
                    }
                    prev[ng] = g[r];
                    id[ng] = column[r];
                }
                g[r] = ng;
            }
            prevOf[i] = prev;
            idOf[i] = id;
            groups = next;
        }
        Vec.Builder[] builders = new Vec.Builder[k];
        for (int i = 0; i < k; i++) builders[i] = Vec.builder(keyEvs.get(i).type(), groups);
        Object[] key = new Object[k];
        for (int f = 0; f < groups; f++) {
            int x = f;
            for (int i = k - 1; i >= 1; i--) {
                key[i] = ids[i].value(idOf[i][x]);
                x = prevOf[i][x];
            }
            key[0] = ids[0].value(x);
            for (int i = 0; i < k; i++) builders[i].add(key[i]);
        }
        Vec[] keys = new Vec[k];
        for (int i = 0; i < k; i++) keys[i] = builders[i].build();
        return new Grouping(group, groups, keys);
    }

    /** The group of (group so far, id of the next key), or -1 before it is put. */
    private sealed interface PairIds permits PairIds.Dense, PairIds.Hashed {
        int get(int group, int id);

        void put(int group, int id, int next);

        /** An array of groups × ids slots: one read per row, no hashing. */
        final class Dense implements PairIds {
            private final int[] slots;
            private final int width;

            Dense(int groups, int width) {
                this.slots = new int[groups * width];
                this.width = width;
                Arrays.fill(slots, -1);
            }

            public int get(int group, int id) {
                return slots[group * width + id];
            }

            public void put(int group, int id, int next) {
                slots[group * width + id] = next;
            }
        }

        /** The packed pair in a hash map, when groups × ids is too large for an array. */
        final class Hashed implements PairIds {
            private final LongIntMap pairs = new LongIntMap(1024);

            public int get(int group, int id) {
                return pairs.get(((long) group << 32) | id);
            }

            public void put(int group, int id, int next) {
                pairs.put(((long) group << 32) | id, next);
            }
        }
    }
}
