package dev.sentinelctl.deploy.sandbox;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Field checks shared by the validators; each failure message names the JSON path and how to fix it. */
final class Fields {
    private Fields() {
    }

    static ObjectNode properties(ObjectNode body) {
        JsonNode props = body.get("properties");
        if (props == null || props.isNull()) {
            throw ArmException.badRequest("The 'properties' object is required.");
        }
        if (!(props instanceof ObjectNode object)) {
            throw ArmException.badRequest("'properties' must be a JSON object.");
        }
        return object;
    }

    static String requiredString(ObjectNode props, String field) {
        JsonNode node = props.get(field);
        if (node == null || node.isNull()) {
            throw ArmException.badRequest("The 'properties." + field + "' field is required.");
        }
        if (!node.isString() || node.stringValue().isBlank()) {
            throw ArmException.badRequest("'properties." + field + "' must be a non-empty string.");
        }
        return node.stringValue();
    }

    static String optionalString(ObjectNode props, String field) {
        JsonNode node = props.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw ArmException.badRequest("'properties." + field + "' must be a string.");
        }
        return node.stringValue();
    }

    static void maxLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw ArmException.badRequest("'properties." + field + "' is " + value.length()
                    + " characters long; the maximum is " + max + ".");
        }
    }

    static boolean requiredBoolean(ObjectNode props, String field) {
        JsonNode node = props.get(field);
        if (node == null || node.isNull()) {
            throw ArmException.badRequest("The 'properties." + field + "' field is required (true or false).");
        }
        if (!node.isBoolean()) {
            throw ArmException.badRequest("'properties." + field + "' must be true or false, not " + node + ".");
        }
        return node.booleanValue();
    }

    static int requiredInt(ObjectNode props, String field, int min, int max) {
        JsonNode node = props.get(field);
        if (node == null || node.isNull()) {
            throw ArmException.badRequest("The 'properties." + field + "' field is required.");
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw ArmException.badRequest("'properties." + field + "' must be an integer from " + min + " to "
                    + max + ", not " + node + ".");
        }
        return node.intValue();
    }

    static Duration requiredDuration(ObjectNode props, String field) {
        String text = requiredString(props, field);
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw ArmException.badRequest("Invalid value '" + text + "' for 'properties." + field
                    + "': expected an ISO 8601 duration such as PT5M, PT1H or P1D.");
        }
    }

    static void within(Duration value, Duration min, Duration max, String field) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw ArmException.badRequest("'properties." + field + "' is " + value + "; it must be between " + min
                    + " and " + max + ".");
        }
    }

    static String oneOf(String value, Collection<String> allowed, String field) {
        if (value != null && !allowed.contains(value)) {
            throw ArmException.badRequest("Invalid value '" + value + "' for '" + field + "'. Allowed values: "
                    + String.join(", ", allowed) + ".");
        }
        return value;
    }

    /** Each element of an optional string array must be one of {@code allowed}. */
    static void arrayOf(ObjectNode props, String field, Collection<String> allowed) {
        JsonNode node = props.get(field);
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isArray()) {
            throw ArmException.badRequest("'properties." + field + "' must be an array.");
        }
        for (JsonNode item : node) {
            if (!item.isString()) {
                throw ArmException.badRequest("'properties." + field + "' must contain strings, not " + item + ".");
            }
            oneOf(item.stringValue(), allowed, "properties." + field);
        }
    }
}
