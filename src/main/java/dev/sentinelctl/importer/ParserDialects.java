package dev.sentinelctl.importer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts Azure-Sentinel's parser formats to sentinelctl's native parser form (schemas/parser.schema.json), with
 * the field mapping of Microsoft's own converter ({@code ASIM/dev/ASimYaml2ARM/KqlFuncYaml2Arm.py}): display name
 * from {@code Parser.Title}/{@code Function.Title}, alias from {@code ParserName}/{@code FunctionAlias}/{@code FunctionName},
 * category from {@code Category} (default {@code ASIM}), parameters from {@code ParserParams}/{@code FunctionParams}.
 */
public final class ParserDialects {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9]+){0,3}");
    /** The header many legacy parsers start with: {@code // Title:           Cisco Meraki}. */
    private static final Pattern TITLE = Pattern.compile("(?i)title\\s*:\\s*(\\S.*)");
    /** How legacy parser files name their alias in the header comment, most specific first. */
    private static final List<Pattern> ALIAS_COMMENTS = List.of(
            Pattern.compile("(?i)alias,?\\s+(?:as|of)\\s*[-:]?\\s*[\"']?([A-Za-z_][A-Za-z0-9_]*)"),
            Pattern.compile("(?i)alias\\s+(?:must|should)\\s+be\\s+(?:set\\s+to|named)\\s*[-:]?\\s*[\"']?([A-Za-z_][A-Za-z0-9_]*)"),
            Pattern.compile("(?i)function\\s+name\\s+must\\s+be\\s+set\\s+to\\s*[-:]?\\s*[\"']?([A-Za-z_][A-Za-z0-9_]*)"),
            Pattern.compile("(?i)alias\\s*\\(e\\.g\\.?,?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)"),
            Pattern.compile("(?i)\\(e\\.g\\.?,?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\|"));

    /** The YAML dialects (the legacy text form is {@link #fromLegacyText}). */
    public enum Dialect {
        ASIM_PARSER("ASIM parser YAML (ParserName/ParserQuery)"),
        ASIM_FUNCTION("ASIM library function YAML (FunctionName/FunctionQuery)"),
        SOLUTION_PARSER("solution parser YAML (FunctionAlias/FunctionQuery)"),
        LEGACY_TEXT("legacy KQL file with the alias in a comment");

        private final String description;

        Dialect(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** A converted parser: the native tree, and notes on what had to be guessed. */
    public record Converted(Dialect dialect, ObjectNode yaml, String alias, List<String> notes) {
        public Converted {
            notes = List.copyOf(notes);
        }
    }

    private ParserDialects() {}

    public static Optional<Dialect> detect(JsonNode root) {
        if (root == null || !root.isObject()) return Optional.empty();
        if (root.has("ParserQuery")) return Optional.of(Dialect.ASIM_PARSER);
        if (root.has("FunctionQuery")) {
            return Optional.of(root.has("FunctionAlias") ? Dialect.SOLUTION_PARSER : Dialect.ASIM_FUNCTION);
        }
        return Optional.empty();
    }

    /** Converts a YAML dialect tree; empty when the tree is none of them. */
    public static Optional<Converted> fromYaml(JsonNode root, String fileStem) {
        Optional<Dialect> dialect = detect(root);
        if (dialect.isEmpty()) return Optional.empty();
        Dialect d = dialect.get();
        List<String> notes = new ArrayList<>();
        JsonNode header = d == Dialect.ASIM_PARSER ? root.path("Parser") : root.path("Function");
        String alias = switch (d) {
            case ASIM_PARSER -> text(root, "ParserName");
            case SOLUTION_PARSER -> text(root, "FunctionAlias").isEmpty() ? text(root, "FunctionName") : text(root, "FunctionAlias");
            default -> text(root, "FunctionName");
        };
        if (alias.isEmpty()) {
            alias = sanitize(fileStem);
            notes.add("no " + (d == Dialect.ASIM_PARSER ? "ParserName" : "FunctionName") + ": the alias is the file name, " + alias);
        }
        String query = text(root, d == Dialect.ASIM_PARSER ? "ParserQuery" : "FunctionQuery");
        JsonNode params = root.get(d == Dialect.ASIM_PARSER ? "ParserParams" : "FunctionParams");
        ObjectNode out = JSON.objectNode();
        String id = text(root, "id");
        out.put("id", GUID.matcher(id).matches() ? id : stableId(alias));
        String title = text(header, "Title");
        out.put("name", title.isEmpty() ? alias : title.strip());
        String description = text(root, "Description").strip();
        if (!description.isEmpty()) out.put("description", description);
        out.put("functionAlias", alias);
        String category = text(root, "Category");
        out.put("category", category.isEmpty() ? "ASIM" : category);
        String version = text(header, "Version").strip();
        if (VERSION.matcher(version).matches()) out.put("version", version);
        else if (!version.isEmpty()) notes.add("version '" + version + "' is not numeric; left out");
        if (params != null && params.isArray() && !params.isEmpty()) {
            ArrayNode ps = out.putArray("parameters");
            for (JsonNode p : params) {
                if (!p.isObject()) continue;
                ObjectNode q = ps.addObject();
                q.put("name", text(p, "Name").strip());
                q.put("type", text(p, "Type").strip());
                // a few solution parsers spell it DefaultValue (Exchange Security's MESCheckVIP); same meaning
                JsonNode def = p.has("Default") ? p.get("Default") : p.get("DefaultValue");
                if (def != null && !def.isNull()) {
                    if (def.isBoolean()) q.put("default", def.booleanValue());
                    else if (def.isNumber()) q.set("default", def);
                    else q.put("default", def.asString());
                }
            }
        }
        out.put("query", normalizeNewlines(query));
        ObjectNode meta = JSON.objectNode();
        copy(root, "EquivalentBuiltInParser", meta, "equivalentBuiltInParser");
        copy(root, "EquivalentBuiltInFunction", meta, "equivalentBuiltInFunction");
        JsonNode norm = root.get("Normalization");
        if (norm != null && norm.isObject()) {
            copy(norm, "Schema", meta, "normalizationSchema");
            copy(norm, "Version", meta, "normalizationVersion");
        }
        copy(root.path("Product"), "Name", meta, "product");
        JsonNode sub = root.get("Parsers");
        if (sub != null && sub.isArray()) {
            ArrayNode a = meta.putArray("parsers");
            for (JsonNode s : sub) if (s.isValueNode()) a.add(s.asString().strip());
        }
        meta.put("importedFrom", d.description());
        out.set("metadata", meta);
        return Optional.of(new Converted(d, out, alias, notes));
    }

    /** A legacy {@code .txt}/{@code .kql}/{@code .csl} parser: the whole file is the query; the alias comes from its comments. */
    public static Converted fromLegacyText(String text, String fileStem) {
        List<String> notes = new ArrayList<>();
        String body = normalizeNewlines(text.startsWith("\uFEFF") ? text.substring(1) : text);
        StringBuilder comments = new StringBuilder();
        String firstComment = "";
        for (String line : body.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("//")) {
                String c = t.substring(2).strip();
                comments.append(c).append('\n');
                Matcher title = TITLE.matcher(c);
                if (title.matches()) firstComment = title.group(1).strip();
                else if (firstComment.isEmpty() && !c.isEmpty() && !c.startsWith("/")) firstComment = c;
            }
        }
        String alias = "";
        for (Pattern p : ALIAS_COMMENTS) {
            Matcher m = p.matcher(comments);
            if (m.find() && !isFiller(m.group(1))) {
                alias = m.group(1);
                break;
            }
        }
        if (alias.isEmpty()) {
            alias = sanitize(fileStem);
            notes.add("no alias in the file's comments: the alias is the file name, " + alias);
        }
        ObjectNode out = JSON.objectNode();
        out.put("id", stableId(alias));
        out.put("name", firstComment.isEmpty() || firstComment.length() > 200 ? alias : firstComment);
        out.put("functionAlias", alias);
        out.put("category", "Parsers");
        out.put("query", body.strip() + "\n");
        ObjectNode meta = out.putObject("metadata");
        meta.put("importedFrom", Dialect.LEGACY_TEXT.description());
        return new Converted(Dialect.LEGACY_TEXT, out, alias, notes);
    }

    private static boolean isFiller(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.equals("the") || w.equals("a") || w.equals("an") || w.equals("function") || w.equals("alias") || w.equals("name");
    }

    /** A GUID fixed by the alias, so importing the same parser twice gives the same id (never a random one). */
    static String stableId(String alias) {
        return UUID.nameUUIDFromBytes(("sentinelctl:parser:" + alias).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String sanitize(String stem) {
        String s = stem.replaceAll("[^A-Za-z0-9_]", "_");
        if (s.isEmpty() || !NAME.matcher(s.substring(0, 1)).matches()) s = "_" + s;
        return s;
    }

    private static String normalizeNewlines(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String name) {
        String v = text(from, field).strip();
        if (!v.isEmpty()) to.put(name, v);
    }

    static String text(JsonNode node, String field) {
        if (node == null) return "";
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainer()) return "";
        return v.asString();
    }
}
