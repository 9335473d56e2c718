package dev.sentinelctl.deploy.sandbox;

import dev.sentinelctl.kql.eval.EvalContext;
import dev.sentinelctl.kql.eval.EvalResult;
import dev.sentinelctl.kql.eval.JsonTables;
import dev.sentinelctl.kql.eval.KqlEngine;
import dev.sentinelctl.kql.eval.Table;
import dev.sentinelctl.kql.eval.ValueFormat;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's Log Analytics query API for any query other than preflight's: sentinelctl's own engine
 * ({@code kql/eval}) over the tables the query declares (a test's inlined {@code datatable}s) and the workspace's
 * table data, if a setup gave it some ({@code "data"}), limited to the request's {@code timespan} as the service limits
 * every table by TimeGenerated. Answers in the service's shape ({@code tables[0]} with typed columns; datetime and
 * timespan as text, dynamic as JSON text as the service sends it); a query the engine cannot run is a 400
 * {@code BadArgumentError} carrying the engine's code and message, in the service's error shape.
 */
final class SandboxKql {
    private KqlEngine engine;
    private Catalog catalog;

    ObjectNode run(ObjectNode body, Map<String, ArrayNode> data, Instant now, java.util.OptionalInt seasonality) {
        String query = body.path("query").asString("");
        if (query.isBlank()) throw new ArmException(400, "BadArgumentError", "The 'query' property is required.");
        Instant from = Instant.MIN;
        Instant to = Instant.MAX;
        JsonNode ts = body.get("timespan");
        if (ts != null && !ts.isNull()) {
            Instant[] range = timespan(ts.asString(""), now);
            from = range[0];
            to = range[1];
        }
        if (engine == null) {
            catalog = Catalog.builtIn();
            engine = new KqlEngine(catalog);
        }
        Map<String, Table> tables = new HashMap<>();
        for (Map.Entry<String, ArrayNode> e : data.entrySet()) {
            ArrayNode rows = SandboxJson.MAPPER.createArrayNode();
            for (JsonNode row : e.getValue()) {
                if (inside(row.path("TimeGenerated"), from, to)) rows.add(row);
            }
            try {
                tables.put(e.getKey(), JsonTables.fromRows(e.getKey(), rows, catalog));
            } catch (IllegalArgumentException bad) {
                throw new ArmException(400, "BadArgumentError", "The sandbox's data for table " + e.getKey() + " is not usable: "
                        + bad.getMessage());
            }
        }
        EvalContext context = EvalContext.at(now);
        if (seasonality.isPresent()) context = context.withSeasonality(seasonality.getAsInt());
        EvalResult result = engine.run(query, tables, context);
        if (result instanceof EvalResult.Failed f) {
            throw new ArmException(400, "BadArgumentError", "The request had some invalid properties: " + f.code() + ": "
                    + f.message() + (f.offset() >= 0 ? " (at offset " + f.offset() + ")" : ""));
        }
        return answer(((EvalResult.Ok) result).table());
    }

    private static boolean inside(JsonNode time, Instant from, Instant to) {
        if (time.isMissingNode() || time.isNull()) return true;
        try {
            Instant t = Instant.parse(time.asString(""));
            return !t.isBefore(from) && t.isBefore(to);
        } catch (DateTimeParseException e) {
            return true; // JsonTables reports the bad value with its row
        }
    }

    /** {@code P1D} (back from now), {@code start/end} or {@code start/P1D}, as the service takes them. */
    private static Instant[] timespan(String text, Instant now) {
        try {
            int slash = text.indexOf('/');
            if (slash < 0) return new Instant[] {now.minus(duration(text)), now};
            Instant start = Instant.parse(text.substring(0, slash));
            String end = text.substring(slash + 1);
            return new Instant[] {start, end.startsWith("P") ? start.plus(duration(end)) : Instant.parse(end)};
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new ArmException(400, "BadArgumentError", "Invalid timespan '" + text + "': give an ISO 8601 duration (P1D) "
                    + "or interval (2024-01-01T00:00:00Z/2024-01-02T00:00:00Z).");
        }
    }

    private static Duration duration(String text) {
        return SandboxDurations.parse(text).orElseThrow(() -> new IllegalArgumentException(text));
    }

    private static ObjectNode answer(Table t) {
        ObjectNode out = SandboxJson.object();
        ObjectNode table = out.putArray("tables").addObject();
        table.put("name", "PrimaryResult");
        ArrayNode columns = table.putArray("columns");
        for (Column c : t.columns()) {
            columns.addObject().put("name", c.name()).put("type", ((ScalarType) c.type()).kustoName());
        }
        ArrayNode rows = table.putArray("rows");
        for (int r = 0; r < t.rowCount(); r++) {
            ArrayNode row = rows.addArray();
            for (int c = 0; c < t.columns().size(); c++) {
                JsonNode v = ValueFormat.json(t, r, c);
                // the service sends dynamic values as their JSON text
                row.add(t.columns().get(c).type() == ScalarType.DYNAMIC && !v.isNull() ? SandboxJson.MAPPER.getNodeFactory().stringNode(v.toString()) : v);
            }
        }
        return out;
    }
}
