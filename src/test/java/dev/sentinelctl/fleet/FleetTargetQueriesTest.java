package dev.sentinelctl.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.ContentMapper;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.content.YamlLoader;
import dev.sentinelctl.kql.semantic.Catalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped example rule with a fleet: every workspace gets its own exclusions, and a bad value fails the plan. */
class FleetTargetQueriesTest {
    static final String FLEET = """
            fleet:
              defaults:
                credential: lighthouse
                resourceGroup: rg-sentinel
                exclusions:
                  excludedSenders: [root@localhost]
                  excludedSubjects: ["Backup Job Status", "Daily Report"]
              credentials:
                lighthouse: {type: azure-cli, tenant: 00000000-0000-0000-0000-00000000aaaa, lighthouse: true}
              groups:
                contoso:
                  tenant: 11111111-1111-1111-1111-111111111111
                  subscription: 33333333-3333-3333-3333-333333333333
                  exclusions:
                    excludedSenders: {append: ["splunk-reports@contoso.example", "o'brien\\"; EmailEvents | take 0 //@contoso.example"]}
                    excludedSenderDomains: [veeam.com, commvault.com]
                    intraOrgDomains: [contoso.example]
                fabrikam:
                  tenant: 22222222-2222-2222-2222-222222222222
                  subscription: 44444444-4444-4444-4444-444444444444
                  exclusions:
                    excludedSenders: {watchlist: SiemSenders}
                    excludedSenderDomains: {watchlist: BenignDomains}
                    excludedSubjet: [typo]
              rings:
                - name: canary
                  workspaces: [{name: law-contoso, group: contoso}]
                - name: broad
                  workspaces: [{name: law-fabrikam, group: fabrikam}]
            """;

    static ContentItem exampleRule() {
        Path file = Path.of("content/Detections/EmailEvents/MailSurgeFromOneSender.yaml");
        YamlDocument doc = new YamlLoader().load(file, file.toString()).document().orElseThrow();
        return new ContentMapper().map(doc, ContentKind.ANALYTIC_RULE);
    }

    @Test
    void eachWorkspaceGetsItsOwnExclusions() {
        FleetConfig fleet = new FleetLoader().read(FLEET, "fleet.yaml");
        ContentItem rule = exampleRule();
        TargetQueries queries = new TargetQueries(new ExclusionCompiler(Catalog.builtIn()));
        CompiledQuery contoso = queries.queryFor(rule, fleet.targets().get(0));
        assertEquals(List.of("excludedSenders", "excludedSenderDomains", "excludedSubjects", "intraOrgDomains"), contoso.applied());
        assertEquals(List.of("root@localhost", "splunk-reports@contoso.example", "o'brien\"; EmailEvents | take 0 //@contoso.example"),
                ExclusionCompilerTest.letValues(contoso.text(), "__sentinelctl_excludedSenders"));
        ExclusionCompilerTest.assertStructure(rule.query().text(), contoso.text(), 4);

        List<TargetQueries.Failure> failures = queries.compileAll(fleet.targets(), List.of(rule));
        assertEquals(1, failures.size(), failures.toString());
        assertEquals("law-fabrikam", failures.get(0).target().workspace());
        assertTrue(failures.get(0).message().contains("endswith, which KQL cannot apply to a watchlist"), failures.get(0).message());
        assertEquals(Set.of("excludedSubjet"), TargetQueries.undeclaredNames(fleet.targets(), List.of(rule)));
        assertEquals("Detections/EmailEvents/MailSurgeFromOneSender.yaml", TargetQueries.relative(rule));
    }
}
