package dev.sentinelctl.deploy.kinds;

import java.util.Locale;

/**
 * How a deployed resource records that this repository (a {@code source} name) owns it, so plan, prune and drift
 * only touch what it deployed. Each content kind names its marker; the engine asks the marker, never the kind.
 *
 * <p>Today's kinds are workspace children and use Sentinel metadata ({@link SentinelMetadata}). Kinds outside the
 * workspace need another marker, added here as another variant with the same questions answered (who owns resource X;
 * which resources does source S own): a resource-group workbook carries a tag ({@code sentinelctl-source: <source>})
 * in its own body, read from the same list call; a Graph custom detection has a server-assigned id and no Sentinel
 * metadata, so its marker maps the content id to that id (kept in the detection's own description or an owned
 * mapping resource) — see docs/deploying-kinds.md.
 */
public sealed interface Ownership {
    /**
     * A Sentinel metadata resource ({@code Microsoft.SecurityInsights/metadata}) per item, named {@code
     * <kind lower-case>-<content id>} as Microsoft's Repositories names its own, with {@code source.kind =
     * SourceRepository}, {@code source.name = <source>} and {@code parentId} = the resource's id.
     *
     * @param metadataKind the metadata's {@code kind}: {@code AnalyticsRule}, {@code HuntingQuery}, {@code Parser}, …
     */
    record SentinelMetadata(String metadataKind) implements Ownership {
        public String markerName(String contentId) {
            return metadataKind.toLowerCase(Locale.ROOT) + "-" + contentId;
        }
    }
}
