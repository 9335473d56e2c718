package dev.sentinelctl.report;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules a run may report, by id; ids no stage registered get a generic description. */
public final class RuleCatalog {
    private final Map<String, RuleInfo> rules = new LinkedHashMap<>();

    public RuleCatalog(Collection<RuleInfo> rules) {
        rules.forEach(r -> this.rules.put(r.id(), r));
    }

    public static RuleCatalog of(List<List<RuleInfo>> groups) {
        return new RuleCatalog(groups.stream().flatMap(List::stream).toList());
    }

    public RuleInfo describe(String id, Severity seen) {
        RuleInfo info = rules.get(id);
        if (info != null) return info;
        String name = id.replaceAll("[^A-Za-z0-9]+", " ").trim();
        return new RuleInfo(id, name.replace(" ", ""), seen, id, id, "See the finding's message and fix hint.");
    }

    public Collection<RuleInfo> all() {
        return rules.values();
    }
}
