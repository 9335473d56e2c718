package dev.sentinelctl.content.playbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small Azure-Sentinel-style playbook (incident trigger on the azuresentinel connection) and its parameter files. */
public final class PlaybookFixtures {
    private PlaybookFixtures() {
    }

    public static final String TEMPLATE = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "metadata": {"title": "Block Entra ID user"},
              "parameters": {
                "PlaybookName": {"defaultValue": "Block-AADUser", "type": "string"},
                "NotificationEmail": {"type": "string"},
                "workspace": {"type": "string"}
              },
              "variables": {
                "AzureSentinelConnectionName": "[concat('azuresentinel-', parameters('PlaybookName'))]"
              },
              "resources": [
                {
                  "type": "Microsoft.Web/connections",
                  "apiVersion": "2016-06-01",
                  "name": "[variables('AzureSentinelConnectionName')]",
                  "location": "[resourceGroup().location]",
                  "properties": {"api": {"id": "[concat('/subscriptions/', subscription().subscriptionId, '/providers/Microsoft.Web/locations/', resourceGroup().location, '/managedApis/azuresentinel')]"}}
                },
                {
                  "type": "Microsoft.Logic/workflows",
                  "apiVersion": "2017-07-01",
                  "name": "[parameters('PlaybookName')]",
                  "location": "[resourceGroup().location]",
                  "identity": {"type": "SystemAssigned"},
                  "dependsOn": [
                    "[resourceId('Microsoft.Web/connections', variables('AzureSentinelConnectionName'))]"
                  ],
                  "properties": {
                    "state": "Enabled",
                    "definition": {"triggers": {}, "actions": {}},
                    "parameters": {
                      "$connections": {"value": {
                        "azuresentinel": {"connectionId": "[resourceId('Microsoft.Web/connections', variables('AzureSentinelConnectionName'))]"},
                        "office365": {"connectionId": "[resourceId('Microsoft.Web/connections', 'office365-shared')]"}
                      }}
                    }
                  }
                }
              ]
            }
            """;

    public static String parameters(String email) {
        return """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                  "contentVersion": "1.0.0.0",
                  "parameters": {
                    "NotificationEmail": {"value": "%s"}
                  }
                }
                """.formatted(email);
    }

    public static Path write(Path root, String relative, String text) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }
}
