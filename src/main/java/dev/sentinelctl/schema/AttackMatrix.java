package dev.sentinelctl.schema;

import dev.sentinelctl.reference.ReferenceData;
import dev.sentinelctl.reference.TechniqueTactics;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MITRE ATT&CK technique → tactics as Microsoft's content CI knows it: the union of the 2023 table and the
 * later one, since content written against either is valid somewhere.
 */
public final class AttackMatrix {
    private final Map<String, Set<String>> tacticsByTechnique;

    private AttackMatrix(Map<String, Set<String>> tacticsByTechnique) {
        this.tacticsByTechnique = tacticsByTechnique;
    }

    public static AttackMatrix load() {
        ReferenceData data = ReferenceData.builtIn();
        Map<String, Set<String>> table = new HashMap<>();
        for (TechniqueTactics.Version v : TechniqueTactics.Version.values()) {
            TechniqueTactics t = data.techniqueTactics(v);
            for (String technique : t.techniques()) {
                table.computeIfAbsent(technique, k -> new HashSet<>()).addAll(t.tacticsOf(technique));
            }
        }
        table.replaceAll((k, v) -> Set.copyOf(v));
        return new AttackMatrix(Map.copyOf(table));
    }

    /** Tactics of a technique; a sub-technique ({@code T1566.001}) takes its parent's. */
    public Optional<Set<String>> tacticsOf(String technique) {
        String base = technique.contains(".") ? technique.substring(0, technique.indexOf('.')) : technique;
        return Optional.ofNullable(tacticsByTechnique.get(base));
    }

    public Set<String> techniques() {
        return tacticsByTechnique.keySet();
    }
}
