package dev.sentinelctl.deploy.kinds;

import dev.sentinelctl.arm.ArmResource;
import dev.sentinelctl.arm.ArmResources;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.deploy.ArmRest;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
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
        return normalise(listed.path("kind").asString(null), listed.get("properties"));
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

    /** What must exist before the item is written. */
    default List<Edge> dependencies(ContentItem item) {
        return List.of();
    }

    /** How ownership is recorded for this kind. */
    Ownership ownership();

    /** The comparable form of a resource ({@code {"kind":..,"properties":{..}}} or the kind's own shape). */
    ObjectNode normalise(String armKind, JsonNode properties);

    /** The resource's name in a list answer (some services prefix it). */
    default String nameInList(ObjectNode listed) {
        String name = listed.path("name").asString("");
        int bar = name.lastIndexOf('|');
        return bar >= 0 ? name.substring(bar + 1) : name;
    }

    /**
     * Adds what the write needs besides the desired body.
     *
     * @param etag the etag the plan saw (an update), or null (a create)
     */
    default void prepareWrite(ObjectNode body, String etag) {
        if (etag != null) body.put("etag", etag);
    }

    /** What {@code export} makes of a listed resource. */
    sealed interface Exported {
    }

    /** Content YAML for {@code folder}, e.g. {@code Analytic Rules}. */
    record AsContent(String folder, ObjectNode yaml) implements Exported {
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
