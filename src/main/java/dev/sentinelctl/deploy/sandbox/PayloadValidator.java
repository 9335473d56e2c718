package dev.sentinelctl.deploy.sandbox;

import tools.jackson.databind.node.ObjectNode;

/** Checks a PUT body the way the resource provider does; throws {@link ArmException} 400 naming the field. */
public interface PayloadValidator {
    /**
     * @param body     the request body
     * @param existing the stored resource, or null on create (some checks depend on it, e.g. a kind change)
     */
    void validate(ObjectNode body, ObjectNode existing);
}
