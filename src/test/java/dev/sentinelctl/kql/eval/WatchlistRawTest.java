package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** _ASIM_GetWatchlistRaw served from the _GetWatchlist fixtures (ASIM_GetWatchlistRaw.yaml's result columns). */
class WatchlistRawTest {

    private static final KqlEngine ENGINE = new KqlEngine(Catalog.builtIn());

    private static Table run(String query) {
        Table ranges = Table.builder("_GetWatchlist", List.of(
                        new Column("SearchKey", ScalarType.STRING), new Column("Range Name", ScalarType.STRING),
                        new Column("Tags", ScalarType.STRING)))
                .add("10.0.0.0/8", "10.0.0.0/8", "Internal")
                .add("1.2.3.0/24", "1.2.3.0/24", "External")
                .build();
        EvalContext cx = new EvalContext(EngineTestSupport.NOW, Map.of("NetworkAddresses", ranges), Map.of());
        EvalResult r = ENGINE.run(query, Map.of(), cx);
        if (r instanceof EvalResult.Failed f) throw new AssertionError(f.code() + ": " + f.message());
        return assertInstanceOf(EvalResult.Ok.class, r).table();
    }

    @Test
    void rowsCarryTheItemAsABag() {
        Table t = run("_ASIM_GetWatchlistRaw('NetworkAddresses') | where WatchlistItem.Tags has 'Internal'"
                + " | project SearchKey, name = tostring(WatchlistItem['Range Name'])");
        assertEquals(List.of(List.of("10.0.0.0/8", "10.0.0.0/8")), EngineTestSupport.rows(t));
        Table all = run("_ASIM_GetWatchlistRaw('NetworkAddresses')");
        assertEquals(List.of("_DTItemId", "LastUpdatedTimeUTC", "SearchKey", "WatchlistItem"), EngineTestSupport.names(all));
        assertEquals(2, all.rowCount());
    }

    @Test
    void keysRestrictBySearchKey() {
        assertEquals(1, run("_ASIM_GetWatchlistRaw('NetworkAddresses', dynamic(['1.2.3.0/24']))").rowCount());
        assertEquals(2, run("_ASIM_GetWatchlistsRaw(dynamic(['Nope', 'NetworkAddresses']))").rowCount());
    }

    @Test
    void aWatchlistThatIsNotGivenIsEmpty() {
        Table t = run("let custom = (_ASIM_GetWatchlistRaw('Web_RiskyCommandsInUrl') | extend Commands = tostring(WatchlistItem['Commands'])"
                + " | project Commands); custom | count");
        assertEquals(List.of(List.of("0")), EngineTestSupport.rows(t));
    }
}
