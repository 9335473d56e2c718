package dev.sentinelctl.deploy.sandbox;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates {@code Microsoft.Insights/workbooks} PUT bodies (2023-06-01): {@code kind: shared}, a {@code location},
 * {@code properties.displayName}, {@code category} and {@code serializedData} (the gallery JSON as a string, which
 * must parse as a JSON object), tags within ARM's limits.
 */
public final class WorkbookValidator implements PayloadValidator {
    static final List<String> KINDS = List.of("shared");
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @Override
    public void validate(ObjectNode body, ObjectNode existing) {
        Fields.oneOf(body.path("kind").asString(""), KINDS, "kind");
        if (body.path("location").asString("").isBlank()) {
            throw new ArmException(400, "LocationRequired", "The location property is required for this definition.");
        }
        if (existing != null && !existing.path("location").asString("").equalsIgnoreCase(body.path("location").asString(""))) {
            throw new ArmException(400, "InvalidResourceLocation", "The resource already exists in location '"
                    + existing.path("location").asString() + "'; a resource cannot be moved by a PUT to '"
                    + body.path("location").asString() + "'.");
        }
        JsonNode tags = body.get("tags");
        if (tags != null && !tags.isNull()) {
            if (!tags.isObject()) throw ArmException.badRequest("'tags' must be an object of name/value strings.");
            if (tags.size() > 50) throw new ArmException(400, "InvalidTag", "A resource has at most 50 tags.");
            for (var e : tags.properties()) {
                if (e.getKey().length() > 512 || !e.getValue().isString() || e.getValue().asString().length() > 256) {
                    throw new ArmException(400, "InvalidTag", "Tag '" + e.getKey() + "': names take up to 512 and"
                            + " values up to 256 characters, values are strings.");
                }
            }
        }
        ObjectNode props = Fields.properties(body);
        Fields.maxLength(Fields.requiredString(props, "displayName"), 256, "displayName");
        Fields.requiredString(props, "category");
        String data = Fields.requiredString(props, "serializedData");
        JsonNode parsed;
        try {
            parsed = JSON.readTree(data);
        } catch (tools.jackson.core.JacksonException e) {
            throw new ArmException(400, "InvalidWorkbookContent", "'properties.serializedData' is not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (parsed == null || !parsed.isObject()) {
            throw new ArmException(400, "InvalidWorkbookContent", "'properties.serializedData' must be a JSON object"
                    + " (the workbook's gallery template, {\"version\":\"Notebook/1.0\",\"items\":[…]}).");
        }
        String sourceId = Fields.optionalString(props, "sourceId");
        if (sourceId != null && !sourceId.isEmpty() && !sourceId.startsWith("/subscriptions/")) {
            throw ArmException.badRequest("'properties.sourceId' must be a resource id (/subscriptions/…), not '"
                    + sourceId + "'.");
        }
    }
}
