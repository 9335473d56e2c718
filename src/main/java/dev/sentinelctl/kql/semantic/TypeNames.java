package dev.sentinelctl.kql.semantic;

import java.util.Locale;
import java.util.Map;

/**
 * Reads the type names found in schema files: Kusto names and aliases ({@code int64}, {@code boolean}),
 * the .NET / Log Analytics spellings of Azure-Sentinel's CustomTables ({@code String}, {@code Int32},
 * {@code SByte}, {@code Date/time} ...) and the sloppy ones those files also contain ({@code "string "},
 * {@code "string,"}, {@code timetamp}). The table mirrors the oracle's (shared/kql-oracle/kusto.js) so that
 * both see the same schema; anything unrecognised becomes {@code dynamic}, flagged so callers can warn.
 */
public final class TypeNames {

    /** The result of reading a type name; {@code recognised == false} means it fell back to dynamic. */
    public record Parsed(ScalarType type, boolean recognised) {
    }

    private static final Map<String, ScalarType> ALIASES = Map.ofEntries(
            Map.entry("string", ScalarType.STRING), Map.entry("str", ScalarType.STRING),
            Map.entry("text", ScalarType.STRING), Map.entry("uri", ScalarType.STRING),
            Map.entry("system.string", ScalarType.STRING),
            Map.entry("datetime", ScalarType.DATETIME), Map.entry("date", ScalarType.DATETIME),
            Map.entry("date/time", ScalarType.DATETIME), Map.entry("timestamp", ScalarType.DATETIME),
            // seen once in CustomTables; a typo nobody means as dynamic
            Map.entry("timetamp", ScalarType.DATETIME),
            Map.entry("system.datetime", ScalarType.DATETIME),
            Map.entry("dynamic", ScalarType.DYNAMIC), Map.entry("object", ScalarType.DYNAMIC),
            Map.entry("array", ScalarType.DYNAMIC), Map.entry("bag", ScalarType.DYNAMIC),
            Map.entry("system.object", ScalarType.DYNAMIC),
            Map.entry("int", ScalarType.INT), Map.entry("int32", ScalarType.INT),
            Map.entry("system.int32", ScalarType.INT), Map.entry("integer", ScalarType.INT),
            Map.entry("byte", ScalarType.INT), Map.entry("int16", ScalarType.INT), Map.entry("short", ScalarType.INT),
            Map.entry("int8", ScalarType.INT), Map.entry("uint8", ScalarType.INT), Map.entry("uint16", ScalarType.INT),
            Map.entry("uint", ScalarType.INT),
            Map.entry("long", ScalarType.LONG), Map.entry("int64", ScalarType.LONG),
            Map.entry("system.int64", ScalarType.LONG), Map.entry("bigint", ScalarType.LONG),
            Map.entry("uint32", ScalarType.LONG), Map.entry("uint64", ScalarType.LONG), Map.entry("ulong", ScalarType.LONG),
            Map.entry("real", ScalarType.REAL), Map.entry("double", ScalarType.REAL), Map.entry("float", ScalarType.REAL),
            Map.entry("system.double", ScalarType.REAL), Map.entry("single", ScalarType.REAL),
            // Kusto stores bool as System.SByte, so Log Analytics exports print SByte for bool columns
            Map.entry("bool", ScalarType.BOOL), Map.entry("boolean", ScalarType.BOOL),
            Map.entry("system.boolean", ScalarType.BOOL), Map.entry("sbyte", ScalarType.BOOL),
            Map.entry("system.sbyte", ScalarType.BOOL),
            Map.entry("guid", ScalarType.GUID), Map.entry("uuid", ScalarType.GUID), Map.entry("uniqueid", ScalarType.GUID),
            Map.entry("system.guid", ScalarType.GUID),
            Map.entry("timespan", ScalarType.TIMESPAN), Map.entry("time", ScalarType.TIMESPAN),
            Map.entry("system.timespan", ScalarType.TIMESPAN),
            Map.entry("decimal", ScalarType.DECIMAL), Map.entry("system.decimal", ScalarType.DECIMAL));

    private TypeNames() {
    }

    /** Never fails: null, blank and unknown names give {@code dynamic} with {@code recognised == false}. */
    public static Parsed parse(String typeName) {
        if (typeName == null) return new Parsed(ScalarType.DYNAMIC, false);
        String key = typeName.strip().toLowerCase(Locale.ROOT);
        // "string," appears in real CustomTables files: stray punctuation, not a different type
        while (!key.isEmpty() && (key.endsWith(",") || key.endsWith(";"))) key = key.substring(0, key.length() - 1).strip();
        ScalarType t = ALIASES.get(key);
        return t == null ? new Parsed(ScalarType.DYNAMIC, false) : new Parsed(t, true);
    }

    /** Convenience for callers that do not need to know whether the name was recognised. */
    public static ScalarType toScalar(String typeName) {
        return parse(typeName).type();
    }
}
