package dev.sentinelctl.schema;

import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentItem.EntityMapping;
import dev.sentinelctl.content.ContentItem.FieldMapping;
import dev.sentinelctl.content.Span;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Entity identifier rules: which identifiers each entity type takes and which it requires. The data is read
 * from the {@code if/then} rules of {@code schemas/common.schema.json}, so editors that use the schema and
 * this check agree; evaluating them in Java is about eight times faster than through the validator, and the
 * messages can name the entity type.
 * <p>
 * The required combinations follow Microsoft's current entity reference (an identifier that takes part in one of
 * the type's strong identifiers, e.g. a CloudApplication by {@code Name} alone): without one Sentinel cannot build
 * the entity (error). Microsoft's content CI still checks the stricter 2023 list ({@code x-ciRequiredIdentifiers});
 * content that only misses that is reported as a warning, which the azure-sentinel profile makes an error.
 */
public final class EntityRules {

    private record TypeRule(Set<String> identifiers, List<List<String>> requiredCombinations, List<String> ciRequired) {}

    private final Map<String, TypeRule> rules;

    private EntityRules(Map<String, TypeRule> rules) {
        this.rules = rules;
    }

    static EntityRules fromSchema(JsonNode entityMappingItems) {
        Map<String, TypeRule> rules = new HashMap<>();
        for (JsonNode rule : entityMappingItems.path("allOf")) {
            String type = rule.path("if").path("properties").path("entityType").path("const").asString("");
            JsonNode fm = rule.path("then").path("properties").path("fieldMappings");
            Set<String> identifiers = new LinkedHashSet<>();
            fm.path("items").path("properties").path("identifier").path("enum").forEach(n -> identifiers.add(n.asString()));
            List<List<String>> combos = new ArrayList<>();
            for (JsonNode option : fm.path("anyOf")) {
                List<String> combo = new ArrayList<>();
                option.path("allOf").forEach(c -> combo.add(c.path("contains").path("properties").path("identifier").path("const").asString()));
                combos.add(combo);
            }
            List<String> ci = new ArrayList<>();
            fm.path("x-ciRequiredIdentifiers").forEach(n -> ci.add(n.asString()));
            rules.put(type, new TypeRule(identifiers, combos, ci));
        }
        return new EntityRules(Map.copyOf(rules));
    }

    public List<Diagnostic> check(ContentItem item) {
        List<Diagnostic> out = new ArrayList<>();
        YamlDocument doc = item.document();
        List<EntityMapping> mappings = item.entityMappings();
        for (int i = 0; i < mappings.size(); i++) {
            EntityMapping m = mappings.get(i);
            TypeRule rule = rules.get(m.entityType());
            if (rule == null) continue; // the schema's entityType enum reports it
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < m.fieldMappings().size(); j++) {
                FieldMapping f = m.fieldMappings().get(j);
                String pointer = "/entityMappings/" + i + "/fieldMappings/" + j + "/identifier";
                if (f.identifier().isEmpty()) continue;
                Optional<String> cased = rule.identifiers().stream().filter(id -> id.equalsIgnoreCase(f.identifier())).findFirst();
                if (!rule.identifiers().contains(f.identifier()) && cased.isPresent()) {
                    // ARM reads identifiers without regard to case; Microsoft's CI compares them exactly
                    seen.add(cased.get());
                    out.add(at(doc, pointer, "ENTITY-identifier", Severity.WARNING, "identifier '" + f.identifier()
                            + "' of entity type " + m.entityType() + " is written '" + cased.get() + "'; ARM accepts either, "
                            + "Microsoft's content CI only the exact name", "Write `" + cased.get() + "`."));
                } else if (!rule.identifiers().contains(f.identifier())) {
                    String guess = Suggest.closest(f.identifier(), rule.identifiers()).map(g -> "Write `" + g + "`.")
                            .orElse("Use one of: " + String.join(", ", rule.identifiers()) + ".");
                    out.add(at(doc, pointer, "ENTITY-identifier", Severity.ERROR, "'" + f.identifier()
                            + "' is not an identifier of entity type " + m.entityType(), guess));
                } else if (!seen.add(f.identifier())) {
                    // ARM takes it; which column Sentinel uses is not defined, so the entity may not be the one meant
                    out.add(at(doc, pointer, "ENTITY-identifier", Severity.WARNING, "identifier " + f.identifier()
                            + " is mapped twice in this " + m.entityType() + " entity; only one of the columns is used",
                            "Keep one mapping per identifier (Microsoft's content CI rejects the duplicate)."));
                }
            }
            if (!rule.requiredCombinations().isEmpty() && rule.requiredCombinations().stream().noneMatch(seen::containsAll)) {
                String needed = String.join(" or ", rule.requiredCombinations().stream().map(c -> String.join(" + ", c)).toList());
                out.add(at(doc, "/entityMappings/" + i + "/fieldMappings", "ENTITY-required-identifier", Severity.ERROR,
                        m.entityType() + " entity lacks an identifier Sentinel can identify it by: map " + needed,
                        "Add a fieldMapping with identifier " + needed + "; Sentinel cannot build the entity without it."));
            } else if (!rule.ciRequired().isEmpty() && rule.ciRequired().stream().noneMatch(seen::contains)) {
                String ci = String.join(" or ", rule.ciRequired());
                out.add(at(doc, "/entityMappings/" + i + "/fieldMappings", "ENTITY-required-identifier", Severity.WARNING,
                        m.entityType() + " entity is valid for Sentinel, but Microsoft's content CI (2023 identifier list) "
                                + "requires " + ci, "Map " + ci + " as well if the rule goes to the Azure-Sentinel repository."));
            }
        }
        return out;
    }

    private static Diagnostic at(YamlDocument doc, String pointer, String rule, Severity severity, String message, String hint) {
        Span span = doc.spanOf(pointer, false);
        return new Diagnostic(rule, severity, doc.source().displayPath(), span.line(), span.column(), span.endLine(),
                span.endColumn(), message, hint);
    }
}
