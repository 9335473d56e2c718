package dev.sentinelctl.deploy.sandbox;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Validates Log Analytics saved searches: category, displayName and query are required by the service. */
public final class SavedSearchValidator implements PayloadValidator {
    @Override
    public void validate(ObjectNode body, ObjectNode existing) {
        ObjectNode props = Fields.properties(body);
        Fields.requiredString(props, "category");
        Fields.requiredString(props, "displayName");
        Fields.requiredString(props, "query");
        JsonNode version = props.get("version");
        if (version != null && !version.isNull() && !version.isIntegralNumber()) {
            throw ArmException.badRequest("'properties.version' must be an integer, not " + version + ".");
        }
        JsonNode tags = props.get("tags");
        if (tags != null && !tags.isNull()) {
            if (!tags.isArray()) {
                throw ArmException.badRequest("'properties.tags' must be an array of {\"name\",\"value\"} objects.");
            }
            for (JsonNode tag : tags) {
                if (!tag.path("name").isString() || !tag.path("value").isString()) {
                    throw ArmException.badRequest(
                            "Each entry of 'properties.tags' needs a string 'name' and a string 'value', not " + tag + ".");
                }
            }
        }
    }
}
