package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.BinaryOp;
import dev.sentinelctl.kql.syntax.SyntaxElement;

import static dev.sentinelctl.kql.semantic.ScalarType.BOOL;
import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;
import static dev.sentinelctl.kql.semantic.ScalarType.LONG;
import static dev.sentinelctl.kql.semantic.ScalarType.REAL;
import static dev.sentinelctl.kql.semantic.ScalarType.STRING;

/**
 * {@code == != < <= > >=} with Kusto's null rules (null-values.md): {@code ==} of two nulls is null, of a null and
 * a value false; {@code !=} of a null and a value true; ordering with a null is null. Numbers compare across
 * int/long/real; a dynamic operand is converted to the other side's type.
 */
final class Comparisons {

    private Comparisons() {
    }

    static ScalarType common(ScalarType a, ScalarType b) {
        if (a == b) return a;
        if (a == DYNAMIC) return b;
        if (b == DYNAMIC) return a;
        if (a.isNumeric() && b.isNumeric()) {
            if (a == REAL || b == REAL) return REAL;
            if (a == ScalarType.DECIMAL || b == ScalarType.DECIMAL) return ScalarType.DECIMAL;
            return LONG;
        }
        return null;
    }

    /** {@link #common} plus the mixed forms Kusto's comparisons accept. */
    static ScalarType comparable(ScalarType a, ScalarType b) {
        ScalarType c = common(a, b);
        if (c != null) return c;
        // Kusto accepts a string against a typed value (ResultType == 0, IsAdmin == "true"): the string is
        // converted to the other side's type, and a string that does not convert compares as null
        // (integers compare as reals, so "1.5" is not equal to 1)
        if (a == STRING && b.isInteger() || b == STRING && a.isInteger()) return REAL;
        if (a == STRING && b != BOOL) return b;
        if (b == STRING && a != BOOL) return a;
        if (a == STRING || b == STRING) return BOOL;
        // bool against a number: the number as a bool (0 false, other true)
        if (a == BOOL && b.isNumeric() || b == BOOL && a.isNumeric()) return BOOL;
        return null;
    }

    static Ev compile(BinaryOp op, Ev l, Ev r, SyntaxElement where) {
        ScalarType t = comparable(l.type(), r.type());
        if (t == null) {
            throw EvalException.bind("cannot compare " + l.type().kustoName() + " with " + r.type().kustoName(), where);
        }
        Ev a = cast(l, t), b = cast(r, t);
        return switch (op) {
            case EQUAL -> Ev.of(BOOL, row -> {
                Object x = a.eval(row), y = b.eval(row);
                if (x == null || y == null) return x == null && y == null ? null : false;
                return Compare.equal(t, x, y);
            });
            case NOT_EQUAL, NOT_EQUAL_ALT -> Ev.of(BOOL, row -> {
                Object x = a.eval(row), y = b.eval(row);
                if (x == null || y == null) return x == null && y == null ? null : true;
                return !Compare.equal(t, x, y);
            });
            default -> {
                int want = switch (op) {
                    case LESS -> 0;
                    case LESS_EQUAL -> 1;
                    case GREATER -> 2;
                    default -> 3;
                };
                yield Ev.of(BOOL, row -> {
                    Object x = a.eval(row);
                    if (x == null) return null;
                    Object y = b.eval(row);
                    if (y == null) return null;
                    int c = Compare.compare(t, x, y);
                    return switch (want) {
                        case 0 -> c < 0;
                        case 1 -> c <= 0;
                        case 2 -> c > 0;
                        default -> c >= 0;
                    };
                });
            }
        };
    }

    static Ev cast(Ev e, ScalarType to) {
        ScalarType from = e.type();
        if (from == to) return e;
        if (from == ScalarType.INT && to == LONG) return e;
        return Ev.of(to, row -> Convert.to(to, from, e.eval(row)));
    }

    /** A list value converted to the left side's type, for set lookups ({@code in}). */
    static Object coerce(ScalarType to, ScalarType from, Object v) {
        if (v == null) return null;
        Object c = (from == to || from == ScalarType.INT && to == LONG || from == LONG && to == ScalarType.INT) ? v : Convert.to(to, from, v);
        return c == null ? null : normalise(to, c);
    }

    static Object normalise(ScalarType t, Object v) {
        if (t == ScalarType.DECIMAL) return ((java.math.BigDecimal) v).stripTrailingZeros();
        return v;
    }
}
