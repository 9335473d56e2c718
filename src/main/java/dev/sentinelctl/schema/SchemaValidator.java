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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates content trees against the JSON Schemas in {@code schemas/} (draft 2020-12, networknt) and turns
 * each error into a {@link Diagnostic} at the YAML line and column of the offending node. Thread-safe: the
 * compiled schemas are immutable and shared by all files of a run.
 */
public final class SchemaValidator {
    public static final String BASE = "https://sentinelctl.dev/schemas/";
    /** The shared definitions, then one schema per content kind (a new kind brings its file, not a line here). */
    private static final String[] FILES = java.util.stream.Stream.concat(java.util.stream.Stream.of("common"),
            java.util.Arrays.stream(ContentKind.values()).map(ContentKind::schemaName)).toArray(String[]::new);

    /** What compiling the schema files yields; immutable, shared by all files of a run. */
    private record Compiled(Map<ContentKind, Schema> schemas, ErrorTranslator translator, EntityRules entityRules) {}

    private final CompletableFuture<Compiled> compiled = new CompletableFuture<>();

    /**
     * Starts compiling the schemas on a thread of its own and returns at once: compiling takes ~150 ms cold, time a
     * run spends finding and reading its files meanwhile. The first validation waits for it.
     */
    public SchemaValidator() {
        Thread compiler = new Thread(() -> {
            try {
                compiled.complete(compile());
            } catch (Throwable e) {
                compiled.completeExceptionally(e);
            }
        }, "sentinelctl-schema-compiler");
        compiler.setDaemon(true);
        compiler.start();
    }

    private static Compiled compile() {
        JsonMapper mapper = JsonMapper.builder().build();
        Map<String, String> texts = new HashMap<>();
        Map<String, JsonNode> schemaTrees = new HashMap<>();
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
        EntityRules entityRules = EntityRules.fromSchema(entityItems == null ? mapper.createObjectNode() : entityItems);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(texts));
        Map<ContentKind, Schema> schemas = new EnumMap<>(ContentKind.class);
        for (ContentKind kind : ContentKind.values()) {
            Schema schema = registry.getSchema(SchemaLocation.of(BASE + kind.schemaName() + ".schema.json"));
            schema.initializeValidators();
            schemas.put(kind, schema);
        }
        return new Compiled(schemas, new ErrorTranslator(schemaTrees), entityRules);
    }

    private Compiled compiled() {
        try {
            return compiled.join();
        } catch (CompletionException e) {
            // The schemas are part of the jar: failing to compile them is our defect; keep its own type and message.
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof java.lang.Error err) throw err;
            throw e;
        }
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
        Compiled c = compiled();
        List<Error> errors = c.schemas().get(kind).validate(doc.root());
        List<Diagnostic> out = new ArrayList<>();
        for (Error error : ErrorTranslator.withoutNoise(errors)) {
            ErrorTranslator.Translation t = c.translator().translate(error, doc, kind);
            Span span = doc.spanOf(t.pointer(), t.atKey());
            out.add(new Diagnostic(t.ruleId(), t.severity(), doc.source().displayPath(), span.line(), span.column(),
                    span.endLine(), span.endColumn(), t.message(), t.hint()));
        }
        return out;
    }

    /** The entity identifier rules read from the same schema files. */
    public EntityRules entityRules() {
        return compiled().entityRules();
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
