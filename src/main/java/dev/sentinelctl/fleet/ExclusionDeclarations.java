package dev.sentinelctl.fleet;

import dev.sentinelctl.content.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code exclusions:} declarations of a content file. Lenient like {@code ContentMapper}: entries the
 * schema already reports (missing name or column, unknown match or placement) are left out here.
 */
public final class ExclusionDeclarations {

    private ExclusionDeclarations() {
    }

    /**
     * Where the file keeps the query its exclusions filter: {@code /query} (rules, hunting queries), or a Defender XDR
     * custom detection's {@code /queryCondition/queryText}.
     */
    public static String queryPointer(YamlDocument doc) {
        JsonNode root = doc.root();
        if (!root.has("query") && root.path("queryCondition").path("queryText").isString()) return "/queryCondition/queryText";
        return "/query";
    }

    public static List<ExclusionDeclaration> read(YamlDocument doc) {
        List<ExclusionDeclaration> out = new ArrayList<>();
        JsonNode list = doc.root().get("exclusions");
        if (list == null || !list.isArray()) return out;
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            if (!n.isObject()) continue;
            String name = text(n, "name");
            String column = text(n, "column");
            Optional<ExclusionMatch> match = n.has("match") ? ExclusionMatch.parse(text(n, "match")) : Optional.of(ExclusionMatch.EQUALS);
            Optional<ExclusionPlacement> at = n.has("at") ? ExclusionPlacement.parse(text(n, "at"))
                    : Optional.of(ExclusionPlacement.AFTER_TABLE);
            if (name.isEmpty() || column.isEmpty() || match.isEmpty() || at.isEmpty()) continue;
            JsonNode cs = n.get("caseSensitive");
            out.add(new ExclusionDeclaration(name, text(n, "description"), column, match.get(), at.get(),
                    cs != null && cs.isBoolean() && cs.booleanValue(), "/exclusions/" + i));
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isString() ? "" : v.asString();
    }
}
