package dev.sentinelctl.deploy.sandbox;

import dev.sentinelctl.kql.semantic.Catalog;
import java.util.Set;
import java.util.TreeSet;

/** The tables a workspace nobody set up has: sentinelctl's catalog, without the parsers it also lists as tables. */
final class CatalogTables {
    private CatalogTables() {
    }

    static Set<String> names() {
        Catalog catalog = Catalog.builtIn();
        Set<String> out = new TreeSet<>();
        for (String t : catalog.tableNames()) {
            if (catalog.sentinelFunction(t).isEmpty()) out.add(t);
        }
        return out;
    }
}
