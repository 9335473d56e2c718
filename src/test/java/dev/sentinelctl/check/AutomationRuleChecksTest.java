package dev.sentinelctl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.cli.CliRunner;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.ContentMapper;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.content.YamlLoader;
import dev.sentinelctl.report.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class AutomationRuleChecksTest {
    public static final String RULE = """
            id: 34424d14-230d-428b-958b-d6d48c1a1c52
            name: Mail surge
            description: d
            severity: Medium
            requiredDataConnectors:
              - connectorId: MicrosoftThreatProtection
                dataTypes: [EmailEvents]
            kind: Scheduled
            queryFrequency: 1h
            queryPeriod: 1h
            triggerOperator: gt
            triggerThreshold: 0
            tactics: [InitialAccess]
            relevantTechniques: [T1566]
            query: |
              EmailEvents
              | summarize n = count() by SenderFromAddress
            version: 1.0.0
            """;

    public static String automation(String refs, String conditions, String actions) {
        return "id: 57dca1d2-f8a2-40b2-964a-3fc3fa62e310\n"
                + "displayName: Tag\n"
                + "order: 10\n"
                + refs
                + "triggeringLogic:\n"
                + "  isEnabled: true\n"
                + "  triggersOn: Incidents\n"
                + "  triggersWhen: Created\n"
                + conditions
                + "actions:\n"
                + actions;
    }

    public static final String LABEL = "  - order: 1\n    actionType: ModifyProperties\n    actionConfiguration:\n"
            + "      labels:\n        - labelName: x\n";

    private static CliRunner.Run check(Path dir) {
        return CliRunner.run("check", dir.toString(), "--format", "text");
    }

    @Test
    void cleanRuleWithFileReferencePasses(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("Rules"));
        Files.createDirectories(dir.resolve("Automation"));
        Files.writeString(dir.resolve("Rules/Surge.yaml"), RULE);
        Files.writeString(dir.resolve("Automation/tag.yaml"), automation(
                "analyticRules:\n  - ../Rules/Surge.yaml\n  - 34424d14-230d-428b-958b-d6d48c1a1c52\n", "", LABEL));
        CliRunner.Run run = check(dir);
        assertTrue(!run.out().contains("tag.yaml:"), run.out());
        assertTrue(run.out().contains("Checked 2 files: 0 errors"), run.out());
    }

    @Test
    void missingFileAndWrongKindAreErrorsAtTheirPositions(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("Hunting Queries"));
        Files.writeString(dir.resolve("Hunting Queries/q.yaml"), """
                id: 6b478186-da3b-4d71-beaa-aa5b42908499
                name: q
                query: EmailEvents
                """);
        Files.writeString(dir.resolve("tag.yaml"), automation(
                "analyticRules:\n  - Rules/Missing.yaml\n  - 6b478186-da3b-4d71-beaa-aa5b42908499\n"
                        + "  - 00000000-0000-0000-0000-000000000001\n", "", LABEL));
        CliRunner.Run run = check(dir);
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("tag.yaml:5:5: error REF-missing 'Rules/Missing.yaml' names no content file"), run.out());
        assertTrue(run.out().contains("tag.yaml:6:5: error REF-wrong-kind '6b478186-da3b-4d71-beaa-aa5b42908499' is a hunting query"), run.out());
        assertTrue(run.out().contains("tag.yaml:7:5: info REF-not-in-content"), run.out());
    }

    @Test
    void schemaErrorsAtPositions(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tag.yaml"), automation("", "", LABEL).replace("order: 10", "order: 0")
                .replace("triggersWhen: Created", "triggersWhen: Closed"));
        CliRunner.Run run = check(dir);
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("tag.yaml:3:8: error SCHEMA-range"), run.out());
        assertTrue(run.out().contains("tag.yaml:7:17: error SCHEMA-enum"), run.out());
    }

    @Test
    void conditionAndActionShapes(@TempDir Path dir) throws Exception {
        String conditions = """
                  conditions:
                    - conditionType: PropertyArrayChanged
                      conditionProperties:
                        arrayType: Alerts
                        changeType: Added
                        operator: Equals
                    - conditionType: Boolean
                      conditionProperties:
                        operator: Or
                        innerConditions:
                          - conditionType: Property
                            conditionProperties: {propertyName: IncidentTitle, operator: Contains, propertyValues: [a]}
                          - conditionType: Property
                            conditionProperties: {propertyName: IncidentOwner, operator: Equals, propertyValues: [b]}
                """;
        String actions = """
                  - order: 1
                    actionType: RunPlaybook
                    actionConfiguration:
                      tenantId: t
                  - order: 2
                    actionType: AddIncidentTask
                    actionConfiguration:
                      description: no title
                """;
        Files.writeString(dir.resolve("tag.yaml"), automation("", conditions, actions));
        CliRunner.Run run = check(dir);
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("tag.yaml:13:9: error AUTO-condition 'operator' does not apply to a PropertyArrayChanged condition"), run.out());
        assertTrue(run.out().contains("tag.yaml:21:49: error AUTO-condition IncidentOwner is only watched by PropertyChanged"), run.out());
        assertTrue(run.out().contains("tag.yaml:25:5: error AUTO-action a RunPlaybook action needs the playbook it runs"), run.out());
        assertTrue(run.out().contains("tag.yaml:29:5: error AUTO-action an AddIncidentTask action needs 'title'"), run.out());
    }

    @Test
    void aPlaybookReferenceMustNameAContentPlaybookOrALogicAppId(@TempDir Path dir) throws Exception {
        dev.sentinelctl.content.playbook.PlaybookFixtures.write(dir, "Playbooks/Block-AADUser/azuredeploy.json",
                dev.sentinelctl.content.playbook.PlaybookFixtures.TEMPLATE);
        dev.sentinelctl.content.playbook.PlaybookFixtures.write(dir, "Playbooks/Block-AADUser/azuredeploy.parameters.json",
                dev.sentinelctl.content.playbook.PlaybookFixtures.parameters("soc@contoso.com"));
        String run = "  - order: %d\n    actionType: RunPlaybook\n    actionConfiguration:\n      playbook: %s\n";
        Files.writeString(dir.resolve("tag.yaml"), automation("", "", run.formatted(1, "Block-AADUser")
                + run.formatted(2, "Playbooks/Block-AADUser/azuredeploy.json")
                + run.formatted(3, "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Logic/workflows/other")
                + run.formatted(4, "notify-soc")
                + run.formatted(5, "Playbooks/Missing/azuredeploy.json")));
        CliRunner.Run check = check(dir);
        assertEquals(1, check.exit(), check.out());
        assertTrue(check.out().contains("tag.yaml:24:17: error REF-playbook 'notify-soc' names no playbook of the content"),
                check.out());
        assertTrue(check.out().contains("tag.yaml:28:17: error REF-playbook 'Playbooks/Missing/azuredeploy.json' names no "
                + "playbook file"), check.out());
        assertEquals(2, check.out().lines().filter(l -> l.contains("REF-playbook")).count(), check.out());
    }

    @Test
    void pastExpirationIsAWarningFutureIsNothing(@TempDir Path dir) throws Exception {
        String text = automation("", "  expirationTimeUtc: 2026-06-01T00:00:00Z\n", LABEL);
        Path file = dir.resolve("tag.yaml");
        Files.writeString(file, text);
        YamlDocument doc = new YamlLoader().load(file, "tag.yaml").document().orElseThrow();
        ItemContext item = new ItemContext(new ContentMapper().map(doc, ContentKind.AUTOMATION_RULE));
        List<Diagnostic> after = new AutomationRuleChecks(Clock.fixed(Instant.parse("2026-12-06T00:00:00Z"), ZoneOffset.UTC)).check(item);
        assertEquals(1, after.size(), after.toString());
        assertEquals("AUTO-expired", after.get(0).ruleId());
        assertEquals(8, after.get(0).line());
        List<Diagnostic> before = new AutomationRuleChecks(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).check(item);
        assertEquals(List.of(), before);
    }
}
