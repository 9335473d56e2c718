package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Catalog;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code kql run}: JSON Lines {@code {"id","query","now"?,"tables"?:{"T":[{...}]}}} in, one line per input out:
 * {@code {"id","columns":[{"name","type"}],"rows":[[...]],"error":null|{"code","message","offset"}}}. Values are
 * printed as the Log Analytics query API prints them ({@link ValueFormat}). A bad line gives an error line
 * ({@code EVAL-input}) and the run continues.
 */
public final class JsonLinesRunner {

    public record Summary(int records, int failed, int badLines) {
    }

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final Catalog catalog;
    private final KqlEngine engine;

    public JsonLinesRunner(Catalog catalog) {
        this.catalog = catalog;
        this.engine = new KqlEngine(catalog);
    }

    public Summary run(InputStream in, OutputStream out) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        int records = 0, failed = 0, bad = 0;
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) continue;
            records++;
            ObjectNode result;
            try {
                result = runLine(line);
            } catch (IllegalArgumentException | JacksonException e) {
                bad++;
                result = Values.object();
                result.putNull("id");
                result.set("columns", Values.array());
                result.set("rows", Values.array());
                ObjectNode err = result.putObject("error");
                err.put("code", "EVAL-input");
                err.put("message", "stdin:" + lineNo + ": " + message(e));
            }
            if (!result.get("error").isNull()) failed++;
            writer.write(mapper.writeValueAsString(result));
            writer.write('\n');
        }
        writer.flush();
        return new Summary(records, failed, bad);
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        if (m == null) return e.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }

    ObjectNode runLine(String line) {
        JsonNode req = mapper.readTree(line);
        if (!req.isObject()) throw new IllegalArgumentException("each line must be a JSON object {\"id\", \"query\"}");
        JsonNode q = req.get("query");
        if (q == null || !q.isString()) throw new IllegalArgumentException("missing \"query\" (a string)");
        Instant now = Instant.now();
        if (req.hasNonNull("now")) {
            Long ticks = Values.parseDatetime(req.get("now").asString());
            if (ticks == null) throw new IllegalArgumentException("\"now\" is not a datetime: " + req.get("now"));
            now = Values.instant(ticks);
        }
        Map<String, Table> tables = new HashMap<>();
        JsonNode ts = req.get("tables");
        if (ts != null && !ts.isNull()) {
            if (!ts.isObject()) throw new IllegalArgumentException("\"tables\" must be an object of table name to rows");
            for (Map.Entry<String, JsonNode> en : ts.properties()) {
                tables.put(en.getKey(), JsonTables.fromRows(en.getKey(), en.getValue(), catalog));
            }
        }
        Integer seasonality = null;
        if (req.hasNonNull("seasonality")) {
            JsonNode sv = req.get("seasonality");
            if (!sv.isIntegralNumber() || sv.asLong() < 0 || sv.asLong() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("\"seasonality\" must be 0 (none) or a period in bins (a whole number), not " + sv);
            }
            seasonality = sv.asInt();
        }
        EvalResult r = engine.run(q.stringValue(), tables, EvalContext.at(now).withSeasonality(seasonality));
        ObjectNode out = Values.object();
        out.set("id", req.get("id") == null ? Values.JSON.nullNode() : req.get("id"));
        ArrayNode cols = out.putArray("columns");
        ArrayNode rows = out.putArray("rows");
        if (r instanceof EvalResult.Ok ok) {
            Table t = ok.table();
            for (int c = 0; c < t.columns().size(); c++) {
                ObjectNode col = cols.addObject();
                col.put("name", t.columns().get(c).name());
                col.put("type", t.type(c).kustoName());
            }
            for (int i = 0; i < t.rowCount(); i++) {
                ArrayNode row = rows.addArray();
                for (int c = 0; c < t.columns().size(); c++) row.add(ValueFormat.json(t, i, c));
            }
            out.putNull("error");
        } else {
            EvalResult.Failed f = (EvalResult.Failed) r;
            ObjectNode err = out.putObject("error");
            err.put("code", f.code());
            err.put("message", f.message());
            err.put("offset", f.offset());
            if (f.offset() >= 0) {
                // 1-based line and column of the offset in the query text, for people reading the output
                String text = q.stringValue();
                int ln = 1, col = 1;
                for (int i = 0; i < Math.min(f.offset(), text.length()); i++) {
                    if (text.charAt(i) == '\n') {
                        ln++;
                        col = 1;
                    } else {
                        col++;
                    }
                }
                err.put("line", ln);
                err.put("column", col);
            }
        }
        return out;
    }
}
