package dev.sentinelctl.testing.realengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.sentinelctl.deploy.azure.RetrySettings;
import dev.sentinelctl.kql.eval.EvalContext;
import dev.sentinelctl.kql.eval.EvalResult;
import dev.sentinelctl.kql.eval.KqlEngine;
import dev.sentinelctl.kql.eval.Table;
import dev.sentinelctl.kql.eval.ValueFormat;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.testing.FixtureTable;
import dev.sentinelctl.testing.QueryEngine;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code --engine adx} over HTTP as the Kusto emulator speaks it (plain HTTP, no authentication,
 * {@code POST /v1/rest/query {"db","csl"}}, v1 answer {@code Tables[0].Columns[{ColumnName,DataType,ColumnType}]}):
 * a local stand-in on 127.0.0.1 runs our engine over the request's csl and records what it was sent.
 */
class AdxEngineTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private HttpServer server;
    private final List<JsonNode> requests = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
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

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private AdxEngine engine() {
        URI cluster = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new AdxEngine(cluster, "NetDefaultDB", AdxEngine.Auth.none(new RetrySettings(0, Duration.ofMillis(10), Duration.ofMillis(10))), CATALOG);
    }

    @Test
    void theQueryGoesOutSelfContainedAndTheV1AnswerComesBackTyped() {
        List<Column> cols = List.of(new Column("TimeGenerated", ScalarType.DATETIME), new Column("User", ScalarType.STRING),
                new Column("Count", ScalarType.LONG));
        FixtureTable t = new FixtureTable("Events", cols, List.of(new Object[] {NOW.minusSeconds(60), "a \"quoted\" user", 3L},
                new Object[] {NOW.minusSeconds(7200), "old", 1L}));
        QueryEngine.Outcome o = engine().run("Events | where TimeGenerated > ago(1h) | project TimeGenerated, User, Count",
                Map.of("Events", t), Map.of(), NOW);
        var table = assertInstanceOf(QueryEngine.Outcome.Ok.class, o, o::toString).table();
        assertEquals(1, table.rowCount());
        assertEquals(NOW.minusSeconds(60), table.value(0, 0));
        assertEquals("a \"quoted\" user", table.value(0, 1));
        assertEquals(3L, ((Number) table.value(0, 2)).longValue());
        assertEquals(ScalarType.DATETIME, table.columns().get(0).type());
        JsonNode sent = requests.get(0);
        assertEquals("NetDefaultDB", sent.path("db").asString());
        assertTrue(sent.path("csl").asString().startsWith("let __sentinelctl_now = datetime(2024-05-01T12:00:00.0000000Z);"), sent.toString());
        assertEquals("null", authorizations.get(0), "the emulator takes no authentication");
    }

    @Test
    void anEngineErrorIsAFailureWithTheClustersMessage() {
        QueryEngine.Outcome o = engine().run("print x = 1 | evaluate no_such_plugin()", Map.of(), Map.of(), NOW);
        QueryEngine.Outcome.Failed f = assertInstanceOf(QueryEngine.Outcome.Failed.class, o);
        assertEquals("ADX-General_BadRequest", f.code());
        assertTrue(f.message().startsWith("HTTP 400: ") && f.message().contains("no_such_plugin"), f.message());
    }
}
