package dev.sentinelctl.deploy.sandbox;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates Log Analytics saved searches: category, displayName and query are required by the service. A function
 * (a parser) has a {@code functionAlias} that queries call, so it must be a Kusto name, and its
 * {@code functionParameters} ({@code name:type[=default], ...}) only mean something on a function.
 */
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
        functionFields(props);
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

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final java.util.regex.Pattern PARAMETER = java.util.regex.Pattern.compile(
            "\\s*[A-Za-z_][A-Za-z0-9_]*\\s*:\\s*\\S.*", java.util.regex.Pattern.DOTALL);

    private static void functionFields(ObjectNode props) {
        JsonNode alias = props.get("functionAlias");
        JsonNode params = props.get("functionParameters");
        boolean isFunction = alias != null && !alias.isNull();
        if (isFunction && (!alias.isString() || !NAME.matcher(alias.asString()).matches())) {
            throw ArmException.badRequest("'properties.functionAlias' must be a function name (letters, digits and "
                    + "'_', not starting with a digit), not " + alias + ".");
        }
        if (params == null || params.isNull()) return;
        if (!isFunction) {
            throw ArmException.badRequest("'properties.functionParameters' is only valid on a function: set "
                    + "'properties.functionAlias' too.");
        }
        if (!params.isString()) {
            throw ArmException.badRequest("'properties.functionParameters' must be a string like "
                    + "\"name:type, name2:type=default\", not " + params + ".");
        }
        if (params.asString().isBlank()) return;
        // Commas inside a tabular schema or a default belong to that parameter: split only at top-level commas.
        int depth = 0;
        int start = 0;
        String text = params.asString();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (c == '\'' || c == '"') {
                int close = text.indexOf(c, i + 1);
                if (close > 0) i = close;
            } else if (c == ',' && depth == 0) {
                String one = text.substring(start, i);
                if (!PARAMETER.matcher(one).matches()) {
                    throw ArmException.badRequest("'properties.functionParameters' has '" + one.strip()
                            + "', which is not 'name:type' or 'name:type=default'.");
                }
                start = i + 1;
            }
        }
    }
}
