package dev.sentinelctl.config;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.sentinelctl.content.Span;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.content.YamlLoader;
import dev.sentinelctl.fmt.FmtOptions;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Finds and reads {@code .sentinelctl.yaml}: in the content folder or the nearest parent up to the
 * repository root. A bad file is a usage error whose diagnostics name the line and column.
 */
public final class ConfigLoader {
    public static final String FILE_NAME = ".sentinelctl.yaml";
    private static final String ID = "https://sentinelctl.dev/schemas/sentinelctl-config.schema.json";

    /** The config could not be used; the diagnostics say where and why. */
    public static final class ConfigException extends RuntimeException {
        private final List<Diagnostic> diagnostics;

        public ConfigException(List<Diagnostic> diagnostics) {
            super(diagnostics.isEmpty() ? "invalid configuration" : format(diagnostics.get(0)));
            this.diagnostics = List.copyOf(diagnostics);
        }

        public List<Diagnostic> diagnostics() {
            return diagnostics;
        }

        private static String format(Diagnostic d) {
            return d.file() + ":" + d.line() + ":" + d.column() + ": " + d.message() + (d.fixHint().isEmpty() ? "" : " (" + d.fixHint() + ")");
        }
    }

    /** The config for content under {@code root}: explicit file, else the nearest {@value #FILE_NAME}. */
    public ProjectConfig load(Optional<Path> explicit, Path root) {
        Optional<Path> file = explicit.isPresent() ? explicit : find(root);
        if (file.isEmpty()) return ProjectConfig.NONE;
        return read(file.get());
    }

    static Optional<Path> find(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) dir = dir.getParent();
        while (dir != null) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) return Optional.of(candidate);
            if (Files.exists(dir.resolve(".git"))) break;
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    public ProjectConfig read(Path file) {
        String display = file.toString().replace('\\', '/');
        YamlLoader.Result loaded = new YamlLoader().load(file, display);
        List<Diagnostic> problems = new ArrayList<>(loaded.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList());
        if (loaded.document().isEmpty()) {
            if (problems.isEmpty()) return ProjectConfig.NONE;
            throw new ConfigException(problems);
        }
        YamlDocument doc = loaded.document().get();
        if (doc.root().isObject() && (doc.root().has("workspaces") || doc.root().has("fleet"))) {
            throw new ConfigException(List.of(new Diagnostic("CONFIG-wrong-file", Severity.ERROR, display, 1, 1, 1, 1,
                    display + " is a deployment config (workspaces) or fleet file, not project settings",
                    "Pass it to plan/apply/drift/export with --deploy-config (or --fleet); validate/lint/check read "
                            + FILE_NAME + " (--settings FILE).")));
        }
        for (Error e : schema().validate(doc.root())) {
            StringBuilder pointer = new StringBuilder();
            for (int i = 0; i < e.getInstanceLocation().getNameCount(); i++) pointer.append('/').append(e.getInstanceLocation().getName(i));
            if (e.getProperty() != null) pointer.append('/').append(e.getProperty());
            Span span = doc.spanOf(pointer.toString(), true);
            problems.add(new Diagnostic("CONFIG-invalid", Severity.ERROR, display, span.line(), span.column(), span.endLine(),
                    span.endColumn(), "invalid setting: " + e.getMessage(),
                    "See schemas/sentinelctl-config.schema.json for the settings and their values."));
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        JsonNode root = doc.root();
        Path base = file.toAbsolutePath().getParent();
        Map<String, Optional<Severity>> rules = new LinkedHashMap<>();
        root.path("rules").properties().forEach(e -> rules.put(e.getKey(),
                e.getValue().asString().equals("off") ? Optional.empty() : Optional.of(Severity.parse(e.getValue().asString()))));
        List<Path> schemas = new ArrayList<>();
        root.path("schemas").forEach(s -> schemas.add(base.resolve(s.asString()).normalize()));
        return new ProjectConfig(root.has("strict") ? Optional.of(root.get("strict").asBoolean()) : Optional.empty(),
                root.has("failOn") ? Optional.of(root.get("failOn").asString()) : Optional.empty(), rules, schemas,
                root.has("baseline") ? Optional.of(base.resolve(root.get("baseline").asString()).normalize()) : Optional.empty(),
                Optional.of(file), root.has("profile") ? Optional.of(root.get("profile").asString()) : Optional.empty(),
                fmtOptions(root.path("fmt")),
                root.has("minimumTests") ? Optional.of(root.get("minimumTests").asInt()) : Optional.empty());
    }

    /** The schema has checked the values (line width 20..1000, pipe start|end). */
    private static FmtOptions fmtOptions(JsonNode fmt) {
        int width = fmt.has("lineWidth") ? fmt.get("lineWidth").asInt() : FmtOptions.DEFAULT.lineWidth();
        boolean pipeAtStart = !fmt.has("pipe") || fmt.get("pipe").asString().equals("start");
        return new FmtOptions(width, pipeAtStart);
    }

    private static Schema schema() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/schemas/sentinelctl-config.schema.json")) {
            if (in == null) throw new IllegalStateException("config schema missing from the jar");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(ID, text)))
                    .getSchema(SchemaLocation.of(ID));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
