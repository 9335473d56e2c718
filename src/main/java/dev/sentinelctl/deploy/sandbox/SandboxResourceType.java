package dev.sentinelctl.deploy.sandbox;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One resource type the sandbox serves: its REST contract (where services differ in ways the SDK trips over: Log
 * Analytics saved searches answer 200 to every PUT and DELETE and are not paged, Sentinel resources answer 201 on
 * create and 204 when deleting something absent), the validator of its PUT bodies, and what the service adds to a
 * stored body. Each deploy kind registers its own next to it ({@code deploy/kinds/KindTable#sandboxTypes()}).
 *
 * @param apiVersions the versions accepted (others are 400 InvalidApiVersionParameter, as ARM answers)
 */
public record SandboxResourceType(String namespace, String typeName, Set<String> apiVersions, int createdStatus,
        int deleteMissingStatus, boolean paged, String notFoundCode, PayloadValidator validator, Set<Trait> traits) {

    /** What the service does beyond storing the body. */
    public enum Trait {
        /** PATCH merges properties (the SDK's metadata update().apply()). */
        PATCHABLE,
        /** A PUT over an existing resource needs an etag ("*" or the current one): Log Analytics saved searches. */
        OVERWRITE_NEEDS_ETAG,
        /** The stored body echoes the request's {@code kind} and stamps {@code properties.lastModifiedUtc}. */
        KIND_AND_LAST_MODIFIED,
        /** {@code properties.watchlistAlias} defaults to the resource name. */
        ALIAS_FROM_NAME
    }

    public SandboxResourceType {
        apiVersions = new TreeSet<>(apiVersions);
        traits = traits.isEmpty() ? EnumSet.noneOf(Trait.class) : EnumSet.copyOf(traits);
    }

    /** A {@code Microsoft.SecurityInsights} type below a workspace (201 on create, 204 deleting the absent, paged). */
    public static SandboxResourceType sentinel(String typeName, PayloadValidator validator, Trait... traits) {
        return new SandboxResourceType("Microsoft.SecurityInsights", typeName, Set.copyOf(ApiVersions.SECURITY_INSIGHTS),
                201, 204, true, "NotFound", validator, Set.copyOf(Arrays.asList(traits)));
    }

    /** A Log Analytics workspace child (200 to every PUT and DELETE, not paged). */
    public static SandboxResourceType logAnalytics(String typeName, PayloadValidator validator, Trait... traits) {
        return new SandboxResourceType("Microsoft.OperationalInsights", typeName,
                Set.copyOf(ApiVersions.OPERATIONAL_INSIGHTS), 200, 200, false, "ResourceNotFound", validator,
                Set.copyOf(Arrays.asList(traits)));
    }

    /**
     * A resource-group level type served by its own endpoint rather than below a workspace (ARM deployments: 201 on
     * create with {@code Azure-AsyncOperation}, 202 on delete).
     */
    public static SandboxResourceType resourceGroup(String namespace, String typeName, PayloadValidator validator) {
        return new SandboxResourceType(namespace, typeName, Set.copyOf(ApiVersions.RESOURCES), 201, 204, false,
                "DeploymentNotFound", validator, Set.of());
    }

    /** The ARM {@code type} field, e.g. {@code Microsoft.SecurityInsights/alertRules}. */
    public String armType() {
        return namespace + "/" + typeName;
    }

    boolean has(Trait t) {
        return traits.contains(t);
    }

    boolean sentinel() {
        return namespace.equals("Microsoft.SecurityInsights");
    }

    static SandboxResourceType fromSegment(List<SandboxResourceType> served, String namespaceSegment, String typeSegment) {
        for (SandboxResourceType t : served) {
            if (t.namespace.equalsIgnoreCase(namespaceSegment) && t.typeName.equalsIgnoreCase(typeSegment)) return t;
        }
        return null;
    }

    static SandboxResourceType fromTypeName(List<SandboxResourceType> served, String typeName) {
        for (SandboxResourceType t : served) {
            if (t.typeName.equalsIgnoreCase(typeName)) return t;
        }
        throw new IllegalArgumentException("Unknown resource type '" + typeName + "'");
    }
}
