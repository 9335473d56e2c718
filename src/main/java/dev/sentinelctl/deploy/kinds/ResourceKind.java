package dev.sentinelctl.deploy.kinds;

import dev.sentinelctl.deploy.sandbox.SandboxResourceType;

/**
 * A resource type the deploy engine reads and writes: where its resources live ({@link Scope}), which api-version it
 * is sent with by default, and how people and files name it. Content kinds ({@link DeployableKind}) add everything that
 * ties a resource to a content file; the ownership marker ({@link MetadataMarker}) is a resource kind of its own.
 */
public interface ResourceKind {
    /** Stable id in plan JSON ({@code type}), saved plans and digests: {@code alert-rule}, {@code saved-search}. */
    String id();

    /** For people: {@code alert rule}, {@code hunting query}. */
    String label();

    /** The key of the api-version table and of {@code apiVersions:} in {@code sentinelctl.yaml}: {@code alertRules}. */
    String apiVersionKey();

    /** The api-version sent unless the config overrides it; {@link #apiVersionReason()} says why this one. */
    String defaultApiVersion();

    /** Why the default is what it is (documented in docs/deploying-kinds.md's table). */
    String apiVersionReason();

    /** Where the resources are, and so where the one list call per workspace goes. */
    Scope scope();

    /**
     * Query parameters a list call needs besides the api-version, encoded ({@code category=sentinel&canFetchContent=true}
     * for workbooks, whose list requires a category and leaves the content out otherwise); empty for most kinds.
     */
    default String listQuery() {
        return "";
    }

    /** The sandbox's stand-in for this resource type: its REST contract and body validator. */
    SandboxResourceType sandbox();

    /** Stand-ins of sub-resources the kind writes below its resources (watchlist items); none by default. */
    default java.util.List<SandboxResourceType> sandboxChildren() {
        return java.util.List.of();
    }
}
