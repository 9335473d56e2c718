package dev.sentinelctl.fleet;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.sentinelctl.config.ConfigLoader.ConfigException;
import dev.sentinelctl.content.Span;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.content.YamlLoader;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a fleet file ({@code fleet:} section, {@code schemas/fleet.schema.json}) and resolves it into one
 * {@link WorkspaceTarget} per workspace. Settings inherit fleet defaults → ring → group → workspace; a later level
 * replaces a setting, except that labels accumulate, {@code {append: [...]}} extends an inherited list, and
 * overrides and preflight settings merge field by field. Every problem is a diagnostic at its line and column; any error makes the whole
 * file unusable ({@link ConfigException}), because deploying half a fleet from a half-understood file is worse than
 * deploying none.
 */
public final class FleetLoader {
    private static final String ID = "https://sentinelctl.dev/schemas/fleet.schema.json";
    private static final String HINT = "See schemas/fleet.schema.json and docs/fleets.md.";
    /** Keys that name secrets. Credentials are referenced by name only; their secrets come from the environment. */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(secret|password|passwd|pwd|token|apikey|api_key|api-key|privatekey|private_key|connectionstring|sastoken|sharedaccesskey|certificate|pfx|accesskey).*");
    /** Values that are secrets whatever their key: JWTs, PEM blocks, Entra client secrets. */
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "^eyJ[\\w-]{5,}\\.[\\w-]{5,}\\..*|(?s).*-----BEGIN [A-Z ]*PRIVATE KEY-----.*|^[\\w.-]{3}[78]Q~[\\w.~-]{31,37}$");

    public FleetConfig read(Path file) {
        String display = file.toString().replace('\\', '/');
        YamlLoader.Result loaded = new YamlLoader().load(file, display);
        return resolve(loaded, display);
    }

    public FleetConfig read(String yaml, String displayPath) {
        return resolve(new YamlLoader().load(yaml.getBytes(StandardCharsets.UTF_8), displayPath), displayPath);
    }

    private FleetConfig resolve(YamlLoader.Result loaded, String display) {
        List<Diagnostic> problems = new ArrayList<>(loaded.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList());
        if (loaded.document().isEmpty()) {
            if (problems.isEmpty()) problems.add(Diagnostic.atFile("FLEET-invalid", Severity.ERROR, display, "the fleet file is empty", HINT));
            throw new ConfigException(problems);
        }
        YamlDocument doc = loaded.document().get();
        Set<String> secretPointers = new LinkedHashSet<>();
        findSecrets(doc, doc.root(), "", secretPointers, problems);
        Set<String> reported = new java.util.HashSet<>();
        for (Error e : schema().validate(doc.root())) {
            String pointer = pointer(e);
            if (secretPointers.stream().anyMatch(pointer::startsWith)) continue;
            // the only "not" in the schema forbids {append, watchlist} together; its generic message prints the schema
            String message = dotted(pointer) + ": " + ("not".equals(e.getKeyword())
                    ? "write either append: or watchlist:, not both (a watchlist cannot be appended to)" : e.getMessage());
            // the validator repeats some findings once per schema path that reaches the node
            if (reported.add(message)) problems.add(at(doc, pointer, true, "FLEET-invalid", message, HINT));
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        FleetConfig config = new Resolver(doc, problems).resolve();
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return config;
    }

    private static String pointer(Error e) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < e.getInstanceLocation().getNameCount(); i++) {
            p.append('/').append(String.valueOf(e.getInstanceLocation().getName(i)).replace("~", "~0").replace("/", "~1"));
        }
        if (e.getProperty() != null) p.append('/').append(e.getProperty());
        return p.toString();
    }

    /** {@code /fleet/rings/1/name} → {@code fleet.rings[1].name}, how people read a path in a YAML file. */
    static String dotted(String pointer) {
        StringBuilder sb = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) continue;
            if (part.chars().allMatch(Character::isDigit)) sb.append('[').append(part).append(']');
            else sb.append(sb.length() == 0 ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
        }
        return sb.length() == 0 ? "(file)" : sb.toString();
    }

    private static void findSecrets(YamlDocument doc, JsonNode node, String pointer, Set<String> found, List<Diagnostic> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String child = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                if (SECRET_KEY.matcher(e.getKey()).matches()) {
                    found.add(child);
                    out.add(at(doc, child, true, "FLEET-secret", "'" + e.getKey() + "' looks like a secret; a fleet file must never hold one",
                            "Reference a credential by name (credentials: NAME: {type: workload-identity, ...}) and give the secret "
                                    + "to the pipeline as an environment variable or, better, use workload identity federation."));
                } else {
                    findSecrets(doc, e.getValue(), child, found, out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) findSecrets(doc, node.get(i), pointer + "/" + i, found, out);
        } else if (node.isString() && SECRET_VALUE.matcher(node.asString()).matches()) {
            found.add(pointer);
            out.add(at(doc, pointer, false, "FLEET-secret", "this value looks like a token, private key or client secret",
                    "Remove it from the file and rotate it: it is in your git history now."));
        }
    }

    private static Diagnostic at(YamlDocument doc, String pointer, boolean key, String rule, String message, String hint) {
        Span s = doc.spanOf(pointer, key);
        return new Diagnostic(rule, Severity.ERROR, doc.source().displayPath(), s.line(), s.column(), s.endLine(), s.endColumn(),
                message, hint);
    }

    private static Schema schema() {
        try (InputStream in = FleetLoader.class.getResourceAsStream("/schemas/fleet.schema.json")) {
            if (in == null) throw new IllegalStateException("fleet schema missing from the jar");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(ID, text)))
                    .getSchema(SchemaLocation.of(ID));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One resolution pass over a schema-valid tree; collects semantic problems instead of stopping at the first. */
    private static final class Resolver {
        private final YamlDocument doc;
        private final List<Diagnostic> problems;
        private final Map<String, CredentialRef> credentials = new LinkedHashMap<>();

        Resolver(YamlDocument doc, List<Diagnostic> problems) {
            this.doc = doc;
            this.problems = problems;
        }

        FleetConfig resolve() {
            JsonNode fleet = doc.root().get("fleet");
            fleet.path("credentials").properties().forEach(e -> credentials.put(e.getKey(), credential(e.getKey(), e.getValue())));
            List<Ring> rings = new ArrayList<>();
            List<WorkspaceTarget> targets = new ArrayList<>();
            Map<String, String> ringNames = new HashMap<>();
            Map<String, String> seen = new HashMap<>();
            JsonNode ringNodes = fleet.get("rings");
            for (int r = 0; r < ringNodes.size(); r++) {
                JsonNode ringNode = ringNodes.get(r);
                String ringPointer = "/fleet/rings/" + r;
                String name = ringNode.get("name").asString();
                String earlier = ringNames.putIfAbsent(name.toLowerCase(Locale.ROOT), ringPointer);
                if (earlier != null) problem(ringPointer + "/name", "ring '" + name + "' is listed twice", "Give each ring its own name.");
                rings.add(new Ring(name, r, ringNode.path("maxFailureRate").asDouble(Ring.DEFAULT_MAX_FAILURE_RATE),
                        ringNode.path("minWorkspaces").asInt(Ring.DEFAULT_MIN_WORKSPACES)));
                JsonNode workspaces = ringNode.get("workspaces");
                for (int w = 0; w < workspaces.size(); w++) {
                    String wsPointer = ringPointer + "/workspaces/" + w;
                    JsonNode ws = workspaces.get(w);
                    Settings s = new Settings();
                    s.apply(fleet.get("defaults"), "/fleet/defaults");
                    s.apply(ringNode, ringPointer);
                    String group = ws.has("group") ? ws.get("group").asString() : "";
                    if (!group.isEmpty()) {
                        JsonNode g = fleet.path("groups").get(group);
                        if (g == null) {
                            problem(wsPointer + "/group", "group '" + group + "' is not defined under fleet.groups",
                                    "Define it, or fix the name (defined: " + String.join(", ", names(fleet.path("groups"))) + ").");
                        } else {
                            s.apply(g, "/fleet/groups/" + group.replace("~", "~0").replace("/", "~1"));
                        }
                    }
                    s.apply(ws, wsPointer);
                    Optional<WorkspaceTarget> t = s.target(ws.get("name").asString(), name, r, group, wsPointer);
                    if (t.isEmpty()) continue;
                    String first = seen.putIfAbsent(t.get().key(), wsPointer);
                    if (first != null) {
                        Span span = doc.spanOf(first, false);
                        problem(wsPointer + "/name", "workspace " + t.get().resourceId() + " is listed twice (first at line " + span.line() + ")",
                                "A workspace belongs to exactly one ring; remove one of them.");
                        continue;
                    }
                    targets.add(t.get());
                }
            }
            // One name for the whole fleet: ownership identifies the repository deploying, not a customer.
            Optional<String> source = fleet.has("source") ? Optional.of(fleet.get("source").asString()) : Optional.empty();
            Map<String, String> apiVersions = new LinkedHashMap<>();
            fleet.path("apiVersions").properties().forEach(e -> apiVersions.put(e.getKey(), e.getValue().asString()));
            return new FleetConfig(rings, targets, source, apiVersions);
        }

        private static List<String> names(JsonNode object) {
            List<String> out = new ArrayList<>();
            object.properties().forEach(e -> out.add(e.getKey()));
            return out;
        }

        private CredentialRef credential(String name, JsonNode node) {
            Optional<String> tenant = node.has("tenant") ? Optional.of(node.get("tenant").asString()) : Optional.empty();
            boolean lighthouse = node.path("lighthouse").asBoolean(false);
            if (lighthouse && tenant.isEmpty()) {
                problem("/fleet/credentials/" + name, "Lighthouse credential '" + name + "' needs the managing tenant",
                        "Add tenant: <managing tenant id>: tokens come from the managing tenant, not the customers'.");
            }
            return new CredentialRef(name, node.get("type").asString(), tenant,
                    node.has("clientId") ? Optional.of(node.get("clientId").asString()) : Optional.empty(), lighthouse);
        }

        private void problem(String pointer, String message, String hint) {
            problems.add(at(doc, pointer, true, "FLEET-invalid", message, hint));
        }

        /** Settings being inherited down one path of the tree; each level overwrites or extends. */
        private final class Settings {
            String tenant;
            String subscription;
            String resourceGroup;
            String credential;
            String credentialPointer;
            final LinkedHashSet<String> labels = new LinkedHashSet<>();
            List<String> include = List.of("**");
            List<String> exclude = List.of();
            final Map<String, Map<String, Object>> overrides = new LinkedHashMap<>();
            final Map<String, ExclusionValues> exclusions = new LinkedHashMap<>();
            final Map<String, Object> preflight = new LinkedHashMap<>();

            void apply(JsonNode node, String pointer) {
                if (node == null || !node.isObject()) return;
                if (node.has("tenant")) tenant = node.get("tenant").asString();
                if (node.has("subscription")) subscription = node.get("subscription").asString();
                if (node.has("resourceGroup")) resourceGroup = node.get("resourceGroup").asString();
                if (node.has("credential")) {
                    credential = node.get("credential").asString();
                    credentialPointer = pointer + "/credential";
                }
                node.path("labels").forEach(l -> labels.add(l.asString()));
                JsonNode content = node.path("content");
                if (content.has("include")) include = list(content.get("include"), include);
                if (content.has("exclude")) exclude = list(content.get("exclude"), exclude);
                node.path("overrides").properties().forEach(e -> {
                    Map<String, Object> fields = overrides.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
                    e.getValue().properties().forEach(f -> fields.put(f.getKey(), scalar(f.getValue())));
                });
                JsonNode pf = node.get("preflight");
                if (pf != null && pf.isBoolean()) {
                    preflight.put("enabled", pf.booleanValue());
                } else if (pf != null && pf.isObject()) {
                    // Settings at a level turn preflight on there, even under a more general preflight: false.
                    preflight.put("enabled", Boolean.TRUE);
                    pf.properties().forEach(f -> preflight.put(f.getKey(), scalar(f.getValue())));
                }
                node.path("exclusions").properties().forEach(e -> {
                    String p = pointer + "/exclusions/" + e.getKey();
                    exclusions.put(e.getKey(), exclusion(e.getKey(), e.getValue(), exclusions.get(e.getKey()), p));
                });
            }

            private ExclusionValues exclusion(String name, JsonNode v, ExclusionValues inherited, String pointer) {
                if (v.isObject() && v.has("watchlist")) {
                    return new ExclusionValues.Watchlist(v.get("watchlist").asString(),
                            v.has("keyColumn") ? v.get("keyColumn").asString() : ExclusionValues.Watchlist.DEFAULT_KEY);
                }
                if (v.isObject() && inherited instanceof ExclusionValues.Watchlist) {
                    problem(pointer, "exclusion '" + name + "' appends to values inherited from a watchlist",
                            "Replace it with a list, or add the values to the watchlist.");
                    return inherited;
                }
                List<String> base = inherited instanceof ExclusionValues.Literals l ? l.values() : List.of();
                return new ExclusionValues.Literals(list(v, base));
            }

            Optional<WorkspaceTarget> target(String name, String ring, int ringIndex, String group, String pointer) {
                List<String> missing = new ArrayList<>();
                if (tenant == null) missing.add("tenant");
                if (subscription == null) missing.add("subscription");
                if (resourceGroup == null) missing.add("resourceGroup");
                if (credential == null) missing.add("credential");
                if (!missing.isEmpty()) {
                    problem(pointer, "workspace '" + name + "' has no " + String.join(", ", missing),
                            "Set it on the workspace, its group, its ring or fleet.defaults.");
                    return Optional.empty();
                }
                CredentialRef cred = credentials.get(credential);
                if (cred == null) {
                    problem(credentialPointer, "credential '" + credential + "' is not defined under fleet.credentials",
                            "Define it (credentials: " + credential + ": {type: ...}) or fix the name.");
                    return Optional.empty();
                }
                Map<String, Map<String, Object>> ov = new LinkedHashMap<>();
                overrides.forEach((k, v) -> ov.put(k, Map.copyOf(v)));
                return Optional.of(new WorkspaceTarget(tenant, subscription, resourceGroup, name, ring, ringIndex, group,
                        List.copyOf(labels), cred, new ContentSelection(include, exclude), ov, exclusions, preflight));
            }
        }

        private static List<String> list(JsonNode v, List<String> inherited) {
            List<String> out = new ArrayList<>();
            if (v.isObject()) {
                out.addAll(inherited);
                v.get("append").forEach(x -> out.add(x.asString()));
            } else {
                v.forEach(x -> out.add(x.asString()));
            }
            return out;
        }

        private static Object scalar(JsonNode v) {
            if (v.isBoolean()) return v.booleanValue();
            if (v.isIntegralNumber()) return v.longValue();
            return v.asString();
        }
    }
}
