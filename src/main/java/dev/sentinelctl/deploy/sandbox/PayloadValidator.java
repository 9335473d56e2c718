package dev.sentinelctl.deploy.sandbox;

import tools.jackson.databind.node.ObjectNode;

/** Checks a PUT body the way the resource provider does; throws {@link ArmException} 400 naming the field. */
public interface PayloadValidator {
    /**
     * @param body     the request body
     * @param existing the stored resource, or null on create (some checks depend on it, e.g. a kind change)
     */
    void validate(ObjectNode body, ObjectNode existing);

    /**
     * As {@link #validate(ObjectNode, ObjectNode)}, for services that also check what a body refers to in its
     * workspace (an automation rule's alert rules).
     */
    default void validate(ObjectNode body, ObjectNode existing, WorkspaceView workspace) {
        validate(body, existing);
    }

    /** What a validator may see of the workspace a resource is written to. */
    interface WorkspaceView {
        /** The workspace's resource id, e.g. {@code /subscriptions/S/resourceGroups/RG/providers/Microsoft.OperationalInsights/workspaces/W}. */
        String resourceId();

        /** Whether a resource of the type (e.g. {@code alertRules}) and name exists there. */
        boolean has(String typeName, String name);
    }
}
