package dev.sentinelctl.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Joins the reports of parallel shards (or of a run and its {@code --resume}) into one. A workspace reported by two
 * inputs is a duplicate when both say the same, and a conflict when they differ; a conflict keeps the entry of the
 * input that finished later (a resumed run supersedes the failure it retried) and is reported so a misconfigured
 * shard matrix — two jobs deploying one workspace — cannot go unnoticed. Shard inputs must cover 1..n exactly once.
 */
public final class ReportMerger {

    /** One named input. */
    public record Input(String name, RolloutReport report) {}

    public enum ProblemKind { DUPLICATE, CONFLICT, MISSING_SHARD, SHARD_TWICE, SHARD_COUNT }

    public record Problem(ProblemKind kind, String message) {
        /** Duplicates are harmless (the same result twice); everything else means the merged report may be incomplete or wrong. */
        public boolean serious() {
            return kind != ProblemKind.DUPLICATE;
        }
    }

    public record Result(RolloutReport merged, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean hasSeriousProblems() {
            return problems.stream().anyMatch(Problem::serious);
        }
    }

    private record Entry(WorkspaceResult result, Input from, int order) {}

    public Result merge(List<Input> inputs) {
        List<Problem> problems = new ArrayList<>();
        checkShards(inputs, problems);
        Map<String, Entry> byKey = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            for (WorkspaceResult w : in.report().workspaces()) {
                Entry now = new Entry(w, in, i);
                Entry before = byKey.get(w.key());
                if (before == null) {
                    byKey.put(w.key(), now);
                } else if (before.result().equals(w)) {
                    problems.add(new Problem(ProblemKind.DUPLICATE, w.resourceId() + ": reported the same by " + before.from().name()
                            + " and " + in.name()));
                } else {
                    Entry keep = newer(before, now);
                    Entry drop = keep == now ? before : now;
                    problems.add(new Problem(ProblemKind.CONFLICT, w.resourceId() + ": " + before.from().name() + " says "
                            + describe(before.result()) + ", " + in.name() + " says " + describe(w) + "; kept " + keep.from().name()
                            + " (finished later), dropped " + drop.from().name()));
                    byKey.put(w.key(), keep);
                }
            }
        }
        List<WorkspaceResult> merged = new ArrayList<>();
        byKey.values().forEach(e -> merged.add(e.result()));
        merged.sort(Comparator.comparingInt(WorkspaceResult::ringIndex).thenComparing(WorkspaceResult::key));
        Optional<String> started = inputs.stream().map(i -> i.report().startedAt()).flatMap(Optional::stream).min(String::compareTo);
        Optional<String> finished = inputs.stream().map(i -> i.report().finishedAt()).flatMap(Optional::stream).max(String::compareTo);
        return new Result(new RolloutReport(Optional.empty(), started, finished, merged), problems);
    }

    /** ISO-8601 UTC instants compare as text; an input without finishedAt counts as older, ties go to the later argument. */
    private static Entry newer(Entry a, Entry b) {
        String fa = a.from().report().finishedAt().orElse("");
        String fb = b.from().report().finishedAt().orElse("");
        int c = fa.compareTo(fb);
        return c > 0 ? a : c < 0 ? b : (a.order() > b.order() ? a : b);
    }

    private static String describe(WorkspaceResult w) {
        return w.status().json() + (w.reason().map(r -> " (" + r + ")").orElse(""))
                + (w.failed().isEmpty() ? "" : " with " + w.failed().size() + " failed item(s)");
    }

    private static void checkShards(List<Input> inputs, List<Problem> problems) {
        List<Input> sharded = inputs.stream().filter(i -> i.report().shard().isPresent()).toList();
        if (sharded.isEmpty()) return;
        TreeSet<Integer> counts = new TreeSet<>();
        sharded.forEach(i -> counts.add(i.report().shard().get().count()));
        if (counts.size() > 1) {
            problems.add(new Problem(ProblemKind.SHARD_COUNT, "the inputs were cut into different shard counts " + counts
                    + "; merge the reports of one run"));
            return;
        }
        int n = counts.first();
        Map<Integer, String> seen = new LinkedHashMap<>();
        for (Input in : sharded) {
            int index = in.report().shard().get().index();
            String first = seen.putIfAbsent(index, in.name());
            if (first != null) {
                problems.add(new Problem(ProblemKind.SHARD_TWICE, "shard " + index + "/" + n + " is in both " + first + " and " + in.name()));
            }
        }
        for (int i = 1; i <= n; i++) {
            if (!seen.containsKey(i)) {
                problems.add(new Problem(ProblemKind.MISSING_SHARD, "shard " + i + "/" + n + " is missing: its workspaces are not in the merged report"));
            }
        }
    }
}
