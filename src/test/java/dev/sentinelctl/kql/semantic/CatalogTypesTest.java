package dev.sentinelctl.kql.semantic;

import dev.sentinelctl.kql.semantic.TypePromotion.ArithmeticOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.sentinelctl.kql.semantic.ScalarType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogTypesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "string|STRING", "String|STRING", "' string '|STRING", "'string,'|STRING", "uri|STRING",
            "Int32|INT", "int|INT", "Integer|INT", "Int64|LONG", "bigint|LONG", "BigInt|LONG", "long|LONG",
            "Double|REAL", "real|REAL", "Real|REAL", "float|REAL", "Boolean|BOOL", "bool|BOOL", "SByte|BOOL",
            "DateTime|DATETIME", "Date/time|DATETIME", "timestamp|DATETIME", "Datetime|DATETIME",
            "Guid|GUID", "GUID|GUID", "uuid|GUID", "Object|DYNAMIC", "dynamic|DYNAMIC", "timespan|TIMESPAN",
            "time|TIMESPAN", "decimal|DECIMAL", "System.String|STRING"})
    void readsKustoAndDotNetSpellings(String name, ScalarType expected) {
        TypeNames.Parsed p = TypeNames.parse(name);
        assertEquals(expected, p.type());
        assertTrue(p.recognised(), name);
    }

    @Test
    void unknownNamesBecomeDynamicAndAreFlagged() {
        for (String bad : new String[] {"def", "...", "", "varchar", null}) {
            TypeNames.Parsed p = TypeNames.parse(bad);
            assertEquals(DYNAMIC, p.type());
            assertFalse(p.recognised(), String.valueOf(bad));
        }
    }

    @Test
    void numericPromotion() {
        assertEquals(INT, TypePromotion.promoteNumeric(INT, INT));
        assertEquals(LONG, TypePromotion.promoteNumeric(INT, LONG));
        assertEquals(REAL, TypePromotion.promoteNumeric(LONG, REAL));
        assertEquals(REAL, TypePromotion.promoteNumeric(DECIMAL, REAL));
        assertEquals(DECIMAL, TypePromotion.promoteNumeric(LONG, DECIMAL));
        assertEquals(ErrorType.UNKNOWN, TypePromotion.promoteNumeric(STRING, INT));
        assertEquals(REAL, TypePromotion.widest(List.of(INT, LONG, REAL)));
    }

    @Test
    void timeArithmetic() {
        assertEquals(TIMESPAN, TypePromotion.arithmetic(ArithmeticOp.SUBTRACT, DATETIME, DATETIME));
        assertEquals(DATETIME, TypePromotion.arithmetic(ArithmeticOp.SUBTRACT, DATETIME, TIMESPAN));
        assertEquals(DATETIME, TypePromotion.arithmetic(ArithmeticOp.ADD, DATETIME, TIMESPAN));
        assertEquals(DATETIME, TypePromotion.arithmetic(ArithmeticOp.ADD, TIMESPAN, DATETIME));
        assertEquals(TIMESPAN, TypePromotion.arithmetic(ArithmeticOp.ADD, TIMESPAN, TIMESPAN));
        assertEquals(TIMESPAN, TypePromotion.arithmetic(ArithmeticOp.MULTIPLY, TIMESPAN, INT));
        assertEquals(TIMESPAN, TypePromotion.arithmetic(ArithmeticOp.MULTIPLY, LONG, TIMESPAN));
        assertEquals(REAL, TypePromotion.arithmetic(ArithmeticOp.DIVIDE, TIMESPAN, TIMESPAN));
        assertEquals(TIMESPAN, TypePromotion.arithmetic(ArithmeticOp.DIVIDE, TIMESPAN, LONG));
        assertEquals(LONG, TypePromotion.arithmetic(ArithmeticOp.ADD, INT, LONG));
        assertEquals(REAL, TypePromotion.arithmetic(ArithmeticOp.DIVIDE, INT, REAL));
    }

    @Test
    void dynamicAndInvalidOperands() {
        assertEquals(LONG, TypePromotion.arithmetic(ArithmeticOp.ADD, DYNAMIC, INT));
        assertEquals(REAL, TypePromotion.arithmetic(ArithmeticOp.ADD, DYNAMIC, REAL));
        assertEquals(DYNAMIC, TypePromotion.arithmetic(ArithmeticOp.ADD, DYNAMIC, DYNAMIC));
        assertEquals(ErrorType.UNKNOWN, TypePromotion.arithmetic(ArithmeticOp.ADD, STRING, INT));
        assertEquals(ErrorType.UNKNOWN, TypePromotion.arithmetic(ArithmeticOp.SUBTRACT, TIMESPAN, STRING));
        // an operand that already failed to bind does not produce a second error
        assertEquals(ErrorType.UNKNOWN, TypePromotion.arithmetic(ArithmeticOp.ADD, ErrorType.UNKNOWN, INT));
    }

    @Test
    void commonType() {
        assertEquals(LONG, TypePromotion.common(List.of(INT, LONG)));
        assertEquals(STRING, TypePromotion.common(List.of(STRING, STRING)));
        assertEquals(DYNAMIC, TypePromotion.common(List.of(STRING, DYNAMIC)));
        assertEquals(ErrorType.UNKNOWN, TypePromotion.common(List.of(STRING, DATETIME)));
    }

    @Test
    void typeNamesPrintLikeKusto() {
        assertEquals("long", LONG.displayName());
        assertEquals("(a:string, b:long)",
                new TabularType(List.of(new Column("a", STRING), new Column("b", LONG))).displayName());
        assertTrue(ParameterTypeKind.SUMMABLE.accepts(TIMESPAN));
        assertFalse(ParameterTypeKind.NUMBER.accepts(STRING));
        assertTrue(ParameterTypeKind.NUMBER.accepts(DYNAMIC));
        assertTrue(ParameterTypeKind.NUMBER.accepts(ErrorType.UNKNOWN));
    }
}
