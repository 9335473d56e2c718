package dev.sentinelctl.check;

import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.content.AutomationRule;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.ContentRef;
import dev.sentinelctl.content.Playbook;
import dev.sentinelctl.content.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the checks across a whole tree need of an item (unique ids and file names, which profile gates apply),
 * without its document.
 *
 * @param scheduled  a Scheduled analytic rule (Microsoft's CI holds only those to its structure rules)
 * @param references what the item refers to (an automation rule's analytic rules and playbooks), checked across the
 *                   tree
 * @param playbook   the item itself when it is a playbook: a playbook reference may name it by the Logic App name its
 *                   template creates, which only the template tells (playbooks are few; other items are not kept)
 */
public record ItemIdentity(ContentKind kind, String id, String displayPath, Span idSpan, boolean scheduled,
                           List<ContentRef> references, Optional<Playbook> playbook) {
    public ItemIdentity {
        references = List.copyOf(references);
    }

    /** An item that refers to no other. */
    public ItemIdentity(ContentKind kind, String id, String displayPath, Span idSpan, boolean scheduled) {
        this(kind, id, displayPath, idSpan, scheduled, List.of(), Optional.empty());
    }

    public static ItemIdentity of(ContentItem item) {
        List<ContentRef> refs = new ArrayList<>();
        if (item instanceof AutomationRule a) {
            refs.addAll(a.analyticRules());
            for (AutomationRule.PlaybookRef p : a.playbooks()) {
                refs.add(new ContentRef(ContentKind.PLAYBOOK, p.value(), p.span(), "playbook"));
            }
        }
        return new ItemIdentity(item.kind(), item.id(), item.document().source().displayPath(),
                item.document().spanOf("/id", false),
                item instanceof AnalyticRule r && r.ruleKind() == AnalyticRule.RuleKind.SCHEDULED,
                refs, item instanceof Playbook p ? Optional.of(p) : Optional.empty());
    }
}
