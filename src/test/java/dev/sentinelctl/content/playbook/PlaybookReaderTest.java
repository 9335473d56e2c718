package dev.sentinelctl.content.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.report.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookReaderTest {
    @TempDir
    Path dir;

    @Test
    void listsResourceTypesParametersAndConnections() throws Exception {
        Path f = PlaybookFixtures.write(dir, "Playbooks/Block-AADUser/azuredeploy.json", PlaybookFixtures.TEMPLATE);
        PlaybookReader.Result r = new PlaybookReader().read(f, "Playbooks/Block-AADUser/azuredeploy.json");
        assertEquals(List.of(), r.diagnostics());
        PlaybookTemplate t = r.template().orElseThrow();
        assertEquals(List.of("Microsoft.Web/connections", "Microsoft.Logic/workflows"), t.resourceTypes());
        assertEquals(List.of("NotificationEmail", "workspace"),
                t.parameters().stream().filter(PlaybookTemplate.TemplateParameter::required).map(PlaybookTemplate.TemplateParameter::name).toList());
        assertEquals("Block Entra ID user", t.displayName());
        // the template's own azuresentinel connection, and office365-shared which must exist before the deployment
        assertEquals(2, t.connections().size());
        assertTrue(t.connections().get(0).inTemplate());
        assertEquals("office365-shared", t.connections().get(1).connection());
        assertFalse(t.connections().get(1).inTemplate());
    }

    @Test
    void aWorkflowUsingItsTemplatesConnectionWithoutDependsOnIsAWarningAtTheConnectionId() throws Exception {
        String noDependsOn = PlaybookFixtures.TEMPLATE.replace("""
                      "dependsOn": [
                        "[resourceId('Microsoft.Web/connections', variables('AzureSentinelConnectionName'))]"
                      ],
                """, "");
        assertTrue(!noDependsOn.equals(PlaybookFixtures.TEMPLATE), "the fixture lost its dependsOn");
        Path f = PlaybookFixtures.write(dir, "p/azuredeploy.json", noDependsOn);
        PlaybookReader.Result r = new PlaybookReader().read(f, "p/azuredeploy.json");
        assertTrue(r.template().isPresent(), "a warning does not stop the template");
        assertEquals(List.of("PLAYBOOK-connection-order WARNING p/azuredeploy.json:32"), r.diagnostics().stream()
                .map(d -> d.ruleId() + " " + d.severity() + " " + d.file() + ":" + d.line()).toList());
        assertTrue(r.diagnostics().get(0).message().contains("uses API connection variables('AzureSentinelConnectionName'), "
                + "which this template creates, without a dependsOn"), r.diagnostics().get(0).message());
        // office365-shared is not the template's own: no ordering inside the deployment can help it
    }

    @Test
    void contentIdIsStableAcrossMovesAndFormatting() throws Exception {
        Path a = PlaybookFixtures.write(dir, "a/azuredeploy.json", PlaybookFixtures.TEMPLATE);
        Path b = PlaybookFixtures.write(dir, "moved/x.json", PlaybookFixtures.TEMPLATE.replace("\n", "\n  "));
        String ida = new PlaybookReader().read(a, "a/azuredeploy.json").template().orElseThrow().contentId();
        String idb = new PlaybookReader().read(b, "moved/x.json").template().orElseThrow().contentId();
        assertEquals(ida, idb);
    }

    @Test
    void notATemplateIsAnErrorAtItsPosition() throws Exception {
        Path f = PlaybookFixtures.write(dir, "p.json", """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                  "resources": [
                    {"name": "x"}
                  ]
                }
                """);
        List<Diagnostic> d = new PlaybookReader().read(f, "p.json").diagnostics();
        assertEquals(List.of("PLAYBOOK-not-a-template p.json:2:3", "PLAYBOOK-resource-type p.json:4:5",
                "PLAYBOOK-no-workflow p.json:3:3"), d.stream().map(x -> x.ruleId() + " " + x.file() + ":" + x.line() + ":" + x.column()).toList());
    }

    @Test
    void brokenJsonIsADiagnosticNotAnException() throws Exception {
        Path f = PlaybookFixtures.write(dir, "p.json", "{\"resources\": [\n");
        PlaybookReader.Result r = new PlaybookReader().read(f, "p.json");
        assertTrue(r.template().isEmpty());
        assertFalse(r.diagnostics().isEmpty());
        assertTrue(r.diagnostics().get(0).line() >= 1);
    }
}
