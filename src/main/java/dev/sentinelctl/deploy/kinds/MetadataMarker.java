package dev.sentinelctl.deploy.kinds;

import dev.sentinelctl.deploy.sandbox.SandboxResourceType;

import dev.sentinelctl.deploy.sandbox.MetadataValidator;

/**
 * Sentinel metadata ({@code Microsoft.SecurityInsights/metadata}), the ownership marker of workspace-child kinds
 * ({@link Ownership.SentinelMetadata}). Listed once per workspace and read by every kind that records ownership
 * this way.
 */
public final class MetadataMarker implements ResourceKind {
    public static final MetadataMarker INSTANCE = new MetadataMarker();
    private static final SandboxResourceType SANDBOX = SandboxResourceType.sentinel("metadata",
            new MetadataValidator(), SandboxResourceType.Trait.PATCHABLE);
    private static final Scope SCOPE = new Scope.WorkspaceChild("providers/Microsoft.SecurityInsights/metadata");

    private MetadataMarker() {
    }

    @Override
    public String id() {
        return "metadata";
    }

    @Override
    public String label() {
        return "metadata";
    }

    @Override
    public String apiVersionKey() {
        return "metadata";
    }

    @Override
    public String defaultApiVersion() {
        return "2025-09-01";
    }

    @Override
    public String apiVersionReason() {
        return "newest GA of Microsoft.SecurityInsights; its Metadata.json carries every field the marker writes "
                + "(contentId, parentId, kind, version, source)";
    }

    @Override
    public Scope scope() {
        return SCOPE;
    }

    @Override
    public SandboxResourceType sandbox() {
        return SANDBOX;
    }
}
