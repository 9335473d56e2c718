package dev.sentinelctl.reference;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Azure-Sentinel's static ATT&CK technique → tactics table (KillChainTechniquesHelper.cs), used by the
 * "a technique needs one of its tactics" rule. Two versions: the 2023-11 snapshot and a later copy.
 */
public final class TechniqueTactics {

    public enum Version {
        V2023_11("technique-tactics-2023-11.tsv"),
        POST_2023("technique-tactics-post-2023.tsv");

        final String resource;

        Version(String resource) {
            this.resource = resource;
        }
    }

    private final Map<String, List<String>> tactics;

    TechniqueTactics(List<String[]> records) {
        Map<String, List<String>> m = new TreeMap<>();
        for (String[] r : records) m.put(r[0], ReferenceResources.list(r[1], ","));
        this.tactics = Collections.unmodifiableMap(m);
    }

    /**
     * Tactics of a technique id; the sub-technique suffix is stripped first ({@code T1059.001} → {@code T1059}),
     * as the validator does. Empty for unknown ids.
     */
    public List<String> tacticsOf(String techniqueId) {
        String id = techniqueId.strip();
        int dot = id.indexOf('.');
        if (dot > 0) id = id.substring(0, dot);
        return tactics.getOrDefault(id, List.of());
    }

    public boolean isKnown(String techniqueId) {
        return !tacticsOf(techniqueId).isEmpty();
    }

    public Set<String> techniques() {
        return tactics.keySet();
    }
}
