package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;

import java.util.ArrayList;
import java.util.List;

/**
 * Dense ids (0, 1, 2 …, in order of first appearance) for the distinct values of one grouping key, and the value of
 * each id. Long-backed types (long, int, datetime, timespan) are looked up by their primitive value in an
 * open-addressing map: grouping by {@code bin(TimeGenerated, 1h)} then costs no hashing of boxed values.
 */
abstract sealed class KeyIds permits KeyIds.Longs, KeyIds.Objects {

    final List<Object> values = new ArrayList<>();

    static KeyIds of(ScalarType type) {
        return Vec.isLongBacked(type) ? new Longs() : new Objects(type);
    }

    /** The id of {@code v} (null included), assigning the next id to a value not seen before. */
    abstract int id(Object v);

    Object value(int id) {
        return values.get(id);
    }

    int size() {
        return values.size();
    }

    static final class Longs extends KeyIds {
        private final LongIntMap ids = new LongIntMap(1024);
        private int nullId = -1;

        @Override
        int id(Object v) {
            if (v == null) {
                if (nullId < 0) {
                    nullId = values.size();
                    values.add(null);
                }
                return nullId;
            }
            long key = ((Number) v).longValue();
            int id = ids.get(key);
            if (id < 0) {
                id = values.size();
                ids.put(key, id);
                values.add(v);
            }
            return id;
        }
    }

    /**
     * Open addressing over the values' hashes (an int array that stays in cache) with the ids beside them, so a lookup
     * touches the key object only when the hashes match: for string keys it is about twice as fast as a HashMap.
     */
    static final class Objects extends KeyIds {
        private static final Object NULL_KEY = new Object();
        private final ScalarType type;
        private int[] hashes = new int[1024];
        private Object[] keys = new Object[1024];
        private int[] ids = new int[1024];
        private int mask = 1023;

        Objects(ScalarType type) {
            this.type = type;
        }

        @Override
        int id(Object v) {
            Object norm = v == null ? NULL_KEY : Comparisons.normalise(type, v);
            int m = norm.hashCode() * 0x9E3779B9;
            int h = m ^ (m >>> 16);
            int i = h & mask;
            while (keys[i] != null) {
                if (hashes[i] == h && keys[i].equals(norm)) return ids[i];
                i = (i + 1) & mask;
            }
            int id = values.size();
            values.add(v);
            keys[i] = norm;
            hashes[i] = h;
            ids[i] = id;
            if (values.size() * 2 > keys.length) grow();
            return id;
        }

        private void grow() {
            int[] oldHashes = hashes;
            Object[] oldKeys = keys;
            int[] oldIds = ids;
            int cap = oldKeys.length * 2;
            hashes = new int[cap];
            keys = new Object[cap];
            ids = new int[cap];
            mask = cap - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] == null) continue;
                int i = oldHashes[j] & mask;
                while (keys[i] != null) i = (i + 1) & mask;
                keys[i] = oldKeys[j];
                hashes[i] = oldHashes[j];
                ids[i] = oldIds[j];
            }
        }
    }
}
