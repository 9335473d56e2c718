package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.KqlDiagnostic;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.FunctionSymbol;
import dev.sentinelctl.kql.semantic.Parameter;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.semantic.TableSchema;
import dev.sentinelctl.kql.semantic.TabularType;
import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.syntax.ParsedQuery;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invented tables on top of the built-in function catalog, so tests do not depend on real Sentinel schemas:
 * {@code Logons(Time:datetime, User:string, Host:string, Port:int, Bytes:long, Props:dynamic)} with the
 * standard column {@code _ItemId}, {@code Hosts(Host:string, Owner:string, Risk:real)}, {@code Mixed(Host:guid)},
 * a workspace function {@code GetLogons(since:datetime)} and a watchlist {@code vip(Upn:string)}.
 */
final class BinderFixtures {

    static final TableSchema LOGONS = new TableSchema("Logons", List.of(
            new Column("Time", ScalarType.DATETIME), new Column("User", ScalarType.STRING),
            new Column("Host", ScalarType.STRING), new Column("Port", ScalarType.INT),
            new Column("Bytes", ScalarType.LONG), new Column("Props", ScalarType.DYNAMIC),
            new Column("_ItemId", ScalarType.STRING, true)));
    static final TableSchema HOSTS = new TableSchema("Hosts", List.of(
            new Column("Host", ScalarType.STRING), new Column("Owner", ScalarType.STRING),
            new Column("Risk", ScalarType.REAL)));
    static final TableSchema MIXED = new TableSchema("Mixed", List.of(new Column("Host", ScalarType.GUID)));

    static final Catalog CATALOG = Catalog.builtIn().withOverlay(Catalog.of(List.of(LOGONS, HOSTS, MIXED),
            List.of(FunctionSymbol.stored("GetLogons", List.of(Parameter.of("since", ScalarType.DATETIME, true, "datetime(null)")),
                    new TabularType(List.of(new Column("User", ScalarType.STRING), new Column("Count", ScalarType.LONG))), "test")),
            Map.of("vip", new TableSchema("vip", List.of(new Column("Upn", ScalarType.STRING))))));

    static final Binder BINDER = new Binder(CATALOG);

    private BinderFixtures() {
    }

    static BoundQuery bind(String query) {
        ParsedQuery p = KqlParser.parse(query);
        assertTrue(p.diagnostics().isEmpty(), () -> "test query has syntax errors: " + p.diagnostics());
        return BINDER.bind(p);
    }

    /** Result columns as "name:type, ..."; asserts the query binds without semantic diagnostics. */
    static String columns(String query) {
        BoundQuery b = bind(query);
        assertEquals(List.of(), codes(b), () -> "unexpected diagnostics for: " + query + " -> " + b.diagnostics());
        return render(b);
    }

    static String render(BoundQuery b) {
        return b.resultColumns().stream().map(c -> c.name() + ":" + c.type().displayName()).collect(Collectors.joining(", "));
    }

    static List<String> codes(BoundQuery b) {
        return b.diagnostics().stream().map(KqlDiagnostic::code).toList();
    }

    /** The single diagnostic of a query; asserts there is exactly one. */
    static KqlDiagnostic only(String query) {
        BoundQuery b = bind(query);
        assertEquals(1, b.diagnostics().size(), () -> "expected one diagnostic for: " + query + " -> " + b.diagnostics());
        return b.diagnostics().get(0);
    }
}
