package dev.sentinelctl.simulate;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report as JSON: {@code {from, to, days, workspaces: [{name, problem, rules: [{id, name, file, queryFrequency,
 * queryPeriod, triggerOperator, triggerThreshold, evaluations, firingRuns, total, perDay: {"2024-05-01": n}, problem}]}]}}.
 */
public final class SimulationJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SimulationJson() {}

    public static String write(SimulationReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("from", report.from().toString());
        root.put("to", report.to().toString());
        root.put("days", report.days());
        ArrayNode wss = root.putArray("workspaces");
        for (SimulationReport.Workspace ws : report.workspaces()) {
            ObjectNode w = wss.addObject();
            w.put("name", ws.name());
            if (ws.problem().isPresent()) w.put("problem", ws.problem().get());
            else w.putNull("problem");
            ArrayNode rules = w.putArray("rules");
            for (SimulationReport.Rule r : ws.rules()) {
                ObjectNode o = rules.addObject();
                o.put("id", r.id());
                o.put("name", r.name());
                o.put("file", r.file());
                o.put("enabled", r.schedule().enabled());
                o.put("queryFrequency", r.schedule().frequency().toString());
                o.put("queryPeriod", r.schedule().period().toString());
                o.put("triggerOperator", r.schedule().operator());
                o.put("triggerThreshold", r.schedule().threshold());
                o.put("alertPerResult", r.schedule().alertPerResult());
                o.put("evaluations", r.evaluations());
                o.put("firingRuns", r.firingRuns());
                o.put("total", r.total());
                ObjectNode days = o.putObject("perDay");
                r.perDay().forEach((d, n) -> days.put(d.toString(), n));
                if (r.problem().isPresent()) o.put("problem", r.problem().get());
                else o.putNull("problem");
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
}
