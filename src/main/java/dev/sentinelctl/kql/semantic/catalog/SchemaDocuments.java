package dev.sentinelctl.kql.semantic.catalog;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.FunctionSymbol;
import dev.sentinelctl.kql.semantic.KqlType;
import dev.sentinelctl.kql.semantic.Parameter;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.semantic.TabularType;
import dev.sentinelctl.kql.semantic.TypeNames;
import dev.sentinelctl.kql.semantic.catalog.JsonValue.JsonArray;
import dev.sentinelctl.kql.semantic.catalog.JsonValue.JsonObject;
import dev.sentinelctl.report.Severity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Interprets the schema JSON shapes of Azure-Sentinel's KQL validation (and the oracle):
 * a table {@code {"Name", "Properties"|"Columns": [{"Name","Type"}]}}, a function
 * {@code {"FunctionName", "FunctionParameters", "FunctionResultColumns"}}, a watchlist
 * {@code {"WatchlistAlias"|"Alias", "Columns"|"Properties"}}; one per file, a JSON array of them, or a
 * container {@code {"Tables":[...], "Functions":[...], "Watchlists":[...]}}. Keys are case-insensitive.
 * Problems are collected, never thrown: one bad entry must not hide the rest of a user's schema.
 */
public final class SchemaDocuments {

    /** A table or watchlist read from a document, before merging. */
    public record TableDef(String name, List<Column> columns) {
    }

    private final String source;
    private final List<TableDef> tables = new ArrayList<>();
    private final List<TableDef> watchlists = new ArrayList<>();
    private final List<FunctionSymbol> functions = new ArrayList<>();
    private final List<SchemaProblem> problems = new ArrayList<>();

    /** @param source a short label stored with functions ({@code "user:parsers/x.json"}) */
    public SchemaDocuments(String source) {
        this.source = source;
    }

    public List<TableDef> tables() {
        return tables;
    }

    public List<TableDef> watchlists() {
        return watchlists;
    }

    public List<FunctionSymbol> functions() {
        return functions;
    }

    public List<SchemaProblem> problems() {
        return problems;
    }

    public void read(JsonValue doc) {
        if (doc instanceof JsonArray a) {
            for (JsonValue v : a.items()) read(v);
            return;
        }
        if (!(doc instanceof JsonObject o)) {
            problem(Severity.ERROR, doc, "expected a table, function or watchlist object, found " + doc.kindName());
            return;
        }
        Optional<JsonValue> tablesList = o.get("Tables");
        Optional<JsonValue> functionsList = o.get("Functions");
        Optional<JsonValue> watchlistsList = o.get("Watchlists");
        if (tablesList.isPresent() || functionsList.isPresent() || watchlistsList.isPresent()) {
            tablesList.ifPresent(v -> readList(v, "Tables", this::readTable));
            functionsList.ifPresent(v -> readList(v, "Functions", this::readFunction));
            watchlistsList.ifPresent(v -> readList(v, "Watchlists", this::readWatchlist));
            return;
        }
        if (o.get("FunctionName").isPresent()) {
            readFunction(o);
        } else if (o.get("WatchlistAlias", "Alias").isPresent()) {
            readWatchlist(o);
        } else if (o.get("Name", "TableName").isPresent()) {
            readTable(o);
        } else {
            problem(Severity.ERROR, o, "not a schema document: expected \"Name\" and \"Properties\" (table), "
                    + "\"FunctionName\" (function), \"WatchlistAlias\" (watchlist) or \"Tables\"/\"Functions\"");
        }
    }

    private interface Reader {
        void read(JsonObject o);
    }

    private void readList(JsonValue v, String what, Reader reader) {
        if (!(v instanceof JsonArray a)) {
            problem(Severity.ERROR, v, "\"" + what + "\" must be an array, found " + v.kindName());
            return;
        }
        for (JsonValue item : a.items()) {
            if (item instanceof JsonObject o) {
                reader.read(o);
            } else {
                problem(Severity.ERROR, item, "an entry of \"" + what + "\" must be an object, found " + item.kindName());
            }
        }
    }

    private void readTable(JsonObject o) {
        Optional<String> name = nonBlank(o, "Name", "TableName");
        if (name.isEmpty()) {
            problem(Severity.ERROR, o, "table without a \"Name\"");
            return;
        }
        Optional<JsonValue> props = o.get("Properties", "Columns");
        if (props.isEmpty()) {
            problem(Severity.ERROR, o, "table '" + name.get() + "' has no \"Properties\" (or \"Columns\") list");
            return;
        }
        columns(props.get(), "table '" + name.get() + "'")
                .ifPresent(cols -> tables.add(new TableDef(name.get(), cols)));
    }

    private void readWatchlist(JsonObject o) {
        Optional<String> name = nonBlank(o, "WatchlistAlias", "Alias", "Name");
        if (name.isEmpty()) {
            problem(Severity.ERROR, o, "watchlist without a \"WatchlistAlias\"");
            return;
        }
        Optional<JsonValue> props = o.get("Columns", "Properties");
        if (props.isEmpty()) {
            problem(Severity.ERROR, o, "watchlist '" + name.get() + "' has no \"Columns\" list");
            return;
        }
        columns(props.get(), "watchlist '" + name.get() + "'")
                .ifPresent(cols -> watchlists.add(new TableDef(name.get(), cols)));
    }

    private void readFunction(JsonObject o) {
        Optional<String> name = nonBlank(o, "FunctionName");
        if (name.isEmpty()) {
            problem(Severity.ERROR, o, "function without a \"FunctionName\"");
            return;
        }
        String what = "function '" + name.get() + "'";
        List<Parameter> params = new ArrayList<>();
        Optional<JsonValue> paramList = o.get("FunctionParameters");
        if (paramList.isPresent()) {
            if (!(paramList.get() instanceof JsonArray a)) {
                problem(Severity.ERROR, paramList.get(), what + ": \"FunctionParameters\" must be an array");
                return;
            }
            Set<String> seen = new HashSet<>();
            for (JsonValue v : a.items()) {
                if (!(v instanceof JsonObject p)) {
                    problem(Severity.ERROR, v, what + ": a parameter must be an object, found " + v.kindName());
                    continue;
                }
                Optional<String> pn = nonBlank(p, "Name");
                if (pn.isEmpty()) {
                    problem(Severity.ERROR, p, what + ": parameter without a \"Name\"");
                    continue;
                }
                if (!seen.add(pn.get())) {
                    problem(Severity.WARNING, p, what + ": parameter '" + pn.get() + "' is listed twice");
                    continue;
                }
                ScalarType type = type(p, what + " parameter '" + pn.get() + "'");
                // Sentinel's validator marks parser parameters IsRequired=false unless told otherwise
                boolean required = p.get("IsRequired").flatMap(JsonValue::asText).map(Boolean::parseBoolean).orElse(false);
                params.add(Parameter.of(pn.get(), type, !required, required ? "" : typedNull(type)));
            }
        }
        KqlType result = ScalarType.DYNAMIC;
        Optional<JsonValue> resultList = o.get("FunctionResultColumns");
        if (resultList.isPresent()) {
            Optional<List<Column>> cols = columns(resultList.get(), what);
            if (cols.isEmpty()) return;
            // no result columns: the oracle and the validator treat it as a scalar function returning dynamic
            if (!cols.get().isEmpty()) result = new TabularType(cols.get());
        }
        functions.add(FunctionSymbol.stored(name.get(), params, result, source));
    }

    private Optional<List<Column>> columns(JsonValue v, String what) {
        if (!(v instanceof JsonArray a)) {
            problem(Severity.ERROR, v, what + ": the column list must be an array, found " + v.kindName());
            return Optional.empty();
        }
        List<Column> cols = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonValue item : a.items()) {
            if (!(item instanceof JsonObject c)) {
                problem(Severity.ERROR, item, what + ": a column must be an object with \"Name\" and \"Type\", found " + item.kindName());
                continue;
            }
            Optional<String> cn = nonBlank(c, "Name", "ColumnName");
            if (cn.isEmpty()) {
                problem(Severity.ERROR, c, what + ": column without a \"Name\"");
                continue;
            }
            // Kusto rejects duplicate columns; keep the first so the rest of the table stays usable
            if (!seen.add(cn.get())) {
                problem(Severity.WARNING, c, what + ": column '" + cn.get() + "' is listed twice; the first is used");
                continue;
            }
            cols.add(new Column(cn.get(), type(c, what + " column '" + cn.get() + "'")));
        }
        return Optional.of(cols);
    }

    private ScalarType type(JsonObject o, String what) {
        Optional<JsonValue> t = o.get("Type", "DataType", "ColumnType", "CslType");
        if (t.isEmpty()) {
            problem(Severity.WARNING, o, what + " has no \"Type\"; using dynamic");
            return ScalarType.DYNAMIC;
        }
        String text = t.get().asText().orElse(null);
        TypeNames.Parsed parsed = TypeNames.parse(text);
        if (!parsed.recognised()) {
            problem(Severity.WARNING, t.get(), what + ": unknown type '" + text + "'; using dynamic");
        }
        return parsed.type();
    }

    private static Optional<String> nonBlank(JsonObject o, String... names) {
        return o.string(names).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The default the oracle gives optional parser parameters, so calls without arguments bind. */
    static String typedNull(ScalarType t) {
        return switch (t) {
            case STRING -> "''";
            default -> t.kustoName() + "(null)";
        };
    }

    private void problem(Severity s, JsonValue at, String message) {
        problems.add(new SchemaProblem(s, at.line(), at.column(), message));
    }

}
