package dev.sentinelctl.testing.realengine;

import com.sun.net.httpserver.HttpServer;
import dev.sentinelctl.kql.eval.EvalContext;
import dev.sentinelctl.kql.eval.EvalResult;
import dev.sentinelctl.kql.eval.KqlEngine;
import dev.sentinelctl.kql.eval.Table;
import dev.sentinelctl.kql.eval.ValueFormat;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in of the Kusto emulator on 127.0.0.1 ({@code POST /v1/rest/query {"db","csl"}}, v1 answer
 * {@code Tables[0].Columns[{ColumnName,DataType,ColumnType}]}, errors as {@code {"error":{code,@message}}}): it runs
 * our engine over the posted csl with the built-in catalog only — no tables, functions or watchlists given and
 * another clock — so a query answers right only if its text carries everything it reads, as on an empty database.
 */
public final class AdxStandIn implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Catalog CATALOG = Catalog.builtIn();
    private final HttpServer server;
    private final List<JsonNode> requests = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();

    public AdxStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/rest/query", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            synchronized (requests) {
                requests.add(body);
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            }
            EvalResult r = new KqlEngine(CATALOG).run(body.path("csl").asString(), Map.of(), EvalContext.at(Instant.parse("2031-01-01T00:00:00Z")));
            ObjectNode answer = JSON.createObjectNode();
            int status = 200;
            if (r instanceof EvalResult.Ok ok) {
                Table t = ok.table();
                ObjectNode table = answer.putArray("Tables").addObject();
                table.put("TableName", "Table_0");
                ArrayNode cols = table.putArray("Columns");
                for (Column c : t.columns()) {
                    cols.addObject().put("ColumnName", c.name()).put("DataType", "Object").put("ColumnType", ((ScalarType) c.type()).kustoName());
                }
                ArrayNode rows = table.putArray("Rows");
                for (int i = 0; i < t.rowCount(); i++) {
                    ArrayNode row = rows.addArray();
                    for (int c = 0; c < t.columns().size(); c++) row.add(ValueFormat.json(t, i, c));
                }
            } else {
                status = 400;
                answer.putObject("error").put("code", "General_BadRequest").put("@message", ((EvalResult.Failed) r).message());
            }
            byte[] bytes = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The request bodies received, in order. */
    public List<JsonNode> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Each request's Authorization header ("null" when none was sent). */
    public List<String> authorizations() {
        synchronized (requests) {
            return List.copyOf(authorizations);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
