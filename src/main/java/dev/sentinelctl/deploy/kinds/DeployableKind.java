package dev.sentinelctl.deploy.kinds;

import dev.sentinelctl.arm.ArmResource;
import dev.sentinelctl.arm.ArmResources;
import dev.sentinelctl.content.ContentIndex;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.deploy.ArmRest;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A content kind: a content model that becomes one resource per item, and everything the deploy engine needs to plan,
 * apply, verify, drift-check, export and prune it. One implementation per kind, in its own folder, registered once in
 * {@link KindTable}.
 *
 * <p>What a kind answers, in the order a run asks:
 * <ol>
 *   <li><b>content</b>: {@link #contentKind} (how its files are detected and loaded, and their JSON Schema; the
 *       checks run per content model in {@code check/}) and {@link #handles};</li>
 *   <li><b>desired</b>: {@link #resource} (the ARM mapping, shared with {@code build}) and {@link #dependencies} (the
 *       edges apply orders by);</li>
 *   <li><b>actual</b>: {@link ResourceKind#scope()} and the api-version (one list call per kind and workspace),
 *       {@link #nameInList} (the resource's name as the list gives it);</li>
 *   <li><b>diff</b>: {@link #normalise} (both sides to one comparable form);</li>
 *   <li><b>ownership</b>: {@link #ownership} (how "this repository deployed it" is recorded);</li>
 *   <li><b>write</b>: {@link #prepareWrite} (what the service needs besides the body, e.g. an overwrite etag);</li>
 *   <li><b>export</b>: {@link #export} (a listed resource back to content YAML, or why not).</li>
 * </ol>
 * The sandbox's stand-in for the resource type is registered next to the kind in {@link KindTable#sandboxTypes()}.
 */
public interface DeployableKind extends ResourceKind {
    /**
     * The content kind its files are: how {@code content/} detects and loads them and which schema validates them
     * ({@code schemas/<ContentKind.schemaName()>.schema.json}). One content kind deploys as one deployable kind.
     */
    ContentKind contentKind();

    /** True when the loaded item is this kind's content model. */
    default boolean handles(ContentItem item) {
        return item.kind() == contentKind();
    }

    /** The resource an item deploys as (api-version from the mapping; the engine sets the table's). */
    ArmResource resource(ArmResources mapping, ContentItem item);

    /**
     * The resource an item deploys as in one workspace: for kinds whose body names other resources by id (an
     * automation rule's analytic rules), those ids are the workspace's. Unless a kind says otherwise, the same as
     * {@link #resource(ArmResources, ContentItem)}.
     */
    default ArmResource resource(ArmResources mapping, ContentItem item, Placement placement) {
        return resource(mapping, item, placement.workspace());
    }

    /**
     * The item's resource in one target workspace. Most kinds' resources are the same everywhere; a resource-group
     * child (a workbook) is named per workspace, so two workspaces in one resource group do not share it, and points
     * at its workspace ({@code sourceId}).
     */
    default ArmResource inWorkspace(ArmResource resource, ContentItem item, WorkspaceConfig ws) {
        return resource;
    }

    /**
     * Top-level fields of the PUT body besides {@code kind} and {@code properties} (a workbook's {@code location} and
     * {@code tags}); the ownership marker may add to them ({@link Ownership#stamp}). Empty for most kinds.
     */
    default ObjectNode envelope(ContentItem item, WorkspaceConfig ws) {
        return JsonNodeFactory.instance.objectNode();
    }

    /** What must exist before the item is written, from the item alone (an automation rule's analytic rule). */
    /**
     * The resource an item deploys as in one workspace. Kinds whose body depends on the workspace (a playbook's
     * workspace-specific parameter file) override this; the others deploy the same body everywhere.
     */
    default ArmResource resource(ArmResources mapping, ContentItem item, WorkspaceConfig ws) {
        return resource(mapping, item);
    }

    /**
     * The comparable form of a listed resource. The default reads {@code kind} and {@code properties}; a kind whose
     * service records what matters elsewhere (an ARM deployment's tags: its GET has no template) overrides it.
     */
    default ObjectNode normaliseListed(ObjectNode listed) {
        return normaliseResource(listed);
    }

    /** A resource the deleted one left behind and that prune deletes after it (its id and api-version). */
    record LeftBehind(String resourceId, String apiVersion) {
    }

    /**
     * What deleting the resource does not delete but prune must (an ARM deployment's Logic Apps: ARM never deletes a
     * deployment's resources with it). Read before the delete; empty for kinds whose delete is complete.
     */
    default List<LeftBehind> leftBehind(ArmRest rest, String resourceId, String apiVersion) {
        return List.of();
    }

    /**
     * What the service itself says a create or update will change, for the plan (an ARM deployment's what-if), as
     * extra lines under the change; empty when the kind or the service has no such preview. Never writes.
     */
    default List<dev.sentinelctl.deploy.FieldDiff> preview(ArmRest rest, String resourceId, String apiVersion,
            dev.sentinelctl.deploy.DesiredItem desired) {
        return List.of();
    }

    /**
     * The KQL in a desired body, where a fleet compiles a workspace's exclusions in: ARM's {@code properties.query} by
     * default; empty for a body that runs no query (a watchlist, an automation rule).
     */
    default Optional<String> deployedQuery(ObjectNode properties) {
        JsonNode q = properties.get("query");
        return q != null && q.isString() ? Optional.of(q.asString()) : Optional.empty();
    }

    /** A copy of the desired body with {@code query} where {@link #deployedQuery} reads it. */
    default ObjectNode withDeployedQuery(ObjectNode properties, String query) {
        ObjectNode p = properties.deepCopy();
        p.put("query", query);
        return p;
    }

    /**
     * The body with a workspace's per-item override applied, for kinds other than analytic rules (whose schedule and
     * trigger fields {@code DesiredState} sets). The default ignores overrides, as before kinds had any.
     *
     * @throws dev.sentinelctl.deploy.DeployException for an override field the kind cannot deploy
     */
    default ObjectNode withOverride(ObjectNode properties, ContentItem item, dev.sentinelctl.deploy.config.RuleOverride override) {
        return properties;
    }

    /** What must exist before the item is written. */
    default List<Edge> dependencies(ContentItem item) {
        return List.of();
    }

    /**
     * What must exist before the item is written, knowing the rest of the content: the kind's own edges and those its
     * query implies ({@link QueryEdges}: watchlists it reads, the content's parsers it calls). The engine asks this one.
     */
    default List<Edge> dependencies(ContentItem item, ContentIndex index) {
        List<Edge> out = new java.util.ArrayList<>(dependencies(item));
        for (Edge e : QueryEdges.of(item, index)) if (!out.contains(e)) out.add(e);
        return out;
    }

    /**
     * What must exist before the item is written in one workspace. The engine asks this one; unless a kind says
     * otherwise it is {@link #dependencies(ContentItem, ContentIndex)}. A kind whose dependency is named per workspace
     * (an automation rule's playbook: its ARM deployment is named per workspace) overrides it.
     */
    default List<Edge> dependencies(ContentItem item, Placement placement) {
        return dependencies(item, placement.content());
    }

    /**
     * What the plan says about an item besides its field changes, shown with its create or update (a playbook's API
     * connections: deployed with it, by another playbook of the content, or needed in the resource group). Empty by
     * default.
     */
    default List<String> planNotes(ContentItem item, Placement placement) {
        return List.of();
    }

    /**
     * What an item uses that must already exist outside the content and the plan (preflight GETs each once per
     * workspace). Empty by default.
     */
    default List<ExternalReference> externalReferences(ContentItem item, Placement placement) {
        return List.of();
    }

    /**
     * The name KQL calls a deployed resource of this kind by (a parser's function alias), if it is callable: with
     * {@link #deployedQuery} of the listed resource's {@link #propertiesOf}, how prune learns what the deployed
     * resources stand on once their files are gone.
     */
    default Optional<String> calledAs(ObjectNode listed) {
        return Optional.empty();
    }

    /**
     * Whether a resource of this kind's list answer is this kind's. Two kinds may share one collection (hunting queries
     * and parsers are both Log Analytics saved searches): each claims only its own, so neither plans, prunes nor exports
     * the other's.
     */
    default boolean claims(ObjectNode listed) {
        return true;
    }

    /** How ownership is recorded for this kind. */
    Ownership ownership();

    /** The comparable form of a resource ({@code {"kind":..,"properties":{..}}} or the kind's own shape). */
    ObjectNode normalise(String armKind, JsonNode properties);

    /**
     * The comparable form of a whole resource body (listed, or the desired PUT body): by default
     * {@link #normalise} of its {@code kind} and {@code properties}; a kind whose top-level fields matter (tags that
     * carry ownership) compares them too.
     */
    default ObjectNode normaliseResource(JsonNode resource) {
        JsonNode kind = resource.get("kind");
        return normalise(kind != null && kind.isString() ? kind.asString() : null, resource.get("properties"));
    }

    /** The resource's name in a list answer (some services prefix it). */
    default String nameInList(ObjectNode listed) {
        String name = listed.path("name").asString("");
        int bar = name.lastIndexOf('|');
        return bar >= 0 ? name.substring(bar + 1) : name;
    }

    /** The comparable part of a listed resource: ARM's {@code properties}; a Graph object is its own body. */
    default JsonNode propertiesOf(ObjectNode listed) {
        return listed.get("properties");
    }

    /**
     * The desired body with its ownership marker stamped in, for kinds whose {@link Ownership} lives in the body
     * ({@link Ownership.ServerAssigned}); unchanged for the others.
     */
    default ObjectNode stampOwner(ObjectNode properties, String source, String contentId) {
        return properties;
    }

    /** The ownership marker inside a listed resource, if it carries one. */
    default Optional<Ownership.Mark> markIn(ObjectNode listed) {
        return Optional.empty();
    }

    /**
     * Adds what the write needs besides the desired body.
     *
     * @param etag the etag the plan saw (an update), or null (a create)
     */
    default void prepareWrite(ObjectNode body, String etag) {
        if (etag != null) body.put("etag", etag);
    }

    /**
     * The listed resource with what the list call leaves out and the comparison needs (a watchlist's items, which
     * only their own list call returns). Called once per listed resource of this kind, at plan, drift and read-back.
     */
    default ObjectNode withDetail(dev.sentinelctl.deploy.ArmRest rest, String resourceId, String apiVersion, ObjectNode listed) {
        return listed;
    }

    /** True when {@link #withDetail} makes calls (the reader then runs them side by side, up to the parallelism). */
    default boolean readsDetail() {
        return false;
    }

    /**
     * Writes a create or an update; the default is one PUT of the body. A kind whose resource holds sub-resources
     * (watchlist items) overrides it to wait for a long-running create and to write only the sub-resources that
     * changed on an update.
     *
     * @param create true when the plan found no such resource
     */
    default void write(dev.sentinelctl.deploy.ArmRest rest, String resourceId, String apiVersion, ObjectNode body, boolean create) {
        rest.put(resourceId, apiVersion, body);
    }

    /** What {@code export} makes of a listed resource. */
    sealed interface Exported {
    }

    /**
     * Content YAML for {@code folder}, e.g. {@code Analytic Rules}, and files written beside it under the same base
     * name, by suffix ({@code ".json"} → a workbook's gallery JSON).
     */
    record AsContent(String folder, ObjectNode yaml, java.util.Map<String, String> companions) implements Exported {
        public AsContent {
            companions = java.util.Map.copyOf(companions);
        }

        public AsContent(String folder, ObjectNode yaml) {
            this(folder, yaml, java.util.Map.of());
        }
    }

    /**
     * Content kept as a folder of fixed file names, e.g. a watchlist: {@code Watchlists/<name>/watchlist.yaml} and
     * {@code data.csv}. {@code files} maps each file name to its text; {@code name} is the folder's own name.
     */
    record AsFolder(String folder, String name, java.util.Map<String, String> files) implements Exported {
        public AsFolder {
            files = java.util.Map.copyOf(files);
        }
    }

    /** Listed but not content of this kind (a saved search that is no hunting query): not mentioned. */
    record NotContent() implements Exported {
    }

    /** Of this kind but without a content format yet: listed as skipped with why. */
    record Skipped(String description) implements Exported {
    }

    /** @param version the content version its metadata records, if any */
    Exported export(ObjectNode listed, Optional<String> version);
}
