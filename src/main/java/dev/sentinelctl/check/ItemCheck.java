package dev.sentinelctl.check;

import dev.sentinelctl.report.Diagnostic;
import java.util.List;

/** One stage that looks at a loaded content item (format rules, KQL syntax, lint, cross-checks). */
@FunctionalInterface
public interface ItemCheck {
    List<Diagnostic> check(ItemContext context);
}
