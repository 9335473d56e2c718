package dev.sentinelctl.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.check.Fixtures;
import dev.sentinelctl.content.ContentItem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every template shape build writes validates against ARM's deployment template schema. */
class ArmTemplateTest {
    @TempDir
    Path dir;

    private List<ArmTemplate.Entry> entries() {
        ContentItem rule = ArmTestSupport.item(dir, "Detections/full.yaml", ArmResourcesTest.FULL_RULE);
        String nrtText = Fixtures.RULE.replace("queryFrequency: 1h\n", "").replace("queryPeriod: 1d\n", "")
                .replace("triggerOperator: gt\n", "").replace("triggerThreshold: 0\n", "").replace("kind: Scheduled", "kind: NRT")
                .replace("0f8a2c3e-1b4d-4e6f-8a9b-0c1d2e3f4a5b", "1f8a2c3e-1b4d-4e6f-8a9b-0c1d2e3f4a5b");
        ContentItem nrt = ArmTestSupport.item(dir, "Detections/nrt.yaml", nrtText);
        ContentItem hunting = ArmTestSupport.item(dir, "Hunting Queries/q.yaml", Fixtures.HUNTING);
        return List.of(new ArmTemplate.Entry(rule, "Detections/full.yaml"), new ArmTemplate.Entry(nrt, "Detections/nrt.yaml"),
                new ArmTemplate.Entry(hunting, "Hunting Queries/q.yaml"));
    }

    @Test
    void singleItemTemplatesValidate() {
        for (ArmTemplate.Entry e : entries()) {
            for (boolean metadata : new boolean[] {false, true}) {
                ObjectNode t = new ArmTemplate(new ArmResources(ArmApiVersion.DEFAULT),
                        new ArmTemplate.Options(metadata, true, "contoso/detections")).build(List.of(e));
                ArmTestSupport.assertValidTemplate(t);
                assertEquals(metadata ? 2 : 1, t.get("resources").size());
            }
        }
    }

    @Test
    void bundleWithMetadataValidatesAndIsDeterministic() {
        ArmTemplate templates = new ArmTemplate(new ArmResources(new ArmApiVersion("2021-10-01-preview")),
                new ArmTemplate.Options(true, true, "x"));
        ObjectNode t = templates.build(entries());
        ArmTestSupport.assertValidTemplate(t);
        assertEquals(6, t.get("resources").size());
        assertEquals(ArmTemplate.toJson(t), ArmTemplate.toJson(templates.build(entries())));
    }

    @Test
    void repositoriesShape() {
        ObjectNode t = new ArmTemplate(new ArmResources(ArmApiVersion.DEFAULT), new ArmTemplate.Options(false, true, "x"))
                .build(entries());
        assertEquals(ArmTemplate.SCHEMA, t.get("$schema").asString());
        assertEquals("string", t.get("parameters").get("workspace").get("type").asString());
        // Repositories deploys a file only when every resource type is a selected content type.
        for (JsonNode r : t.get("resources")) {
            String type = r.get("type").asString();
            assertTrue(type.equals(ArmResource.ALERT_RULE_TYPE) || type.equals(ArmResource.SAVED_SEARCH_TYPE), type);
        }
        assertEquals("[concat(parameters('workspace'), '/Microsoft.SecurityInsights/0f8a2c3e-1b4d-4e6f-8a9b-0c1d2e3f4a5b')]",
                t.get("resources").get(0).get("name").asString());
        assertEquals("[concat(parameters('workspace'), '/6b478186-da3b-4d71-beaa-aa5b42908499')]",
                t.get("resources").get(2).get("name").asString());
    }

    @Test
    void stringsThatLookLikeExpressionsAreEscaped() {
        // A valid query that starts with '[' and ends with ']' reads as an ARM expression unless escaped.
        String yaml = Fixtures.HUNTING.replace("query: |\n  EmailEvents", "query: |-\n  ['EmailEvents']")
                .replace("| summarize total=count() by EmailDirection\n", "| summarize total=count() by EmailDirection\n  | extend leading = pack_array(total)[0]\n")
                .replace("description: |\n  Mail per direction and domain per day.\n", "description: '[Preview] mail]'\n");
        ContentItem item = ArmTestSupport.item(dir, "Hunting Queries/x.yaml", yaml);
        ObjectNode t = new ArmTemplate(new ArmResources(ArmApiVersion.DEFAULT), new ArmTemplate.Options(false, false, "x"))
                .build(List.of(new ArmTemplate.Entry(item, "x.yaml")));
        JsonNode p = t.get("resources").get(0).get("properties");
        assertTrue(p.get("query").asString().startsWith("[['EmailEvents']"), p.get("query").asString());
        assertEquals("[[Preview] mail]", p.get("tags").get(0).get("value").asString());
        assertFalse(t.get("metadata").has("sentinelctl"));
        ArmImporter.Result back = new ArmImporter().importDocument(ArmTestSupport.MAPPER.readTree(ArmTemplate.toJson(t)), "x.json");
        assertEquals(item.query().text(), back.items().get(0).yaml().get("query").asString());
        assertEquals("[Preview] mail]", back.items().get(0).yaml().get("description").asString());
    }
}
