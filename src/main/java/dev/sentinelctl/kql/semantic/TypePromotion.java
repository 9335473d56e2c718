package dev.sentinelctl.kql.semantic;

import java.util.List;

/**
 * Kusto's arithmetic and "common type" rules for the binder: int+int→int, int+long→long, anything with
 * real→real, datetime−datetime→timespan, datetime±timespan→datetime, timespan×number→timespan,
 * dynamic+int→long. Operands of type {@link ErrorType#UNKNOWN} give UNKNOWN so that one error does not
 * cascade; the binder reports a type error only when both operands are known and the result is UNKNOWN.
 */
public final class TypePromotion {

    public enum ArithmeticOp { ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO }

    private TypePromotion() {
    }

    /** Numeric promotion (int < long < decimal < real); UNKNOWN when either is not a number. */
    public static KqlType promoteNumeric(KqlType a, KqlType b) {
        if (!(a instanceof ScalarType x) || !(b instanceof ScalarType y) || !x.isNumeric() || !y.isNumeric()) {
            return ErrorType.UNKNOWN;
        }
        return rank(x) >= rank(y) ? x : y;
    }

    /** The widest of a list of numbers (Kusto's "Widest" return kind, e.g. {@code bin(int, real)} → real). */
    public static KqlType widest(List<? extends KqlType> types) {
        KqlType result = null;
        for (KqlType t : types) {
            result = result == null ? t : promoteNumeric(result, t);
            if (result.isUnknown()) return ErrorType.UNKNOWN;
        }
        return result == null ? ErrorType.UNKNOWN : result;
    }

    /**
     * The common type of {@code iff}/{@code case}/{@code coalesce} branches: equal types stay, numbers promote,
     * otherwise dynamic if one branch is dynamic, otherwise UNKNOWN (the binder reports the mismatch).
     */
    public static KqlType common(List<? extends KqlType> types) {
        KqlType result = null;
        for (KqlType t : types) {
            if (t.isUnknown()) return ErrorType.UNKNOWN;
            if (result == null || result.equals(t)) {
                result = t;
            } else if (result instanceof ScalarType x && t instanceof ScalarType y && x.isNumeric() && y.isNumeric()) {
                result = promoteNumeric(x, y);
            } else if (result == ScalarType.DYNAMIC || t == ScalarType.DYNAMIC) {
                result = ScalarType.DYNAMIC;
            } else {
                return ErrorType.UNKNOWN;
            }
        }
        return result == null ? ErrorType.UNKNOWN : result;
    }

    /**
     * Result type of {@code a op b}, or UNKNOWN when Kusto would reject the operand types. Transcribes the
     * operator signatures in kusto-builtins.json ({@code scalarOperators}); the first match wins, as in Kusto.
     */
    public static KqlType arithmetic(ArithmeticOp op, KqlType a, KqlType b) {
        if (!(a instanceof ScalarType x) || !(b instanceof ScalarType y)) return ErrorType.UNKNOWN;
        if (x.isNumeric() && y.isNumeric()) return promoteNumeric(x, y);
        ScalarType dt = ScalarType.DATETIME;
        ScalarType ts = ScalarType.TIMESPAN;
        ScalarType dyn = ScalarType.DYNAMIC;
        KqlType timeResult = switch (op) {
            case ADD -> x == ts && y == ts ? ts : isTime(x) && isTime(y) ? dt : null;
            case SUBTRACT -> x == ts && y == ts ? ts
                    : (x == dt && (y == dt || y == dyn)) || (x == dyn && y == dt) ? ts
                    : (x == dt && y == ts) || (x == ts && y == dt) ? dt : null;
            case MULTIPLY -> (x == ts && (y == ts || y.isNumeric())) || (x.isNumeric() && y == ts) ? ts
                    : (x == dt && y.isNumeric()) || (x.isNumeric() && y == dt) ? dt : null;
            case DIVIDE -> x == ts && y == ts ? ScalarType.REAL : x == ts && y.isNumeric() ? ts
                    : x == dt && (y == dt || y == ts) ? ScalarType.REAL : x == dt && y.isNumeric() ? dt : null;
            case MODULO -> x == ts && (y == ts || y.isNumeric()) ? ts
                    : x == dt && (y == dt || y == ts) ? ts : x == dt && y.isNumeric() ? dt : null;
        };
        if (timeResult != null) return timeResult;
        if (x == dyn && y == dyn) return dyn;
        // dynamic with an int gives long; with another number (or a time type for + and -) it takes that type
        if ((x == dyn && y == ScalarType.INT) || (x == ScalarType.INT && y == dyn)) return ScalarType.LONG;
        boolean addOrSub = op == ArithmeticOp.ADD || op == ArithmeticOp.SUBTRACT;
        if (x == dyn && (y.isNumeric() || (addOrSub && isTime(y)))) return y;
        if (y == dyn && (x.isNumeric() || (addOrSub && isTime(x)))) return x;
        return ErrorType.UNKNOWN;
    }

    /** Unary minus: numbers, timespan and dynamic keep their type. */
    public static KqlType negate(KqlType a) {
        if (a instanceof ScalarType x && (x.isNumeric() || x == ScalarType.TIMESPAN || x == ScalarType.DYNAMIC)) return x;
        return ErrorType.UNKNOWN;
    }

    private static boolean isTime(ScalarType t) {
        return t == ScalarType.DATETIME || t == ScalarType.TIMESPAN;
    }

    private static int rank(ScalarType t) {
        return switch (t) {
            case INT -> 1;
            case LONG -> 2;
            // the docs: "if one of the operands is of type real, the result will be of type real"
            case DECIMAL -> 3;
            case REAL -> 4;
            default -> 0;
        };
    }
}
