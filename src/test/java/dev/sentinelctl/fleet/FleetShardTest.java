package dev.sentinelctl.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetShardTest {

    static String id(int i) {
        return String.format("/subscriptions/%08d-0000-0000-0000-000000000000/resourceGroups/rg-%d/providers/"
                + "Microsoft.OperationalInsights/workspaces/law-customer-%d", i % 97, i % 7, i);
    }

    static List<String> ids(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(id(i));
        return out;
    }

    @Test
    void everyWorkspaceIsInExactlyOneShard() {
        for (int n : new int[] {1, 2, 3, 4, 7, 16}) {
            for (String id : ids(500)) {
                int hits = 0;
                for (int i = 1; i <= n; i++) hits += new Shard(i, n).contains(id) ? 1 : 0;
                assertEquals(1, hits, id + " in " + n + " shards");
            }
        }
    }

    @Test
    void shardsAreBalanced() {
        for (int n : new int[] {2, 4, 8}) {
            int[] sizes = new int[n];
            for (String id : ids(4000)) sizes[Shard.of(id, n) - 1]++;
            double expected = 4000.0 / n;
            for (int s : sizes) assertTrue(Math.abs(s - expected) < expected * 0.1, n + " shards: " + java.util.Arrays.toString(sizes));
        }
    }

    @Test
    void addingWorkspacesMovesNoExistingOne() {
        Map<String, Integer> before = new HashMap<>();
        for (String id : ids(300)) before.put(id, Shard.of(id, 4));
        List<String> more = ids(600);
        for (String id : more) {
            if (before.containsKey(id)) assertEquals(before.get(id), Shard.of(id, 4), id);
        }
    }

    @Test
    void stableAcrossRunsAndCase() {
        // pinned values: a change here would reshuffle every fleet's CI jobs
        assertEquals(Shard.of(id(1), 4), Shard.of(id(1).toUpperCase(java.util.Locale.ROOT), 4));
        List<Integer> pinned = new ArrayList<>();
        for (int i = 0; i < 8; i++) pinned.add(Shard.of(id(i), 4));
        assertEquals(PINNED, pinned);
    }

    static final List<Integer> PINNED = List.of(3, 2, 1, 3, 2, 3, 4, 2);

    @Test
    void parsing() {
        assertEquals(new Shard(2, 4), Shard.parse("2/4"));
        assertEquals("3/5", Shard.parse(" 3 / 5 ").toString());
        for (String bad : new String[] {"0/4", "5/4", "1/0", "x", "1-4", "", "/4"}) {
            assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
        }
    }
}
