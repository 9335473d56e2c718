package dev.sentinelctl.content.playbook;

import dev.sentinelctl.content.Playbook;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What a playbook's template creates and uses, by name, for one workspace: its Logic Apps, API connections and custom
 * connectors with the names ARM will give them (evaluated with the parameter file chosen for the workspace), and the
 * connections its workflows use that it does not create. Names an expression hides (e.g. {@code uniqueString()}) stay
 * unknown, never guessed: a reference to them cannot be resolved and an edge to them cannot be drawn.
 *
 * @param workflows   the {@code Microsoft.Logic/workflows} it creates, in template order
 * @param connections the {@code Microsoft.Web/connections} it creates
 * @param customApis  the {@code Microsoft.Web/customApis} (custom connectors) it creates
 * @param external    the connections its workflows use that it does not create (they must exist before it deploys)
 * @param apis        the custom connectors its own connections are built on ({@code properties.api.id} naming a
 *                    {@code Microsoft.Web/customApis}), which it does not create
 * @param calls       the Logic Apps its workflows call ("nested" playbooks: a {@code resourceId('Microsoft.Logic/workflows',
 *                    …)} inside a workflow's properties), which it does not create
 */
public record PlaybookResources(List<Named> workflows, List<Named> connections, List<Named> customApis,
        List<Named> external, List<Named> apis, List<Named> calls) {

    private static final Pattern CUSTOM_API_REF = Pattern.compile(
            "(?i)^\\[\\s*resourceId\\(\\s*'Microsoft\\.Web/customApis'\\s*,\\s*(.+?)\\)\\s*]$");
    private static final Pattern WORKFLOW_REF = Pattern.compile(
            "(?i)resourceId\\(\\s*'Microsoft\\.Logic/workflows'\\s*,\\s*((?:[^()]|\\([^()]*(?:\\([^()]*\\))?[^()]*\\))+?)\\s*\\)");
    private static final Pattern ID_SEGMENT = Pattern.compile(
            "(?i)/providers/Microsoft\\.Web/(connections|customApis)/([^/\\[\\]']+)$");

    public PlaybookResources {
        workflows = List.copyOf(workflows);
        connections = List.copyOf(connections);
        customApis = List.copyOf(customApis);
        external = List.copyOf(external);
        apis = List.copyOf(apis);
        calls = List.copyOf(calls);
    }

    /**
     * A resource by the name expression the template writes and the name it evaluates to.
     *
     * @param name    empty when the expression uses more than literals, parameters(), variables() and concat()
     * @param pointer where it is written in the template
     */
    public record Named(String expression, Optional<String> name, String pointer) {
        /** The evaluated name, else the expression (for messages). */
        public String shown() {
            return name.orElse(expression);
        }

        public boolean is(String other) {
            return name.isPresent() && name.get().equalsIgnoreCase(other);
        }
    }

    /**
     * @param workspace the workspace whose parameter file applies (its resource name, as the playbook kind resolves
     *                  them), or null for the default parameter file
     */
    public static PlaybookResources of(Playbook p, String workspace) {
        PlaybookParameters.Resolved params = new PlaybookParameters().resolve(p.template(), p.parameterFiles(),
                p.templateRelative(), workspace, workspace);
        return of(p.template(), params.parameters());
    }

    public static PlaybookResources of(PlaybookTemplate t, JsonNode parameters) {
        NameExpressions names = new NameExpressions(t.template(), parameters);
        List<Named> workflows = new ArrayList<>();
        List<Named> connections = new ArrayList<>();
        List<Named> customApis = new ArrayList<>();
        List<Named> apis = new ArrayList<>();
        JsonNode resources = t.template().path("resources");
        List<String> keys = new ArrayList<>();
        List<JsonNode> list = new ArrayList<>();
        if (resources.isArray()) {
            for (int i = 0; i < resources.size(); i++) {
                keys.add(String.valueOf(i));
                list.add(resources.get(i));
            }
        } else if (resources.isObject()) {
            for (var e : resources.properties()) {
                keys.add(e.getKey());
                list.add(e.getValue());
            }
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String type = r.path("type").asString("");
            int at = type.indexOf('@');
            type = (at >= 0 ? type.substring(0, at) : type).toLowerCase(Locale.ROOT);
            String expression = r.path("name").asString("");
            String pointer = Pointers.of("resources", keys.get(i)) + "/name";
            Named named = new Named(expression, names.evaluate(expression), pointer);
            switch (type) {
                case "microsoft.logic/workflows" -> workflows.add(named);
                case "microsoft.web/customapis" -> customApis.add(named);
                case "microsoft.web/connections" -> {
                    connections.add(named);
                    String api = r.path("properties").path("api").path("id").asString("").trim();
                    Matcher m = CUSTOM_API_REF.matcher(api);
                    if (m.find()) {
                        String e = m.group(1).trim();
                        apis.add(new Named(e, names.evaluate(asTemplateString(e)),
                                Pointers.of("resources", keys.get(i)) + "/properties/api/id"));
                    } else if (api.toLowerCase(Locale.ROOT).contains("/providers/microsoft.web/customapis/")) {
                        Matcher s = ID_SEGMENT.matcher(api);
                        apis.add(new Named(api, s.find() ? Optional.of(s.group(2)) : Optional.empty(),
                                Pointers.of("resources", keys.get(i)) + "/properties/api/id"));
                    }
                }
                default -> {
                }
            }
        }
        List<Named> external = new ArrayList<>();
        for (PlaybookTemplate.ConnectionUse use : t.connections()) {
            if (use.inTemplate()) continue;
            String e = use.connection();
            Matcher s = ID_SEGMENT.matcher(e);
            Optional<String> name = s.find() && !e.startsWith("[") ? Optional.of(s.group(2)) : names.evaluate(asTemplateString(e));
            // spelled differently from the resource (a literal for a variable) but the same connection: its own
            if (name.isPresent() && connections.stream().anyMatch(c -> c.is(name.get()))) continue;
            external.add(new Named(e, name, use.pointer()));
        }
        List<Named> apisOutside = apis.stream()
                .filter(a -> customApis.stream().noneMatch(c -> a.name().isPresent() && c.is(a.name().get()))).toList();
        List<Named> calls = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).path("type").asString("").toLowerCase(Locale.ROOT).startsWith("microsoft.logic/workflows")) continue;
            calls(list.get(i).path("properties"), Pointers.of("resources", keys.get(i)) + "/properties", names, calls);
        }
        calls.removeIf(c -> c.name().isPresent() && workflows.stream().anyMatch(w -> w.is(c.name().get())));
        return new PlaybookResources(workflows, connections, customApis, external, apisOutside, dedupe(calls));
    }

    /** Every {@code resourceId('Microsoft.Logic/workflows', …)} in a workflow's strings: the Logic Apps it calls. */
    private static void calls(JsonNode node, String pointer, NameExpressions names, List<Named> out) {
        if (node.isString()) {
            Matcher m = WORKFLOW_REF.matcher(node.asString());
            while (m.find()) {
                String e = m.group(1).trim();
                out.add(new Named(e, names.evaluate(asTemplateString(e)), pointer));
            }
        } else if (node.isObject()) {
            for (var e : node.properties()) calls(e.getValue(), pointer + Pointers.of(e.getKey()), names, out);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) calls(node.get(i), pointer + Pointers.of(i), names, out);
        }
    }

    private static List<Named> dedupe(List<Named> named) {
        java.util.Map<String, Named> out = new java.util.LinkedHashMap<>();
        for (Named n : named) out.putIfAbsent(n.shown().toLowerCase(Locale.ROOT), n);
        return List.copyOf(out.values());
    }

    /**
     * A name as {@link PlaybookReader} keeps it (a literal unquoted, an expression without its brackets) back in the
     * form a template writes it, for {@link NameExpressions}.
     */
    static String asTemplateString(String kept) {
        String s = kept.trim();
        if (s.startsWith("'") && s.endsWith("'") && s.length() >= 2) return s.substring(1, s.length() - 1).replace("''", "'");
        return s.matches("(?s)[A-Za-z][A-Za-z0-9]*\\s*\\(.*\\)") ? "[" + s + "]" : s;
    }
}
