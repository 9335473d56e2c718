package dev.sentinelctl.fleet;

import dev.sentinelctl.content.Span;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.semantic.binder.Binder;
import dev.sentinelctl.kql.semantic.binder.BoundQuery;
import dev.sentinelctl.kql.semantic.binder.RowSchema;
import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.syntax.ParsedQuery;
import dev.sentinelctl.kql.syntax.Token;
import dev.sentinelctl.kql.syntax.TokenKind;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Checks a content file's exclusion declarations against its query: unique names, a column that exists (and is
 * a string) at the place the filter goes, a placement the query has, a match that can honour case sensitivity.
 * Findings are at the YAML position of the declaration's field.
 */
public final class ExclusionValidator {
    public static final String RULE_DUPLICATE = "EXCLUSION-duplicate-name";
    public static final String RULE_COLUMN = "EXCLUSION-column";
    public static final String RULE_COLUMN_TYPE = "EXCLUSION-column-type";
    public static final String RULE_PLACEMENT = "EXCLUSION-placement";
    public static final String RULE_CASE = "EXCLUSION-case";
    public static final String RULE_RESERVED = "EXCLUSION-reserved-name";
    public static final String RULE_UNCHECKED = "EXCLUSION-unchecked";

    public static final List<dev.sentinelctl.report.RuleInfo> RULES = List.of(
            info(RULE_DUPLICATE, "ExclusionDuplicateName", Severity.ERROR, "Two exclusions of one item share a name.",
                    "Workspaces set exclusion values by name; a shared name would give both filters the same values.",
                    "Give each exclusion its own name."),
            info(RULE_COLUMN, "ExclusionColumnMissing", Severity.ERROR,
                    "An exclusion filters a column the rows do not have where the filter goes.",
                    "The filter would not bind and the deployment would be refused for every workspace with values.",
                    "Name a column that exists at the placement, or change at:."),
            info(RULE_COLUMN_TYPE, "ExclusionColumnType", Severity.ERROR, "An exclusion filters a column that is not a string.",
                    "Exclusion values are strings; comparing them with numbers, dates or dynamic values does not bind.",
                    "Exclude on a string column."),
            info(RULE_PLACEMENT, "ExclusionPlacement", Severity.ERROR, "An exclusion's placement does not exist in the query.",
                    "before-summarize needs a summarize in the output pipeline; every placement needs an output statement.",
                    "Choose a placement the query has."),
            info(RULE_CASE, "ExclusionCaseSensitivity", Severity.WARNING, "caseSensitive on a match that has no case-sensitive form.",
                    "has_any and ipv4_is_in_any_range ignore case; the setting would silently do nothing.", "Remove caseSensitive."),
            info(RULE_RESERVED, "ExclusionReservedName", Severity.ERROR, "The query uses a name reserved for exclusions.",
                    "Generated lets are named __sentinelctl_<name>; a clash would change what the query means.", "Rename it."),
            info(RULE_UNCHECKED, "ExclusionUnchecked", Severity.INFO, "An exclusion's column could not be checked.",
                    "The rows at the placement come from a table or function whose schema is not known.",
                    "Add the schema with --schema to have it checked."));

    private static dev.sentinelctl.report.RuleInfo info(String id, String name, Severity s, String text, String why, String fix) {
        return new dev.sentinelctl.report.RuleInfo(id, name, s, text, why, fix);
    }

    private final Catalog catalog;

    public ExclusionValidator(Catalog catalog) {
        this.catalog = catalog;
    }

    public List<Diagnostic> validate(YamlDocument doc) {
        List<ExclusionDeclaration> declarations = ExclusionDeclarations.read(doc);
        List<Diagnostic> out = new ArrayList<>();
        if (declarations.isEmpty()) return out;
        Map<String, ExclusionDeclaration> seen = new HashMap<>();
        for (ExclusionDeclaration d : declarations) {
            ExclusionDeclaration first = seen.putIfAbsent(d.name().toLowerCase(java.util.Locale.ROOT), d);
            if (first != null) {
                out.add(at(doc, d.pointer() + "/name", RULE_DUPLICATE, Severity.ERROR, "exclusion '" + d.name()
                        + "' is declared twice (names are compared ignoring case; the first is at " + first.pointer() + ")",
                        "Give each exclusion its own name: a workspace sets values by name."));
            }
            if (d.caseSensitive() && (d.match() == ExclusionMatch.HAS || d.match() == ExclusionMatch.IN_IPV4_RANGE)) {
                out.add(at(doc, d.pointer() + "/caseSensitive", RULE_CASE, Severity.WARNING, "match '" + d.match().yamlName()
                        + "' has no case-sensitive form in KQL", "Remove caseSensitive or use equals, startswith or endswith."));
            }
        }
        String pointer = ExclusionDeclarations.queryPointer(doc);
        JsonNode q = doc.root().at(pointer);
        String query = q != null && q.isString() ? q.asString() : "";
        ParsedQuery parsed = KqlParser.parse(query);
        if (parsed.hasErrors()) return out; // validate reports the syntax errors; no tree to check against
        for (Token t : parsed.tokens()) {
            if (t.kind() == TokenKind.IDENTIFIER && t.text().startsWith(ExclusionCompiler.LET_PREFIX)) {
                out.add(at(doc, pointer, RULE_RESERVED, Severity.ERROR, "the query uses '" + t.text() + "'; names starting with "
                        + ExclusionCompiler.LET_PREFIX + " are reserved for exclusions", "Rename it."));
                break;
            }
        }
        BoundQuery bound = Binder.bind(parsed, catalog);
        for (ExclusionDeclaration d : declarations) {
            InsertionPoints.Point point = InsertionPoints.find(parsed, d.placement());
            if (!point.found()) {
                out.add(at(doc, d.pointer() + (doc.root().at(d.pointer()).has("at") ? "/at" : ""), RULE_PLACEMENT, Severity.ERROR,
                        "exclusion '" + d.name() + "' goes " + d.placement().yamlName() + ", but " + point.problem(),
                        "Choose after-table, before-summarize or end to match the query."));
                continue;
            }
            Optional<RowSchema> rows = bound.rowsOf(point.after());
            String where = d.placement().yamlName() + " (after '" + describe(point.after()) + "')";
            if (rows.isEmpty()) {
                out.add(at(doc, d.pointer() + "/column", RULE_UNCHECKED, Severity.INFO, "cannot check that column '" + d.column()
                        + "' exists " + where + ": that part of the query does not bind", ""));
                continue;
            }
            Column c = rows.get().find(d.column());
            if (c == null && rows.get().isOpen()) {
                out.add(at(doc, d.pointer() + "/column", RULE_UNCHECKED, Severity.INFO, "cannot check that column '" + d.column()
                        + "' exists " + where + ": the schema there is not fully known", "Add the table's schema with --schema."));
            } else if (c == null) {
                List<String> names = rows.get().columns().stream().map(Column::name).toList();
                Optional<String> near = names.stream().filter(n -> n.equalsIgnoreCase(d.column())).findFirst();
                out.add(at(doc, d.pointer() + "/column", RULE_COLUMN, Severity.ERROR, "column '" + d.column() + "' does not exist "
                        + where + near.map(n -> "; did you mean '" + n + "'?").orElse(""),
                        "Name a column the rows have at that point, or move the filter with at:."));
            } else if (c.type() instanceof ScalarType s && s != ScalarType.STRING) {
                out.add(at(doc, d.pointer() + "/column", RULE_COLUMN_TYPE, Severity.ERROR, "column '" + d.column() + "' is "
                        + s.name().toLowerCase(java.util.Locale.ROOT) + "; exclusions compare strings",
                        "Exclude on a string column, or extend one with tostring() before the placement."));
            }
        }
        return out;
    }

    /** The pipe step a filter follows, as a reader finds it in the query: {@code | extend RecipientDomain = …}. */
    private static String describe(dev.sentinelctl.kql.syntax.SyntaxNode node) {
        String text = node instanceof dev.sentinelctl.kql.syntax.Expr.Pipe p ? "| " + p.operator().text() : node.text();
        String t = text.replaceAll("\\s+", " ").trim();
        return t.length() <= 40 ? t : t.substring(0, 39) + "…";
    }

    private static Diagnostic at(YamlDocument doc, String pointer, String rule, Severity severity, String message, String hint) {
        Span s = doc.spanOf(pointer, false);
        return new Diagnostic(rule, severity, doc.source().displayPath(), s.line(), s.column(), s.endLine(), s.endColumn(),
                message, hint);
    }
}
