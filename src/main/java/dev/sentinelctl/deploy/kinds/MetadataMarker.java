package dev.sentinelctl.deploy.kinds;

import dev.sentinelctl.deploy.sandbox.SandboxResourceType;

import dev.sentinelctl.deploy.sandbox.MetadataValidator;

/**
 * Sentinel metadata ({@code Microsoft.SecurityInsights/metadata}), the ownership marker of workspace-child kinds
 * ({@link Ownership.SentinelMetadata}). Listed once per workspace and read by every kind that records ownership
 * this way.
 */
public final class MetadataMarker extends DescribedKind {
    public static final MetadataMarker INSTANCE = new MetadataMarker();

    private MetadataMarker() {
        super(new KindFacts("metadata", "metadata", "metadata", "2025-09-01",
                "newest GA of Microsoft.SecurityInsights; its Metadata.json carries every field the marker writes "
                        + "(contentId, parentId, kind, version, source)",
                new Scope.WorkspaceChild("providers/Microsoft.SecurityInsights/metadata"),
                SandboxResourceType.sentinel("metadata", new MetadataValidator(), SandboxResourceType.Trait.PATCHABLE)));
    }







}
