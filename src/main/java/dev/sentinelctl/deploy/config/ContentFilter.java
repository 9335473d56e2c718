package dev.sentinelctl.deploy.config;

import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.content.ContentItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * One include or exclude filter of ids, kinds and tags. An include narrows: an item must match every list that is
 * given ({@link #matches}). An exclude removes an item that matches any of its lists ({@link #matchesAny}): "these ids,
 * and also everything of these kinds". Within a list, any entry matches. Ids and tags compare case-insensitively.
 */
public record ContentFilter(List<String> ids, List<String> kinds, List<String> tags) {
    public ContentFilter {
        ids = List.copyOf(ids);
        kinds = List.copyOf(kinds);
        tags = List.copyOf(tags);
    }

    public boolean isEmpty() {
        return ids.isEmpty() && kinds.isEmpty() && tags.isEmpty();
    }

    public boolean matches(ContentItem item) {
        if (!ids.isEmpty() && !idMatches(item)) return false;
        if (!kinds.isEmpty() && !kindMatches(item)) return false;
        return tags.isEmpty() || tagMatches(item);
    }

    public boolean matchesAny(ContentItem item) {
        return (!ids.isEmpty() && idMatches(item)) || (!kinds.isEmpty() && kindMatches(item))
                || (!tags.isEmpty() && tagMatches(item));
    }

    private boolean idMatches(ContentItem item) {
        return ids.stream().anyMatch(i -> i.equalsIgnoreCase(item.id()));
    }

    private boolean kindMatches(ContentItem item) {
        return kinds.stream().anyMatch(k -> k.equalsIgnoreCase(kindOf(item)));
    }

    private boolean tagMatches(ContentItem item) {
        List<String> itemTags = tagsOf(item);
        return tags.stream().anyMatch(t -> itemTags.contains(t.toLowerCase(Locale.ROOT)));
    }

    /**
     * Scheduled, NRT, HuntingQuery, the built-in rule kinds (Fusion, …), Workbook, CustomDetection or Playbook: the names
     * {@code kinds} uses.
     */
    public static String kindOf(ContentItem item) {
        if (item instanceof AnalyticRule rule) return rule.ruleKind() == AnalyticRule.RuleKind.NRT ? "NRT" : "Scheduled";
        if (item instanceof dev.sentinelctl.content.BuiltInAlertRule rule) return rule.ruleKind();
        if (item instanceof dev.sentinelctl.content.Workbook) return "Workbook";
        if (item instanceof dev.sentinelctl.content.CustomDetection) return "CustomDetection";
        if (item instanceof dev.sentinelctl.content.Playbook) return "Playbook";
        return "HuntingQuery";
    }

    /**
     * The item's {@code tags}, lower-cased. Azure-Sentinel files write them as strings or as one-key mappings
     * ({@code - Schema: ASIMDns}); a mapping counts as {@code key} and {@code key:value}.
     */
    static List<String> tagsOf(ContentItem item) {
        List<String> out = new ArrayList<>();
        JsonNode tags = item.document().root().get("tags");
        if (tags == null || !tags.isArray()) return out;
        for (JsonNode t : tags) {
            if (t.isString()) {
                out.add(t.asString().toLowerCase(Locale.ROOT));
            } else if (t.isObject()) {
                t.properties().forEach(e -> {
                    out.add(e.getKey().toLowerCase(Locale.ROOT));
                    if (e.getValue().isValueNode()) out.add((e.getKey() + ":" + e.getValue().asString()).toLowerCase(Locale.ROOT));
                });
            }
        }
        return out;
    }
}
