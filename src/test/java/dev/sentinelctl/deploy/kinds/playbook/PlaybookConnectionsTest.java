package dev.sentinelctl.deploy.kinds.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.content.ContentIndex;
import dev.sentinelctl.content.Playbook;
import dev.sentinelctl.content.playbook.PlaybookFiles;
import dev.sentinelctl.content.playbook.PlaybookFixtures;
import dev.sentinelctl.deploy.azure.CredentialKind;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.deploy.kinds.Edge;
import dev.sentinelctl.deploy.kinds.Placement;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A playbook's API connections and custom connectors: those its template creates are part of its deployment (listed,
 * no edge); one it only uses comes from another content template (an edge to that deployment) or must exist.
 */
public class PlaybookConnectionsTest {
    static final WorkspaceConfig WS = new WorkspaceConfig("prod", "t", "sub", "rg", "ws", CredentialKind.parse("environment"),
            List.of(), List.of(), List.of(), Map.of());

    /** A template with only the shared Office 365 connection the Block-AADUser fixture uses without creating it. */
    public static final String CONNECTIONS = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "metadata": {"title": "Shared connections"},
              "parameters": {"Office365ConnectionName": {"type": "string", "defaultValue": "office365-shared"}},
              "resources": [
                {
                  "type": "Microsoft.Web/connections",
                  "apiVersion": "2016-06-01",
                  "name": "[parameters('Office365ConnectionName')]",
                  "location": "[resourceGroup().location]",
                  "properties": {"api": {"id": "[resourceId('Microsoft.Web/customApis', 'contoso-mail')]"}}
                }
              ]
            }
            """;

    /** A custom connector template. */
    public static final String CONNECTOR = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "metadata": {"title": "Contoso mail connector"},
              "resources": [
                {"type": "Microsoft.Web/customApis", "apiVersion": "2016-06-01", "name": "contoso-mail",
                 "location": "[resourceGroup().location]", "properties": {}}
              ]
            }
            """;

    @TempDir
    Path dir;

    Playbook load(String folder, String template) throws Exception {
        Path file = PlaybookFixtures.write(dir, "content/Playbooks/" + folder + "/azuredeploy.json", template);
        if (template.equals(PlaybookFixtures.TEMPLATE)) {
            PlaybookFixtures.write(dir, "content/Playbooks/" + folder + "/azuredeploy.parameters.json",
                    PlaybookFixtures.parameters("soc@contoso.com"));
        }
        return PlaybookFiles.load(file, "content/Playbooks/" + folder + "/azuredeploy.json").playbook().orElseThrow();
    }

    @Test
    void aConnectionAnotherContentTemplateCreatesIsAnEdgeToItsDeploymentAndTheOwnOneIsPartOfTheDeployment() throws Exception {
        Playbook block = load("Block-AADUser", PlaybookFixtures.TEMPLATE);
        Playbook shared = load("Connections", CONNECTIONS);
        Placement placement = new Placement(WS, ContentIndex.of(List.of(block, shared)));

        List<Edge> edges = PlaybookKind.INSTANCE.dependencies(block, placement);
        assertEquals(1, edges.size(), edges.toString());
        assertEquals("playbook", edges.get(0).kindId());
        assertEquals(PlaybookKind.deploymentName(shared.id(), WS), edges.get(0).name());
        assertTrue(edges.get(0).why().startsWith("uses API connection office365-shared that playbook "
                + "content/Playbooks/Connections/azuredeploy.json creates, at content/Playbooks/Block-AADUser/azuredeploy.json:"),
                edges.get(0).why());

        assertEquals(List.of("API connection azuresentinel-Block-AADUser (deployed with it), API connection "
                + "office365-shared (from playbook content/Playbooks/Connections/azuredeploy.json, deployed before it)"),
                PlaybookKind.INSTANCE.planNotes(block, placement));
    }

    @Test
    void aConnectionNoContentTemplateCreatesMustExistAndIsNoEdge() throws Exception {
        Playbook block = load("Block-AADUser", PlaybookFixtures.TEMPLATE);
        Placement placement = new Placement(WS, ContentIndex.of(List.of(block)));
        assertEquals(List.of(), PlaybookKind.INSTANCE.dependencies(block, placement));
        assertEquals(List.of("API connection azuresentinel-Block-AADUser (deployed with it), API connection "
                + "office365-shared (not in the content: must exist in resource group rg)"),
                PlaybookKind.INSTANCE.planNotes(block, placement));
    }

    @Test
    void aConnectionBuiltOnACustomConnectorOfTheContentDependsOnIt() throws Exception {
        Playbook shared = load("Connections", CONNECTIONS);
        Playbook connector = load("ContosoMailConnector", CONNECTOR);
        Placement placement = new Placement(WS, ContentIndex.of(List.of(shared, connector)));
        assertEquals(List.of(PlaybookKind.deploymentName(connector.id(), WS)),
                PlaybookKind.INSTANCE.dependencies(shared, placement).stream().map(Edge::name).toList());
        assertEquals(List.of("API connection office365-shared (deployed with it), custom connector contoso-mail (from "
                + "playbook content/Playbooks/ContosoMailConnector/azuredeploy.json, deployed before it)"),
                PlaybookKind.INSTANCE.planNotes(shared, placement));
    }

    static String workflowTemplate(String name, String actions) {
        return """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "parameters": {"PlaybookName": {"type": "string", "defaultValue": "%s"},
                                 "ChildName": {"type": "string", "defaultValue": "Enrich-IP"}},
                  "resources": [
                    {"type": "Microsoft.Logic/workflows", "apiVersion": "2017-07-01", "name": "[parameters('PlaybookName')]",
                     "location": "[resourceGroup().location]",
                     "properties": {"definition": {"triggers": {}, "actions": %s}}}
                  ]
                }
                """.formatted(name, actions);
    }

    @Test
    void aLogicAppAWorkflowCallsThatAnotherContentTemplateCreatesIsAnEdge() throws Exception {
        Playbook child = load("Enrich-IP", workflowTemplate("Enrich-IP", "{}"));
        Playbook parent = load("Triage", workflowTemplate("Triage", """
                {"Enrich": {"type": "Workflow", "inputs": {"host": {"workflow": {
                  "id": "[resourceId('Microsoft.Logic/workflows', parameters('ChildName'))]"}, "triggerName": "manual"}}},
                 "Self": {"type": "Workflow", "inputs": {"host": {"workflow": {
                  "id": "[resourceId('Microsoft.Logic/workflows', parameters('PlaybookName'))]"}}}},
                 "Elsewhere": {"type": "Workflow", "inputs": {"host": {"workflow": {
                  "id": "[resourceId('Microsoft.Logic/workflows', 'Not-In-Content')]"}}}}}"""));
        Placement placement = new Placement(WS, ContentIndex.of(List.of(child, parent)));
        assertEquals(List.of(PlaybookKind.deploymentName(child.id(), WS)),
                PlaybookKind.INSTANCE.dependencies(parent, placement).stream().map(Edge::name).toList());
        assertEquals(List.of("Logic App Enrich-IP (from playbook content/Playbooks/Enrich-IP/azuredeploy.json, deployed "
                + "before it), Logic App Not-In-Content (not in the content: must exist in resource group rg)"),
                PlaybookKind.INSTANCE.planNotes(parent, placement));
        assertEquals(List.of(), PlaybookKind.INSTANCE.dependencies(child, placement));
    }
}
