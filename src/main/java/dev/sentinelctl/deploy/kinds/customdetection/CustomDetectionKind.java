package dev.sentinelctl.deploy.kinds.customdetection;

import dev.sentinelctl.arm.ArmResource;
import dev.sentinelctl.arm.ArmResources;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.CustomDetection;
import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.KindFacts;
import dev.sentinelctl.deploy.kinds.DescribedKind;
import dev.sentinelctl.deploy.kinds.Ownership;
import dev.sentinelctl.deploy.kinds.Scope;
import dev.sentinelctl.deploy.sandbox.DetectionRuleValidator;
import dev.sentinelctl.deploy.sandbox.SandboxResourceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Defender XDR custom detections as Microsoft Graph {@code security/rules/detectionRules} (v1.0). Graph assigns the
 * ids and knows no Sentinel metadata, so ownership is a marker line at the end of the alert template's description,
 * {@code sentinelctl: <source> <content id>}, read back from the same list call ({@link Ownership.ServerAssigned}).
 */
public final class CustomDetectionKind extends DescribedKind implements DeployableKind {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final SandboxResourceType SANDBOX = SandboxResourceType.graph("security/rules", "detectionRules",
            new DetectionRuleValidator());
    private static final Scope SCOPE = new Scope.Graph("security/rules/detectionRules");
    private static final Ownership OWNERSHIP = new Ownership.ServerAssigned();
    private static final String MARK = "sentinelctl: ";
    private static final Pattern MARK_LINE = Pattern.compile("(?:^|\\n)sentinelctl: (\\S+) (\\S+)\\s*$");
    /** What Graph adds or computes; never compared, never exported. */
    private static final List<String> READ_ONLY = List.of("id", "createdBy", "createdDateTime", "lastModifiedBy",
            "lastModifiedDateTime", "detectorId", "lastRunDetails", "@odata.context", "@odata.type");

    /** Created after the constants above, which its facts read. */
    public static final CustomDetectionKind INSTANCE = new CustomDetectionKind();

    private CustomDetectionKind() {
        super(new KindFacts("custom-detection",
                "custom detection",
                "detectionRules",
                "v1.0",
                "Microsoft Graph's GA version of security/rules/detectionRules (the version is a path segment, not an "
                + "api-version); beta is subject to change and not for production",
                SCOPE,
                SANDBOX));
    }

    @Override
    public ContentKind contentKind() {
        return ContentKind.CUSTOM_DETECTION;
    }

    /** The Graph body: the file's own fields (Graph's names) without our {@code id} and {@code version}. */
    @Override
    public ArmResource resource(ArmResources mapping, ContentItem item) {
        CustomDetection d = (CustomDetection) item;
        ObjectNode body = JSON.objectNode();
        JsonNode root = d.document().root();
        body.put("displayName", d.displayName());
        body.put("isEnabled", d.isEnabled().orElse(true));
        body.putObject("queryCondition").put("queryText", d.query().text());
        body.putObject("schedule").put("period", d.period());
        JsonNode action = root.path("detectionAction");
        ObjectNode a = body.putObject("detectionAction");
        a.set("alertTemplate", action.path("alertTemplate").deepCopy());
        a.set("responseActions", d.responseActions().deepCopy());
        if (action.has("organizationalScope")) a.set("organizationalScope", action.get("organizationalScope").deepCopy());
        return new ArmResource("microsoft.graph.security/detectionRules", defaultApiVersion(), Optional.empty(), d.id(),
                d.id(), body);
    }

    /** The query is {@code queryCondition.queryText}: a fleet compiles a workspace's exclusions in there. */
    @Override
    public Optional<String> deployedQuery(ObjectNode properties) {
        JsonNode q = properties.path("queryCondition").get("queryText");
        return q != null && q.isString() ? Optional.of(q.asString()) : Optional.empty();
    }

    @Override
    public ObjectNode withDeployedQuery(ObjectNode properties, String query) {
        ObjectNode p = properties.deepCopy();
        if (!(p.get("queryCondition") instanceof ObjectNode q)) return p;
        q.put("queryText", query);
        return p;
    }

    /**
     * A workspace's override of this detection (by its content id): {@code enabled} → {@code isEnabled},
     * {@code severity} → the alert template's (Graph's lower-case spelling). Schedule, trigger and suppression fields
     * have no counterpart on a detection rule and are refused rather than ignored.
     */
    @Override
    public ObjectNode withOverride(ObjectNode properties, ContentItem item, dev.sentinelctl.deploy.config.RuleOverride o) {
        List<String> refused = new ArrayList<>();
        if (o.queryFrequency() != null) refused.add("queryFrequency");
        if (o.queryPeriod() != null) refused.add("queryPeriod");
        if (o.triggerThreshold() != null) refused.add("triggerThreshold");
        if (o.triggerOperator() != null) refused.add("triggerOperator");
        if (o.suppressionEnabled() != null) refused.add("suppressionEnabled");
        if (o.suppressionDuration() != null) refused.add("suppressionDuration");
        if (!refused.isEmpty()) {
            throw new dev.sentinelctl.deploy.DeployException("override " + item.id() + "." + String.join(", ", refused)
                    + " does not apply to a custom detection (it can override enabled and severity; its schedule is "
                    + "schedule.period in the content)");
        }
        ObjectNode p = properties.deepCopy();
        if (o.enabled() != null) p.put("isEnabled", o.enabled());
        if (o.severity() != null && p.path("detectionAction").path("alertTemplate") instanceof ObjectNode t) {
            t.put("severity", o.severity().toLowerCase(java.util.Locale.ROOT));
        }
        return p;
    }

    @Override
    public Ownership ownership() {
        return OWNERSHIP;
    }

    @Override
    public JsonNode propertiesOf(ObjectNode listed) {
        return listed;
    }

    /** The marker becomes the description's last line (after a blank line when there is a description). */
    @Override
    public ObjectNode stampOwner(ObjectNode properties, String source, String contentId) {
        JsonNode t = properties.path("detectionAction").path("alertTemplate");
        if (!(t instanceof ObjectNode template)) return properties;
        String base = withoutMark(template.path("description").asString("")).strip();
        template.put("description", (base.isEmpty() ? "" : base + "\n\n") + MARK + source + " " + contentId);
        return properties;
    }

    @Override
    public Optional<Ownership.Mark> markIn(ObjectNode listed) {
        String description = listed.path("detectionAction").path("alertTemplate").path("description").asString("");
        Matcher m = MARK_LINE.matcher(description);
        return m.find() ? Optional.of(new Ownership.Mark(m.group(1), m.group(2))) : Optional.empty();
    }

    /**
     * The content id its marker names; a detection without one (made in the portal) by the content id {@code export}
     * and {@code import} give it ({@link #unmarkedContentId}), so exported content plans against the detection it came
     * from (a conflict until {@code --adopt}) instead of creating a second one.
     */
    @Override
    public String nameInList(ObjectNode listed) {
        return markIn(listed).map(Ownership.Mark::contentId).orElseGet(() -> unmarkedContentId(listed));
    }

    /**
     * The content id of a detection without our marker: a name-based UUID of Graph's id (of the display name when a
     * file has no id), stable across exports and imports.
     */
    public static String unmarkedContentId(ObjectNode graphObject) {
        String graphId = graphObject.path("id").asString("");
        String seed = graphId.isEmpty() ? "graph-detection-name-" + graphObject.path("displayName").asString("")
                : "graph-detection-" + graphId;
        return java.util.UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /**
     * The comparable form: read-only fields dropped, {@code isEnabled} defaulted, the query under {@code query} (so it
     * is compared as a program, not as text), descriptions without trailing space, techniques sorted.
     */
    @Override
    public ObjectNode normalise(String armKind, JsonNode body) {
        ObjectNode out = JSON.objectNode();
        if (body == null) return out;
        out.put("displayName", body.path("displayName").asString(""));
        out.put("isEnabled", body.path("isEnabled").asBoolean(true));
        out.put("query", body.path("queryCondition").path("queryText").asString(""));
        out.put("period", body.path("schedule").path("period").asString(""));
        JsonNode t = body.path("detectionAction").path("alertTemplate");
        ObjectNode template = out.putObject("alertTemplate");
        for (String f : List.of("title", "description", "severity", "category", "recommendedActions")) {
            JsonNode v = t.get(f);
            if (v != null && v.isString() && !v.asString().isBlank()) template.put(f, v.asString().strip());
        }
        List<String> techniques = new ArrayList<>();
        t.path("mitreTechniques").forEach(x -> techniques.add(x.asString("")));
        techniques.sort(null);
        ArrayNode tech = template.putArray("mitreTechniques");
        techniques.forEach(tech::add);
        List<JsonNode> assets = new ArrayList<>();
        for (JsonNode x : t.path("impactedAssets")) {
            ObjectNode asset = JSON.objectNode();
            asset.put("@odata.type", x.path("@odata.type").asString(""));
            asset.put("identifier", x.path("identifier").asString(""));
            assets.add(asset);
        }
        assets.sort(Comparator.comparing(JsonNode::toString));
        ArrayNode assetArray = template.putArray("impactedAssets");
        assets.forEach(assetArray::add);
        JsonNode actions = body.path("detectionAction").path("responseActions");
        out.set("responseActions", actions.isArray() ? actions.deepCopy() : JSON.arrayNode());
        return out;
    }

    /** Graph ids are created by POST and never "PUT by name"; nothing to add. */
    @Override
    public void prepareWrite(ObjectNode body, String etag) {
    }

    /** Back to content YAML under Graph's own field names; the marker line comes off, its content id is the id. */
    @Override
    public Exported export(ObjectNode listed, Optional<String> version) {
        FromGraph g = fromGraph(listed);
        version.ifPresent(v -> g.yaml().put("version", v));
        return new AsContent("Custom Detections", g.yaml());
    }

    /**
     * A Graph {@code detectionRule} as content YAML, and the server fields left out (JSON paths, for {@code import}
     * to report).
     */
    public record FromGraph(ObjectNode yaml, List<String> dropped) {
        public FromGraph {
            dropped = List.copyOf(dropped);
        }
    }

    /**
     * The inverse of {@link #resource}: Graph's fields under their own names, without what Graph computes (ids, who and
     * when, the detector, the last run, the next run, OData annotations of the containers) and without our marker line
     * (whose content id becomes the {@code id}; an unmarked detection gets {@link #unmarkedContentId}). Shared by
     * {@code export} (a listed detection) and {@code import} (Graph JSON), so both write the same file.
     */
    public FromGraph fromGraph(ObjectNode graphObject) {
        List<String> dropped = new ArrayList<>();
        ObjectNode yaml = JSON.objectNode();
        Optional<Ownership.Mark> mark = markIn(graphObject);
        yaml.put("id", mark.map(Ownership.Mark::contentId).orElseGet(() -> unmarkedContentId(graphObject)));
        for (var e : graphObject.properties()) {
            if (READ_ONLY.contains(e.getKey()) || e.getKey().startsWith("@odata.")) {
                dropped.add(e.getKey());
                continue;
            }
            yaml.set(e.getKey(), e.getValue().deepCopy());
        }
        dropFrom(yaml, "queryCondition", List.of("lastModifiedDateTime"), dropped);
        dropFrom(yaml, "schedule", List.of("nextRunDateTime"), dropped);
        dropFrom(yaml, "detectionAction", List.of(), dropped);
        if (yaml.path("detectionAction") instanceof ObjectNode action) {
            dropFrom(action, "alertTemplate", List.of(), dropped);
            // An unset scope is null in Graph's answers; the content leaves it out.
            if (action.has("organizationalScope") && action.get("organizationalScope").isNull()) action.remove("organizationalScope");
        }
        if (yaml.path("detectionAction").path("alertTemplate") instanceof ObjectNode t) {
            if (t.has("description")) t.put("description", withoutMark(t.path("description").asString("")).strip());
            if (t.has("recommendedActions") && t.get("recommendedActions").isNull()) t.remove("recommendedActions");
        }
        // In the content's field order (what fmt puts), so an export or import is formatted as written.
        ObjectNode ordered = JSON.objectNode();
        for (String f : CustomDetection.FIELD_ORDER) if (yaml.has(f)) ordered.set(f, yaml.get(f));
        for (var e : yaml.properties()) if (!ordered.has(e.getKey())) ordered.set(e.getKey(), e.getValue());
        return new FromGraph(ordered, dropped);
    }

    /** Removes Graph's computed fields and OData annotations of one container object (not of assets or actions). */
    private static void dropFrom(ObjectNode parent, String field, List<String> computed, List<String> dropped) {
        if (!(parent.get(field) instanceof ObjectNode o)) return;
        List<String> gone = new ArrayList<>();
        for (String name : o.propertyNames()) if (computed.contains(name) || name.startsWith("@odata.")) gone.add(name);
        String prefix = field.equals("alertTemplate") ? "detectionAction.alertTemplate." : field + ".";
        for (String name : gone) {
            o.remove(name);
            dropped.add(prefix + name);
        }
    }

    private static String withoutMark(String description) {
        Matcher m = MARK_LINE.matcher(description);
        return m.find() ? description.substring(0, m.start()) : description;
    }
}
