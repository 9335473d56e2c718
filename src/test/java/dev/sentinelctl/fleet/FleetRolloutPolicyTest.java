package dev.sentinelctl.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FleetRolloutPolicyTest {
    static final List<Ring> RINGS = List.of(new Ring("canary", 0, 0.0, 1), new Ring("early", 1, 0.1, 5), new Ring("broad", 2, 0.1, 1));

    /** 50 workspaces: 5 canary, 15 early, 30 broad. */
    static List<WorkspaceTarget> fleet() {
        List<WorkspaceTarget> out = new ArrayList<>();
        int[] sizes = {5, 15, 30};
        int n = 0;
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < sizes[r]; i++, n++) {
                out.add(new WorkspaceTarget("t", "33333333-3333-3333-3333-333333333333", "rg", "law-" + n, RINGS.get(r).name(), r, "",
                        List.of(), new CredentialRef("c", "azure-cli", Optional.empty(), Optional.empty(), false), ContentSelection.ALL,
                        Map.of(), Map.of()));
            }
        }
        return out;
    }

    /** Plays a rollout: deploy what the policy says, one workspace at a time, failing the given ones. */
    static RolloutPolicy.Decision play(List<WorkspaceTarget> fleet, Set<String> failing, Map<String, WorkspaceResult.Status> outcomes,
                                       List<String> order) {
        for (int step = 0; step < 100; step++) {
            RolloutPolicy.Decision d = RolloutPolicy.decide(RINGS, fleet, outcomes);
            if (d.action() != RolloutPolicy.Action.CONTINUE) return d;
            WorkspaceTarget next = d.pending().get(0);
            order.add(next.workspace());
            outcomes.put(next.key(), failing.contains(next.workspace()) ? WorkspaceResult.Status.FAILED : WorkspaceResult.Status.SUCCEEDED);
        }
        throw new AssertionError("no decision after 100 steps");
    }

    @Test
    void cleanRolloutGoesThroughEveryRingInOrder() {
        List<String> order = new ArrayList<>();
        RolloutPolicy.Decision d = play(fleet(), Set.of(), new HashMap<>(), order);
        assertEquals(RolloutPolicy.Action.DONE, d.action());
        assertEquals(50, order.size());
        assertEquals("law-0", order.get(0));
        assertEquals("law-49", order.get(49));
    }

    @Test
    void failuresWithinBudgetContinueAndOneMoreStopsTheRolloutMidRing() {
        // early: 15 workspaces at 10% → 1 failure allowed
        List<String> order = new ArrayList<>();
        RolloutPolicy.Decision ok = play(fleet(), Set.of("law-7"), new HashMap<>(), order);
        assertEquals(RolloutPolicy.Action.DONE, ok.action());

        order.clear();
        RolloutPolicy.Decision stop = play(fleet(), Set.of("law-7", "law-9", "law-15"), new HashMap<>(), order);
        assertEquals(RolloutPolicy.Action.STOP, stop.action());
        assertEquals("early", stop.ring().orElseThrow().name());
        assertTrue(stop.reason().contains("2 of 15 workspaces failed, more than the 1 its maxFailureRate 10% allows"), stop.reason());
        assertEquals(10, order.size(), "stopped right after the second failure (law-9), before the rest of early: " + order);
        assertTrue(order.stream().noneMatch(w -> Integer.parseInt(w.substring(4)) >= 20), "broad untouched: " + order);
    }

    @Test
    void aCanaryFailureStopsEverything() {
        List<String> order = new ArrayList<>();
        RolloutPolicy.Decision d = play(fleet(), Set.of("law-2"), new HashMap<>(), order);
        assertEquals(RolloutPolicy.Action.STOP, d.action());
        assertEquals("canary", d.ring().orElseThrow().name());
        assertEquals(List.of("law-0", "law-1", "law-2"), order);
    }

    @Test
    void aRingTooSmallToJudgeStops() {
        List<WorkspaceTarget> fleet = fleet().stream().filter(t -> t.ringIndex() != 1 || Integer.parseInt(t.workspace().substring(4)) < 9).toList();
        // early now has law-5..law-8: 4 workspaces, fewer than its minWorkspaces 5
        RolloutPolicy.Decision d = play(fleet, Set.of(), new HashMap<>(), new ArrayList<>());
        assertEquals(RolloutPolicy.Action.STOP, d.action());
        assertTrue(d.reason().contains("only 4 workspace(s) deployed, fewer than its minWorkspaces 5"), d.reason());
        List<WorkspaceTarget> noCanary = fleet().stream().filter(t -> t.ringIndex() != 0).toList();
        assertEquals(RolloutPolicy.Action.STOP, RolloutPolicy.decide(RINGS, noCanary, Map.of()).action());
    }

    @Test
    void resumeRedeploysOnlyWhatDidNotSucceed() {
        List<WorkspaceTarget> fleet = fleet();
        Map<String, WorkspaceResult.Status> first = new HashMap<>();
        play(fleet, Set.of("law-7", "law-9"), first, new ArrayList<>());
        List<WorkspaceResult> results = new ArrayList<>();
        for (WorkspaceTarget t : fleet) {
            WorkspaceResult.Status s = first.getOrDefault(t.key(), WorkspaceResult.Status.NOT_RUN);
            results.add(new WorkspaceResult(t.resourceId(), t.tenant(), t.ring(), t.ringIndex(), s, Optional.empty(), List.of(), List.of(),
                    List.of(), List.of(), List.of(), Optional.empty(), 0));
        }
        RolloutReport previous = new RolloutReport(Optional.empty(), Optional.empty(), Optional.empty(), results);
        assertEquals(8, Resume.done(previous).size(), "5 canary + law-5, law-6, law-8");
        List<WorkspaceTarget> remaining = Resume.remaining(fleet, previous);
        assertEquals(42, remaining.size());
        assertEquals("law-7", remaining.get(0).workspace());

        // the fix worked: the retry succeeds everywhere and the earlier failures no longer count
        Map<String, WorkspaceResult.Status> outcomes = Resume.startingOutcomes(previous);
        List<String> order = new ArrayList<>();
        assertEquals(RolloutPolicy.Action.DONE, play(fleet, Set.of(), outcomes, order).action());
        assertEquals(42, order.size());
        assertEquals(remaining.stream().map(WorkspaceTarget::workspace).toList(), order);
    }

    @Test
    void budgetArithmetic() {
        assertEquals(3, RolloutPolicy.allowedFailures(new Ring("r", 0, 0.1, 1), 30));
        assertEquals(0, RolloutPolicy.allowedFailures(new Ring("r", 0, 0.1, 1), 9));
        assertEquals(0, RolloutPolicy.allowedFailures(new Ring("r", 0, 0.0, 1), 1000));
        assertEquals(7, RolloutPolicy.allowedFailures(new Ring("r", 0, 1.0, 1), 7));
    }
}
