package dev.sentinelctl.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.sentinelctl.check.Fixtures;
import dev.sentinelctl.check.FileResult;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentScanner.ContentFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Helpers for the arm tests: content items from YAML text, and ARM's deployment template schema. */
final class ArmTestSupport {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String ARM_SCHEMA_ID = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json";
    private static Schema armSchema;

    private ArmTestSupport() {}

    /** A checked item from YAML text; fails the test if validate finds errors. */
    static ContentItem item(Path dir, String name, String yaml) {
        Path file = Fixtures.write(dir, name, yaml);
        FileResult r = Fixtures.checker(false).check(new ContentFile(file, name));
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.severity() == dev.sentinelctl.report.Severity.ERROR),
                () -> "fixture not valid: " + r.diagnostics());
        return r.item().orElseThrow();
    }

    /**
     * ARM's deployment template schema (draft-04, from Azure-Sentinel's .script/utils/schemas). It refers
     * only to its own definitions and to the draft-04 meta-schema, which networknt bundles: no network.
     */
    static synchronized Schema armSchema() {
        if (armSchema == null) {
            String text = resource("/arm/ARM_DeploymentTemplateSchema.json");
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                    builder -> builder.schemas(Map.of(ARM_SCHEMA_ID, text, ARM_SCHEMA_ID + "#", text)));
            armSchema = registry.getSchema(SchemaLocation.of(ARM_SCHEMA_ID));
            armSchema.initializeValidators();
        }
        return armSchema;
    }

    static void assertValidTemplate(JsonNode template) {
        List<Error> errors = armSchema().validate(MAPPER.readTree(ArmTemplate.toJson(template)));
        assertEquals(List.of(), errors, () -> "template does not validate against ARM's schema:\n" + ArmTemplate.toJson(template));
    }

    static String resource(String path) {
        try (InputStream in = ArmTestSupport.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
