package dev.sentinelctl.schema;

import com.networknt.schema.Error;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.report.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Rewrites networknt's schema errors in a detection engineer's words: what is wrong with which field, and
 * what to write instead. Knows the field names of the content format; falls back to the library's message.
 */
final class ErrorTranslator {

    record Translation(String ruleId, Severity severity, String pointer, boolean atKey, String message, String hint) {}

    private final Map<String, JsonNode> schemaTrees;

    ErrorTranslator(Map<String, JsonNode> schemaTrees) {
        this.schemaTrees = schemaTrees;
    }

    /**
     * Drops errors that only explain a failed {@code anyOf} branch (its {@code contains}/{@code const}
     * sub-errors), keeping the anyOf error itself, and sorts by position in the tree.
     */
    static List<Error> withoutNoise(List<Error> errors) {
        List<String> anyOfPaths = errors.stream().filter(e -> "anyOf".equals(e.getKeyword()))
                .map(e -> e.getEvaluationPath().toString()).toList();
        List<Error> kept = new ArrayList<>();
        for (Error e : errors) {
            String path = e.getEvaluationPath().toString();
            boolean branch = !"anyOf".equals(e.getKeyword())
                    && anyOfPaths.stream().anyMatch(p -> path.startsWith(p) && path.length() > p.length());
            if (!branch) kept.add(e);
        }
        kept.sort(Comparator.comparing(e -> e.getInstanceLocation().toString()));
        return kept;
    }

    /**
     * Fields that never reach ARM: Content Hub and the portal read them from template metadata. A malformed value
     * there misleads those views but the content deploys and runs as written (a warning).
     */
    private static final java.util.Set<String> NOT_DEPLOYED = java.util.Set.of("requiredDataConnectors", "tags", "metadata");

    Translation translate(Error error, YamlDocument doc, ContentKind kind) {
        Translation t = translateError(error, doc, kind);
        String top = t.pointer().length() > 1 ? t.pointer().substring(1).split("/")[0] : "";
        if (t.severity() == Severity.ERROR && NOT_DEPLOYED.contains(top)) {
            return new Translation(t.ruleId(), Severity.WARNING, t.pointer(), t.atKey(),
                    t.message() + " (" + top + " is not deployed to ARM; Content Hub and the portal read it)", t.hint());
        }
        return t;
    }

    private Translation translateError(Error error, YamlDocument doc, ContentKind kind) {
        String keyword = String.valueOf(error.getKeyword());
        String pointer = SchemaValidator.pointer(error.getInstanceLocation());
        String field = fieldName(pointer);
        JsonNode instance = error.getInstanceNode();
        String shown = instance == null ? "" : show(instance);
        return switch (keyword) {
            case "required" -> {
                String missing = error.getProperty();
                String where = pointer.isEmpty() ? "" : " in " + field;
                boolean scheduled = error.getEvaluationPath().toString().contains("allOf");
                yield new Translation("SCHEMA-required", Severity.ERROR, pointer, true,
                        (scheduled ? "Scheduled rules need '" : "missing required field '") + missing + "'" + where,
                        "Add `" + missing + ":` " + exampleFor(missing) + ".");
            }
            case "additionalProperties" -> {
                String extra = error.getProperty();
                String childPointer = pointer + "/" + extra.replace("~", "~0").replace("/", "~1");
                List<String> known = knownProperties(error);
                Optional<String> guess = Suggest.closest(extra, known).or(() -> FieldAliases.meaning(extra, known));
                yield new Translation("SCHEMA-unknown-field", Severity.WARNING, childPointer, true,
                        "unknown field '" + extra + "'" + (pointer.isEmpty() ? "" : " in " + field)
                                + (guess.map(g -> "; did you mean '" + g + "'?").orElse("")),
                        guess.map(g -> "Rename it to `" + g + "`; Sentinel silently ignores fields it does not know.")
                                .orElse("Remove it; Sentinel silently ignores fields it does not know."));
            }
            case "enum" -> deploysAnyway(enumError(error, pointer, field, shown), kind);
            case "pattern", "propertyNames" -> deploysAnyway(patternError(error, pointer, field, shown), kind);
            case "type" -> new Translation("SCHEMA-type", Severity.ERROR, pointer, false,
                    field + " must be " + article(expectedType(error)) + ", not " + describe(instance) + " (" + shown + ")",
                    typeHint(field, expectedType(error)));
            // ARM's NRT rule has no such property and sentinelctl's build leaves it out: the rule deploys, the value is ignored
            case "false" -> new Translation("SCHEMA-not-allowed", Severity.WARNING, pointer, true,
                    "'" + field + "' does not apply to NRT rules (they run every minute on new data); it is ignored",
                    "Remove `" + field + "`, or make the rule `kind: Scheduled` if it should run on a schedule.");
            case "anyOf" -> {
                String required = requiredIdentifiers(error);
                yield new Translation("SCHEMA-entity-identifiers", Severity.ERROR, pointer, true,
                        "the entity mapping lacks a required identifier: it needs " + required,
                        "Add a fieldMapping with identifier " + required + "; Sentinel cannot build the entity otherwise.");
            }
            case "minItems", "maxItems", "maxProperties", "minProperties" -> new Translation("SCHEMA-count",
                    Severity.ERROR, pointer, true, field + ": " + stripPath(error.getMessage()), countHint(field));
            case "minLength" -> new Translation("SCHEMA-length", Severity.ERROR, pointer, false,
                    field + ": " + stripPath(error.getMessage()), "Give '" + field + "' a value.");
            case "maxLength" -> deploysAnyway(new Translation("SCHEMA-length", Severity.ERROR, pointer, false,
                    field + ": " + stripPath(error.getMessage()), "Shorten '" + field + "'."), kind);
            case "minimum", "maximum" -> new Translation("SCHEMA-range", Severity.ERROR, pointer, false,
                    field + " " + shown + ": " + stripPath(error.getMessage()),
                    field.equals("triggerThreshold") ? "Use a whole number from 0 to 10000." : "Use a value in range.");
            default -> new Translation("SCHEMA-" + keyword, Severity.ERROR, pointer, false,
                    field + ": " + stripPath(error.getMessage()), "See the schema in schemas/" + kind.schemaName()
                            + ".schema.json.");
        };
    }

    /**
     * Severity means consequence (docs/rules.md): a value ARM rejects is an error, one that deploys as written is a
     * warning. A hunting query is a saved search whose tactics and techniques are only tags and whose query is not
     * held to the alert rule's 10,000 characters; a non-GUID id is a valid resource name, rejected only by
     * Microsoft's content CI (the azure-sentinel profile makes it an error again).
     */
    private static Translation deploysAnyway(Translation t, ContentKind kind) {
        boolean tag = t.pointer().startsWith("/tactics") || t.pointer().startsWith("/relevantTechniques");
        boolean huntingOnly = kind == ContentKind.HUNTING_QUERY && (tag || t.pointer().equals("/query"));
        if (!huntingOnly && !t.pointer().equals("/id")) return t;
        String why = t.pointer().equals("/id") ? " (ARM accepts any resource name; Microsoft's content CI requires a GUID)"
                : tag ? " (a hunting query deploys its tactics and techniques as tags, so Sentinel keeps it as written)"
                : " (a hunting query is a saved search, which takes longer queries than an analytic rule)";
        return new Translation(t.ruleId(), Severity.WARNING, t.pointer(), t.atKey(), t.message() + why, t.hint());
    }

    private Translation enumError(Error error, String pointer, String field, String shown) {
        List<String> allowed = new ArrayList<>();
        JsonNode schemaNode = error.getSchemaNode();
        JsonNode values = schemaNode != null && schemaNode.isArray() ? schemaNode
                : schemaNode != null ? schemaNode.get("enum") : null;
        if (values != null) values.forEach(v -> allowed.add(v.asString()));
        String value = error.getInstanceNode() == null ? "" : error.getInstanceNode().asString("");
        Optional<String> guess = Suggest.closest(value, allowed);
        String what = switch (field) {
            case "tactics" -> "tactic";
            case "entityType" -> "entity type";
            case "identifier" -> "identifier for this entity type";
            default -> "value for " + field;
        };
        String list = allowed.size() > 20 ? String.join(", ", allowed.subList(0, 20)) + ", …" : String.join(", ", allowed);
        return new Translation("SCHEMA-enum", Severity.ERROR, pointer, false,
                shown + " is not a valid " + what + "; expected one of: " + list,
                guess.map(g -> "Write `" + g + "`" + (field.equals("tactics")
                        ? " (tactic names are written without spaces, as in the MITRE ATT&CK enterprise matrix)." : "."))
                        .orElse("Use one of the values listed."));
    }

    private Translation patternError(Error error, String pointer, String field, String shown) {
        String parent = parentName(pointer);
        String message;
        String hint;
        if (field.equals("id")) {
            message = "id " + shown + " is not a GUID";
            hint = "Use a fresh GUID (e.g. from `uuidgen`); `sentinelctl new` writes one for you. Never change it once deployed.";
        } else if (field.equals("version")) {
            message = "version " + shown + " is not of the form X.Y.Z";
            hint = "Write a three-part version such as `1.0.0`, quoted if YAML would read it as a number.";
        } else if (parent.equals("relevantTechniques")) {
            message = shown + " is not a MITRE ATT&CK technique id";
            hint = "Write technique ids such as `T1566` or sub-techniques such as `T1566.001`.";
        } else if (field.equals("queryFrequency") || field.equals("queryPeriod") || field.equals("suppressionDuration")
                || field.equals("lookbackDuration")) {
            message = field + " " + shown + " is not a duration";
            hint = "Write a number and a unit: `5m`, `1h`, `1d`.";
        } else if (field.equals("columnName") || parent.equals("customDetails")) {
            message = shown + " is not a valid column name";
            hint = "Use the plain name of a column the query returns (letters, digits and underscores).";
        } else if (field.equals("kind")) {
            message = "kind " + shown + " is not a supported analytic rule kind";
            hint = "Use `Scheduled` or `NRT`.";
        } else if (field.startsWith("alert")) {
            message = field + " must not be blank";
            hint = "Write the text to show, or remove the field.";
        } else if ("propertyNames".equals(error.getKeyword())) {
            message = "custom detail key '" + error.getProperty() + "' must start with a letter, have only letters, digits and underscores, and be at most 20 characters";
            hint = "Rename the key, e.g. `TargetUser`.";
        } else {
            message = field + " " + shown + ": " + stripPath(error.getMessage());
            hint = "Fix the value's format.";
        }
        boolean keyError = "propertyNames".equals(error.getKeyword());
        String at = keyError && error.getProperty() != null ? pointer + "/" + error.getProperty() : pointer;
        return new Translation("SCHEMA-format", Severity.ERROR, at, keyError, message, hint);
    }

    private List<String> knownProperties(Error error) {
        JsonNode schemaNode = locate(error.getSchemaLocation().toString(), true);
        List<String> names = new ArrayList<>();
        if (schemaNode != null && schemaNode.has("properties")) names.addAll(schemaNode.get("properties").propertyNames());
        return names;
    }

    private String requiredIdentifiers(Error error) {
        JsonNode parent = locate(error.getSchemaLocation().toString(), true);
        JsonNode combos = parent == null ? null : parent.get("x-requiredIdentifiers");
        if (combos == null) return "one of the identifiers its entity type requires";
        List<String> options = new ArrayList<>();
        combos.forEach(c -> options.add(c.asString()));
        return options.stream().collect(Collectors.joining(" or "));
    }

    /** The schema node at a location like {@code https://…/common.schema.json#/$defs/x/anyOf}, or its parent. */
    private JsonNode locate(String location, boolean parent) {
        int hash = location.indexOf('#');
        if (hash < 0) return null;
        JsonNode tree = schemaTrees.get(location.substring(0, hash));
        if (tree == null) return null;
        String fragment = location.substring(hash + 1);
        if (parent) {
            int slash = fragment.lastIndexOf('/');
            fragment = slash <= 0 ? "" : fragment.substring(0, slash);
        }
        JsonNode node = tree.at(fragment);
        return node.isMissingNode() ? null : node;
    }

    private static String fieldName(String pointer) {
        if (pointer.isEmpty()) return "the document";
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (last.chars().allMatch(Character::isDigit)) {
            return parentName(pointer);
        }
        return last.replace("~1", "/").replace("~0", "~");
    }

    private static String parentName(String pointer) {
        String[] parts = pointer.split("/");
        for (int i = parts.length - 2; i >= 1; i--) {
            if (!parts[i].chars().allMatch(Character::isDigit)) return parts[i];
        }
        return "";
    }

    private static String expectedType(Error error) {
        JsonNode n = error.getSchemaNode();
        if (n == null) return "value";
        if (n.isString()) return n.asString();
        if (n.isArray() && n.size() > 0) return n.get(0).asString();
        if (n.has("type")) return n.get("type").asString();
        return "value";
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            case "string" -> "text";
            default -> "a " + type;
        };
    }

    private static String describe(JsonNode n) {
        if (n == null) return "nothing";
        if (n.isObject()) return "a mapping";
        if (n.isArray()) return "a list";
        if (n.isNull()) return "empty";
        if (n.isBoolean()) return "a boolean";
        if (n.isIntegralNumber()) return "a whole number";
        if (n.isNumber()) return "a number";
        return "text";
    }

    private static String show(JsonNode n) {
        if (n.isContainer()) return n.isObject() ? "{…}" : "[…]";
        if (n.isNull()) return "null";
        String s = n.asString();
        if (s.length() > 60) s = s.substring(0, 57) + "…";
        return "'" + s + "'";
    }

    private static String typeHint(String field, String expected) {
        return switch (expected) {
            case "array" -> "Write '" + field + "' as a YAML list, one `- item` per line.";
            case "object" -> "Write '" + field + "' as a mapping of `key: value` lines.";
            case "string" -> "Quote the value (\"…\") so YAML reads it as text.";
            case "integer" -> "Write a whole number without quotes.";
            case "boolean" -> "Write `true` or `false` without quotes.";
            default -> "Fix the value's type.";
        };
    }

    private static String countHint(String field) {
        return switch (field) {
            case "entityMappings" -> "A rule takes 1 to 10 entity mappings; merge or drop some.";
            case "fieldMappings" -> "An entity mapping takes 1 to 3 field mappings.";
            case "customDetails" -> "A rule takes at most 20 custom details.";
            default -> "Adjust the number of items.";
        };
    }

    private static String exampleFor(String field) {
        return switch (field) {
            case "id" -> "with a fresh GUID";
            case "severity" -> "(Informational, Low, Medium or High)";
            case "kind" -> "(Scheduled or NRT)";
            case "queryFrequency" -> "(how often the rule runs, e.g. `1h`)";
            case "queryPeriod" -> "(how far back each run looks, e.g. `1d`)";
            case "triggerOperator" -> "(gt, lt, eq or ne)";
            case "triggerThreshold" -> "(e.g. `0` to alert on any result)";
            case "requiredDataConnectors" -> "listing the connectors and tables the query reads";
            case "entityType", "fieldMappings", "identifier", "columnName", "connectorId", "dataTypes" -> "";
            default -> "with a value";
        };
    }

    private static String stripPath(String message) {
        if (message == null) return "";
        int colon = message.indexOf(": ");
        String m = colon > 0 && message.startsWith("$") ? message.substring(colon + 2) : message;
        return m.toLowerCase(Locale.ROOT).equals(m) ? m : m;
    }
}
