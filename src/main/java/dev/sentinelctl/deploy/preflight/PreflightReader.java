package dev.sentinelctl.deploy.preflight;

import dev.sentinelctl.deploy.ArmCallException;
import dev.sentinelctl.deploy.ArmRest;
import dev.sentinelctl.content.RuleDuration;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ARM calls preflight makes, through the deploy engine's authenticated pipeline ({@link ArmRest}: the same
 * credential, retries of 429/5xx with Retry-After, and trust settings as every other call):
 * <ul>
 *   <li>{@code GET {workspace}/tables?api-version=2022-10-01}: the workspace's tables
 *       ({@code Microsoft.OperationalInsights/workspaces/tables/read});</li>
 *   <li>{@code GET {workspace}/providers/Microsoft.SecurityInsights/watchlists?api-version=2023-11-01}: its watchlists,
 *       only when a rule reads one ({@code Microsoft.SecurityInsights/watchlists/read});</li>
 *   <li>{@code POST {workspace}/api/query?api-version=2020-08-01} with {@link RecencyQuery}: when each table last
 *       received data, only with the data check ({@code Microsoft.OperationalInsights/workspaces/query/read}).</li>
 * </ul>
 * Each is one call per workspace (lists follow nextLink), whatever the number of rules. Besides, {@link #exists}: one
 * GET per distinct resource id that playbooks and automation rules use outside the plan.
 */
public final class PreflightReader {
    public static final String TABLES_API = "2022-10-01";
    public static final String WATCHLISTS_API = "2023-11-01";
    public static final String QUERY_API = "2020-08-01";

    private final ArmRest arm;

    public PreflightReader(ArmRest arm) {
        this.arm = arm;
    }

    public Set<String> tables(String workspaceId) {
        Set<String> out = new LinkedHashSet<>();
        for (ObjectNode t : arm.list(workspaceId + "/tables", TABLES_API)) {
            String name = t.path("name").asString("");
            if (!name.isEmpty()) out.add(name);
        }
        return out;
    }

    public Set<String> watchlists(String workspaceId) {
        Set<String> out = new LinkedHashSet<>();
        for (ObjectNode w : arm.list(workspaceId + "/providers/Microsoft.SecurityInsights/watchlists", WATCHLISTS_API)) {
            // _GetWatchlist takes the alias; the resource name is the alias too, but the property is authoritative.
            String alias = w.path("properties").path("watchlistAlias").asString(w.path("name").asString(""));
            if (!alias.isEmpty()) out.add(alias);
        }
        return out;
    }

    /**
     * Whether a resource exists: {@code GET {id}} at its type's api-version, 404 meaning no. Asked once per distinct
     * id a playbook or automation rule uses outside the plan ({@code …/read} on that resource type).
     */
    public boolean exists(String resourceId, String apiVersion) {
        return arm.get(resourceId, apiVersion).isPresent();
    }

    public WorkspaceFacts.DataFacts lastRecords(String workspaceId, Collection<String> tables, Duration window) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("query", RecencyQuery.text(tables, window));
        body.put("timespan", RuleDuration.isoForm(window));
        JsonNode answer = arm.post(workspaceId + "/api/query", QUERY_API, body);
        try {
            JsonNode partial = answer.get("error");
            Optional<String> unreliable = partial != null && partial.isObject()
                    ? Optional.of(partial.path("message").asString(partial.path("code").asString("a partial error")))
                    : Optional.empty();
            return new WorkspaceFacts.DataFacts(window, Set.copyOf(tables), RecencyQuery.parse(answer), unreliable);
        } catch (IllegalArgumentException e) {
            throw new ArmCallException(200, "BadResponse", "POST " + workspaceId + "/api/query: " + e.getMessage(), e);
        }
    }
}
