package dev.sentinelctl.kql.syntax;

/** The type a literal denotes (integers without a type are {@code long}, as in Kusto). */
public enum LiteralKind {
    STRING, LONG, INT, REAL, DECIMAL, BOOL, DATETIME, TIMESPAN, GUID;

    /** The kind of a {@code type(...)} literal from its keyword. */
    static LiteralKind ofTypeKeyword(String word) {
        return switch (word) {
            case "datetime", "date" -> DATETIME;
            case "timespan", "time" -> TIMESPAN;
            case "guid", "uuid", "uniqueid" -> GUID;
            case "int", "int32" -> INT;
            case "long", "int64" -> LONG;
            case "real", "double" -> REAL;
            case "decimal" -> DECIMAL;
            case "bool", "boolean" -> BOOL;
            default -> STRING;
        };
    }
}
