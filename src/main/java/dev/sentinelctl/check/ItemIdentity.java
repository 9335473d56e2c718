package dev.sentinelctl.check;

import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.Span;

/** What the checks across a whole tree need of an item (unique ids and file names), without its document. */
public record ItemIdentity(ContentKind kind, String id, String displayPath, Span idSpan) {
    public static ItemIdentity of(ContentItem item) {
        return new ItemIdentity(item.kind(), item.id(), item.document().source().displayPath(),
                item.document().spanOf("/id", false));
    }
}
