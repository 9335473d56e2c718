package dev.sentinelctl.content.playbook;

import dev.sentinelctl.content.Span;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.content.YamlLoader;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a playbook template: checks that it is an ARM deployment template ({@code $schema} and {@code resources}),
 * lists its resource types and parameters, and finds the API connections its workflows use. The template stays
 * opaque otherwise: ARM itself validates the rest when it is deployed.
 */
public final class PlaybookReader {
    private static final Pattern CONNECTION_REF = Pattern.compile(
            "(?i)resourceId\\(\\s*'Microsoft\\.Web/connections'\\s*,\\s*(.+?)\\)\\s*]?$");

    /** The template, when it is one, and what is wrong with it. */
    public record Result(Optional<PlaybookTemplate> template, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private final YamlLoader loader = new YamlLoader();

    public Result read(Path file, String displayPath) {
        YamlLoader.Result loaded = loader.load(file, displayPath);
        if (loaded.document().isEmpty()) return new Result(Optional.empty(), loaded.diagnostics());
        return read(loaded.document().get(), displayPath);
    }

    public Result read(YamlDocument doc, String displayPath) {
        List<Diagnostic> out = new ArrayList<>();
        JsonNode root = doc.root();
        if (!root.isObject()) {
            out.add(at(doc, "", "PLAYBOOK-not-a-template", "a playbook must be an ARM template (a JSON object), not "
                    + root.getNodeType().name().toLowerCase(Locale.ROOT), "Write the Logic App as an ARM template "
                    + "(export it from the portal: Logic App > Export template) and keep it as azuredeploy.json."));
            return new Result(Optional.empty(), out);
        }
        String schema = root.path("$schema").asString("");
        if (!schema.toLowerCase(Locale.ROOT).contains("deploymenttemplate.json")) {
            out.add(at(doc, root.has("$schema") ? "/$schema" : "", "PLAYBOOK-not-a-template",
                    root.has("$schema") ? "$schema is '" + schema + "', not a resource-group deployment template schema"
                            : "no $schema: a playbook must be an ARM deployment template",
                    "Set \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\"."));
        }
        JsonNode resources = root.get("resources");
        boolean symbolic = resources != null && resources.isObject(); // languageVersion 2.0: resources by symbolic name
        if (resources == null || !(resources.isArray() || symbolic)) {
            out.add(at(doc, resources == null ? "" : "/resources", "PLAYBOOK-no-resources",
                    resources == null ? "no resources: the template deploys nothing" : "resources must be an array",
                    "List the Logic App (Microsoft.Logic/workflows) and its API connections under \"resources\"."));
            return new Result(Optional.empty(), out);
        }
        List<String> types = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        for (var e : entries(resources)) {
            JsonNode type = e.node().get("type");
            if (type == null || !type.isString()) {
                out.add(at(doc, e.pointer(), "PLAYBOOK-resource-type", "a resource without a type",
                        "Give every resource its \"type\", e.g. \"Microsoft.Logic/workflows\"."));
                continue;
            }
            String t = type.asString();
            int at = t.indexOf('@');
            types.add(at >= 0 ? t.substring(0, at) : t);
            pointers.add(e.pointer());
        }
        if (types.stream().noneMatch(t -> t.equalsIgnoreCase(PlaybookTemplate.WORKFLOWS)
                || t.equalsIgnoreCase(PlaybookTemplate.CUSTOM_APIS) || t.equalsIgnoreCase(PlaybookTemplate.CONNECTIONS))) {
            out.add(at(doc, "/resources", "PLAYBOOK-no-workflow", "the template has no Logic App (Microsoft.Logic/workflows),"
                    + " no API connection (Microsoft.Web/connections) and no custom connector (Microsoft.Web/customApis); "
                    + "its types are " + (types.isEmpty() ? "none" : String.join(", ", types)),
                    "A playbook template deploys a Logic App; move other templates out of the playbook folder."));
        }
        List<PlaybookTemplate.TemplateParameter> parameters = new ArrayList<>();
        JsonNode params = root.path("parameters");
        if (params.isObject()) {
            for (var p : params.properties()) {
                JsonNode def = p.getValue();
                parameters.add(new PlaybookTemplate.TemplateParameter(p.getKey(), def.path("type").asString(""),
                        !def.has("defaultValue"), Pointers.of("parameters", p.getKey())));
            }
        }
        List<PlaybookTemplate.ConnectionUse> uses = connectionUses(doc, resources, out);
        String id = contentId(root, displayPath);
        if (out.stream().anyMatch(d -> d.severity() == Severity.ERROR)) return new Result(Optional.empty(), out);
        return new Result(Optional.of(new PlaybookTemplate(displayPath, id, doc, types, parameters, uses)), out);
    }

    /**
     * The deterministic id a playbook deploys under: {@code metadata.id} when the template carries a GUID there,
     * else a name-based UUID of the {@code PlaybookName} parameter's default (Azure-Sentinel's convention, stable when
     * the file moves), else of the file's path.
     */
    public static String contentId(JsonNode root, String displayPath) {
        String declared = root.path("metadata").path("id").asString("");
        if (declared.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            return declared.toLowerCase(Locale.ROOT);
        }
        for (var e : root.path("parameters").properties()) {
            if (e.getKey().equalsIgnoreCase("PlaybookName") && e.getValue().path("defaultValue").isString()
                    && !e.getValue().path("defaultValue").asString().isBlank()) {
                return uuid("playbook:" + e.getValue().path("defaultValue").asString().toLowerCase(Locale.ROOT));
            }
        }
        return uuid("playbook-file:" + displayPath.replace('\\', '/').toLowerCase(Locale.ROOT));
    }

    private static String uuid(String s) {
        return UUID.nameUUIDFromBytes(s.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private record Entry(JsonNode node, String pointer) {
    }

    private static List<Entry> entries(JsonNode resources) {
        List<Entry> out = new ArrayList<>();
        if (resources.isArray()) {
            for (int i = 0; i < resources.size(); i++) {
                if (resources.get(i).isObject()) out.add(new Entry(resources.get(i), Pointers.of("resources", i)));
            }
        } else {
            for (var e : resources.properties()) {
                if (e.getValue().isObject()) out.add(new Entry(e.getValue(), Pointers.of("resources", e.getKey())));
            }
        }
        return out;
    }

    /**
     * The connections each workflow uses: its {@code dependsOn} entries on {@code Microsoft.Web/connections} and the
     * {@code connectionId}s in its {@code $connections} parameter, matched to the template's own connection resources
     * by their name expression.
     */
    private static List<PlaybookTemplate.ConnectionUse> connectionUses(YamlDocument doc, JsonNode resources,
            List<Diagnostic> diagnostics) {
        Set<String> ownConnections = new HashSet<>();
        for (Entry e : entries(resources)) {
            if (e.node().path("type").asString("").equalsIgnoreCase(PlaybookTemplate.CONNECTIONS)) {
                ownConnections.add(key(e.node().path("name").asString("")));
            }
        }
        List<PlaybookTemplate.ConnectionUse> out = new ArrayList<>();
        for (Entry e : entries(resources)) {
            if (!e.node().path("type").asString("").toLowerCase(Locale.ROOT).startsWith("microsoft.logic/workflows")) continue;
            String workflow = e.node().path("name").asString("");
            Set<String> seen = new HashSet<>();
            JsonNode dependsOn = e.node().path("dependsOn");
            for (int i = 0; i < dependsOn.size(); i++) {
                Matcher m = CONNECTION_REF.matcher(dependsOn.get(i).asString("").trim());
                if (m.find() && seen.add(key(m.group(1)))) {
                    out.add(new PlaybookTemplate.ConnectionUse(workflow, display(m.group(1)),
                            ownConnections.contains(key(m.group(1))), e.pointer() + Pointers.of("dependsOn", i)));
                }
            }
            JsonNode conns = e.node().path("properties").path("parameters").path("$connections").path("value");
            for (var c : conns.properties()) {
                String connectionId = c.getValue().path("connectionId").asString("");
                Matcher m = CONNECTION_REF.matcher(connectionId.trim());
                String name = m.find() ? m.group(1) : connectionId;
                if (!seen.add(key(name))) continue;
                String pointer = e.pointer() + Pointers.of("properties", "parameters", "$connections", "value", c.getKey());
                if (ownConnections.contains(key(name)) && !mentions(dependsOn, key(name))) {
                    // ARM deploys a template's resources side by side unless dependsOn orders them.
                    diagnostics.add(warning(doc, pointer + "/connectionId", "PLAYBOOK-connection-order", "workflow "
                            + display(workflow) + " uses API connection " + display(name) + ", which this template "
                            + "creates, without a dependsOn on it: ARM may create the Logic App before the connection",
                            "Add the connection to the workflow's dependsOn, as its connectionId names it: "
                                    + connectionId.trim()));
                }
                out.add(new PlaybookTemplate.ConnectionUse(workflow, display(name), ownConnections.contains(key(name)), pointer));
            }
        }
        return out;
    }

    /** Whether any dependsOn entry names the connection, in whatever form (resourceId, a type/name path, the name). */
    private static boolean mentions(JsonNode dependsOn, String connectionKey) {
        for (JsonNode d : dependsOn) if (key(d.asString("")).contains(connectionKey)) return true;
        return false;
    }

    private static Diagnostic warning(YamlDocument doc, String pointer, String rule, String message, String hint) {
        Span span = doc.spanOf(pointer, true);
        return new Diagnostic(rule, Severity.WARNING, doc.source().displayPath(), span.line(), span.column(),
                span.endLine(), span.endColumn(), message, hint);
    }

    /** A name expression compared without brackets and spaces: {@code [variables('x')]} matches {@code variables('x')}. */
    private static String key(String expression) {
        String s = expression.trim();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        return s.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static String display(String expression) {
        String s = expression.trim();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        Matcher literal = Pattern.compile("^'([^']*)'$").matcher(s);
        return literal.find() ? literal.group(1) : s;
    }

    static Diagnostic at(YamlDocument doc, String pointer, String rule, String message, String hint) {
        Span span = doc.spanOf(pointer, true);
        return new Diagnostic(rule, Severity.ERROR, doc.source().displayPath(), span.line(), span.column(), span.endLine(),
                span.endColumn(), message, hint);
    }
}
