package dev.sentinelctl.testing.realengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.deploy.azure.RetrySettings;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.testing.FixtureTable;
import dev.sentinelctl.testing.QueryEngine;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code --engine adx} over HTTP as the Kusto emulator speaks it (plain HTTP, no authentication,
 * {@code POST /v1/rest/query {"db","csl"}}, v1 answer {@code Tables[0].Columns[{ColumnName,DataType,ColumnType}]}):
 * a local stand-in on 127.0.0.1 ({@link AdxStandIn}) runs our engine over the request's csl and records what it was sent.
 */
class AdxEngineTest {
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private AdxStandIn server;

    @BeforeEach
    void start() {
        server = new AdxStandIn();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AdxEngine engine() {
        URI cluster = server.uri();
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
        JsonNode sent = server.requests().get(0);
        assertEquals("NetDefaultDB", sent.path("db").asString());
        assertTrue(sent.path("csl").asString().startsWith("let __sentinelctl_now = datetime(2024-05-01T12:00:00.0000000Z);"), sent.toString());
        assertEquals("null", server.authorizations().get(0), "the emulator takes no authentication");
    }

    @Test
    void anEngineErrorIsAFailureWithTheClustersMessage() {
        QueryEngine.Outcome o = engine().run("print x = 1 | evaluate no_such_plugin()", Map.of(), Map.of(), NOW);
        QueryEngine.Outcome.Failed f = assertInstanceOf(QueryEngine.Outcome.Failed.class, o);
        assertEquals("ADX-General_BadRequest", f.code());
        assertTrue(f.message().startsWith("HTTP 400: ") && f.message().contains("no_such_plugin"), f.message());
    }
}
