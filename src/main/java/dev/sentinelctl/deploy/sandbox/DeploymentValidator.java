package dev.sentinelctl.deploy.sandbox;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks an ARM deployment's PUT body as ARM's template validation does before anything is deployed: a mode, an
 * inline template with {@code $schema} and {@code resources}, a value for every parameter without a default, no
 * parameter the template does not declare. Messages follow ARM's ({@code InvalidTemplate}: "Deployment template
 * validation failed: …").
 */
public final class DeploymentValidator implements PayloadValidator {

    @Override
    public void validate(ObjectNode body, ObjectNode existing) {
        JsonNode p = body.get("properties");
        if (p == null || !p.isObject()) {
            throw new ArmException(400, "InvalidRequestContent", "The request content was invalid and could not be "
                    + "deserialized: 'Required property 'properties' not found in JSON.'");
        }
        String mode = p.path("mode").asString("");
        if (!mode.equalsIgnoreCase("Incremental") && !mode.equalsIgnoreCase("Complete")) {
            throw new ArmException(400, "InvalidRequestContent", "The request content was invalid and could not be "
                    + "deserialized: 'Error converting value '" + mode + "' to type 'DeploymentMode'. Path 'properties.mode'.'");
        }
        JsonNode template = p.get("template");
        if (template == null || !template.isObject()) {
            throw invalid(p.has("templateLink") ? "The sandbox takes inline templates only (properties.template), not templateLink."
                    : "The template is missing: send properties.template.");
        }
        if (!template.path("$schema").isString()) throw invalid("Required property '$schema' not found in JSON. Path ''.");
        JsonNode resources = template.get("resources");
        if (resources == null || !(resources.isArray() || resources.isObject())) {
            throw invalid("Required property 'resources' not found in JSON. Path ''.");
        }
        JsonNode declared = template.path("parameters");
        JsonNode given = p.path("parameters");
        List<String> unknown = new ArrayList<>();
        for (String name : given.propertyNames()) if (find(declared, name) == null) unknown.add(name);
        if (!unknown.isEmpty()) {
            throw invalid("The template parameters '" + String.join(", ", unknown) + "' in the parameters file are not "
                    + "valid; they are not present in the original template and can therefore not be provided at "
                    + "deployment time. The only supported parameters for this template are '"
                    + String.join(", ", declared.propertyNames()) + "'.");
        }
        for (String name : declared.propertyNames()) {
            JsonNode value = find(given, name);
            if (!declared.get(name).has("defaultValue") && (value == null || !(value.has("value") || value.has("reference")))) {
                throw invalid("The value for the template parameter '" + name + "' is not provided. Please see "
                        + "https://aka.ms/arm-create-parameter-file for usage details.");
            }
        }
    }

    static JsonNode find(JsonNode object, String name) {
        for (var e : object.properties()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        return null;
    }

    private static ArmException invalid(String detail) {
        return new ArmException(400, "InvalidTemplate", "Deployment template validation failed: '" + detail + "'.");
    }
}
