package dev.sentinelctl.kql.semantic;

import dev.sentinelctl.kql.semantic.catalog.BuiltInCatalog;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogLazyLoadingTest {

    @Test
    void aLookupParsesOnlyTheTablesAskedFor() {
        BuiltInCatalog fresh = BuiltInCatalog.load();
        assertEquals(0, fresh.parsedTableCount());
        assertEquals(0, fresh.loadedShardCount());
        fresh.table("SigninLogs").orElseThrow();
        assertEquals(1, fresh.loadedShardCount(), "one shard file read for one table");
        fresh.table("SigninLogs").orElseThrow();
        fresh.table("SecurityEvent").orElseThrow();
        fresh.table("NoSuchTable");
        assertEquals(2, fresh.parsedTableCount());
        assertTrue(fresh.tableNames().size() > 1000, "names are known without parsing the tables");
        assertEquals(2, fresh.parsedTableCount());
    }

    @Test
    void functionsAreParsedOnePerLookup() {
        BuiltInCatalog fresh = BuiltInCatalog.load();
        fresh.scalarFunction("strcat").orElseThrow();
        fresh.aggregate("count").orElseThrow();
        fresh.scalarFunction("count");
        assertEquals(2, fresh.parsedFunctionCount());
        assertTrue(fresh.functionNames(FunctionKind.SCALAR).contains("tolower"));
        assertEquals(2, fresh.parsedFunctionCount(), "names are indexed without parsing");
    }

    @Test
    void everyFunctionRecordParses() {
        BuiltInCatalog fresh = BuiltInCatalog.load();
        int signatures = 0;
        for (FunctionKind k : FunctionKind.values()) {
            for (String n : fresh.functionNames(k)) signatures += fresh.function(k, n).orElseThrow().signatures().size();
        }
        assertTrue(signatures > 700, "signatures: " + signatures);
    }

    @Test
    void parsedTablesAreCachedAndShared() {
        BuiltInCatalog fresh = BuiltInCatalog.load();
        assertSame(fresh.table("Syslog").orElseThrow(), fresh.table("Syslog").orElseThrow());
        assertSame(Catalog.builtIn(), Catalog.builtIn());
    }

    @Test
    void everyTableLineParses() {
        BuiltInCatalog fresh = BuiltInCatalog.load();
        int columns = 0;
        for (String name : fresh.tableNames()) {
            TableSchema t = fresh.table(name).orElseThrow();
            // the index's byte offsets must land on the table's own line
            assertEquals(name, t.name());
            columns += t.columns().size();
        }
        assertEquals(fresh.tableNames().size(), fresh.parsedTableCount());
        assertTrue(columns > 40_000, "columns: " + columns);
    }

    @Test
    void concurrentLookupsSeeOneInstance() throws Exception {
        BuiltInCatalog fresh = BuiltInCatalog.load();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<TableSchema>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) results.add(pool.submit(() -> fresh.table("AuditLogs").orElseThrow()));
            TableSchema first = results.get(0).get();
            for (Future<TableSchema> f : results) assertSame(first, f.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
