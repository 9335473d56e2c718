package dev.sentinelctl.check;

import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.Parser;
import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.semantic.binder.Binder;
import dev.sentinelctl.kql.semantic.binder.BoundQuery;
import dev.sentinelctl.kql.syntax.ParsedQuery;
import dev.sentinelctl.kql.syntax.SyntaxNode;
import dev.sentinelctl.kql.syntax.SyntaxWalker;
import java.util.ArrayList;
import java.util.List;

/**
 * One content item as the checks see it, with its query parsed at most once however many checks need the
 * tree. Confined to the thread checking the file.
 */
public final class ItemContext {
    private final ContentItem item;
    private ParsedQuery parsed;
    private List<SyntaxNode> nodes;
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

    /**
     * Every node of the query tree, parents first, in text order: walked once for lint rules and cross-checks (a
     * walk builds each record's child list, so a dozen walks of one tree cost a dozen times that).
     */
    public List<SyntaxNode> nodes() {
        if (nodes == null) nodes = List.copyOf(SyntaxWalker.nodes(parsed().root()));
        return nodes;
    }

    /** The nodes of one type, in text order. */
    public <T extends SyntaxNode> List<T> nodes(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (SyntaxNode n : nodes()) {
            if (type.isInstance(n)) out.add(type.cast(n));
        }
        return out;
    }

    /**
     * The query bound against the binder's catalog; computed once, on first use. A parser's query is a function
     * body: its parameters are in scope.
     */
    public BoundQuery bound(Binder binder) {
        if (bound == null) {
            bound = item instanceof Parser p ? binder.bind(parsed(), ParserScope.declared(p.parameters())) : binder.bind(parsed());
        }
        return bound;
    }
}
