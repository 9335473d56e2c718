package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;

import java.util.Arrays;
import java.util.BitSet;

/**
 * One typed column vector. Internal values (what {@link #get} returns and {@link Builder#add} takes):
 * BOOL Boolean; INT, LONG Long; DATETIME Long ticks (100 ns) since 0001-01-01 UTC, as Kusto counts them;
 * TIMESPAN Long ticks; REAL Double; STRING String; DECIMAL BigDecimal; GUID UUID; DYNAMIC JsonNode.
 * Java null is Kusto null.
 */
abstract sealed class Vec permits Vec.Longs, Vec.Doubles, Vec.Bools, Vec.Objects {

    final ScalarType type;

    Vec(ScalarType type) {
        this.type = type;
    }

    abstract int size();

    abstract Object get(int row);

    /** The rows at {@code idx[0..n)}, in that order; an index of -1 gives null. */
    abstract Vec gather(int[] idx, int n);

    static Builder builder(ScalarType type, int capacity) {
        return new Builder(type, capacity);
    }

    static Vec constant(ScalarType type, Object value, int n) {
        Builder b = new Builder(type, n);
        for (int i = 0; i < n; i++) b.add(value);
        return b.build();
    }

    static boolean isLongBacked(ScalarType t) {
        return t == ScalarType.INT || t == ScalarType.LONG || t == ScalarType.DATETIME || t == ScalarType.TIMESPAN;
    }

    static final class Longs extends Vec {
        final long[] v;
        final BitSet nulls;
        final int n;

        Longs(ScalarType type, long[] v, BitSet nulls, int n) {
            super(type);
            this.v = v;
            this.nulls = nulls;
            this.n = n;
        }

        @Override
        int size() {
            return n;
        }

        @Override
        Object get(int row) {
            return nulls.get(row) ? null : v[row];
        }

        @Override
        Vec gather(int[] idx, int m) {
            long[] out = new long[m];
            BitSet on = new BitSet();
            for (int i = 0; i < m; i++) {
                int r = idx[i];
                if (r < 0 || nulls.get(r)) on.set(i);
                else out[i] = v[r];
            }
            return new Longs(type, out, on, m);
        }
    }

    static final class Doubles extends Vec {
        final double[] v;
        final BitSet nulls;
        final int n;

        Doubles(double[] v, BitSet nulls, int n) {
            super(ScalarType.REAL);
            this.v = v;
            this.nulls = nulls;
            this.n = n;
        }

        @Override
        int size() {
            return n;
        }

        @Override
        Object get(int row) {
            return nulls.get(row) ? null : v[row];
        }

        @Override
        Vec gather(int[] idx, int m) {
            double[] out = new double[m];
            BitSet on = new BitSet();
            for (int i = 0; i < m; i++) {
                int r = idx[i];
                if (r < 0 || nulls.get(r)) on.set(i);
                else out[i] = v[r];
            }
            return new Doubles(out, on, m);
        }
    }

    /** 0 false, 1 true, 2 null. */
    static final class Bools extends Vec {
        final byte[] v;
        final int n;

        Bools(byte[] v, int n) {
            super(ScalarType.BOOL);
            this.v = v;
            this.n = n;
        }

        @Override
        int size() {
            return n;
        }

        @Override
        Object get(int row) {
            byte b = v[row];
            return b == 2 ? null : b == 1;
        }

        @Override
        Vec gather(int[] idx, int m) {
            byte[] out = new byte[m];
            for (int i = 0; i < m; i++) out[i] = idx[i] < 0 ? 2 : v[idx[i]];
            return new Bools(out, m);
        }
    }

    /** STRING, DECIMAL, GUID, DYNAMIC. Strings are never null (Kusto has no null string): null reads as "". */
    static final class Objects extends Vec {
        final Object[] v;
        final int n;

        Objects(ScalarType type, Object[] v, int n) {
            super(type);
            this.v = v;
            this.n = n;
        }

        @Override
        int size() {
            return n;
        }

        @Override
        Object get(int row) {
            Object o = v[row];
            return o == null && type == ScalarType.STRING ? "" : o;
        }

        @Override
        Vec gather(int[] idx, int m) {
            Object[] out = new Object[m];
            for (int i = 0; i < m; i++) out[i] = idx[i] < 0 ? null : v[idx[i]];
            return new Objects(type, out, m);
        }
    }

    static final class Builder {
        private final ScalarType type;
        private long[] longs;
        private double[] doubles;
        private byte[] bools;
        private Object[] objects;
        private final BitSet nulls = new BitSet();
        private int n;

        Builder(ScalarType type, int capacity) {
            this.type = type;
            int c = Math.max(capacity, 4);
            if (isLongBacked(type)) longs = new long[c];
            else if (type == ScalarType.REAL) doubles = new double[c];
            else if (type == ScalarType.BOOL) bools = new byte[c];
            else objects = new Object[c];
        }

        int size() {
            return n;
        }

        Builder add(Object value) {
            if (longs != null) {
                if (n == longs.length) longs = Arrays.copyOf(longs, n * 2);
                if (value == null) nulls.set(n);
                else longs[n] = ((Number) value).longValue();
            } else if (doubles != null) {
                if (n == doubles.length) doubles = Arrays.copyOf(doubles, n * 2);
                if (value == null) nulls.set(n);
                else doubles[n] = ((Number) value).doubleValue();
            } else if (bools != null) {
                if (n == bools.length) bools = Arrays.copyOf(bools, n * 2);
                bools[n] = value == null ? 2 : ((Boolean) value) ? (byte) 1 : 0;
            } else {
                if (n == objects.length) objects = Arrays.copyOf(objects, n * 2);
                objects[n] = type == ScalarType.STRING && value == null ? "" : value;
            }
            n++;
            return this;
        }

        /** {@link #add} of a non-null value of a long-backed type, without boxing it. */
        Builder addLong(long value) {
            if (longs == null) return add(value);
            if (n == longs.length) longs = Arrays.copyOf(longs, n * 2);
            longs[n++] = value;
            return this;
        }

        Vec build() {
            if (longs != null) return new Longs(type, longs, nulls, n);
            if (doubles != null) return new Doubles(doubles, nulls, n);
            if (bools != null) return new Bools(bools, n);
            return new Objects(type, objects, n);
        }
    }
}
