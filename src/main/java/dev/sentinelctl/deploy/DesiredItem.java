package dev.sentinelctl.deploy;

import dev.sentinelctl.arm.ArmResource;
import tools.jackson.databind.node.ObjectNode;

/**
 * One content item as a workspace should have it: the resource (from {@link dev.sentinelctl.arm.ArmResources}, with
 * the workspace's overrides applied) and its ownership metadata.
 *
 * @param file     the content file, for messages
 * @param resource the alert rule or saved search; its properties are the REST body
 * @param metadata the metadata resource; its parentId is the resource's id in this workspace
 */
public record DesiredItem(String file, ResourceType type, ArmResource resource, ArmResource metadata) {

    public String id() {
        return resource.name();
    }

    public String displayName() {
        return resource.properties().path("displayName").asString(id());
    }

    /** The PUT body: {@code kind} (alert rules) and {@code properties}. */
    public ObjectNode body() {
        ObjectNode b = resource.properties().objectNode();
        resource.kind().ifPresent(k -> b.put("kind", k));
        b.set("properties", resource.properties().deepCopy());
        return b;
    }

    /** The same rule with {@code enabled: false} (preflight's "deploy disabled"). */
    public DesiredItem disabled() {
        ObjectNode p = resource.properties().deepCopy();
        p.put("enabled", false);
        return new DesiredItem(file, type, new ArmResource(resource.type(), resource.apiVersion(), resource.kind(),
                resource.name(), resource.contentId(), p), metadata);
    }

    /** The comparable form of what the workspace should have. */
    public ObjectNode normalised() {
        return type == ResourceType.ALERT_RULE
                ? StateNormalizer.alertRule(resource.kind().orElse(null), resource.properties())
                : StateNormalizer.savedSearch(resource.properties());
    }
}
