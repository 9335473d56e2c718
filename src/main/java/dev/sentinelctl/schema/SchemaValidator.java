package dev.sentinelctl.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.Span;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates content trees against the JSON Schemas in {@code schemas/} (draft 2020-12, networknt) and turns
 * each error into a {@link Diagnostic} at the YAML line and column of the offending node. Thread-safe: the
 * compiled schemas are immutable and shared by all files of a run.
 */
public final class SchemaValidator {
    public static final String BASE = "https://sentinelctl.dev/schemas/";
    private static final String[] FILES = {"common", "analytic-rule", "hunting-query"};

    private final Map<ContentKind, Schema> schemas = new EnumMap<>(ContentKind.class);
    private final Map<String, JsonNode> schemaTrees = new HashMap<>();
    private final ErrorTranslator translator;
    private final EntityRules entityRules;

    public SchemaValidator() {
        JsonMapper mapper = JsonMapper.builder().build();
        Map<String, String> texts = new HashMap<>();
        JsonNode entityItems = null;
        for (String name : FILES) {
            String text = resource("/schemas/" + name + ".schema.json");
            JsonNode tree = mapper.readTree(text);
            schemaTrees.put(BASE + name + ".schema.json", tree.deepCopy());
            JsonNode items = tree.at("/$defs/entityMappings/items");
            if (items instanceof tools.jackson.databind.node.ObjectNode obj && obj.has("allOf")) {
                // The per-entity-type rules run in EntityRules (same data, much faster); see its comment.
                entityItems = obj.deepCopy();
                obj.remove("allOf");
                text = mapper.writeValueAsString(tree);
            }
            texts.put(BASE + name + ".schema.json", text);
        }
        this.entityRules = EntityRules.fromSchema(entityItems == null ? mapper.createObjectNode() : entityItems);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(texts));
        for (ContentKind kind : ContentKind.values()) {
            Schema schema = registry.getSchema(SchemaLocation.of(BASE + kind.schemaName() + ".schema.json"));
            schema.initializeValidators();
            schemas.put(kind, schema);
        }
        this.translator = new ErrorTranslator(schemaTrees);
    }

    private static String resource(String path) {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("schema resource missing from the jar: " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Diagnostic> validate(YamlDocument doc, ContentKind kind) {
        List<Error> errors = schemas.get(kind).validate(doc.root());
        List<Diagnostic> out = new ArrayList<>();
        for (Error error : ErrorTranslator.withoutNoise(errors)) {
            ErrorTranslator.Translation t = translator.translate(error, doc, kind);
            Span span = doc.spanOf(t.pointer(), t.atKey());
            out.add(new Diagnostic(t.ruleId(), t.severity(), doc.source().displayPath(), span.line(), span.column(),
                    span.endLine(), span.endColumn(), t.message(), t.hint()));
        }
        return out;
    }

    /** The entity identifier rules read from the same schema files. */
    public EntityRules entityRules() {
        return entityRules;
    }

    /** JSON pointer of an instance location such as {@code $.entityMappings[0].entityType}. */
    static String pointer(NodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            sb.append('/').append(String.valueOf(element).replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

    static Severity severityFor(String keyword) {
        return keyword.equals("additionalProperties") ? Severity.WARNING : Severity.ERROR;
    }
}
