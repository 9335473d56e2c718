package dev.sentinelctl.kql.semantic;

import dev.sentinelctl.kql.semantic.catalog.BuiltInCatalog;
import dev.sentinelctl.kql.semantic.catalog.TableMerger;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogTablesTest {

    private final Catalog catalog = Catalog.builtIn();

    @Test
    void knowsTheOraclesTables() {
        // the oracle's default schema has 1,407 tables; ours is generated from the same sources in the same order
        assertEquals(1407, catalog.tableNames().size());
        for (String t : List.of("SigninLogs", "SecurityEvent", "DeviceProcessEvents", "EmailEvents", "AlertInfo",
                "CommonSecurityLog", "Syslog", "OfficeActivity", "AuditLogs", "IdentityInfo", "ASimDnsActivityLogs")) {
            assertTrue(catalog.table(t).isPresent(), t);
        }
    }

    @Test
    void namesWithoutSchemaAreKnownAsSuch() {
        // a newer custom table that content reads but no schema source describes
        assertTrue(catalog.table("BHEAttackPathsData_CL").isEmpty());
        assertTrue(catalog.hasTableWithoutSchema("BHEAttackPathsData_CL"));
        assertFalse(catalog.hasTableWithoutSchema("SigninLogs"), "tables with a schema are not listed");
        assertFalse(catalog.hasTableWithoutSchema("SecurityEvents"));
        Catalog user = Catalog.of(List.of(new TableSchema("BHEAttackPathsData_CL", List.of())), List.of(), java.util.Map.of());
        assertFalse(catalog.withOverlay(user).hasTableWithoutSchema("BHEAttackPathsData_CL"), "the user's schema answers it");
    }

    @Test
    void tableLookupIsCaseSensitiveWithAnIgnoreCaseFallback() {
        assertTrue(catalog.table("signinlogs").isEmpty());
        assertEquals("SigninLogs", catalog.tableIgnoreCase("signinlogs").orElseThrow().name());
    }

    @Test
    void columnsHaveTypes() {
        TableSchema signin = catalog.table("SigninLogs").orElseThrow();
        assertEquals(ScalarType.STRING, signin.column("IPAddress").orElseThrow().type());
        assertEquals(ScalarType.DATETIME, signin.column("TimeGenerated").orElseThrow().type());
        // KustoServices normalised these to dynamic; the CSV agrees
        assertEquals(ScalarType.DYNAMIC, signin.column("LocationDetails").orElseThrow().type());
        assertTrue(signin.column("ipaddress").isEmpty(), "column lookup is exact");
        TableSchema se = catalog.table("SecurityEvent").orElseThrow();
        assertEquals(ScalarType.INT, se.column("EventID").orElseThrow().type());
    }

    @Test
    void everyTableHasTheStandardColumns() {
        for (String name : catalog.tableNames()) {
            TableSchema t = catalog.table(name).orElseThrow();
            for (String c : List.of("TimeGenerated", "Type", "TenantId", "_ResourceId", "_ItemId", "_BilledSize",
                    "_IsBillable", "_SubscriptionId", "_TimeReceived")) {
                assertTrue(t.hasColumn(c) || hasIgnoringCase(t, c), name + "." + c);
            }
        }
    }

    @Test
    void standardColumnsAreMarkedOnlyWhenAdded() {
        TableSchema se = catalog.table("SecurityEvent").orElseThrow();
        assertFalse(se.column("TimeGenerated").orElseThrow().standard(), "listed by the sources");
        assertTrue(se.column("_ItemId").orElseThrow().standard(), "added by the generator");
    }

    @Test
    void defenderTablesHaveTimestamp() {
        for (String t : List.of("DeviceProcessEvents", "DeviceEvents", "EmailEvents", "UrlClickEvents", "AlertInfo")) {
            assertEquals(ScalarType.DATETIME, catalog.table(t).orElseThrow().column("Timestamp").orElseThrow().type(), t);
        }
        assertTrue(catalog.table("SigninLogs").orElseThrow().column("Timestamp").isEmpty());
    }

    @Test
    void recordsWhichSourcesDefinedATable() {
        BuiltInCatalog b = BuiltInCatalog.shared();
        assertEquals(List.of("ks", "csv"), b.tableSources("SigninLogs"));
        assertTrue(b.tableSources("ASimDnsActivityLogs").contains("ast") || b.tableSources("ASimDnsActivityLogs").contains("csv"));
    }

    @Test
    void mergeIsAUnionWhereTheLaterSourceWinsOnType() {
        TableMerger m = new TableMerger();
        m.add("T", List.of(new Column("A", ScalarType.STRING), new Column("B", ScalarType.GUID)), "first");
        m.add("t", List.of(new Column("B", ScalarType.STRING), new Column("C", ScalarType.LONG)), "second");
        TableSchema t = m.tables().get(0);
        assertEquals("T", t.name(), "first spelling of the name is kept");
        assertEquals(List.of("A", "B", "C"), t.columns().stream().map(Column::name).toList(), "first position is kept");
        assertEquals(ScalarType.STRING, t.column("B").orElseThrow().type(), "later source wins on type");
        assertEquals(List.of("first", "second"), m.sources("T"));
    }

    @Test
    void caseVariantsSurviveInOneSourceAndCollapseAcrossSources() {
        TableMerger m = new TableMerger();
        m.add("T", List.of(new Column("Type", ScalarType.STRING), new Column("type", ScalarType.STRING)), "first");
        assertEquals(List.of("Type", "type"), m.tables().get(0).columns().stream().map(Column::name).toList());
        m.add("T", List.of(new Column("TYPE", ScalarType.LONG)), "second");
        assertEquals(List.of("TYPE"), m.tables().get(0).columns().stream().map(Column::name).toList(),
                "the oracle's merge keys columns by lower-case name");
    }

    private static boolean hasIgnoringCase(TableSchema t, String c) {
        return t.columns().stream().anyMatch(x -> x.name().equalsIgnoreCase(c));
    }
}
