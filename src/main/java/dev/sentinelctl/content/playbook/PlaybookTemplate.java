package dev.sentinelctl.content.playbook;

import dev.sentinelctl.content.YamlDocument;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A playbook: an ARM template holding Logic Apps and what they need (API connections, custom connectors), kept
 * opaque beyond its parameters and resource types. sentinelctl deploys the template as it is, as one ARM deployment.
 *
 * @param file          the template as shown to the user (relative to the content root)
 * @param contentId     the deterministic id the deployment is named after (see {@link PlaybookReader#contentId})
 * @param document      the parsed template with positions
 * @param resourceTypes the types of its top-level resources, in template order ({@code @version} suffixes removed)
 * @param parameters    the template's parameters
 * @param connections   the API connections its workflows use
 */
public record PlaybookTemplate(String file, String contentId, YamlDocument document, List<String> resourceTypes,
        List<TemplateParameter> parameters, List<ConnectionUse> connections) {

    public static final String WORKFLOWS = "Microsoft.Logic/workflows";
    public static final String CONNECTIONS = "Microsoft.Web/connections";
    public static final String CUSTOM_APIS = "Microsoft.Web/customApis";

    public PlaybookTemplate {
        resourceTypes = List.copyOf(resourceTypes);
        parameters = List.copyOf(parameters);
        connections = List.copyOf(connections);
    }

    /** A template parameter; required when it has no {@code defaultValue}. */
    public record TemplateParameter(String name, String type, boolean required, String pointer) {
    }

    /**
     * A workflow's use of an API connection.
     *
     * @param workflow   the workflow's name expression
     * @param connection the connection's name (or the expression naming it)
     * @param inTemplate whether this template creates the connection (else it must exist before the deployment)
     * @param pointer    where the use is in the template
     */
    public record ConnectionUse(String workflow, String connection, boolean inTemplate, String pointer) {
    }

    public ObjectNode template() {
        return (ObjectNode) document.root();
    }

    /** The parameter named {@code name}, compared as ARM compares them (case-insensitively). */
    public Optional<TemplateParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The display name: the template's {@code metadata.title}, else the {@code PlaybookName} default, else the folder. */
    public String displayName() {
        JsonNode root = document.root();
        String title = root.path("metadata").path("title").asString("");
        if (!title.isBlank()) return title;
        for (var e : root.path("parameters").properties()) {
            if (e.getKey().equalsIgnoreCase("PlaybookName") && e.getValue().path("defaultValue").isString()) {
                return e.getValue().path("defaultValue").asString();
            }
        }
        String f = file.replace('\\', '/');
        String[] parts = f.split("/");
        return parts.length >= 2 && parts[parts.length - 1].toLowerCase(Locale.ROOT).equals("azuredeploy.json")
                ? parts[parts.length - 2] : parts[parts.length - 1].replaceFirst("(?i)\\.json$", "");
    }

    /** The number of Logic Apps it deploys. */
    public long workflowCount() {
        return resourceTypes.stream().filter(t -> t.equalsIgnoreCase(WORKFLOWS)).count();
    }
}
