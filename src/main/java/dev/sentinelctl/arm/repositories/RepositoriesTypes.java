package dev.sentinelctl.arm.repositories;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The resource types Microsoft Sentinel Repositories deploys, per content type (its deploy script's
 * {@code $contentTypeMapping}, content-kinds.md §6). It skips a template unless <b>every</b> top-level resource type
 * is one of the selected content types' (compared lower-case, {@code @version} removed), so {@code build --repositories}
 * writes only these.
 */
public final class RepositoriesTypes {
    private static final Map<String, List<String>> BY_CONTENT_TYPE = new LinkedHashMap<>();

    static {
        BY_CONTENT_TYPE.put("AnalyticsRule", List.of("Microsoft.OperationalInsights/workspaces/providers/alertRules",
                "Microsoft.OperationalInsights/workspaces/providers/alertRules/actions"));
        BY_CONTENT_TYPE.put("AutomationRule", List.of("Microsoft.OperationalInsights/workspaces/providers/automationRules"));
        BY_CONTENT_TYPE.put("HuntingQuery", List.of("Microsoft.OperationalInsights/workspaces/savedSearches"));
        BY_CONTENT_TYPE.put("Parser", List.of("Microsoft.OperationalInsights/workspaces/savedSearches"));
        BY_CONTENT_TYPE.put("Playbook", List.of("Microsoft.Web/connections", "Microsoft.Logic/workflows", "Microsoft.Web/customApis"));
        BY_CONTENT_TYPE.put("Workbook", List.of("Microsoft.Insights/workbooks"));
    }

    private RepositoriesTypes() {
    }

    /** The content types of the GA {@code sourceControls} API, in its order. */
    public static List<String> contentTypes() {
        return List.copyOf(BY_CONTENT_TYPE.keySet());
    }

    /** The first content type that accepts {@code type}, if any. */
    public static Optional<String> contentTypeOf(String type) {
        String t = normal(type);
        for (var e : BY_CONTENT_TYPE.entrySet()) {
            if (e.getValue().stream().anyMatch(a -> a.equalsIgnoreCase(t))) return Optional.of(e.getKey());
        }
        return Optional.empty();
    }

    /** The types of a template that Repositories would refuse (and so skip the whole file for). */
    public static List<String> refused(List<String> types) {
        return types.stream().filter(t -> contentTypeOf(t).isEmpty()).map(RepositoriesTypes::normal).distinct().toList();
    }

    /**
     * The resource types of a written template that Repositories refuses, or what keeps it from reading the file at
     * all; empty when Repositories deploys it.
     */
    public static List<String> refusedIn(java.nio.file.Path template) {
        tools.jackson.databind.JsonNode root;
        try {
            root = tools.jackson.databind.json.JsonMapper.builder().build().readTree(java.nio.file.Files.readString(template));
        } catch (java.io.IOException | RuntimeException e) {
            return List.of("(not readable as JSON: " + e.getMessage() + ")");
        }
        List<String> types = new java.util.ArrayList<>();
        root.path("resources").values().forEach(r -> types.add(r.path("type").asString("")));
        return refused(types);
    }

    private static String normal(String type) {
        int at = type.indexOf('@');
        return (at >= 0 ? type.substring(0, at) : type).trim();
    }
}
