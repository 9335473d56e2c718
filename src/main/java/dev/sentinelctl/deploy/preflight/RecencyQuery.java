package dev.sentinelctl.deploy.preflight;

import dev.sentinelctl.content.RuleDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The one query per workspace that tells when each table last received a record:
 * <pre>
 * union withsource=SentinelctlTable isfuzzy=true ['SigninLogs'], ['Custom_CL']
 * | where TimeGenerated > ago(7d)
 * | summarize LastRecord = max(TimeGenerated) by SentinelctlTable
 * </pre>
 * Every Log Analytics table has {@code TimeGenerated} (custom tables must declare it), and filtering on it lets the
 * service read only the window's partitions. {@code isfuzzy=true} keeps one table that vanished (or is hidden by
 * table-level RBAC) since the tables list from failing the whole query; the service then reports a partial error,
 * which {@link #parse} passes on. Names are always bracketed, escaped identifiers, so no table name can change the
 * query's structure.
 */
public final class RecencyQuery {
    static final String SOURCE_COLUMN = "SentinelctlTable";
    static final String LAST_COLUMN = "LastRecord";

    private RecencyQuery() {
    }

    public static String text(Collection<String> tables, Duration window) {
        if (tables.isEmpty()) throw new IllegalArgumentException("no tables to ask about");
        return "union withsource=" + SOURCE_COLUMN + " isfuzzy=true "
                + tables.stream().map(RecencyQuery::identifier).collect(Collectors.joining(", "))
                + "\n| where TimeGenerated > ago(" + timespan(window) + ")"
                + "\n| summarize " + LAST_COLUMN + " = max(TimeGenerated) by " + SOURCE_COLUMN;
    }

    /** {@code ['name']} with {@code \} and {@code '} escaped: KQL's quoted identifier for any table name. */
    static String identifier(String table) {
        return "['" + table.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** A KQL timespan literal: {@code 7d}, {@code 12h}, {@code 90m}, or seconds. */
    static String timespan(Duration d) {
        if (d.toSecondsPart() == 0 && d.toNanosPart() == 0) return RuleDuration.shortForm(d);
        return d.toSeconds() + "s";
    }

    /** The {@code tables[0]} rows of a query answer as table → last record; malformed rows are an error. */
    static Map<String, Instant> parse(JsonNode answer) {
        JsonNode table = answer.path("tables").path(0);
        JsonNode columns = table.path("columns");
        int source = -1;
        int last = -1;
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).path("name").asString("");
            if (name.equals(SOURCE_COLUMN)) source = i;
            if (name.equals(LAST_COLUMN)) last = i;
        }
        if (source < 0 || last < 0) {
            throw new IllegalArgumentException("the answer has no " + SOURCE_COLUMN + " and " + LAST_COLUMN + " columns");
        }
        Map<String, Instant> out = new LinkedHashMap<>();
        for (JsonNode row : table.path("rows")) {
            String name = row.path(source).asString("");
            JsonNode time = row.path(last);
            if (name.isEmpty() || time.isNull() || time.isMissingNode()) continue;
            try {
                out.put(name, Instant.parse(time.asString()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("the last record of " + name + " is not a time: " + time.asString());
            }
        }
        return out;
    }
}
