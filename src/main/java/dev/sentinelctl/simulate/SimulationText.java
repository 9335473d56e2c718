package dev.sentinelctl.simulate;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The report as a table per workspace: one line per rule, one column per UTC day, then the total. */
public final class SimulationText {
    private SimulationText() {}

    public static void write(SimulationReport report, PrintWriter out) {
        out.println("Alerts the scheduled rules would have raised over " + report.days() + " day" + (report.days() == 1 ? "" : "s")
                + " (" + report.from() + " to " + report.to() + "), per UTC day:");
        for (SimulationReport.Workspace ws : report.workspaces()) {
            out.println();
            out.println("workspace " + ws.name());
            if (ws.problem().isPresent()) {
                out.println("  not simulated: " + ws.problem().get());
                continue;
            }
            if (ws.rules().isEmpty()) {
                out.println("  no scheduled rules");
                continue;
            }
            List<LocalDate> days = new ArrayList<>(ws.rules().get(0).perDay().keySet());
            List<String> header = new ArrayList<>(List.of("rule", "every", "period", "runs", "firing"));
            days.forEach(d -> header.add(d.toString()));
            header.add("total");
            List<List<String>> rows = new ArrayList<>();
            rows.add(header);
            for (SimulationReport.Rule r : ws.rules()) {
                List<String> row = new ArrayList<>(List.of(r.name() + (r.schedule().enabled() ? "" : " (disabled)"),
                        span(r.schedule().frequency()), span(r.schedule().period()), String.valueOf(r.evaluations()),
                        String.valueOf(r.firingRuns())));
                days.forEach(d -> row.add(String.valueOf(r.perDay().getOrDefault(d, 0L))));
                row.add(String.valueOf(r.total()));
                rows.add(row);
            }
            int[] width = new int[header.size()];
            for (List<String> row : rows) for (int i = 0; i < row.size(); i++) width[i] = Math.max(width[i], row.get(i).length());
            for (List<String> row : rows) {
                StringBuilder sb = new StringBuilder(" ");
                for (int i = 0; i < row.size(); i++) {
                    sb.append(' ');
                    // names left-aligned, numbers right-aligned
                    sb.append(i == 0 ? String.format("%-" + width[i] + "s", row.get(i)) : String.format("%" + width[i] + "s", row.get(i)));
                }
                out.println(sb.toString().stripTrailing());
            }
            for (SimulationReport.Rule r : ws.rules()) {
                r.problem().ifPresent(p -> out.println("  " + r.name() + " (" + r.file() + "): incomplete: " + p));
            }
        }
        out.flush();
    }

    static String span(Duration d) {
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) return d.toDays() + "d";
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) return d.toHours() + "h";
        if (d.equals(Duration.ofMinutes(d.toMinutes()))) return d.toMinutes() + "m";
        return d.toString();
    }
}
