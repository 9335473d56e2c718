package dev.sentinelctl.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes mapping entries whose value is empty ({@code entityMappings:} with nothing after it). Sentinel's
 * own loaders (YamlDotNet into Newtonsoft) read such a field as absent, so the schema must too; a required
 * field left empty is then reported as missing, which is what it is.
 */
final class NullFields {
    private NullFields() {}

    static void removeFrom(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            List<String> empty = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : obj.properties()) {
                if (e.getValue().isNull()) empty.add(e.getKey());
                else removeFrom(e.getValue());
            }
            empty.forEach(obj::remove);
        } else if (node != null && node.isArray()) {
            node.forEach(NullFields::removeFrom);
        }
    }
}
