package dev.sentinelctl.deploy.kinds.playbook;

import dev.sentinelctl.arm.ArmResource;
import dev.sentinelctl.arm.ArmResources;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.Playbook;
import dev.sentinelctl.content.playbook.PlaybookParameters;
import dev.sentinelctl.deploy.ArmRest;
import dev.sentinelctl.deploy.ContentErrors;
import dev.sentinelctl.deploy.DesiredItem;
import dev.sentinelctl.deploy.FieldDiff;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.KindFacts;
import dev.sentinelctl.deploy.kinds.DescribedKind;
import dev.sentinelctl.deploy.kinds.Edge;
import dev.sentinelctl.deploy.kinds.ExternalReference;
import dev.sentinelctl.deploy.kinds.Placement;
import dev.sentinelctl.deploy.kinds.Ownership;
import dev.sentinelctl.deploy.kinds.Scope;
import dev.sentinelctl.deploy.sandbox.DeploymentValidator;
import dev.sentinelctl.deploy.sandbox.SandboxResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Playbooks as ARM deployments at resource-group level, named by the content id, owned through Sentinel metadata
 * of kind {@code Playbook} (as Repositories stamps its own), with the content hash in the deployment's tags.
 */
public final class PlaybookKind extends DescribedKind implements DeployableKind {
    public static final String API_VERSION = "2025-04-01";
    /** What prune deletes after the deployment, at the api-versions of Azure-Sentinel's playbook templates. */
    private static final String WORKFLOWS_API = "2019-05-01";
    private static final SandboxResourceType SANDBOX = SandboxResourceType.resourceGroup("Microsoft.Resources",
            "deployments", new DeploymentValidator());
    private static final Scope SCOPE = new Scope.ResourceGroupChild("providers/Microsoft.Resources/deployments");
    private static final Ownership OWNERSHIP = new Ownership.SentinelMetadata("Playbook");
    /** The tag each Logic App the deployment creates carries: prune deletes only workflows whose tag names it. */
    public static final String WORKFLOW_TAG = "sentinelctl-deployment";
    private static final String CONTENT_ID_FIELD = "sentinelctlContentId";

    /** Created after the constants above, which its facts read. */
    public static final PlaybookKind INSTANCE = new PlaybookKind();

    private PlaybookKind() {
        super(new KindFacts("playbook",
                "playbook",
                "deployments",
                API_VERSION,
                "Microsoft.Resources, not Microsoft.SecurityInsights: the newest GA version of the deployments REST "
                + "reference, which takes tags on a deployment",
                SCOPE,
                SANDBOX));
    }

    @Override
    public ContentKind contentKind() {
        return ContentKind.PLAYBOOK;
    }

    /** Without a workspace: the default parameter file only (what {@code build} would use). */
    @Override
    public ArmResource resource(ArmResources mapping, ContentItem item) {
        return deployment((Playbook) item, null, null);
    }

    @Override
    public ArmResource resource(ArmResources mapping, ContentItem item, WorkspaceConfig ws) {
        // Repositories keys workspace-specific files by the workspace's id; the deploy config names the workspace, so
        // its resource name is the id here (docs/kind-playbooks.md).
        return deployment((Playbook) item, ws.workspace(), ws.workspace(), deploymentName(item.id(), ws));
    }

    /**
     * {@code <content id>-<8 hex of the workspace's resource id>}: deterministic, and one per workspace, since
     * workspaces of one resource group share its deployments (45 characters, within ARM's 64).
     */
    public static String deploymentName(String contentId, WorkspaceConfig ws) {
        return contentId + "-" + PlaybookDeployment.contentHash(
                JsonNodeFactory.instance.stringNode(ws.resourceId().toLowerCase(Locale.ROOT)), null).substring(0, 8);
    }

    private static ArmResource deployment(Playbook p, String workspaceId, String workspaceName) {
        return deployment(p, workspaceId, workspaceName, p.id());
    }

    private static ArmResource deployment(Playbook p, String workspaceId, String workspaceName, String name) {
        PlaybookParameters.Resolved params = new PlaybookParameters().resolve(p.template(), p.parameterFiles(),
                p.templateRelative(), workspaceId, workspaceName);
        if (!params.ok()) throw new ContentErrors(params.diagnostics());
        ObjectNode props = JsonNodeFactory.instance.objectNode();
        props.put("mode", "Incremental");
        props.set("template", taggedWorkflows(p.template().template(), name));
        props.set("parameters", params.parameters());
        // for plans and the tags; prepareWrite moves them out of the PUT body
        props.put("displayName", p.name());
        props.put(CONTENT_ID_FIELD, p.id());
        return new ArmResource("Microsoft.Resources/deployments", API_VERSION, Optional.empty(), name, p.id(), props);
    }

    /** The template with the owner tag on each Logic App whose tags are a literal object (or absent). */
    static ObjectNode taggedWorkflows(ObjectNode template, String deploymentName) {
        ObjectNode t = template.deepCopy();
        JsonNode resources = t.path("resources");
        List<JsonNode> list = new ArrayList<>();
        if (resources.isArray()) resources.forEach(list::add);
        else if (resources.isObject()) resources.values().forEach(list::add);
        for (JsonNode r : list) {
            if (!(r instanceof ObjectNode o)) continue;
            if (!o.path("type").asString("").toLowerCase(Locale.ROOT).startsWith("microsoft.logic/workflows")) continue;
            JsonNode tags = o.get("tags");
            if (tags == null) o.putObject("tags").put(WORKFLOW_TAG, deploymentName);
            else if (tags instanceof ObjectNode to) to.put(WORKFLOW_TAG, deploymentName);
        }
        return t;
    }

    /**
     * The content playbooks whose templates create the API connections or custom connectors this one only uses: their
     * deployments go first. Connections its own template creates need nothing: ARM orders them inside the deployment.
     */
    @Override
    public List<Edge> dependencies(ContentItem item, Placement placement) {
        return PlaybookConnections.edges((Playbook) item, placement.workspace(), placement.content());
    }

    /** Its API connections and custom connectors, and where each comes from. */
    @Override
    public List<String> planNotes(ContentItem item, Placement placement) {
        List<PlaybookConnections.Use> uses = PlaybookConnections.of((Playbook) item, placement.workspace(), placement.content());
        if (uses.isEmpty()) return List.of();
        return List.of(String.join(", ", uses.stream().map(u -> PlaybookConnections.describe(u, placement.workspace())).toList()));
    }

    /**
     * The API connections, custom connectors and Logic Apps it only uses, by name, that no playbook of the content
     * creates: they must exist in the workspace's resource group (ARM does not check them; the Logic App fails when it
     * runs). A name only known at deployment cannot be checked; one written as a literal full id is checked where it
     * points.
     */
    @Override
    public List<ExternalReference> externalReferences(ContentItem item, Placement placement) {
        WorkspaceConfig ws = placement.workspace();
        List<ExternalReference> out = new ArrayList<>();
        for (PlaybookConnections.Use u : PlaybookConnections.of((Playbook) item, ws, placement.content())) {
            if (u.source() != PlaybookConnections.Source.OUTSIDE) continue;
            String type = switch (u.what()) {
                case "Logic App" -> "Microsoft.Logic/workflows";
                case "custom connector" -> "Microsoft.Web/customApis";
                default -> "Microsoft.Web/connections";
            };
            out.add(u.id().map(id -> new ExternalReference(id, u.what(), u.name(), u.where()))
                    .orElseGet(() -> ExternalReference.inResourceGroup(ws.subscription(), ws.resourceGroup(), type, u.what(),
                            u.name(), u.where())));
        }
        return out;
    }

    @Override
    public Ownership ownership() {
        return OWNERSHIP;
    }

    /** A desired deployment: the hash of what would be sent. */
    @Override
    public ObjectNode normalise(String armKind, JsonNode properties) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("contentHash", properties == null || !properties.has("template") ? ""
                : PlaybookDeployment.contentHash(properties.get("template"), properties.path("parameters")));
        out.put("deployed", true);
        return out;
    }

    /** A listed deployment: the hash its tag records (its GET has no template), and whether it stands. */
    @Override
    public ObjectNode normaliseListed(ObjectNode listed) {
        return PlaybookDeployment.normalise(listed);
    }

    /** No etag (deployments have none); the tags that make a rerun "no change" and trace the deployment to its file. */
    @Override
    public void prepareWrite(ObjectNode body, String etag) {
        ObjectNode p = (ObjectNode) body.get("properties");
        p.remove("displayName");
        JsonNode contentId = p.remove(CONTENT_ID_FIELD);
        ObjectNode tags = body.putObject("tags");
        tags.put(PlaybookDeployment.HASH_TAG, PlaybookDeployment.contentHash(p.get("template"), p.path("parameters")));
        if (contentId != null) tags.put(PlaybookDeployment.CONTENT_TAG, contentId.asString());
    }

    /** A deployment's PUT is long-running (201 + Azure-AsyncOperation): followed to its end, create or update. */
    @Override
    public void write(ArmRest rest, String resourceId, String apiVersion, ObjectNode body, boolean create) {
        rest.putAndWait(resourceId, apiVersion, body);
    }

    /**
     * ARM does not delete a deployment's resources with it: the Logic Apps it created (found in its
     * {@code outputResources}, and carrying this deployment's tag) are deleted after it. API connections and custom
     * connectors stay: other playbooks may use them (docs/kind-playbooks.md).
     */
    @Override
    public List<LeftBehind> leftBehind(ArmRest rest, String resourceId, String apiVersion) {
        List<LeftBehind> out = new ArrayList<>();
        Optional<ObjectNode> deployment = rest.get(resourceId, apiVersion);
        if (deployment.isEmpty()) return out;
        String name = resourceId.substring(resourceId.lastIndexOf('/') + 1);
        for (JsonNode r : deployment.get().path("properties").path("outputResources")) {
            String id = r.path("id").asString("");
            if (!id.toLowerCase(Locale.ROOT).contains("/providers/microsoft.logic/workflows/")) continue;
            Optional<ObjectNode> workflow = rest.get(id, WORKFLOWS_API);
            if (workflow.isPresent() && name.equalsIgnoreCase(workflow.get().path("tags").path(WORKFLOW_TAG).asString(""))) {
                out.add(new LeftBehind(id, WORKFLOWS_API));
            }
        }
        return out;
    }

    /**
     * ARM's what-if of the deployment ({@code POST …/deployments/{name}/whatIf}, a 202 polled at its Location): one
     * line per resource it would create, modify or delete; "no what-if" (a note, the hash comparison stands) when the
     * service does not offer it.
     */
    @Override
    public List<FieldDiff> preview(ArmRest rest, String resourceId, String apiVersion, DesiredItem desired) {
        ObjectNode body = desired.body();
        prepareWrite(body, null);
        body.remove("tags"); // what-if takes the deployment's properties and location only
        ObjectNode result = rest.postAndWait(resourceId + "/whatIf", apiVersion, body);
        List<FieldDiff> out = new ArrayList<>();
        for (JsonNode c : result.path("properties").path("changes")) {
            String type = c.path("changeType").asString("");
            if (type.equals("NoChange") || type.equals("Ignore")) continue;
            String id = c.path("resourceId").asString("");
            String[] parts = id.split("/providers/", 2);
            String what = parts.length == 2 ? parts[1] : id;
            out.add(new FieldDiff("what-if " + what, null, JsonNodeFactory.instance.stringNode(type)));
        }
        return out;
    }

    @Override
    public String nameInList(ObjectNode listed) {
        return listed.path("name").asString("");
    }

    @Override
    public Exported export(ObjectNode listed, Optional<String> version) {
        if (listed.path("tags").path(PlaybookDeployment.HASH_TAG).isMissingNode()) return new NotContent();
        return new Skipped("playbook " + nameInList(listed) + ", an ARM deployment whose template and parameter files "
                + "are the content; bring a portal edit back with the Logic App's Export template");
    }
}
