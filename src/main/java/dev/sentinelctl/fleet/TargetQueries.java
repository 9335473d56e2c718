package dev.sentinelctl.fleet;

import dev.sentinelctl.content.ContentItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The glue the deploy engine calls per (workspace, item): the item's query with the workspace's exclusions. A fleet
 * sets exclusion values by name for many items at once, so each item takes only the names it declares;
 * {@link #undeclaredNames} catches the names no item declares (a typo would otherwise exclude nothing, silently),
 * and {@link #compileAll} compiles every pair up front so a plan fails before anything is deployed.
 */
public final class TargetQueries {
    private final ExclusionCompiler compiler;

    public TargetQueries(ExclusionCompiler compiler) {
        this.compiler = compiler;
    }

    /** @throws ExclusionCompileException when this workspace's values cannot be applied safely to this item */
    public CompiledQuery queryFor(ContentItem item, WorkspaceTarget target) {
        List<ExclusionDeclaration> declarations = ExclusionDeclarations.read(item.document());
        Map<String, ExclusionValues> values = new LinkedHashMap<>();
        for (ExclusionDeclaration d : declarations) {
            ExclusionValues v = target.exclusions().get(d.name());
            if (v != null) values.put(d.name(), v);
        }
        return compiler.compile(item.query().text(), declarations, values);
    }

    /** A (workspace, item) pair whose query could not be compiled. */
    public record Failure(WorkspaceTarget target, ContentItem item, String message) {}

    public List<Failure> compileAll(List<WorkspaceTarget> targets, List<ContentItem> items) {
        List<Failure> out = new ArrayList<>();
        for (WorkspaceTarget t : targets) {
            for (ContentItem item : items) {
                if (!t.content().selects(relative(item))) continue;
                try {
                    queryFor(item, t);
                } catch (ExclusionCompileException e) {
                    out.add(new Failure(t, item, e.getMessage()));
                }
            }
        }
        return out;
    }

    /** Exclusion names the fleet sets that no item declares. */
    public static Set<String> undeclaredNames(List<WorkspaceTarget> targets, List<ContentItem> items) {
        Set<String> declared = new LinkedHashSet<>();
        for (ContentItem item : items) ExclusionDeclarations.read(item.document()).forEach(d -> declared.add(d.name()));
        Set<String> out = new LinkedHashSet<>();
        for (WorkspaceTarget t : targets) {
            for (String name : t.exclusions().keySet()) {
                if (!declared.contains(name)) out.add(name);
            }
        }
        return out;
    }

    /** Content ids the fleet overrides that no item has (a typo, or an item deleted since): the override changes nothing. */
    public static Set<String> unknownOverrideIds(List<WorkspaceTarget> targets, List<ContentItem> items) {
        Set<String> ids = new LinkedHashSet<>();
        for (ContentItem item : items) ids.add(item.id().toLowerCase(java.util.Locale.ROOT));
        Set<String> out = new LinkedHashSet<>();
        for (WorkspaceTarget t : targets) {
            for (String id : t.overrides().keySet()) {
                if (!ids.contains(id.toLowerCase(java.util.Locale.ROOT))) out.add(id);
            }
        }
        return out;
    }

    /** The item's path below the content root ({@code Detections/EmailEvents/X.yaml}), as content selections match it. */
    public static String relative(ContentItem item) {
        String p = item.document().source().displayPath().replace('\\', '/');
        for (String root : List.of("Detections/", "Analytic Rules/", "Hunting Queries/")) {
            int at = p.indexOf(root);
            if (at >= 0) return p.substring(at);
        }
        int slash = p.indexOf('/');
        return p.startsWith("content/") && slash >= 0 ? p.substring(slash + 1) : p;
    }
}
