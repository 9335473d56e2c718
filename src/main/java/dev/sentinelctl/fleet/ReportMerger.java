package dev.sentinelctl.fleet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Joins the reports of parallel shards (or of a run and its {@code --resume}) into one.
 * <p>
 * A report written by {@code --resume} names the report it continued ({@link ResumedFrom}); when that report is
 * among the inputs (matched by run id or file digest, also through merged reports and chains of resumes) the later
 * run's results supersede the earlier's without complaint: retrying a failure is what resume is for. Between
 * independent inputs a workspace reported twice is a duplicate when both say the same, and a conflict when they
 * differ; a conflict keeps the entry of the input that finished later and is an error, so a misconfigured shard
 * matrix — two jobs deploying one workspace — cannot go unnoticed. Shard inputs must cover 1..n exactly once (a
 * resumed shard stands in for the shard it continued).
 */
public final class ReportMerger {

    /** One named input; {@code sha256} is the digest of its file, how reports without a run id are recognised. */
    public record Input(String name, RolloutReport report, Optional<String> sha256) {
        public Input(String name, RolloutReport report) {
            this(name, report, Optional.empty());
        }

        public static Input of(RolloutReportJson.Loaded loaded) {
            return new Input(loaded.file().toString(), loaded.report(), Optional.of(loaded.sha256()));
        }

        /** The names under which a later report (resumed from or merged from this one) may refer to it. */
        Set<String> identities() {
            Set<String> out = new HashSet<>(report.includes());
            report.runId().ifPresent(out::add);
            sha256.ifPresent(d -> out.add(RolloutReport.digestIdentity(d)));
            return out;
        }
    }

    public enum ProblemKind { DUPLICATE, SUPERSEDED, RESUMED_ELSEWHERE, CONFLICT, MISSING_SHARD, SHARD_TWICE, SHARD_COUNT }

    public record Problem(ProblemKind kind, String message) {
        /**
         * Duplicates, superseded results and a resumed-from report that is not among the inputs are notes (the merged
         * report is still right); everything else means the merged report may be incomplete or wrong.
         */
        public boolean serious() {
            return kind != ProblemKind.DUPLICATE && kind != ProblemKind.SUPERSEDED && kind != ProblemKind.RESUMED_ELSEWHERE;
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
        List<Set<Integer>> earlier = lineage(inputs, problems);
        Set<Integer> superseded = new HashSet<>();
        earlier.forEach(superseded::addAll);
        checkShards(inputs, superseded, problems);
        Map<String, Entry> byKey = new LinkedHashMap<>();
        int[] replaced = new int[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            for (WorkspaceResult w : in.report().workspaces()) {
                Entry now = new Entry(w, in, i);
                Entry before = byKey.get(w.key());
                if (before == null) {
                    byKey.put(w.key(), now);
                } else if (earlier.get(i).contains(before.order())) {
                    if (!before.result().equals(w)) replaced[i]++;
                    byKey.put(w.key(), now);
                } else if (earlier.get(before.order()).contains(i)) {
                    if (!before.result().equals(w)) replaced[before.order()]++;
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
        for (int i = 0; i < inputs.size(); i++) {
            if (replaced[i] > 0) {
                problems.add(new Problem(ProblemKind.SUPERSEDED, inputs.get(i).name() + " resumed " + inputs.get(i).report().resumedFrom()
                        .map(ResumedFrom::file).orElse("an earlier report") + ": its results replace the earlier ones for "
                        + replaced[i] + " workspace(s)"));
            }
        }
        List<WorkspaceResult> merged = new ArrayList<>();
        byKey.values().forEach(e -> merged.add(e.result()));
        merged.sort(Comparator.comparingInt(WorkspaceResult::ringIndex).thenComparing(WorkspaceResult::key));
        Optional<String> started = inputs.stream().map(i -> i.report().startedAt()).flatMap(Optional::stream).min(String::compareTo);
        Optional<String> finished = inputs.stream().map(i -> i.report().finishedAt()).flatMap(Optional::stream).max(String::compareTo);
        List<String> includes = new ArrayList<>();
        inputs.forEach(in -> in.identities().stream().sorted().filter(id -> !includes.contains(id)).forEach(includes::add));
        return new Result(new RolloutReport(Optional.empty(), started, finished, merged, Optional.of(RolloutReport.newRunId()),
                Optional.empty(), includes), problems);
    }

    /**
     * For each input, the inputs it supersedes: the report it resumed from, that report's own predecessor, and so on.
     * A resumed-from report that is not among the inputs is noted (the resumed report carries its successes over).
     */
    private static List<Set<Integer>> lineage(List<Input> inputs, List<Problem> problems) {
        List<Set<Integer>> direct = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Set<Integer> parents = new HashSet<>();
            Optional<ResumedFrom> from = inputs.get(i).report().resumedFrom();
            if (from.isPresent()) {
                for (int j = 0; j < inputs.size(); j++) {
                    if (j != i && from.get().matches(inputs.get(j).identities())) parents.add(j);
                }
                if (parents.isEmpty()) {
                    problems.add(new Problem(ProblemKind.RESUMED_ELSEWHERE, inputs.get(i).name() + " resumed " + from.get().file()
                            + " (sha256 " + from.get().sha256().substring(0, Math.min(12, from.get().sha256().length()))
                            + "…), which is not among the inputs; a file of that name that was changed since counts as independent"));
                }
            }
            direct.add(parents);
        }
        List<Set<Integer>> closure = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Set<Integer> seen = new HashSet<>();
            Deque<Integer> todo = new ArrayDeque<>(direct.get(i));
            while (!todo.isEmpty()) {
                int j = todo.pop();
                if (j != i && seen.add(j)) todo.addAll(direct.get(j));
            }
            closure.add(seen);
        }
        return closure;
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

    private static void checkShards(List<Input> inputs, Set<Integer> superseded, List<Problem> problems) {
        List<Input> sharded = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (!superseded.contains(i) && inputs.get(i).report().shard().isPresent()) sharded.add(inputs.get(i));
        }
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
