package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.BinaryOp;
import dev.sentinelctl.kql.syntax.SyntaxElement;

import java.math.BigDecimal;
import java.math.MathContext;

import static dev.sentinelctl.kql.semantic.ScalarType.DATETIME;
import static dev.sentinelctl.kql.semantic.ScalarType.DECIMAL;
import static dev.sentinelctl.kql.semantic.ScalarType.INT;
import static dev.sentinelctl.kql.semantic.ScalarType.LONG;
import static dev.sentinelctl.kql.semantic.ScalarType.REAL;
import static dev.sentinelctl.kql.semantic.ScalarType.TIMESPAN;

/**
 * Arithmetic with Kusto's typing: int op int is int, integers are long, any real makes real; datetime - datetime
 * is a timespan, datetime ± timespan a datetime, timespan / timespan a real. Integer division truncates and
 * by zero gives null; integer {@code %} is the mathematical modulo (-10 % 4 = 2); any null operand gives null.
 */
final class Arith {

    private Arith() {
    }

    static Ev compile(BinaryOp op, Ev l, Ev r, SyntaxElement where) {
        ScalarType a = numericView(l.type()), b = numericView(r.type());
        Ev left = a == l.type() ? l : asType(l, a), right = b == r.type() ? r : asType(r, b);
        ScalarType t = resultType(op, a, b);
        if (t == null && op == BinaryOp.DIVIDE && a == DATETIME && (b == DATETIME || b == TIMESPAN || b.isNumeric())) {
            // Kusto.Language types these (real, real, datetime) but the docs define no value for a datetime quotient
            throw EvalException.unsupported("operator / on a datetime (" + l.type().kustoName() + " / " + r.type().kustoName() + ")", where);
        }
        if (t == null) {
            throw EvalException.bind("operator " + op.text() + " cannot be applied to " + l.type().kustoName() + " and " + r.type().kustoName(), where);
        }
        Op f = op(op, a, b, t);
        return Ev.of(t, row -> {
            Object x = left.eval(row);
            if (x == null) return null;
            Object y = right.eval(row);
            if (y == null) return null;
            return f.apply(x, y);
        });
    }

    interface Op {
        Object apply(Object x, Object y);
    }

    /** Dynamic operands take part as real numbers (their static type is unknown). */
    private static ScalarType numericView(ScalarType t) {
        return t == ScalarType.DYNAMIC ? REAL : t;
    }

    static Ev asType(Ev e, ScalarType to) {
        ScalarType from = e.type();
        return Ev.of(to, row -> Convert.to(to, from, e.eval(row)));
    }

    private static ScalarType resultType(BinaryOp op, ScalarType a, ScalarType b) {
        boolean an = a.isNumeric(), bn = b.isNumeric();
        switch (op) {
            case ADD:
                if (an && bn) return numeric(a, b);
                if (a == DATETIME && b == TIMESPAN || a == TIMESPAN && b == DATETIME) return DATETIME;
                if (a == TIMESPAN && b == TIMESPAN) return TIMESPAN;
                return null;
            case SUBTRACT:
                if (an && bn) return numeric(a, b);
                if (a == DATETIME && b == TIMESPAN) return DATETIME;
                if (a == DATETIME && b == DATETIME) return TIMESPAN;
                if (a == TIMESPAN && b == TIMESPAN) return TIMESPAN;
                return null;
            case MULTIPLY:
                if (an && bn) return numeric(a, b);
                if (a == TIMESPAN && bn || an && b == TIMESPAN) return TIMESPAN;
                return null;
            case DIVIDE:
                if (an && bn) return numeric(a, b);
                if (a == TIMESPAN && b == TIMESPAN) return REAL;
                if (a == TIMESPAN && bn) return TIMESPAN;
                return null;
            case MODULO:
                if (an && bn) return numeric(a, b);
                if (a == TIMESPAN && b == TIMESPAN) return TIMESPAN;
                if (a == DATETIME && b == TIMESPAN) return TIMESPAN;
                return null;
            default:
                return null;
        }
    }

    private static ScalarType numeric(ScalarType a, ScalarType b) {
        if (a == REAL || b == REAL) return REAL;
        if (a == DECIMAL || b == DECIMAL) return DECIMAL;
        if (a == INT && b == INT) return INT;
        return LONG;
    }

    private static Op op(BinaryOp op, ScalarType a, ScalarType b, ScalarType t) {
        if (t == REAL) {
            return switch (op) {
                case ADD -> (x, y) -> d(x) + d(y);
                case SUBTRACT -> (x, y) -> d(x) - d(y);
                case MULTIPLY -> (x, y) -> d(x) * d(y);
                case DIVIDE -> (x, y) -> (a == TIMESPAN ? (double) (Long) x / (Long) y : d(x) / d(y));
                default -> (x, y) -> {
                    double m = d(x) % d(y);
                    return m;
                };
            };
        }
        if (t == DECIMAL) {
            return switch (op) {
                case ADD -> (x, y) -> dec(x).add(dec(y));
                case SUBTRACT -> (x, y) -> dec(x).subtract(dec(y));
                case MULTIPLY -> (x, y) -> dec(x).multiply(dec(y));
                case DIVIDE -> (x, y) -> dec(y).signum() == 0 ? null : dec(x).divide(dec(y), MathContext.DECIMAL128);
                default -> (x, y) -> dec(y).signum() == 0 ? null : dec(x).remainder(dec(y));
            };
        }
        boolean scaleReal = op == BinaryOp.MULTIPLY || op == BinaryOp.DIVIDE;
        if (t == TIMESPAN && scaleReal && (a == REAL || b == REAL || a == DECIMAL || b == DECIMAL)) {
            return switch (op) {
                case MULTIPLY -> (x, y) -> (long) Math.round(d(x) * d(y));
                default -> (x, y) -> d(y) == 0 ? null : (Object) (long) Math.round(d(x) / d(y));
            };
        }
        boolean isInt = t == INT;
        return switch (op) {
            case ADD -> (x, y) -> wrap(isInt, l(x) + l(y));
            case SUBTRACT -> (x, y) -> wrap(isInt, l(x) - l(y));
            case MULTIPLY -> (x, y) -> wrap(isInt, l(x) * l(y));
            case DIVIDE -> (x, y) -> l(y) == 0 ? null : wrap(isInt, l(x) / l(y));
            default -> (x, y) -> l(y) == 0 ? null : wrap(isInt, Math.floorMod(l(x), l(y)));
        };
    }

    private static Object wrap(boolean isInt, long v) {
        return isInt ? (long) (int) v : v;
    }

    static double d(Object o) {
        return o instanceof Double x ? x : o instanceof Long x ? (double) x : ((BigDecimal) o).doubleValue();
    }

    static long l(Object o) {
        return (Long) o;
    }

    static BigDecimal dec(Object o) {
        return o instanceof BigDecimal x ? x : o instanceof Long x ? BigDecimal.valueOf(x) : BigDecimal.valueOf((Double) o);
    }
}
