package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** build over a tree with a built-in alert rule and a workbook: the rule is templated and imports back, the workbook is named. */
class BuildOtherKindsTest {
    @TempDir
    Path dir;

    @Test
    void builtInRulesBuildAndImportBackWorkbooksAreLeftToApply() throws Exception {
        Path c = dir.resolve("content");
        DeployFixture.write(c.resolve("Analytic Rules/Fusion.yaml"), """
                id: 3b1c1a4e-3a4f-4a70-9a53-6f6b6e1d0a02
                kind: Fusion
                alertRuleTemplateName: f71aba3d-28fb-450b-b192-4e76a83015c8
                enabled: true
                """);
        DeployWorkbooksTest.workbook(c, "SignIns", DeployWorkbooksTest.WB1, "Sign-ins");
        Path arm = dir.resolve("arm");
        CliRunner.Run build = CliRunner.run("build", c.toString(), "--out", arm.toString());
        assertEquals(0, build.exit(), build.out() + build.err());
        assertTrue(build.err().contains("Built 1 template"), build.err());
        assertTrue(build.err().contains("1 workbook not built"), build.err());
        String template = Files.readString(arm.resolve("Analytic Rules/Fusion.json"));
        assertTrue(template.contains("\"kind\" : \"Fusion\"") || template.contains("\"kind\": \"Fusion\""), template);
        Path back = dir.resolve("back");
        CliRunner.Run imp = CliRunner.run("import", arm.toString(), "--out", back.toString());
        assertEquals(0, imp.exit(), imp.out() + imp.err());
        String yaml = Files.readString(back.resolve("Analytic Rules/Fusion.yaml"));
        assertTrue(yaml.contains("alertRuleTemplateName: f71aba3d-28fb-450b-b192-4e76a83015c8"), yaml);
    }

    @Test
    void azureSentinelGalleryWorkbooksImportWithTheirMetadata() throws Exception {
        Path in = dir.resolve("Workbooks");
        DeployFixture.write(in.resolve("ADXvsLA.json"), "{\"version\": \"Notebook/1.0\", \"items\": [], \"fromTemplateId\": \"sentinel-ADXvsLA\"}");
        DeployFixture.write(in.resolve("WorkbooksMetadata.json"), """
                [{"workbookKey": "ADXvsLAWorkbook", "title": "ADX vs LA", "description": "Compare.", "version": "1.0.0",
                  "templateRelativePath": "ADXvsLA.json", "provider": "Microsoft"}]
                """);
        Path out = dir.resolve("out");
        CliRunner.Run imp = CliRunner.run("import", in.toString(), "--out", out.toString());
        String yaml = Files.readString(out.resolve("ADXvsLA.yaml"));
        assertTrue(yaml.contains("displayName: ADX vs LA"), yaml);
        assertTrue(yaml.contains("version: 1.0.0"), yaml);
        assertTrue(Files.readString(out.resolve("ADXvsLA.json")).contains("sentinel-ADXvsLA"));
        assertTrue((imp.out() + imp.err()).contains("add location"), imp.out() + imp.err());
        Files.writeString(out.resolve("ADXvsLA.yaml"), yaml + "location: westeurope\n");
        CliRunner.Run check = CliRunner.run("check", out.toString());
        assertEquals(0, check.exit(), check.out() + check.err());
    }
}
