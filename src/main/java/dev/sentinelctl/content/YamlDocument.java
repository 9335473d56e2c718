package dev.sentinelctl.content;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One parsed YAML file: the JSON tree that schemas and the content model read, and the position of every
 * node keyed by its JSON pointer ("" for the root, "/query", "/entityMappings/0/entityType").
 */
public record YamlDocument(SourceText source, JsonNode root, Map<String, NodeInfo> positions) {

    public NodeInfo info(String pointer) {
        return positions.get(pointer);
    }

    /**
     * The span of the node at {@code pointer}, or of its closest ancestor that exists (a missing
     * property is reported where its parent object starts).
     */
    public Span spanOf(String pointer, boolean preferKey) {
        String p = pointer;
        while (true) {
            NodeInfo info = positions.get(p);
            if (info != null) {
                return preferKey && info.hasKey() ? Span.of(source, info.keyStart(), info.keyEnd())
                        : Span.of(source, info.start(), info.end());
            }
            if (p.isEmpty()) return Span.of(source, 0, 0);
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }
}
