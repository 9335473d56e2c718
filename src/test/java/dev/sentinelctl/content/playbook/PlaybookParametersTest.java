package dev.sentinelctl.content.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookParametersTest {
    private static final String WS = "8b2e6a6f-0000-4000-8000-000000000001";
    private static final String REL = "Playbooks/Block-AADUser/azuredeploy.json";
    @TempDir
    Path dir;
    private PlaybookTemplate template;

    @BeforeEach
    void template() throws Exception {
        Path f = PlaybookFixtures.write(dir, REL, PlaybookFixtures.TEMPLATE);
        template = new PlaybookReader().read(f, REL).template().orElseThrow();
    }

    private PlaybookParameters.Resolved resolve(Map<String, Map<String, String>> mappings) {
        return new PlaybookParameters().resolve(template, new ParameterFiles(dir, mappings), REL, WS, "soc-prod");
    }

    @Test
    void defaultFileAndWorkspaceInjected() throws Exception {
        PlaybookFixtures.write(dir, "Playbooks/Block-AADUser/azuredeploy.parameters.json", PlaybookFixtures.parameters("default@x"));
        PlaybookParameters.Resolved r = resolve(Map.of());
        assertEquals(List.of(), r.diagnostics());
        assertEquals(ParameterFiles.Rule.DEFAULT, r.source().rule());
        assertEquals("default@x", r.parameters().path("NotificationEmail").path("value").asString());
        assertEquals("soc-prod", r.parameters().path("workspace").path("value").asString());
    }

    @Test
    void workspaceSpecificFileWinsOverDefault() throws Exception {
        PlaybookFixtures.write(dir, "Playbooks/Block-AADUser/azuredeploy.parameters.json", PlaybookFixtures.parameters("default@x"));
        PlaybookFixtures.write(dir, "Playbooks/Block-AADUser/azuredeploy.parameters-" + WS + ".json", PlaybookFixtures.parameters("ws@x"));
        PlaybookParameters.Resolved r = resolve(Map.of());
        assertEquals(ParameterFiles.Rule.WORKSPACE, r.source().rule());
        assertEquals("ws@x", r.parameters().path("NotificationEmail").path("value").asString());
    }

    @Test
    void mappedFileWinsOverBoth() throws Exception {
        PlaybookFixtures.write(dir, "Playbooks/Block-AADUser/azuredeploy.parameters-" + WS + ".json", PlaybookFixtures.parameters("ws@x"));
        PlaybookFixtures.write(dir, "params/prod.json", PlaybookFixtures.parameters("mapped@x"));
        PlaybookParameters.Resolved r = resolve(Map.of(WS.toUpperCase(), Map.of("playbooks/block-aaduser/AZUREDEPLOY.json", "params/prod.json")));
        assertEquals(ParameterFiles.Rule.MAPPED, r.source().rule());
        assertEquals("mapped@x", r.parameters().path("NotificationEmail").path("value").asString());
    }

    @Test
    void aMappingToAMissingFileIsAnErrorNotAFallback() throws Exception {
        PlaybookFixtures.write(dir, "Playbooks/Block-AADUser/azuredeploy.parameters.json", PlaybookFixtures.parameters("default@x"));
        PlaybookParameters.Resolved r = resolve(Map.of(WS, Map.of(REL, "params/gone.json")));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.ruleId().equals("PLAYBOOK-parameter-file")
                && d.message().contains("params/gone.json")), r.diagnostics().toString());
    }

    @Test
    void requiredParameterWithoutValueIsAnErrorAtTheTemplateParameter() {
        PlaybookParameters.Resolved r = resolve(Map.of());
        assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
        var d = r.diagnostics().get(0);
        assertEquals("PLAYBOOK-parameter-missing", d.ruleId());
        assertEquals(REL + ":7:5", d.file() + ":" + d.line() + ":" + d.column());
        assertTrue(d.fixHint().contains("azuredeploy.parameters.json"), d.fixHint());
    }

    @Test
    void undeclaredParameterInTheFileIsAnErrorAtItsKey() throws Exception {
        PlaybookFixtures.write(dir, "Playbooks/Block-AADUser/azuredeploy.parameters.json", """
                {
                  "parameters": {
                    "NotificationEmail": {"value": "a@b"},
                    "Typo": {"value": 1}
                  }
                }
                """);
        var d = resolve(Map.of()).diagnostics();
        assertEquals(List.of("PLAYBOOK-parameter-unknown 4:5"), d.stream().map(x -> x.ruleId() + " " + x.line() + ":" + x.column()).toList());
    }
}
