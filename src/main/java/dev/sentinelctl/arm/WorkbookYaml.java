package dev.sentinelctl.arm;

import dev.sentinelctl.content.Workbook;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A workbook resource's fields → the workbook YAML and its gallery JSON (export from a workspace, import from ARM
 * templates and Content Hub packages), and the one canonical form of a gallery JSON both use.
 */
public final class WorkbookYaml {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private WorkbookYaml() {
    }

    /**
     * @param properties the resource's {@code properties}
     * @param tags       ARM tags to keep in the YAML (without sentinelctl's own)
     */
    public static ObjectNode toYaml(String id, JsonNode properties, String location, Map<String, String> tags,
            Optional<String> version) {
        ObjectNode y = JsonNodeFactory.instance.objectNode();
        y.put("id", id);
        y.put("displayName", properties.path("displayName").asString(id));
        String description = properties.path("description").asString("");
        if (!description.isEmpty()) y.put("description", description);
        y.put("category", properties.path("category").asString(Workbook.DEFAULT_CATEGORY).isEmpty()
                ? Workbook.DEFAULT_CATEGORY : properties.path("category").asString(Workbook.DEFAULT_CATEGORY));
        if (!location.isEmpty()) y.put("location", location);
        String sourceId = properties.path("sourceId").asString("");
        if (sourceId.startsWith("/subscriptions/")) y.put("sourceId", sourceId);
        if (!tags.isEmpty()) {
            ObjectNode t = y.putObject("tags");
            tags.forEach(t::put);
        }
        if (version.isPresent()) y.put("version", version.get());
        return y;
    }

    /** The gallery JSON with sorted keys and one layout (so only real edits differ); as given when it is no JSON. */
    public static String canonicalGallery(String text) {
        try {
            JsonNode tree = JSON.readTree(text);
            return tree == null || tree.isMissingNode() ? text : JSON.writeValueAsString(JSON.treeToValue(tree, Object.class));
        } catch (tools.jackson.core.JacksonException e) {
            return text;
        }
    }
}
