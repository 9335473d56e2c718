package dev.sentinelctl.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.check.Fixtures;
import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.HuntingQuery;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML → ARM → YAML gives the same content: normalised trees and the content records agree. */
class ArmRoundTripTest {
    @TempDir
    Path dir;

    private static final String TRICKY_QUERY = """
            query: |
              // Zürich: "quotes" and 'single' # not a comment
              let  x = 1;   \s
              SecurityEvent
              |\twhere Account has "a: b"
              | summarize Failed = countif(EventID == 4625), Succeeded = countif(EventID == 4624) by TargetAccount, Computer
              | where Failed > 10 and Succeeded > 0
            """;

    private static List<String[]> fixtures() {
        String rule = Fixtures.RULE;
        String nrt = rule.replace("queryFrequency: 1h\n", "").replace("queryPeriod: 1d\n", "").replace("triggerOperator: gt\n", "")
                .replace("triggerThreshold: 0\n", "").replace("kind: Scheduled", "kind: NRT");
        String tricky = rule.substring(0, rule.indexOf("query: |")) + TRICKY_QUERY + rule.substring(rule.indexOf("entityMappings:"));
        String extra = rule.replace("version: 1.0.0", "version: 1.0.0\nstatus: Available\ntags:\n  - Custom\nmetadata:\n  source:\n    kind: Community\n")
                .replace("queryPeriod: 1d", "queryPeriod: P1D").replace("triggerOperator: gt", "triggerOperator: GreaterThan");
        String hunting = Fixtures.HUNTING.replace("version: 1.0.0", "version: 1.0.0\ndescription-detailed: More.\nentityMappings:\n"
                + "  - entityType: Account\n    fieldMappings:\n      - identifier: Name\n        columnName: RecipientEmailAddress\n");
        return List.of(new String[] {"Detections/rule.yaml", rule}, new String[] {"Detections/full.yaml", ArmResourcesTest.FULL_RULE},
                new String[] {"Detections/nrt.yaml", nrt}, new String[] {"Detections/tricky.yaml", tricky},
                new String[] {"Detections/extra.yaml", extra}, new String[] {"Hunting Queries/q.yaml", Fixtures.HUNTING},
                new String[] {"Hunting Queries/h.yaml", hunting});
    }

    @Test
    void everyFixtureComesBackTheSame() {
        RoundTrip trip = new RoundTrip(new ArmResources(ArmApiVersion.DEFAULT), true);
        for (String[] f : fixtures()) {
            ContentItem item = ArmTestSupport.item(dir, f[0], f[1]);
            RoundTrip.Result r = trip.check(item, f[0]);
            assertTrue(r.same(), () -> f[0] + ": " + r.reason());
        }
    }

    @Test
    void armAloneCarriesTheRuleFieldsArmHas() {
        RoundTrip trip = new RoundTrip(new ArmResources(ArmApiVersion.DEFAULT), false);
        ContentItem full = ArmTestSupport.item(dir, "Detections/full.yaml", ArmResourcesTest.FULL_RULE);
        // Only what an alert rule has no property for is lost without the template's source fields.
        assertEquals(List.of("requiredDataConnectors"), trip.check(full, "full.yaml").differingFields());
        ContentItem hunting = ArmTestSupport.item(dir, "Hunting Queries/q.yaml", Fixtures.HUNTING);
        assertEquals(List.of("requiredDataConnectors", "version"), trip.check(hunting, "q.yaml").differingFields());
    }

    @Test
    void contentRecordsAgreeAfterImport() throws Exception {
        ArmTemplate templates = new ArmTemplate(new ArmResources(ArmApiVersion.DEFAULT), new ArmTemplate.Options(false, true, "x"));
        for (String[] f : fixtures()) {
            ContentItem before = ArmTestSupport.item(dir, f[0], f[1]);
            String json = ArmTemplate.toJson(templates.build(List.of(new ArmTemplate.Entry(before, f[0]))));
            ArmImporter.Imported imported = new ArmImporter().importDocument(ArmTestSupport.MAPPER.readTree(json), "t.json").items().get(0);
            ContentItem after = ArmTestSupport.item(dir, "back/" + f[0], YamlWriter.writeChecked(imported.yaml()));
            assertEquals(f[0], imported.sourceFile().orElseThrow());
            if (before instanceof AnalyticRule a && after instanceof AnalyticRule b) {
                assertEquals(a.query().text(), b.query().text());
                assertEquals(a.queryFrequency().map(d -> d.value()), b.queryFrequency().map(d -> d.value()));
                assertEquals(a.queryPeriod().map(d -> d.value()), b.queryPeriod().map(d -> d.value()));
                assertEquals(a.entityMappings(), b.entityMappings());
                assertEquals(a.customDetails(), b.customDetails());
                assertEquals(a.alertDetailsOverride(), b.alertDetailsOverride());
                assertEquals(a.relevantTechniques(), b.relevantTechniques());
                assertEquals(a.tactics(), b.tactics());
                assertEquals(a.requiredDataConnectors(), b.requiredDataConnectors());
                assertEquals(a.enabled().orElse(true), b.enabled().orElse(true));
                assertEquals(a.ruleKind(), b.ruleKind());
                assertEquals(a.version(), b.version());
            } else if (before instanceof HuntingQuery a && after instanceof HuntingQuery b) {
                assertEquals(a.query().text(), b.query().text());
                assertEquals(a.description(), b.description());
                assertEquals(a.descriptionDetailed(), b.descriptionDetailed());
                assertEquals(a.entityMappings(), b.entityMappings());
                assertEquals(a.relevantTechniques(), b.relevantTechniques());
                assertEquals(a.version(), b.version());
            } else {
                throw new AssertionError("kind changed for " + f[0]);
            }
        }
    }
}
