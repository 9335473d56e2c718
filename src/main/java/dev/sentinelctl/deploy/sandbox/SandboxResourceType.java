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
        ALIAS_FROM_NAME,
        /**
         * A long-running create: a PUT with {@code rawContent} answers 201 + {@code Azure-AsyncOperation} and the
         * resource is {@code InProgress} until the operation is polled to {@code Succeeded}; its CSV rows become the
         * child collection's items; DELETE answers 202 + {@code Location} (watchlists).
         */
        ASYNC_PROVISIONING,
        /** A child collection of the resource named by the preceding path segments ({@code watchlists/{alias}/watchlistItems}). */
        CHILD,
        /**
         * Beside the workspaces, in the resource group ({@code Microsoft.Insights/workbooks}); the stored body keeps
         * the request's top-level {@code kind}, {@code location} and {@code tags}, as every tracked ARM resource does.
         */
        RESOURCE_GROUP_CHILD,
        /**
         * A list needs {@code category=} (answers only that category) and leaves {@code properties.serializedData} out
         * unless {@code canFetchContent=true}: workbooks.
         */
        CATEGORY_LIST
    }

    /** A child type below {@code parentTypeName}/{name} (its own collection per parent). */
    public static SandboxResourceType sentinelChild(String typeName, PayloadValidator validator) {
        return new SandboxResourceType("Microsoft.SecurityInsights", typeName, Set.copyOf(ApiVersions.SECURITY_INSIGHTS),
                201, 204, true, "NotFound", validator, Set.of(Trait.CHILD));
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

    /** A {@code Microsoft.Insights} type in a resource group (201 on create, 204 deleting the absent, paged). */
    public static SandboxResourceType insights(String typeName, PayloadValidator validator, Trait... traits) {
        java.util.Set<Trait> all = new java.util.HashSet<>(Arrays.asList(traits));
        all.add(Trait.RESOURCE_GROUP_CHILD);
        return new SandboxResourceType("Microsoft.Insights", typeName, Set.copyOf(ApiVersions.INSIGHTS_WORKBOOKS), 201,
                204, true, "ResourceNotFound", validator, all);
    }

    /**
     * A Microsoft Graph collection (not ARM): {@code graph("security/rules", "detectionRules", …)} is served at
     * {@code /v1.0/security/rules/detectionRules} by the sandbox's Graph stand-in, with server-assigned ids, 201 on
     * POST, 204 on DELETE, 404 for the absent, paged with {@code @odata.nextLink}, and Graph tokens only.
     */
    public static SandboxResourceType graph(String parentPath, String typeName, PayloadValidator validator) {
        return new SandboxResourceType(GRAPH_PREFIX + parentPath, typeName, Set.of("v1.0"), 201, 404, true, "NotFound",
                validator, Set.of());
    }

    static final String GRAPH_PREFIX = "graph:";

    /** True for a Graph collection, which the ARM handler never matches. */
    public boolean isGraph() {
        return namespace.startsWith(GRAPH_PREFIX);
    }

    /** A Graph collection's path below the version: {@code security/rules/detectionRules}. */
    String graphPath() {
        return namespace.substring(GRAPH_PREFIX.length()) + "/" + typeName;
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
