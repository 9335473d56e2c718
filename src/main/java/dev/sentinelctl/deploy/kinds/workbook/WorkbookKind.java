package dev.sentinelctl.deploy.kinds.workbook;

import dev.sentinelctl.arm.ArmResource;
import dev.sentinelctl.arm.ArmResources;
import dev.sentinelctl.arm.WorkbookYaml;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.Workbook;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.KindFacts;
import dev.sentinelctl.deploy.kinds.DescribedKind;
import dev.sentinelctl.deploy.kinds.Ownership;
import dev.sentinelctl.deploy.kinds.Scope;
import dev.sentinelctl.deploy.sandbox.SandboxResourceType;
import dev.sentinelctl.deploy.sandbox.WorkbookValidator;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Workbooks as {@code Microsoft.Insights/workbooks/{guid}} in the workspace's resource group. The resource name is a
 * name-based GUID of the workspace's resource id and the content id — the same on every run (a rerun is no change),
 * different per workspace (two workspaces in one resource group each get their own). Ownership is a tag in the body
 * ({@link Ownership.Tag}); the content id rides along in a tag so export can give it back.
 */
public final class WorkbookKind extends DescribedKind implements DeployableKind {
    public static final String TYPE = "Microsoft.Insights/workbooks";
    /** Carries the content id, which the resource name (a hash) cannot give back. */
    public static final String CONTENT_ID_TAG = "sentinelctl-content-id";
    private static final SandboxResourceType SANDBOX = SandboxResourceType.insights("workbooks", new WorkbookValidator(),
            SandboxResourceType.Trait.CATEGORY_LIST);
    private static final Scope SCOPE = new Scope.ResourceGroupChild("providers/Microsoft.Insights/workbooks");
    private static final Ownership OWNERSHIP = new Ownership.Tag();

    /** Created after the constants above, which its facts read. */
    public static final WorkbookKind INSTANCE = new WorkbookKind();

    private WorkbookKind() {
        super(new KindFacts("workbook",
                "workbook",
                "workbooks",
                "2023-06-01",
                "newest stable Microsoft.Insights/workbooks (the Azure template reference's latest); carries every "
                + "field a workbook deploys with (displayName, serializedData, category, sourceId, description)",
                SCOPE,
                SANDBOX));
    }

    @Override
    public String listQuery() {
        return "category=" + Workbook.DEFAULT_CATEGORY + "&canFetchContent=true";
    }

    @Override
    public ContentKind contentKind() {
        return ContentKind.WORKBOOK;
    }

    @Override
    public ArmResource resource(ArmResources mapping, ContentItem item) {
        Workbook w = (Workbook) item;
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("displayName", w.name());
        p.put("category", w.category());
        p.put("serializedData", w.galleryJson().orElse(""));
        if (!w.description().isEmpty()) p.put("description", w.description());
        return new ArmResource(TYPE, defaultApiVersion(), Optional.of("shared"), w.id(), w.id(), p);
    }

    /** The workspace's own name for the workbook and its {@code sourceId}. */
    @Override
    public ArmResource inWorkspace(ArmResource r, ContentItem item, WorkspaceConfig ws) {
        ObjectNode p = r.properties().deepCopy();
        p.put("sourceId", ws.resourceId());
        return new ArmResource(r.type(), r.apiVersion(), r.kind(), resourceName(ws, item.id()), r.contentId(), p);
    }

    /** A name-based (type 3) GUID of the workspace's resource id and the content id, both lower-case. */
    public static String resourceName(WorkspaceConfig ws, String contentId) {
        String seed = "sentinelctl:workbook:" + ws.resourceId().toLowerCase(Locale.ROOT) + ":" + contentId.toLowerCase(Locale.ROOT);
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public ObjectNode envelope(ContentItem item, WorkspaceConfig ws) {
        Workbook w = (Workbook) item;
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("location", w.location());
        ObjectNode tags = e.putObject("tags");
        w.tags().forEach(tags::put);
        tags.put(CONTENT_ID_TAG, w.id());
        return e;
    }

    @Override
    public Ownership ownership() {
        return OWNERSHIP;
    }

    /** Not used: a workbook is compared as a whole resource ({@link #normaliseResource}). */
    @Override
    public ObjectNode normalise(String armKind, JsonNode properties) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (armKind != null) body.put("kind", armKind);
        if (properties != null) body.set("properties", properties.deepCopy());
        return normaliseResource(body);
    }

    /**
     * Kind, location (ARM's canonical form: lower-case, no spaces), tags (by name; ownership is in them), and the
     * properties content sets: the gallery JSON by value (formatting and key order do not count), the source id
     * case-insensitively. What the service adds ({@code timeModified}, {@code userId}, {@code revision}) is left out.
     */
    @Override
    public ObjectNode normaliseResource(JsonNode resource) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("kind", resource.path("kind").asString(""));
        out.put("location", resource.path("location").asString("").replace(" ", "").toLowerCase(Locale.ROOT));
        Map<String, String> tags = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        resource.path("tags").properties().forEach(t -> tags.put(t.getKey(), t.getValue().asString("")));
        ObjectNode t = out.putObject("tags");
        tags.forEach(t::put);
        JsonNode in = resource.path("properties");
        ObjectNode p = out.putObject("properties");
        for (String f : new String[] {"displayName", "category", "description"}) {
            if (in.path(f).isString() && !in.path(f).asString().isEmpty()) p.put(f, in.path(f).asString());
        }
        if (in.path("sourceId").isString()) p.put("sourceId", in.path("sourceId").asString().toLowerCase(Locale.ROOT));
        p.put("serializedData", canonicalGallery(in.path("serializedData").asString("")));
        return out;
    }

    static String canonicalGallery(String text) {
        return WorkbookYaml.canonicalGallery(text);
    }

    /** A workbook of category {@code sentinel} → the YAML and the gallery JSON beside it. */
    @Override
    public Exported export(ObjectNode listed, Optional<String> version) {
        JsonNode p = listed.path("properties");
        String contentId = null;
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        for (var t : listed.path("tags").properties()) {
            String k = t.getKey().toLowerCase(Locale.ROOT);
            if (k.equals(CONTENT_ID_TAG)) contentId = t.getValue().asString("");
            if (k.equals(CONTENT_ID_TAG) || k.equals(Ownership.Tag.SOURCE) || k.equals(Ownership.Tag.WORKSPACE)) continue;
            tags.put(t.getKey(), t.getValue().asString(""));
        }
        ObjectNode y = WorkbookYaml.toYaml(contentId == null || contentId.isEmpty() ? listed.path("name").asString() : contentId,
                p, listed.path("location").asString(""), tags, version);
        String gallery = p.path("serializedData").asString("");
        return new AsContent("Workbooks", y, Map.of(".json", canonicalGallery(gallery) + "\n"));
    }
}
