package dev.sentinelctl.deploy.sandbox;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Log Analytics tables of each sandbox workspace and when they last received a record. A workspace nobody set
 * up has every table of sentinelctl's catalog, each receiving data continuously, so a rehearsal needs no setup and
 * preflight passes. A setup ({@code POST /_sandbox/tables}, {@code --tables FILE}, the state file) replaces that
 * workspace's picture: {@code only: true} keeps just the tables it names, otherwise it changes the named ones
 * (including {@code "absent"} to remove one) on top of the catalog's. Not thread-safe: {@link ArmOperations}
 * serialises access.
 */
final class WorkspaceTables {
    /** One workspace's setup as given. */
    /**
     * @param data        rows of tables ({@code "data": {"SigninLogs": [{…}]}}) that queries other than preflight's read
     * @param seasonality the period the service would detect in this workspace's series ({@code "seasonality": 24}):
     *                    the in-process engine cannot detect it (series_decompose_anomalies with -1), so a setup pins it
     */
    record Setup(WorkspaceRef workspace, boolean only, Map<String, TableState> tables, Map<String, ArrayNode> data,
                 java.util.OptionalInt seasonality) {
        Setup {
            tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
            data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        }

        Setup(WorkspaceRef workspace, boolean only, Map<String, TableState> tables) {
            this(workspace, only, tables, Map.of(), java.util.OptionalInt.empty());
        }
    }

    private final Supplier<Set<String>> defaults;
    private Set<String> defaultTables;
    private final Map<String, Setup> setups = new HashMap<>();

    /** @param defaults the tables an unconfigured workspace has (asked for once, when first needed) */
    WorkspaceTables(Supplier<Set<String>> defaults) {
        this.defaults = defaults;
    }

    /** The tables that exist in the workspace, by name. */
    SortedMap<String, TableState> of(WorkspaceRef ws) {
        Setup setup = setups.get(ws.key());
        SortedMap<String, TableState> out = new TreeMap<>();
        if (setup == null || !setup.only()) {
            if (defaultTables == null) defaultTables = Set.copyOf(defaults.get());
            defaultTables.forEach(t -> out.put(t, TableState.LIVE));
        }
        if (setup != null) {
            setup.tables().forEach((name, state) -> {
                if (state.exists()) out.put(name, state);
                else out.remove(name);
            });
        }
        return out;
    }

    /** The rows a setup gave the workspace's tables, by table name (none: the tables hold no rows). */
    Map<String, ArrayNode> data(WorkspaceRef ws) {
        Setup setup = setups.get(ws.key());
        return setup == null ? Map.of() : setup.data();
    }

    java.util.OptionalInt seasonality(WorkspaceRef ws) {
        Setup setup = setups.get(ws.key());
        return setup == null ? java.util.OptionalInt.empty() : setup.seasonality();
    }

    void configure(Setup setup) {
        setups.put(setup.workspace().key(), setup);
    }

    /**
     * {@code {"workspace": "SUB/RG/WS", "only": true, "tables": {"SecurityEvent": "live", "SigninLogs": "P10D"}}};
     * a bad value is a 400 naming it.
     */
    static Setup parse(JsonNode node) {
        if (!(node instanceof ObjectNode o)) throw ArmException.badRequest("A table setup must be a JSON object.");
        String workspace = o.path("workspace").asString("");
        WorkspaceRef ws;
        try {
            ws = WorkspaceRef.parse(workspace);
        } catch (IllegalArgumentException e) {
            throw ArmException.badRequest("'workspace': " + e.getMessage() + ".");
        }
        JsonNode only = o.get("only");
        if (only != null && !only.isBoolean()) throw ArmException.badRequest("'only' must be true or false.");
        JsonNode tables = o.path("tables");
        if (!tables.isObject()) {
            throw ArmException.badRequest("'tables' must be an object of table name to state (\"live\", \"empty\", "
                    + "\"absent\", an instant or a duration ago).");
        }
        Map<String, TableState> states = new LinkedHashMap<>();
        for (var e : tables.properties()) {
            if (!e.getValue().isString()) throw ArmException.badRequest("'tables." + e.getKey() + "' must be a string.");
            states.put(e.getKey(), TableState.parse(e.getValue().asString()));
        }
        Map<String, ArrayNode> data = new LinkedHashMap<>();
        JsonNode rows = o.get("data");
        if (rows != null) {
            if (!rows.isObject()) throw ArmException.badRequest("'data' must be an object of table name to an array of rows.");
            for (var e : rows.properties()) {
                if (!(e.getValue() instanceof ArrayNode a)) {
                    throw ArmException.badRequest("'data." + e.getKey() + "' must be an array of row objects.");
                }
                for (JsonNode row : a) {
                    if (!row.isObject()) throw ArmException.badRequest("'data." + e.getKey() + "' holds a row that is not an object.");
                }
                data.put(e.getKey(), a);
            }
        }
        JsonNode period = o.get("seasonality");
        java.util.OptionalInt seasonality = java.util.OptionalInt.empty();
        if (period != null) {
            if (!period.isIntegralNumber() || period.asInt() < 0) {
                throw ArmException.badRequest("'seasonality' must be a whole number of bins, 0 or more (0: no period).");
            }
            seasonality = java.util.OptionalInt.of(period.asInt());
        }
        return new Setup(ws, only != null && only.booleanValue(), states, data, seasonality);
    }

    /** The setups, for the state file (the catalog default is not stored). */
    ArrayNode snapshot() {
        ArrayNode out = SandboxJson.MAPPER.createArrayNode();
        for (Setup s : setups.values()) {
            ObjectNode o = out.addObject();
            o.put("workspace", s.workspace().toString());
            o.put("only", s.only());
            ObjectNode t = o.putObject("tables");
            s.tables().forEach((name, state) -> t.put(name, state.toString()));
            if (!s.data().isEmpty()) {
                ObjectNode d = o.putObject("data");
                s.data().forEach(d::set);
            }
            s.seasonality().ifPresent(p -> o.put("seasonality", p));
        }
        return out;
    }

    void restore(JsonNode setups) {
        for (JsonNode s : setups) configure(parse(s));
    }
}
