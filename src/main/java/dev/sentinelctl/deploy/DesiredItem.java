package dev.sentinelctl.deploy;

import dev.sentinelctl.arm.ArmResource;
import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.Edge;
import dev.sentinelctl.deploy.kinds.ExternalReference;
import java.util.List;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One content item as a workspace should have it: the resource (from {@link dev.sentinelctl.arm.ArmResources}, with
 * the workspace's overrides applied and the kind's api-version), its ownership metadata and what it needs first.
 *
 * @param file      the content file, for messages
 * @param type      its kind
 * @param resource  the resource; its properties are the REST body
 * @param metadata  the metadata resource; its parentId is the resource's id in this workspace
 * @param dependsOn what must exist before it is written (apply orders by these edges)
 * @param envelope  top-level body fields besides {@code kind} and {@code properties} (empty for most kinds)
 * @param notes     what the plan says about it besides its field changes ({@link DeployableKind#planNotes}: a
 *                  playbook's API connections)
 * @param externals what it uses that must already exist outside the plan ({@link DeployableKind#externalReferences})
 */
public record DesiredItem(String file, DeployableKind type, ArmResource resource, ArmResource metadata, List<Edge> dependsOn,
                          ObjectNode envelope, List<String> notes, List<ExternalReference> externals) {

    public DesiredItem {
        dependsOn = List.copyOf(dependsOn);
        envelope = envelope == null ? JsonNodeFactory.instance.objectNode() : envelope.deepCopy();
        notes = List.copyOf(notes);
        externals = List.copyOf(externals);
    }

    public DesiredItem(String file, DeployableKind type, ArmResource resource, ArmResource metadata, List<Edge> dependsOn,
            ObjectNode envelope, List<String> notes) {
        this(file, type, resource, metadata, dependsOn, envelope, notes, List.of());
    }

    public DesiredItem(String file, DeployableKind type, ArmResource resource, ArmResource metadata, List<Edge> dependsOn,
            ObjectNode envelope) {
        this(file, type, resource, metadata, dependsOn, envelope, List.of());
    }

    /** An item whose body is only {@code kind} and {@code properties}. */
    public DesiredItem(String file, DeployableKind type, ArmResource resource, ArmResource metadata, List<Edge> dependsOn) {
        this(file, type, resource, metadata, dependsOn, null);
    }

    /** An item that depends on nothing. */
    public DesiredItem(String file, DeployableKind type, ArmResource resource, ArmResource metadata) {
        this(file, type, resource, metadata, List.of());
    }

    public String id() {
        return resource.name();
    }

    public String displayName() {
        return resource.properties().path("displayName").asString(id());
    }

    /**
     * The PUT body: the kind's top-level fields ({@link DeployableKind#envelope}: a workbook's {@code location} and
     * {@code tags}), {@code kind} (alert rules, workbooks) and {@code properties}.
     */
    public ObjectNode body() {
        ObjectNode b = envelope.deepCopy();
        resource.kind().ifPresent(k -> b.put("kind", k));
        b.set("properties", resource.properties().deepCopy());
        return b;
    }

    /** The same rule with {@code enabled: false} (preflight's "deploy disabled"). */
    public DesiredItem disabled() {
        ObjectNode p = resource.properties().deepCopy();
        p.put("enabled", false);
        return new DesiredItem(file, type, new ArmResource(resource.type(), resource.apiVersion(), resource.kind(),
                resource.name(), resource.contentId(), p), metadata, dependsOn, envelope, notes, externals);
    }

    /** The comparable form of what the workspace should have. */
    public ObjectNode normalised() {
        return type.normaliseResource(body());
    }
}
