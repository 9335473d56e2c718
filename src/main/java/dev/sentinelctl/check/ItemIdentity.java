package dev.sentinelctl.check;

import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.content.AutomationRule;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.ContentRef;
import dev.sentinelctl.content.Span;
import java.util.List;

/**
 * What the checks across a whole tree need of an item (unique ids and file names, which profile gates apply),
 * without its document.
 *
 * @param scheduled  a Scheduled analytic rule (Microsoft's CI holds only those to its structure rules)
 * @param references what the item refers to (an automation rule's analytic rules), checked across the tree
 */
public record ItemIdentity(ContentKind kind, String id, String displayPath, Span idSpan, boolean scheduled,
                           List<ContentRef> references) {
    public ItemIdentity {
        references = List.copyOf(references);
    }

    /** An item that refers to no other. */
    public ItemIdentity(ContentKind kind, String id, String displayPath, Span idSpan, boolean scheduled) {
        this(kind, id, displayPath, idSpan, scheduled, List.of());
    }

    public static ItemIdentity of(ContentItem item) {
        return new ItemIdentity(item.kind(), item.id(), item.document().source().displayPath(),
                item.document().spanOf("/id", false),
                item instanceof AnalyticRule r && r.ruleKind() == AnalyticRule.RuleKind.SCHEDULED,
                item instanceof AutomationRule a ? a.analyticRules() : List.of());
    }
}
