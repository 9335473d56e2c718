package dev.sentinelctl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.Span;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A gate of Microsoft's CI makes an error only of the findings on the content that gate looks at. */
class ProfileTest {
    static Diagnostic warning(String rule, String file) {
        return Diagnostic.atFile(rule, Severity.WARNING, file, "m", "");
    }

    static ItemIdentity item(ContentKind kind, boolean scheduled, String file) {
        return new ItemIdentity(kind, "id", file, new Span(1, 1, 1, 1), scheduled);
    }

    @Test
    void gatesApplyByScope() {
        Map<String, ItemIdentity> items = Map.of("s.yaml", item(ContentKind.ANALYTIC_RULE, true, "s.yaml"),
                "n.yaml", item(ContentKind.ANALYTIC_RULE, false, "n.yaml"), "h.yaml", item(ContentKind.HUNTING_QUERY, false, "h.yaml"));
        List<Diagnostic> in = List.of(warning("RULE-technique-tactic", "s.yaml"), warning("RULE-technique-tactic", "n.yaml"),
                warning("RULE-technique-tactic", "h.yaml"), warning("RULE-duration-format", "n.yaml"),
                warning("CONTENT-non-ascii", "h.yaml"), warning("YAML-tab", "broken.yaml"), warning("KQL-join-kind", "s.yaml"),
                warning("ENTITY-required-identifier", "h.yaml"));
        List<Severity> out = Profile.AZURE_SENTINEL.apply(in, items).stream().map(Diagnostic::severity).toList();
        assertEquals(List.of(Severity.ERROR, Severity.WARNING, Severity.WARNING, Severity.ERROR, Severity.ERROR, Severity.ERROR,
                Severity.WARNING, Severity.WARNING), out);
        assertEquals(in, Profile.DEFAULT.apply(in, items));
    }

    @Test
    void everyGateNamesARuleAndWhatItMirrors() {
        for (ContentGates.Gate g : ContentGates.ALL) {
            assertTrue(!g.mirrors().isBlank() && ContentGates.gate(g.ruleId()).orElseThrow() == g, g.toString());
        }
        assertEquals(java.util.Optional.of(Profile.AZURE_SENTINEL), Profile.parse(" Azure-Sentinel "));
        assertTrue(Profile.parse("strict").isEmpty());
    }
}
