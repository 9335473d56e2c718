package dev.sentinelctl.kql.analyze;

import dev.sentinelctl.kql.KqlDiagnostic;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.binder.Binder;
import dev.sentinelctl.kql.semantic.binder.BoundQuery;
import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.syntax.ParsedQuery;
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

/**
 * {@code kql analyze}: JSON Lines {@code {"id", "query"|"text"}} in, one JSON line per input line out, in
 * the shape of Microsoft's oracle ({@code shared/kql-oracle/oracle.js}) so {@code compare.js} can score us.
 * A bad input line yields {@code {"id":..., "error":"..."}} and processing continues. With a {@link Binder}
 * the semantic fields are filled (semanticErrors, tables and unknownTables as the binder resolved them,
 * resultColumns of the last statement); without one (syntax-only) tables is the parser's positional guess and
 * resultColumns is null.
 */
public final class AnalyzeRunner {

    /** What one run produced; lets the CLI choose an exit code. */
    public record Summary(int records, int withSyntaxErrors, int badLines) {
    }

    private final JsonMapper mapper;
    private final Binder binder;

    /** Syntax only. */
    public AnalyzeRunner() {
        this(JsonMapper.builder().build(), null);
    }

    /** Parse and bind against {@code catalog}. */
    public AnalyzeRunner(Catalog catalog) {
        this(JsonMapper.builder().build(), new Binder(catalog));
    }

    public AnalyzeRunner(JsonMapper mapper) {
        this(mapper, null);
    }

    public AnalyzeRunner(JsonMapper mapper, Binder binder) {
        this.mapper = mapper;
        this.binder = binder;
    }

    public Summary run(InputStream in, OutputStream out) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        int records = 0;
        int withErrors = 0;
        int bad = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) continue;
            records++;
            ObjectNode result = analyzeLine(line);
            if (result.has("error")) {
                bad++;
            } else if (!result.get("syntaxErrors").isEmpty()) {
                withErrors++;
            }
            writer.write(mapper.writeValueAsString(result));
            writer.write('\n');
        }
        writer.flush();
        return new Summary(records, withErrors, bad);
    }

    /** Analyses one input line; never throws. */
    public ObjectNode analyzeLine(String line) {
        ObjectNode out = mapper.createObjectNode();
        JsonNode input;
        try {
            input = mapper.readTree(line);
        } catch (JacksonException e) {
            out.putNull("id");
            out.put("error", "line is not valid JSON: " + firstLine(e.getOriginalMessage()));
            return out;
        }
        if (input == null || !input.isObject()) {
            out.putNull("id");
            out.put("error", "line is not a JSON object");
            return out;
        }
        JsonNode id = input.get("id");
        out.set("id", id == null ? mapper.nullNode() : id);
        JsonNode query = input.has("query") ? input.get("query") : input.get("text");
        if (query == null || !query.isString()) {
            out.put("error", "missing \"query\" string");
            return out;
        }
        try {
            fill(out, KqlParser.parse(query.asString()));
        } catch (RuntimeException | StackOverflowError e) {
            // The parser is built never to throw; if it does, report it on this line and keep going.
            ObjectNode err = mapper.createObjectNode();
            err.set("id", out.get("id"));
            err.put("error", "internal parser failure: " + e);
            return err;
        }
        return out;
    }

    private void fill(ObjectNode out, ParsedQuery parsed) {
        writeDiagnostics(out.putArray("syntaxErrors"), parsed.diagnostics());
        if (binder == null) {
            out.putArray("semanticErrors");
            ArrayNode tables = out.putArray("tables");
            for (String t : parsed.referencedTables()) tables.add(t);
            out.putNull("resultColumns");
            return;
        }
        BoundQuery bound = binder.bind(parsed);
        writeDiagnostics(out.putArray("semanticErrors"), bound.diagnostics());
        ArrayNode tables = out.putArray("tables");
        for (String t : bound.tables()) tables.add(t);
        ArrayNode unknown = out.putArray("unknownTables");
        for (String t : bound.unknownTables()) unknown.add(t);
        if (bound.resultSchema().isEmpty()) {
            out.putNull("resultColumns");
        } else {
            ArrayNode cols = out.putArray("resultColumns");
            for (Column c : bound.resultColumns()) {
                ObjectNode o = cols.addObject();
                o.put("name", c.name());
                o.put("type", c.type().displayName());
            }
        }
    }

    private static void writeDiagnostics(ArrayNode into, java.util.List<KqlDiagnostic> diagnostics) {
        for (KqlDiagnostic d : diagnostics) {
            ObjectNode o = into.addObject();
            o.put("start", d.start());
            o.put("end", d.end());
            o.put("message", d.message());
            o.put("code", d.code());
            o.put("severity", capitalised(d.severity().label()));
            o.put("category", "General");
            if (!d.hint().isEmpty()) o.put("hint", d.hint());
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
