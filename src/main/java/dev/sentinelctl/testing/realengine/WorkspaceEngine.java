package dev.sentinelctl.testing.realengine;

import dev.sentinelctl.deploy.ArmCallException;
import dev.sentinelctl.deploy.ArmRest;
import dev.sentinelctl.deploy.preflight.PreflightReader;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.testing.FixtureTable;
import dev.sentinelctl.testing.QueryEngine;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tests on a Log Analytics workspace: the query with its fixtures inlined ({@link InlinedQuery}) sent as
 * {@code POST {workspace resource id}/api/query?api-version=2020-08-01}, the ARM-routed query API that deploy
 * preflight uses. Going through ARM means the same azure-core pipeline, credential and retries as every deploy call,
 * and the token's audience is ARM's ({@code https://management.azure.com/.default}), which that route takes. No
 * {@code timespan} is sent: the inlined tables hold the only data the query reads. Unlike ADX, the content's parsers
 * and watchlists are not inlined: a call to a parser runs the function deployed in the workspace (over the
 * workspace's tables — a {@code let} in the query cannot reach into a saved function) and {@code _GetWatchlist}
 * reads the deployed items unless the test gives that watchlist, so a test here checks what is deployed.
 */
public final class WorkspaceEngine implements QueryEngine {
    private final ArmRest arm;
    private final String workspaceId;
    private final Catalog catalog;
    /** Tests run in parallel; the workspace takes 5 queries at once and 200 per 30 s from one user. */
    private final RequestBudget budget = RequestBudget.logAnalytics();

    public WorkspaceEngine(ArmRest arm, String workspaceId, Catalog catalog) {
        this.arm = arm;
        this.workspaceId = workspaceId;
        this.catalog = catalog;
    }

    @Override
    public Outcome run(String query, Map<String, FixtureTable> tables, Map<String, FixtureTable> watchlists, Instant now) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("query", InlinedQuery.inline(query, tables, watchlists, now, catalog));
        JsonNode answer;
        try {
            answer = budget.call(() -> arm.post(workspaceId + "/api/query", PreflightReader.QUERY_API, body));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed("WORKSPACE-interrupted", "interrupted before the query was sent", -1);
        } catch (ArmCallException e) {
            return new Outcome.Failed("WORKSPACE-" + e.code(), e.describe(), -1);
        }
        JsonNode partial = answer.get("error");
        if (partial != null && partial.isObject()) {
            // a partial answer is not the answer: the expectations would check a result the engine did not finish
            return new Outcome.Failed("WORKSPACE-" + partial.path("code").asString("PartialError"),
                    partial.path("message").asString("the workspace answered with a partial error") + details(partial), -1);
        }
        try {
            return new Outcome.Ok(ApiResults.logAnalytics(answer));
        } catch (ApiResults.BadAnswer e) {
            return new Outcome.Failed("WORKSPACE-BadResponse", e.getMessage(), -1);
        }
    }

    private static String details(JsonNode error) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode d : error.path("details")) sb.append("; ").append(d.path("message").asString(""));
        return sb.toString();
    }
}
