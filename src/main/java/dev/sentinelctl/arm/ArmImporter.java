package dev.sentinelctl.arm;

import dev.sentinelctl.arm.ArmExpressions.Unresolved;
import dev.sentinelctl.content.BuiltInAlertRule;
import dev.sentinelctl.content.ContentKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds the analytic rules and hunting queries in an ARM document and turns them into Azure-Sentinel YAML
 * trees: portal exports and Repositories templates ({@code …/providers/alertRules}, {@code …/savedSearches}),
 * {@code build}'s own output (with its sidecar), Content Hub packages (rules as
 * {@code Microsoft.SecurityInsights/AlertRuleTemplates} inside {@code contentTemplates} or
 * {@code templateSpecs/versions} {@code mainTemplate}s), nested deployments, and REST list/get output
 * ({@code {"value": [...]}} or one resource). Anything it cannot resolve is named with its JSON path.
 */
public final class ArmImporter {
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_NESTING = 8;

    /**
     * Something import could not do, at a JSON path of the file. {@code UNRESOLVED}: a field was left out
     * or made up; {@code UNSUPPORTED}: an item with no YAML form was skipped; {@code FAILED}: an item (or
     * the file) could not be imported.
     */
    public enum Level { UNRESOLVED, UNSUPPORTED, FAILED }

    public record Problem(String file, String jsonPath, String message, Level level) {
        @Override
        public String toString() {
            return file + " " + jsonPath + ": " + message;
        }
    }

    /** One content item found, as YAML tree, with where it came from. */
    /** @param companions files written beside the YAML under its base name, by suffix (a workbook's {@code .json}) */
    public record Imported(ContentKind kind, ObjectNode yaml, String file, String jsonPath, Optional<String> sourceFile,
                           Map<String, String> companions) {
        public Imported {
            companions = Map.copyOf(companions);
        }

        public Imported(ContentKind kind, ObjectNode yaml, String file, String jsonPath, Optional<String> sourceFile) {
            this(kind, yaml, file, jsonPath, sourceFile, Map.of());
        }

        public String id() {
            return yaml.path("id").asString("");
        }

        public String name() {
            return yaml.path("name").asString(yaml.path("displayName").asString(""));
        }
    }

    public record Result(List<Imported> items, List<Problem> problems, int ignoredResources) {}

    private final ArmToYaml inverse = new ArmToYaml();

    public Result importDocument(JsonNode root, String file) {
        Walk walk = new Walk(file);
        if (root.has("resources") || root.has("$schema")) {
            walk.template(root, new TemplateScope(root, null, null), "$", Optional.empty(), 0);
        } else if (root.has("value") && root.get("value").isArray()) {
            walk.resources(root.get("value"), new TemplateScope(root, null, null), "$.value", Optional.empty(), null);
        } else if (root.has("type") && root.has("properties")) {
            walk.resources(ArmResources.JSON.arrayNode().add(root), new TemplateScope(root, null, null), "$", Optional.empty(), null);
        } else {
            walk.problems.add(new Problem(file, "$", "not an ARM template (no resources), REST list ({\"value\": […]}) or resource", Level.FAILED));
        }
        return new Result(walk.items, walk.problems, walk.ignored);
    }

    /** What the resource wrapping a nested template says about its content (Content Hub packages). */
    private record OuterHint(Optional<String> contentId, Optional<String> version) {}

    private record MetadataInfo(String kind, Optional<String> contentId, Optional<String> version, Optional<String> parentId) {}

    private final class Walk {
        final String file;
        final List<Imported> items = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        int ignored;

        Walk(String file) {
            this.file = file;
        }

        void template(JsonNode template, TemplateScope scope, String path, Optional<OuterHint> hint, int nesting) {
            if (nesting > MAX_NESTING) {
                problems.add(new Problem(file, path, "templates nested deeper than " + MAX_NESTING + "; not read", Level.FAILED));
                return;
            }
            JsonNode sidecars = template.path("metadata").path(Sidecar.SECTION).path("items");
            JsonNode resources = template.get("resources");
            if (resources == null) return;
            if (resources.isObject()) {
                // languageVersion 2.0: resources keyed by symbolic name
                resources(valuesOf(resources), scope, path + ".resources", hint, sidecars.isObject() ? sidecars : null);
            } else if (resources.isArray()) {
                resources(resources, scope, path + ".resources", hint, sidecars.isObject() ? sidecars : null);
            }
        }

        void resources(JsonNode list, TemplateScope scope, String path, Optional<OuterHint> hint, JsonNode sidecars) {
            ArmExpressions ex = new ArmExpressions(scope);
            List<MetadataInfo> metadata = new ArrayList<>();
            int rules = 0;
            int hunting = 0;
            for (JsonNode r : list) {
                String type = type(r, ex);
                if (type.endsWith("/metadata")) metadata.add(metadata(r, ex));
                if (isRuleType(type)) rules++;
                if (type.endsWith("/savedsearches") && ArmToYaml.isHuntingQuery(r.path("properties"))) hunting++;
            }
            int i = 0;
            for (JsonNode r : list) {
                String at = path + "[" + i++ + "]";
                String type = type(r, ex);
                JsonNode props = r.path("properties");
                if (type.endsWith("/contenttemplates") || type.endsWith("/templatespecs/versions")) {
                    JsonNode main = props.get("mainTemplate");
                    if (main != null && main.isObject()) {
                        template(main, scope, at + ".properties.mainTemplate", Optional.of(hint(props, ex)), 1);
                    }
                } else if (type.equals("microsoft.resources/deployments")) {
                    deployment(r, scope, ex, at);
                } else if (isRuleType(type)) {
                    content(r, type, ex, at, pick(metadata, "analyticsrule", r, ex, rules), hint, sidecars, true);
                } else if (type.endsWith("/savedsearches")) {
                    if (ArmToYaml.isHuntingQuery(props)) {
                        content(r, type, ex, at, pick(metadata, "huntingquery", r, ex, hunting), hint, sidecars, false);
                    } else {
                        ignored++;
                    }
                } else if (type.endsWith("/automationrules")) {
                    automationRule(r, type, ex, at, pick(metadata, "automationrule", r, ex, 1), sidecars);
                } else if (type.equals("microsoft.insights/workbooks")) {
                    workbook(r, ex, at, pick(metadata, "workbook", r, ex, 1), hint);
                } else if (!type.endsWith("/metadata")) {
                    ignored++;
                }
            }
        }

        private void deployment(JsonNode r, TemplateScope outer, ArmExpressions outerEx, String at) {
            JsonNode props = r.path("properties");
            JsonNode template = props.get("template");
            if (template == null || !template.isObject()) {
                if (props.has("templateLink")) {
                    problems.add(new Problem(file, at + ".properties.templateLink", "linked template not fetched (offline)", Level.FAILED));
                }
                return;
            }
            boolean inner = props.path("expressionEvaluationOptions").path("scope").asString("").equalsIgnoreCase("inner");
            TemplateScope scope = inner ? new TemplateScope(template, props.get("parameters"), outerEx) : outer;
            template(template, scope, at + ".properties.template", Optional.empty(), 1);
        }

        private void content(JsonNode r, String type, ArmExpressions ex, String at, Optional<MetadataInfo> meta,
                             Optional<OuterHint> hint, JsonNode sidecars, boolean rule) {
            Optional<String> kind = Optional.empty();
            if (rule) {
                String k = resolveString(r.get("kind"), ex, at + ".kind").orElse("");
                Optional<String> builtIn = BuiltInAlertRule.restKind(k);
                if (builtIn.isPresent()) {
                    builtInRule(r, builtIn.get(), ex, at, meta, hint);
                    return;
                }
                if (!k.equalsIgnoreCase("Scheduled") && !k.equalsIgnoreCase("NRT")) {
                    problems.add(new Problem(file, at, "alert rule of kind '" + k
                            + "' has no content form (Scheduled, NRT, " + String.join(", ", BuiltInAlertRule.KINDS)
                            + " have); not imported", Level.UNSUPPORTED));
                    return;
                }
                kind = Optional.of(k.equalsIgnoreCase("NRT") ? "NRT" : "Scheduled");
            }
            JsonNode props = resolveProperties(r.path("properties"), ex, at + ".properties");
            if (props == null) return;
            String displayName = props.path("displayName").asString("");
            Optional<String> id = id(r, ex, at, props, meta, hint, rule);
            if (id.isEmpty()) {
                String generated = UUID.nameUUIDFromBytes(("sentinelctl:" + type + ":" + displayName).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)).toString();
                problems.add(new Problem(file, at + ".name", "no GUID found in the name, metadata or alertRuleTemplateName;"
                        + " id " + generated + " derived from the display name", Level.UNRESOLVED));
                id = Optional.of(generated);
            }
            Optional<String> version = meta.flatMap(MetadataInfo::version).or(() -> hint.flatMap(OuterHint::version));
            ObjectNode yaml = inverse.toYaml(new ArmToYaml.ArmItem(type, kind, id.get(), props, version));
            Optional<String> sourceFile = Optional.empty();
            boolean fromBuild = sidecars != null && sidecars.get(id.get()) != null;
            // Text saved in the portal has Windows line ends; as LF the query stays a readable literal block.
            // Not for build's own output, which must come back exactly as it was.
            if (!fromBuild) yaml = (ObjectNode) unixLineEnds(yaml);
            if (sidecars != null) {
                JsonNode raw = sidecars.get(id.get());
                if (raw != null) {
                    try {
                        Optional<Sidecar> sidecar = Sidecar.fromJson(ex.resolve(raw));
                        if (sidecar.isPresent()) {
                            yaml = sidecar.get().applyTo(yaml);
                            if (!sidecar.get().file().isEmpty()) sourceFile = Optional.of(sidecar.get().file());
                        }
                    } catch (Unresolved e) {
                        problems.add(new Problem(file, "$.metadata.sentinelctl.items['" + id.get() + "']", e.getMessage(), Level.UNRESOLVED));
                    }
                }
            }
            if (!yaml.path("query").isString() || yaml.path("query").asString().isBlank()) {
                problems.add(new Problem(file, at + ".properties.query", "no query; not imported", Level.FAILED));
                return;
            }
            items.add(new Imported(rule ? ContentKind.ANALYTIC_RULE : ContentKind.HUNTING_QUERY, yaml, file, at, sourceFile));
        }

        /**
         * An automation rule (Repositories' {@code workspaces/providers/automationRules} or the extension-resource
         * {@code Microsoft.SecurityInsights/automationRules}): its rule-id condition's values are resolved one by one to
         * the rule ids they end in (the workspace part is the target's, usually a parameter without default), then
         * lifted to {@code analyticRules}.
         */
        private void automationRule(JsonNode r, String type, ArmExpressions ex, String at, Optional<MetadataInfo> meta,
                                    JsonNode sidecars) {
            ObjectNode raw = r.path("properties").isObject() ? (ObjectNode) r.path("properties").deepCopy()
                    : ArmResources.JSON.objectNode();
            JsonNode conditions = raw.path("triggeringLogic").path("conditions");
            for (int i = 0; i < conditions.size(); i++) {
                JsonNode cp = conditions.get(i).path("conditionProperties");
                String property = cp.path("propertyName").asString("");
                if (!(property.equals(AutomationRuleMapping.INCIDENT_RULES) || property.equals(AutomationRuleMapping.ALERT_RULES))
                        || !(cp.get("propertyValues") instanceof tools.jackson.databind.node.ArrayNode values)) continue;
                for (int v = 0; v < values.size(); v++) {
                    String where = at + ".properties.triggeringLogic.conditions[" + i + "].conditionProperties.propertyValues[" + v + "]";
                    String id = values.get(v).asString("");
                    try {
                        String s = ArmExpressions.string(ex.evaluateString(id));
                        id = AutomationRuleMapping.lastSegment(s);
                    } catch (Unresolved e) {
                        id = AutomationRuleMapping.lastSegment(id);
                    }
                    if (ArmExpressions.containsPlaceholder(id) || id.isBlank()) {
                        problems.add(new Problem(file, where, "cannot tell which analytic rule this names; left out", Level.UNRESOLVED));
                        id = "";
                    }
                    values.set(v, ArmResources.JSON.stringNode(id));
                }
            }
            JsonNode props = resolveProperties(raw, ex, at + ".properties");
            if (props == null) return;
            Optional<String> id = id(r, ex, at, props, meta, Optional.empty(), false);
            if (id.isEmpty()) {
                String generated = UUID.nameUUIDFromBytes(("sentinelctl:" + type + ":" + props.path("displayName").asString(""))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
                problems.add(new Problem(file, at + ".name", "no GUID found in the name or metadata; id " + generated
                        + " derived from the display name", Level.UNRESOLVED));
                id = Optional.of(generated);
            }
            ObjectNode yaml = AutomationRuleMapping.toContent(id.get(), props);
            if (yaml.get("analyticRules") instanceof tools.jackson.databind.node.ArrayNode refs) {
                for (int i = refs.size() - 1; i >= 0; i--) if (refs.get(i).asString("").isEmpty()) refs.remove(i);
            }
            meta.flatMap(MetadataInfo::version).ifPresent(v -> yaml.put("version", v));
            ObjectNode out = yaml;
            Optional<String> sourceFile = Optional.empty();
            JsonNode rawSidecar = sidecars == null ? null : sidecars.get(id.get());
            if (rawSidecar != null) {
                try {
                    Optional<Sidecar> sidecar = Sidecar.fromJson(ex.resolve(rawSidecar));
                    if (sidecar.isPresent()) {
                        out = sidecar.get().applyTo(yaml);
                        if (!sidecar.get().file().isEmpty()) sourceFile = Optional.of(sidecar.get().file());
                    }
                } catch (Unresolved e) {
                    problems.add(new Problem(file, "$.metadata.sentinelctl.items['" + id.get() + "']", e.getMessage(), Level.UNRESOLVED));
                }
            }
            items.add(new Imported(ContentKind.AUTOMATION_RULE, out, file, at, sourceFile));
        }

        /**
         * A workbook: the YAML and its gallery JSON. The id is the resource name when it is a GUID, else the
         * metadata's content id, else derived from the display name; a location ARM would compute is left out (the
         * YAML needs one before it deploys).
         */
        private void workbook(JsonNode r, ArmExpressions ex, String at, Optional<MetadataInfo> meta, Optional<OuterHint> hint) {
            JsonNode props = resolveProperties(r.path("properties"), ex, at + ".properties");
            if (props == null) return;
            String data = props.path("serializedData").asString("");
            if (data.isBlank()) {
                problems.add(new Problem(file, at + ".properties.serializedData", "no gallery JSON; not imported", Level.FAILED));
                return;
            }
            Optional<String> id = resolveName(r.get("name"), ex).filter(n -> GUID.matcher(n).matches())
                    .or(() -> meta.flatMap(MetadataInfo::contentId).filter(n -> GUID.matcher(n).matches()))
                    .or(() -> hint.flatMap(OuterHint::contentId).filter(n -> GUID.matcher(n).matches()));
            if (id.isEmpty()) {
                String generated = UUID.nameUUIDFromBytes(("sentinelctl:workbook:" + props.path("displayName").asString(""))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
                problems.add(new Problem(file, at + ".name", "no GUID found in the name or metadata; id " + generated
                        + " derived from the display name", Level.UNRESOLVED));
                id = Optional.of(generated);
            }
            String location = "";
            try {
                JsonNode l = r.has("location") ? ex.resolve(r.get("location")) : null;
                if (l != null && l.isString() && placeholdersIn(l).isEmpty()) location = l.asString();
            } catch (Unresolved e) {
                location = "";
            }
            if (location.isEmpty()) {
                problems.add(new Problem(file, at + ".location", "the location is computed at deploy time; add location: "
                        + "<region> to the workbook YAML", Level.UNRESOLVED));
            }
            Optional<String> version = meta.flatMap(MetadataInfo::version).or(() -> hint.flatMap(OuterHint::version));
            ObjectNode yaml = WorkbookYaml.toYaml(id.get(), props, location, Map.of(), version);
            items.add(new Imported(ContentKind.WORKBOOK, yaml, file, at, Optional.empty(),
                    Map.of(".json", WorkbookYaml.canonicalGallery(data) + "\n")));
        }

        /** A rule without a query: the kind's own fields (see {@link BuiltInAlertRules}). */
        private void builtInRule(JsonNode r, String kind, ArmExpressions ex, String at, Optional<MetadataInfo> meta,
                                 Optional<OuterHint> hint) {
            JsonNode props = resolveProperties(r.path("properties"), ex, at + ".properties");
            if (props == null) return;
            Optional<String> id = resolveName(r.get("name"), ex).filter(n -> GUID.matcher(n).matches())
                    .or(() -> meta.flatMap(MetadataInfo::contentId));
            if (id.isEmpty()) {
                // Portal exports name the built-ins after their kind (BuiltInFusion); the content id must be a GUID.
                String seed = resolveName(r.get("name"), ex).orElse(kind);
                String generated = UUID.nameUUIDFromBytes(("sentinelctl:alertRule:" + seed).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)).toString();
                problems.add(new Problem(file, at + ".name", "the rule name '" + seed + "' is no GUID; id " + generated
                        + " derived from it (the rule deploys under that id, beside the existing one: delete or adopt it)",
                        Level.UNRESOLVED));
                id = Optional.of(generated);
            }
            Optional<String> version = meta.flatMap(MetadataInfo::version).or(() -> hint.flatMap(OuterHint::version));
            items.add(new Imported(ContentKind.BUILT_IN_ALERT_RULE, BuiltInAlertRules.toYaml(kind, id.get(), props, version),
                    file, at, Optional.empty()));
        }

        /**
         * The properties with every expression resolved. A property that cannot be resolved is named and left
         * out; without a query or display name the item is not imported.
         */
        private JsonNode resolveProperties(JsonNode raw, ArmExpressions ex, String at) {
            ObjectNode out = ArmResources.JSON.objectNode();
            for (var e : raw.properties()) {
                String p = at + "." + e.getKey();
                try {
                    JsonNode v = ex.resolve(e.getValue());
                    List<String> params = placeholdersIn(v);
                    if (!params.isEmpty()) throw new Unresolved("depends on " + describe(params) + ", which has no default value");
                    out.set(e.getKey(), v);
                } catch (Unresolved u) {
                    boolean essential = e.getKey().equalsIgnoreCase("query") || e.getKey().equalsIgnoreCase("displayName");
                    problems.add(new Problem(file, p, "cannot resolve: " + u.getMessage()
                            + (essential ? "; item not imported" : "; field left out"), essential ? Level.FAILED : Level.UNRESOLVED));
                    if (essential) return null;
                }
            }
            return out;
        }

        private Optional<String> id(JsonNode r, ArmExpressions ex, String at, JsonNode props, Optional<MetadataInfo> meta,
                                    Optional<OuterHint> hint, boolean rule) {
            Optional<String> name = resolveName(r.get("name"), ex);
            if (name.isPresent() && GUID.matcher(name.get()).matches()) return name;
            Optional<String> fromMeta = meta.flatMap(MetadataInfo::contentId).filter(s -> GUID.matcher(s).matches());
            if (fromMeta.isPresent()) return fromMeta;
            Optional<String> fromHint = hint.flatMap(OuterHint::contentId).filter(s -> GUID.matcher(s).matches());
            if (fromHint.isPresent()) return fromHint;
            if (rule) {
                String template = props.path("alertRuleTemplateName").asString("");
                if (GUID.matcher(template).matches()) return Optional.of(template);
            }
            return Optional.empty();
        }

        /** The last segment of a resource name: {@code <workspace>/Microsoft.SecurityInsights/<id>} → id. */
        private Optional<String> resolveName(JsonNode name, ArmExpressions ex) {
            if (name == null || !name.isString()) return Optional.empty();
            try {
                String s = ArmExpressions.string(ex.evaluateString(name.asString()));
                String last = s.substring(s.lastIndexOf('/') + 1);
                return ArmExpressions.containsPlaceholder(last) ? Optional.empty() : Optional.of(last);
            } catch (Unresolved e) {
                return Optional.empty();
            }
        }

        private Optional<String> resolveString(JsonNode node, ArmExpressions ex, String at) {
            if (node == null || !node.isString()) return Optional.empty();
            try {
                String s = ArmExpressions.string(ex.evaluateString(node.asString()));
                return ArmExpressions.containsPlaceholder(s) ? Optional.empty() : Optional.of(s);
            } catch (Unresolved e) {
                problems.add(new Problem(file, at, "cannot resolve: " + e.getMessage(), Level.UNRESOLVED));
                return Optional.empty();
            }
        }

        private String type(JsonNode r, ArmExpressions ex) {
            JsonNode t = r.get("type");
            if (t == null || !t.isString()) return "";
            try {
                return ArmExpressions.string(ex.evaluateString(t.asString())).toLowerCase(Locale.ROOT);
            } catch (Unresolved e) {
                return "";
            }
        }

        private MetadataInfo metadata(JsonNode r, ArmExpressions ex) {
            JsonNode p = r.path("properties");
            return new MetadataInfo(quiet(p.get("kind"), ex).orElse("").toLowerCase(Locale.ROOT), quiet(p.get("contentId"), ex),
                    quiet(p.get("version"), ex), quiet(p.get("parentId"), ex));
        }

        private OuterHint hint(JsonNode props, ArmExpressions ex) {
            return new OuterHint(quiet(props.get("contentId"), ex), quiet(props.get("version"), ex));
        }

        private Optional<String> quiet(JsonNode node, ArmExpressions ex) {
            if (node == null || !node.isString()) return Optional.empty();
            try {
                String s = ArmExpressions.string(ex.evaluateString(node.asString()));
                return Optional.of(s);
            } catch (Unresolved e) {
                return Optional.empty();
            }
        }

        /** The metadata describing resource {@code r}: by parentId, or the only one of its kind beside it. */
        private Optional<MetadataInfo> pick(List<MetadataInfo> metadata, String kind, JsonNode r, ArmExpressions ex, int count) {
            Optional<String> name = resolveName(r.get("name"), ex);
            if (name.isPresent()) {
                for (MetadataInfo m : metadata) {
                    if (m.parentId().map(p -> p.toLowerCase(Locale.ROOT).endsWith("/" + name.get().toLowerCase(Locale.ROOT)))
                            .orElse(false)) {
                        return Optional.of(m);
                    }
                }
            }
            List<MetadataInfo> ofKind = metadata.stream().filter(m -> m.kind().equals(kind)).toList();
            return ofKind.size() == 1 && count == 1 ? Optional.of(ofKind.get(0)) : Optional.empty();
        }
    }

    private static JsonNode unixLineEnds(JsonNode node) {
        if (node.isString()) {
            String t = node.asString();
            return t.indexOf('\r') < 0 ? node : ArmResources.JSON.stringNode(t.replace("\r\n", "\n"));
        }
        if (node.isObject()) {
            ObjectNode out = ArmResources.JSON.objectNode();
            for (var e : node.properties()) out.set(e.getKey(), unixLineEnds(e.getValue()));
            return out;
        }
        if (node.isArray()) {
            var out = ArmResources.JSON.arrayNode();
            for (JsonNode n : node) out.add(unixLineEnds(n));
            return out;
        }
        return node;
    }

    private static boolean isRuleType(String type) {
        return type.endsWith("/alertrules") || type.endsWith("/alertruletemplates");
    }

    private static JsonNode valuesOf(JsonNode object) {
        var out = ArmResources.JSON.arrayNode();
        for (var e : object.properties()) out.add(e.getValue());
        return out;
    }

    private static List<String> placeholdersIn(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v.isString()) {
            out.addAll(ArmExpressions.placeholders(v.asString()));
        } else if (v.isContainer()) {
            for (JsonNode n : v) out.addAll(placeholdersIn(n));
        }
        return out;
    }

    private static String describe(List<String> params) {
        String p = params.get(0);
        return p.contains("(") ? p : "parameter '" + p + "'";
    }

    /** Parameters (defaults, or values passed to a nested deployment) and variables of one template. */
    static final class TemplateScope implements ArmExpressions.Scope {
        private final Map<String, JsonNode> parameters = new HashMap<>();
        private final Map<String, JsonNode> defaults = new HashMap<>();
        private final Map<String, JsonNode> variables = new HashMap<>();

        TemplateScope(JsonNode template, JsonNode passedParameters, ArmExpressions outer) {
            JsonNode params = template.path("parameters");
            for (var e : params.properties()) {
                String key = e.getKey().toLowerCase(Locale.ROOT);
                parameters.put(key, e.getValue());
                JsonNode dflt = e.getValue().get("defaultValue");
                if (dflt != null) defaults.put(key, dflt);
            }
            if (passedParameters != null && outer != null) {
                for (var e : passedParameters.properties()) {
                    JsonNode value = e.getValue().get("value");
                    if (value == null) continue;
                    try {
                        defaults.put(e.getKey().toLowerCase(Locale.ROOT), outer.resolve(value));
                    } catch (Unresolved ignored) {
                        // left without a value: expressions using it get the placeholder and are reported
                    }
                }
            }
            for (var e : template.path("variables").properties()) variables.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }

        @Override
        public JsonNode parameterDefault(String name) {
            return defaults.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public boolean hasParameter(String name) {
            return parameters.containsKey(name.toLowerCase(Locale.ROOT)) || defaults.containsKey(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public JsonNode variable(String name) {
            return variables.get(name.toLowerCase(Locale.ROOT));
        }
    }
}
