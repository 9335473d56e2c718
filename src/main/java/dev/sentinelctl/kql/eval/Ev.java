package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;

import java.util.function.IntFunction;

/** A compiled scalar expression over the rows of one input table: its static type and a per-row evaluator. */
interface Ev {

    ScalarType type();

    /** The internal value (see {@link Vec}) at {@code row}. */
    Object eval(int row);

    /** True when the value does not depend on the row (literals, scalar lets): callers may evaluate once. */
    default boolean isConstant() {
        return false;
    }

    static Ev of(ScalarType type, IntFunction<Object> f) {
        return new Ev() {
            @Override
            public ScalarType type() {
                return type;
            }

            @Override
            public Object eval(int row) {
                return f.apply(row);
            }
        };
    }

    static Ev constant(ScalarType type, Object value) {
        Object v = type == ScalarType.STRING && value == null ? "" : value;
        return new Ev() {
            @Override
            public ScalarType type() {
                return type;
            }

            @Override
            public Object eval(int row) {
                return v;
            }

            @Override
            public boolean isConstant() {
                return true;
            }
        };
    }

    static Ev column(Vec vec) {
        if (vec instanceof Vec.Longs l) {
            return new Ev() {
                @Override
                public ScalarType type() {
                    return l.type;
                }

                @Override
                public Object eval(int row) {
                    return l.nulls.get(row) ? null : l.v[row];
                }
            };
        }
        return new Ev() {
            @Override
            public ScalarType type() {
                return vec.type;
            }

            @Override
            public Object eval(int row) {
                return vec.get(row);
            }
        };
    }
}
