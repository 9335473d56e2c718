package dev.sentinelctl.reference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Connector ids and the tables they fill, for cross-checks between {@code requiredDataConnectors} and the
 * tables a query reads. Table names compare case-insensitively here: this is about provenance, not binding.
 */
public final class Connectors {

    private final Map<String, Connector> byId;
    private final Map<String, Set<String>> tablesByConnector;
    private final Map<String, Set<String>> connectorsByTable;

    Connectors(List<String[]> connectorRecords, List<String[]> tableRecords) {
        Map<String, Connector> ids = new LinkedHashMap<>();
        for (String[] r : connectorRecords) {
            String flags = r[5];
            ids.put(r[0], new Connector(r[0], r[1], r[2], r[3], r[4], flags.contains("d"), flags.contains("p"),
                    flags.contains("c"), flags.contains("23")));
        }
        this.byId = Collections.unmodifiableMap(ids);
        Map<String, Set<String>> tables = new TreeMap<>();
        Map<String, Set<String>> reverse = new TreeMap<>();
        for (String[] r : tableRecords) {
            Set<String> ts = Collections.unmodifiableSet(new TreeSet<>(ReferenceResources.list(r[1], ",")));
            tables.put(r[0], ts);
            for (String t : ts) reverse.computeIfAbsent(t.toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(r[0]);
        }
        reverse.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        this.tablesByConnector = Collections.unmodifiableMap(tables);
        this.connectorsByTable = Collections.unmodifiableMap(reverse);
    }

    /** Exact id lookup (Sentinel's CI compares connector ids case-sensitively). */
    public Optional<Connector> connector(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Known now or accepted by the 2023 CI list. */
    public boolean isKnownId(String id) {
        return byId.containsKey(id);
    }

    public Set<String> ids() {
        return byId.keySet();
    }

    /** Tables a connector fills; empty when unknown or when the sources do not say. */
    public Set<String> tablesOf(String connectorId) {
        return tablesByConnector.getOrDefault(connectorId, Set.of());
    }

    /** Connector ids that fill a table (case-insensitive table name). */
    public Set<String> connectorsFeeding(String table) {
        return connectorsByTable.getOrDefault(table.toLowerCase(Locale.ROOT), Set.of());
    }
}
