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
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Entity identifier rules: which identifiers each entity type takes and which it requires. The data is read
 * from the {@code if/then} rules of {@code schemas/common.schema.json}, so editors that use the schema and
 * this check agree; evaluating them in Java is about eight times faster than through the validator, and the
 * messages can name the entity type.
 */
public final class EntityRules {

    private record TypeRule(Set<String> identifiers, List<List<String>> requiredCombinations) {}

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
            rules.put(type, new TypeRule(identifiers, combos));
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
                if (!rule.identifiers().contains(f.identifier())) {
                    String guess = Suggest.closest(f.identifier(), rule.identifiers()).map(g -> "Write `" + g + "`.")
                            .orElse("Use one of: " + String.join(", ", rule.identifiers()) + ".");
                    out.add(at(doc, pointer, "ENTITY-identifier", "'" + f.identifier() + "' is not an identifier of entity type "
                            + m.entityType(), guess));
                } else if (!seen.add(f.identifier())) {
                    out.add(at(doc, pointer, "ENTITY-identifier", "identifier " + f.identifier()
                            + " is mapped twice in this " + m.entityType() + " entity", "Keep one mapping per identifier."));
                }
            }
            if (!rule.requiredCombinations().isEmpty() && rule.requiredCombinations().stream().noneMatch(seen::containsAll)) {
                String needed = String.join(" or ", rule.requiredCombinations().stream().map(c -> String.join(" + ", c)).toList());
                out.add(at(doc, "/entityMappings/" + i + "/fieldMappings", "ENTITY-required-identifier",
                        m.entityType() + " entity lacks a required identifier: map " + needed,
                        "Add a fieldMapping with identifier " + needed + "; Sentinel cannot build the entity without it."));
            }
        }
        return out;
    }

    private static Diagnostic at(YamlDocument doc, String pointer, String rule, String message, String hint) {
        Span span = doc.spanOf(pointer, false);
        return new Diagnostic(rule, Severity.ERROR, doc.source().displayPath(), span.line(), span.column(), span.endLine(),
                span.endColumn(), message, hint);
    }
}
