package dev.sentinelctl.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Entity types and identifiers of analytic-rule entity mappings. The validator parses entityType with
 * Newtonsoft's StringEnumConverter: exact name first, then case-insensitive, hence {@link #entityType}.
 */
public final class EntityIdentifiers {

    private final Map<String, EntityType> types;

    EntityIdentifiers(List<String[]> records) {
        Map<String, List<String>> later = new LinkedHashMap<>();
        for (String[] r : records) {
            if (r[1].equals("post-2023")) later.put(r[0], ReferenceResources.list(r[2], ","));
        }
        Map<String, EntityType> m = new LinkedHashMap<>();
        for (String[] r : records) {
            if (!r[1].equals("2023")) continue;
            List<List<String>> combos = new ArrayList<>();
            for (String c : ReferenceResources.list(r[3], ";")) combos.add(List.of(c.split("\\+")));
            m.put(r[0], new EntityType(r[0], ReferenceResources.list(r[2], ","), later.getOrDefault(r[0], List.of()), combos));
        }
        this.types = Collections.unmodifiableMap(m);
    }

    public Optional<EntityType> entityType(String name) {
        EntityType t = types.get(name);
        if (t != null) return Optional.of(t);
        return types.values().stream().filter(x -> x.name().equalsIgnoreCase(name)).findFirst();
    }

    public Set<String> names() {
        return types.keySet();
    }
}
