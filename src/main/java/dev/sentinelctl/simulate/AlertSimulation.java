package dev.sentinelctl.simulate;

import dev.sentinelctl.deploy.ArmCallException;
import dev.sentinelctl.deploy.ArmRest;
import dev.sentinelctl.deploy.DeployRun;
import dev.sentinelctl.deploy.DesiredItem;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.deploy.preflight.PreflightReader;
import dev.sentinelctl.testing.realengine.InlinedQuery;
import dev.sentinelctl.testing.realengine.RequestBudget;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code sentinelctl simulate}: for each workspace of a deploy run, each scheduled rule as it would be deployed there
 * (the deploy run's desired state: overrides applied, exclusions compiled) re-run over the workspace's own data at
 * every evaluation time of the last N days, as Sentinel would have run it.
 *
 * <p>One query per evaluation: {@code POST {workspace}/api/query} with the rule's query, {@code now()}/{@code ago()}
 * pinned to the evaluation time ({@link InlinedQuery#pinned}) and {@code timespan} = the evaluation's window
 * {@code [t - queryPeriod, t]}, which the service applies to every table as Sentinel does. A single query per rule
 * (a {@code range} of evaluation times joined with the query) would need the rule's query rewritten to take the window
 * as a parameter, which a query with its own aggregations, joins and {@code ago()} filters cannot in general be; one
 * call per window is exact for every query. The cost is calls: an hourly rule over 7 days is 168 queries; requests are
 * paced below the API's 200 per 30 s ({@link RequestBudget}).
 */
public final class AlertSimulation {

    /** @param now the end of the simulated range (the latest evaluation time) */
    public record Request(List<Path> paths, int days, Instant now) {
        public Request {
            if (days < 1) throw new IllegalArgumentException("--days must be 1 or more");
            paths = List.copyOf(paths);
        }
    }

    /** The query API runs 5 queries per user at once; more threads would only wait in the budget. */
    private static final int CONCURRENT_RULES = 5;

    private final RequestBudget budget = RequestBudget.logAnalytics();

    public SimulationReport run(DeployRun run, Request request) {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_RULES, r -> {
            Thread t = new Thread(r, "simulate");
            t.setDaemon(true);
            return t;
        });
        try {
            return run(run, request, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private SimulationReport run(DeployRun run, Request request, ExecutorService pool) {
        Instant to = request.now();
        Instant from = to.minus(Duration.ofDays(request.days()));
        List<SimulationReport.Workspace> out = new ArrayList<>();
        for (Map.Entry<WorkspaceConfig, DeployRun.DesiredOrProblem> e : run.desired(request.paths()).entrySet()) {
            WorkspaceConfig ws = e.getKey();
            if (e.getValue().problem() != null) {
                out.add(new SimulationReport.Workspace(ws.name(), List.of(), Optional.of(e.getValue().problem())));
                continue;
            }
            ArmRest arm = run.arm(ws);
            // a workspace's rules run side by side; the budget keeps them within the API's concurrency and rate
            List<CompletableFuture<SimulationReport.Rule>> rules = new ArrayList<>();
            for (DesiredItem item : e.getValue().items()) {
                Optional<RuleSchedule> schedule = RuleSchedule.of(item);
                if (schedule.isEmpty()) continue;
                rules.add(CompletableFuture.supplyAsync(() -> simulate(arm, ws.resourceId(), item.file(), schedule.get(), from, to), pool));
            }
            out.add(new SimulationReport.Workspace(ws.name(), rules.stream().map(CompletableFuture::join).toList(), Optional.empty()));
        }
        return new SimulationReport(from, to, request.days(), out);
    }

    private SimulationReport.Rule simulate(ArmRest arm, String workspaceId, String file, RuleSchedule rule, Instant from, Instant to) {
        SortedMap<LocalDate, Long> perDay = new TreeMap<>();
        for (LocalDate d = day(from.plusNanos(1)); !d.isAfter(day(to)); d = d.plusDays(1)) perDay.put(d, 0L);
        int evaluations = 0;
        int firing = 0;
        Optional<String> problem = Optional.empty();
        // evaluation times counted back from `to`, so the latest run is exactly at the end of the range
        List<Instant> times = new ArrayList<>();
        for (Instant t = to; t.isAfter(from); t = t.minus(rule.frequency())) times.add(0, t);
        for (Instant t : times) {
            long rows;
            try {
                rows = rows(arm, workspaceId, rule, t);
            } catch (ArmCallException ex) {
                problem = Optional.of("the query failed at the evaluation of " + t + ": " + ex.describe());
                break;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                problem = Optional.of("interrupted");
                break;
            }
            evaluations++;
            long alerts;
            try {
                alerts = rule.alerts(rows);
            } catch (IllegalArgumentException ex) {
                problem = Optional.of(ex.getMessage());
                break;
            }
            if (alerts > 0) firing++;
            perDay.merge(day(t), alerts, Long::sum);
        }
        return new SimulationReport.Rule(rule.id(), rule.name(), file, rule, evaluations, firing, perDay, problem);
    }

    private long rows(ArmRest arm, String workspaceId, RuleSchedule rule, Instant t) throws InterruptedException {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("query", InlinedQuery.pinned(rule.query(), t));
        body.put("timespan", t.minus(rule.period()) + "/" + t);
        JsonNode answer = budget.call(() -> arm.post(workspaceId + "/api/query", PreflightReader.QUERY_API, body));
        JsonNode partial = answer.get("error");
        if (partial != null && partial.isObject()) {
            throw new ArmCallException(200, partial.path("code").asString("PartialError"), partial.path("message").asString(""), null);
        }
        JsonNode rows = answer.path("tables").path(0).path("rows");
        if (!rows.isArray()) throw new ArmCallException(200, "BadResponse", "the answer has no tables[0].rows", null);
        return rows.size();
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
