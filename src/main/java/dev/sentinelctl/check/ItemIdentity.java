package dev.sentinelctl.check;

import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.Span;

/**
 * What the checks across a whole tree need of an item (unique ids and file names, which profile gates apply),
 * without its document.
 *
 * @param scheduled a Scheduled analytic rule (Microsoft's CI holds only those to its structure rules)
 */
public record ItemIdentity(ContentKind kind, String id, String displayPath, Span idSpan, boolean scheduled) {
    public static ItemIdentity of(ContentItem item) {
        return new ItemIdentity(item.kind(), item.id(), item.document().source().displayPath(),
                item.document().spanOf("/id", false),
                item instanceof AnalyticRule r && r.ruleKind() == AnalyticRule.RuleKind.SCHEDULED);
    }
}
