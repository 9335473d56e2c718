package dev.sentinelctl.check;

import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.semantic.binder.Binder;
import dev.sentinelctl.kql.semantic.binder.BoundQuery;
import dev.sentinelctl.kql.syntax.ParsedQuery;

/**
 * One content item as the checks see it, with its query parsed at most once however many checks need the
 * tree. Confined to the thread checking the file.
 */
public final class ItemContext {
    private final ContentItem item;
    private ParsedQuery parsed;
    private BoundQuery bound;

    public ItemContext(ContentItem item) {
        this.item = item;
    }

    public ContentItem item() {
        return item;
    }

    public ParsedQuery parsed() {
        if (parsed == null) parsed = KqlParser.parse(item.query().text());
        return parsed;
    }

    /** The query bound against the binder's catalog; computed once, on first use. */
    public BoundQuery bound(Binder binder) {
        if (bound == null) bound = binder.bind(parsed());
        return bound;
    }
}
