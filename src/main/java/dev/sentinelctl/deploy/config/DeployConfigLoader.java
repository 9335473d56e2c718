package dev.sentinelctl.deploy.config;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.sentinelctl.config.ConfigLoader.ConfigException;
import dev.sentinelctl.content.RuleDuration;
import dev.sentinelctl.content.Span;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.content.YamlLoader;
import dev.sentinelctl.deploy.azure.CredentialKind;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code sentinelctl.yaml} the way {@link dev.sentinelctl.config.ConfigLoader} reads project settings: YAML
 * with marks, a JSON Schema ({@code schemas/workspaces.schema.json}), then the checks a schema cannot make (secrets,
 * settings that must be present after defaults are applied). Every problem is a diagnostic at its line and column;
 * all of them are collected before failing, so one run shows every mistake.
 */
public final class DeployConfigLoader {
    public static final String FILE_NAME = "sentinelctl-deploy.yaml";
    /** The deployment config's name before it was told apart from the project settings (.sentinelctl.yaml). */
    public static final String LEGACY_FILE_NAME = "sentinelctl.yaml";
    private static final String ID = "https://sentinelctl.dev/schemas/workspaces.schema.json";
    private static final String HINT = "See schemas/workspaces.schema.json and docs/deploying.md, 'Deployment config'.";
    /** Keys that name a secret. The file only says which credential to use; secrets live in the environment. */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(secret|password|passwd|pwd|token|apikey|api[-_]key|privatekey|private[-_]key|connectionstring"
                    + "|connection[-_]string|sastoken|accesskey|access[-_]key|clientcertificate).*");
    /** A JWT or PEM private key pasted as a value. */
    private static final Pattern SECRET_VALUE = Pattern.compile("(?s)(eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}.*|.*-----BEGIN [A-Z ]*PRIVATE KEY-----.*)");

    public DeployConfig load(Path file) {
        String display = file.toString().replace('\\', '/');
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(List.of(problem(display, new Span(1, 1, 1, 1), "CONFIG-missing",
                    "no deployment config at " + display, "Create " + FILE_NAME + " (see docs/deploying.md) or pass --deploy-config FILE.")));
        }
        YamlLoader.Result loaded = new YamlLoader().load(file, display);
        List<Diagnostic> problems = new ArrayList<>(loaded.diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR).toList());
        if (loaded.document().isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(problem(display, new Span(1, 1, 1, 1), "CONFIG-invalid", "the file is empty", HINT));
            }
            throw new ConfigException(problems);
        }
        YamlDocument doc = loaded.document().get();
        if (doc.root().isObject() && !doc.root().has("workspaces")
                && java.util.stream.Stream.of("rules", "profile", "schemas", "failOn", "strict", "baseline").anyMatch(doc.root()::has)) {
            throw new ConfigException(List.of(problem(display, new Span(1, 1, 1, 1), "CONFIG-wrong-file",
                    display + " holds project settings (rules, profile, schemas …), not a deployment config",
                    "Pass it to validate/lint/check with --settings; plan/apply/drift/export read workspaces from "
                            + FILE_NAME + " (--deploy-config FILE).")));
        }
        findSecrets(doc, doc.root(), "", display, problems);
        for (Error e : schema().validate(doc.root())) {
            StringBuilder pointer = new StringBuilder();
            for (int i = 0; i < e.getInstanceLocation().getNameCount(); i++) {
                pointer.append('/').append(escape(e.getInstanceLocation().getName(i)));
            }
            if (e.getProperty() != null) pointer.append('/').append(escape(e.getProperty()));
            // A named property (unknown or required key) is reported at the key; a bad value at the value.
            boolean atKey = e.getProperty() != null;
            String where = pointer.length() == 0 ? "" : " " + pointer.substring(1).replace('/', '.').replace("~1", "/")
                    .replace("~0", "~");
            problems.add(problem(display, doc.spanOf(pointer.toString(), atKey), "CONFIG-invalid",
                    "invalid setting" + where + ": " + explain(e), HINT));
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);

        JsonNode root = doc.root();
        Path base = file.toAbsolutePath().normalize().getParent();
        ConfigLayer defaults = ConfigLayer.EMPTY.then(layer(root.path("defaults"), base));
        List<WorkspaceConfig> workspaces = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (var e : root.path("workspaces").properties()) {
            String pointer = "/workspaces/" + escape(e.getKey());
            ConfigLayer l = defaults.then(layer(e.getValue(), base));
            List<String> missing = new ArrayList<>();
            if (l.tenant() == null) missing.add("tenant");
            if (l.subscription() == null) missing.add("subscription");
            if (l.resourceGroup() == null) missing.add("resourceGroup");
            if (l.credential() == null) missing.add("credential");
            if (!missing.isEmpty()) {
                problems.add(problem(display, doc.spanOf(pointer, true), "CONFIG-incomplete", "workspace '" + e.getKey()
                        + "' has no " + String.join(", ", missing), "Set it on the workspace or under 'defaults'."));
                continue;
            }
            String ws = e.getValue().path("workspace").asString();
            String key = (l.subscription() + "/" + l.resourceGroup() + "/" + ws).toLowerCase(Locale.ROOT);
            String twin = seen.putIfAbsent(key, e.getKey());
            if (twin != null) {
                problems.add(problem(display, doc.spanOf(pointer, true), "CONFIG-duplicate", "workspaces '" + twin
                        + "' and '" + e.getKey() + "' are the same Azure workspace",
                        "Deploy to each workspace from one entry, or the two would fight over its rules."));
                continue;
            }
            List<Path> paths = l.paths() != null ? l.paths() : List.of(base.resolve("content"));
            workspaces.add(new WorkspaceConfig(e.getKey(), l.tenant(), l.subscription(), l.resourceGroup(), ws,
                    l.credential(), paths, l.include(), l.exclude(), l.overrides(), l.preflight()));
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        Optional<String> source = root.has("source") ? Optional.of(root.get("source").asString()) : Optional.empty();
        Map<String, String> apiVersions = new LinkedHashMap<>();
        for (var e : root.path("apiVersions").properties()) apiVersions.put(e.getKey(), e.getValue().asString());
        return new DeployConfig(file, source, workspaces, apiVersions);
    }

    /** The schema error in the config's words; the library's message when there is nothing better to say. */
    static String explain(Error e) {
        JsonNode value = e.getInstanceNode();
        String shown = value == null ? "" : value.isString() ? "'" + value.asString() + "'" : String.valueOf(value);
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        String field = e.getInstanceLocation().getNameCount() == 0 ? ""
                : String.valueOf(e.getInstanceLocation().getName(e.getInstanceLocation().getNameCount() - 1));
        switch (keyword) {
            case "additionalProperties":
                return "unknown setting '" + e.getProperty() + "' here";
            case "required":
                return "missing required setting '" + e.getProperty() + "'";
            case "enum": {
                JsonNode allowed = e.getSchemaNode();
                List<String> values = new ArrayList<>();
                if (allowed != null) allowed.forEach(v -> values.add(v.asString()));
                return shown + " is not one of: " + String.join(", ", values);
            }
            case "pattern":
                if (field.equals("subscription")) return shown + " is not a subscription id (a GUID)";
                if (field.equals("workspace")) {
                    return shown + " is not a Log Analytics workspace name (4-63 letters, digits and hyphens)";
                }
                if (field.equals("resourceGroup")) return shown + " is not a resource group name";
                if (e.getInstanceLocation().getNameCount() == 2 && "apiVersions".equals(String.valueOf(e.getInstanceLocation().getName(0)))) {
                    return shown + " is not an api-version; write yyyy-mm-dd or yyyy-mm-dd-preview (e.g. 2025-09-01)";
                }
                if (field.equals("queryFrequency") || field.equals("queryPeriod") || field.equals("checkData")) {
                    return shown + " is not a duration; write 30m, 1h, 1d or PT1H";
                }
                return shown + " " + e.getMessage();
            case "propertyNames":
                return "'" + e.getProperty() + "' is not a valid name here (letters, digits, '.', '_', '-'; "
                        + "overrides: a rule id or \"*\")";
            case "type":
                if (field.equals("preflight")) {
                    return shown + " is not a preflight setting; write false, true or {missingTable: skip, checkData: 7d, noData: disable}";
                }
                return shown + " " + e.getMessage();
            default:
                return e.getMessage();
        }
    }

    private static ConfigLayer layer(JsonNode node, Path base) {
        if (node == null || !node.isObject()) return ConfigLayer.EMPTY;
        JsonNode content = node.path("content");
        List<Path> paths = null;
        if (content.has("paths")) {
            paths = new ArrayList<>();
            for (JsonNode p : content.get("paths")) paths.add(base.resolve(p.asString()).normalize());
        }
        List<ContentFilter> include = content.has("include") ? List.of(filter(content.get("include"))) : List.of();
        List<ContentFilter> exclude = content.has("exclude") ? List.of(filter(content.get("exclude"))) : List.of();
        Map<String, RuleOverride> overrides = new LinkedHashMap<>();
        node.path("overrides").properties().forEach(e -> overrides.put(e.getKey().toLowerCase(Locale.ROOT),
                override(e.getValue())));
        return new ConfigLayer(text(node, "tenant"), text(node, "subscription"), text(node, "resourceGroup"),
                node.has("credential") ? CredentialKind.parse(node.get("credential").asString()) : null,
                paths, include, exclude, overrides, preflight(node.get("preflight")));
    }

    /**
     * {@code preflight: false}, {@code true}, or {@code {missingTable, checkData, noData}}; the schema has checked the
     * words and durations, so this only maps them. An object turns preflight on at its level.
     */
    public static PreflightSettings preflight(JsonNode node) {
        if (node == null || node.isNull()) return PreflightSettings.UNSET;
        if (node.isBoolean()) return new PreflightSettings(node.booleanValue(), null, null, null);
        JsonNode data = node.get("checkData");
        Duration window = null;
        if (data != null && data.isBoolean()) window = data.booleanValue() ? PreflightSettings.DEFAULT_WINDOW : Duration.ZERO;
        else if (data != null) window = RuleDuration.parse(data.asString()).map(RuleDuration::value).orElse(null);
        return new PreflightSettings(Boolean.TRUE, action(node.get("missingTable")), window, action(node.get("noData")));
    }

    private static PreflightAction action(JsonNode v) {
        return v == null ? null : PreflightAction.parse(v.asString()).orElse(null);
    }

    private static ContentFilter filter(JsonNode node) {
        return new ContentFilter(strings(node.path("ids")), strings(node.path("kinds")), strings(node.path("tags")));
    }

    private static RuleOverride override(JsonNode o) {
        return new RuleOverride(o.has("enabled") ? o.get("enabled").asBoolean() : null, text(o, "severity"),
                duration(o, "queryFrequency"), duration(o, "queryPeriod"),
                o.has("triggerThreshold") ? o.get("triggerThreshold").asInt() : null);
    }

    private static Duration duration(JsonNode o, String field) {
        String t = text(o, field);
        return t == null ? null : RuleDuration.parse(t).map(RuleDuration::value).orElse(null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asString()));
        return out;
    }

    /** Keys that look like secrets, and values that are tokens or private keys, anywhere in the file. */
    private static void findSecrets(YamlDocument doc, JsonNode node, String pointer, String display, List<Diagnostic> out) {
        if (node.isObject()) {
            for (var e : node.properties()) {
                String p = pointer + "/" + escape(e.getKey());
                // Keys under 'overrides' and 'workspaces' are names the user chose, not settings.
                boolean nameKey = pointer.endsWith("/overrides") || pointer.equals("/workspaces");
                if (!nameKey && SECRET_KEY.matcher(e.getKey()).matches()) {
                    out.add(problem(display, doc.spanOf(p, true), "CONFIG-secret", "'" + e.getKey()
                            + "' looks like a secret; secrets never go in this file",
                            "Name the credential instead (credential: environment) and put the secret in an "
                                    + "environment variable such as AZURE_CLIENT_SECRET, or use workload identity."));
                    continue;
                }
                findSecrets(doc, e.getValue(), p, display, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) findSecrets(doc, node.get(i), pointer + "/" + i, display, out);
        } else if (node.isString() && SECRET_VALUE.matcher(node.asString()).matches()) {
            out.add(problem(display, doc.spanOf(pointer, false), "CONFIG-secret",
                    "this value looks like a token or private key; secrets never go in this file",
                    "Remove it and rotate it if the file was committed; use a credential from the environment."));
        }
    }

    private static Diagnostic problem(String file, Span span, String rule, String message, String hint) {
        return new Diagnostic(rule, Severity.ERROR, file, span.line(), span.column(), span.endLine(), span.endColumn(),
                message, hint);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static Schema schema() {
        try (InputStream in = DeployConfigLoader.class.getResourceAsStream("/schemas/workspaces.schema.json")) {
            if (in == null) throw new IllegalStateException("workspaces schema missing from the jar");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(ID, text)))
                    .getSchema(SchemaLocation.of(ID));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
