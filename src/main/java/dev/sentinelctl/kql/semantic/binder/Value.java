package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ErrorType;
import dev.sentinelctl.kql.semantic.KqlType;
import dev.sentinelctl.kql.semantic.ScalarType;

import java.util.List;

/**
 * What binding one expression produced.
 *
 * @param type     scalar type, or {@link ErrorType#UNKNOWN}; for tabular values see {@code rows}
 * @param rows     non-null when the expression is tabular
 * @param column   the column the expression refers to (a plain column reference, or a no-op conversion of
 *                 one); Kusto then treats {@code project x} as declaring that column, which matters for naming
 * @param constant the literal value of a string/long/bool constant, else null
 * @param tuple    several named results ({@code arg_max}, {@code percentiles}, {@code series_decompose}),
 *                 else null; {@code type} is then the first one's
 * @param shape    what is known about a dynamic value: an array (Kusto rejects it where a string is expected,
 *                 {@code todynamic(split(x, ','))}, but accepts a plain dynamic there), an array of strings, or
 *                 one string held in a dynamic (an element after mv-expand, which cannot be indexed)
 */
/** What is known about the contents of a dynamic value, after Kusto's dynamic array/primitive types. */
enum DynamicShape { PLAIN, ARRAY, STRING_ARRAY, STRING_ELEMENT }

record Value(KqlType type, RowSchema rows, Column column, Object constant, List<Column> tuple, DynamicShape shape) {

    static final Value UNKNOWN = new Value(ErrorType.UNKNOWN, null, null, null, null, DynamicShape.PLAIN);
    static final Value BOOL = scalar(ScalarType.BOOL);
    static final Value STRING = scalar(ScalarType.STRING);
    static final Value LONG = scalar(ScalarType.LONG);
    static final Value DYNAMIC = scalar(ScalarType.DYNAMIC);

    static Value scalar(KqlType t) {
        return new Value(t, null, null, null, null, DynamicShape.PLAIN);
    }

    static Value tabular(RowSchema rows) {
        return new Value(ErrorType.UNKNOWN, rows, null, null, null, DynamicShape.PLAIN);
    }

    static Value column(Column c) {
        return new Value(c.type(), null, c, null, null, DynamicShape.PLAIN);
    }

    static Value constant(KqlType t, Object v) {
        return new Value(t, null, null, v, null, DynamicShape.PLAIN);
    }

    static Value tuple(List<Column> cols) {
        return new Value(cols.isEmpty() ? ErrorType.UNKNOWN : cols.get(0).type(), null, null, null, List.copyOf(cols), DynamicShape.PLAIN);
    }

    /** The same value known to be a dynamic array (Kusto's DynamicArray type: split, make_set, dynamic([...])). */
    Value asArray() {
        return array() ? this : withShape(DynamicShape.ARRAY);
    }

    Value withShape(DynamicShape s) {
        return s == shape ? this : new Value(type, rows, column, constant, tuple, s);
    }

    boolean array() {
        return shape == DynamicShape.ARRAY || shape == DynamicShape.STRING_ARRAY;
    }

    boolean isTabular() {
        return rows != null;
    }

    boolean isUnknown() {
        return rows == null && type.isUnknown();
    }
}
