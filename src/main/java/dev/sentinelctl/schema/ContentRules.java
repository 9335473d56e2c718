package dev.sentinelctl.schema;

import dev.sentinelctl.content.AlertPlaceholders;
import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.HuntingQuery;
import dev.sentinelctl.content.RuleDuration;
import dev.sentinelctl.content.Span;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the content format that JSON Schema cannot express: relations between fields (period and
 * frequency), lookups in reference tables (technique → tactic) and checks on text (placeholders, ASCII).
 */
public final class ContentRules {
    private static final Duration MIN = Duration.ofMinutes(5);
    private static final Duration MAX = Duration.ofDays(14);
    private static final Pattern TECHNIQUE_ID = Pattern.compile("T[0-9]{4}(\\.[0-9]{3})?");
    private static final List<String> LEGACY_COLUMNS = List.of("AccountCustomEntity", "HostCustomEntity",
            "IPCustomEntity", "URLCustomEntity", "ProcessCustomEntity", "FileHashCustomEntity");
    private static final java.util.Map<String, String> LEGACY_ENTITY_TYPES = java.util.Map.of("AccountCustomEntity", "Account",
            "HostCustomEntity", "Host", "IPCustomEntity", "IP", "URLCustomEntity", "URL", "ProcessCustomEntity", "Process",
            "FileHashCustomEntity", "FileHash");
    /** The identifier each legacy column filled (FileHash needs Algorithm as well; the hint says Value). */
    private static final java.util.Map<String, String> LEGACY_IDENTIFIERS = java.util.Map.of("AccountCustomEntity", "FullName",
            "HostCustomEntity", "FullName", "IPCustomEntity", "Address", "URLCustomEntity", "Url", "ProcessCustomEntity",
            "CommandLine", "FileHashCustomEntity", "Value");

    /** @param strictDurations ISO-8601 durations are errors (Microsoft's CI rejects them), not warnings */
    public record Options(boolean strictDurations) {
        public static final Options DEFAULT = new Options(false);
    }

    private final AttackMatrix attack;
    private final Options options;

    public ContentRules(AttackMatrix attack, Options options) {
        this.attack = attack;
        this.options = options;
    }

    public List<Diagnostic> check(ContentItem item) {
        List<Diagnostic> out = new ArrayList<>();
        Reporter r = new Reporter(item.document(), out);
        if (item instanceof AnalyticRule rule) {
            checkRule(rule, r);
        } else if (item instanceof HuntingQuery hunting) {
            checkTechniques(hunting, r, Severity.WARNING);
        }
        checkAscii(item.document(), r);
        return out;
    }

    private void checkRule(AnalyticRule rule, Reporter r) {
        checkDurationForm(rule.queryFrequency(), "/queryFrequency", r);
        checkDurationForm(rule.queryPeriod(), "/queryPeriod", r);
        checkDurationForm(rule.suppressionDuration(), "/suppressionDuration", r);
        rule.incidentConfiguration().flatMap(AnalyticRule.IncidentConfiguration::groupingConfiguration)
                .ifPresent(g -> checkDurationForm(g.lookbackDuration(), "/incidentConfiguration/groupingConfiguration/lookbackDuration", r));
        Optional<Duration> frequency = rule.queryFrequency().map(RuleDuration::value);
        Optional<Duration> period = rule.queryPeriod().map(RuleDuration::value);
        frequency.ifPresent(f -> checkRange(f, "queryFrequency", "/queryFrequency", r));
        period.ifPresent(p -> checkRange(p, "queryPeriod", "/queryPeriod", r));
        if (frequency.isPresent() && period.isPresent()) {
            Duration f = frequency.get();
            Duration p = period.get();
            if (p.compareTo(f) < 0) {
                // Sentinel rejects it (the sandbox models the same validation): an error, not only a CI gate
                r.add("RULE-period-frequency", Severity.ERROR, "/queryPeriod", "queryPeriod (" + RuleDuration.shortForm(p)
                                + ") is shorter than queryFrequency (" + RuleDuration.shortForm(f) + "): events between runs are never seen",
                        "Make queryPeriod at least " + RuleDuration.shortForm(f) + ".");
            }
            if (p.compareTo(Duration.ofDays(2)) >= 0 && f.compareTo(Duration.ofHours(1)) < 0) {
                r.error("RULE-long-period-frequency", "/queryFrequency", "a rule that looks back "
                                + RuleDuration.shortForm(p) + " must not run more often than hourly (it runs every "
                                + RuleDuration.shortForm(f) + ")",
                        "Set queryFrequency to at least 1h, or queryPeriod below 2d (a Sentinel service limit).");
            }
        }
        // ARM checks a technique's form, not its place in ATT&CK: an unknown or unmatched technique deploys
        checkTechniques(rule, r, Severity.WARNING);
        if (rule.ruleKind() == AnalyticRule.RuleKind.SCHEDULED) checkLegacyEntityColumns(rule, r);
        rule.alertDetailsOverride().ifPresent(o -> {
            checkPlaceholders(o.alertDisplayNameFormat(), "/alertDetailsOverride/alertDisplayNameFormat", r);
            checkPlaceholders(o.alertDescriptionFormat(), "/alertDetailsOverride/alertDescriptionFormat", r);
        });
    }

    private void checkDurationForm(Optional<RuleDuration> duration, String pointer, Reporter r) {
        duration.filter(d -> d.form() == RuleDuration.Form.ISO8601).ifPresent(d -> r.add("RULE-duration-format",
                options.strictDurations() ? Severity.ERROR : Severity.WARNING, pointer,
                "duration '" + d.text() + "' is ISO-8601; the ARM API accepts it but Microsoft's content CI and "
                        + "Repositories conversion expect the short form",
                "Write `" + RuleDuration.shortForm(d.value()) + "` instead."));
    }

    private static void checkRange(Duration d, String field, String pointer, Reporter r) {
        if (d.compareTo(MIN) < 0 || d.compareTo(MAX) > 0) {
            r.error("RULE-duration-range", pointer, field + " " + RuleDuration.shortForm(d)
                    + " is outside what Sentinel accepts (5m to 14d)", "Use a value from 5m to 14d.");
        }
    }

    private void checkTechniques(ContentItem item, Reporter r, Severity severity) {
        if (item.document().root().has("tactics") && !item.document().root().get("tactics").isArray()) return;
        // Misspelt tactics ("Credential access") are the schema's finding; read them as meant here, not twice.
        Set<String> tactics = item.tactics().stream().map(ContentRules::tacticKey).collect(java.util.stream.Collectors.toSet());
        List<String> techniques = item.relevantTechniques();
        for (int i = 0; i < techniques.size(); i++) {
            String t = techniques.get(i).trim();
            if (!TECHNIQUE_ID.matcher(t).matches()) continue; // the schema reports malformed ids
            String pointer = "/relevantTechniques/" + i;
            Optional<Set<String>> known = attack.tacticsOf(t);
            if (known.isEmpty()) {
                r.add("RULE-unknown-technique", severity, pointer, "technique " + t
                        + " is not in the ATT&CK table Sentinel validates against", "Check the technique id on attack.mitre.org.");
            } else if (known.get().stream().map(ContentRules::tacticKey).noneMatch(tactics::contains)) {
                r.add("RULE-technique-tactic", severity, pointer, "technique " + t + " belongs to "
                                + String.join(", ", known.get().stream().sorted().toList()) + ", but no such tactic is listed in tactics",
                        "Add " + known.get().stream().sorted().findFirst().orElse("its tactic") + " to tactics, or remove " + t + ".");
            }
        }
    }

    /** The tactic without white space, lower case ("Credential Access" and "CredentialAccess" are one). */
    private static String tacticKey(String tactic) {
        StringBuilder sb = new StringBuilder(tactic.length());
        for (int i = 0; i < tactic.length(); i++) {
            char c = tactic.charAt(i);
            if (" \t\n\u000B\f\r".indexOf(c) < 0) sb.append(c);
        }
        return sb.toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static void checkLegacyEntityColumns(AnalyticRule rule, Reporter r) {
        String query = rule.query().text();
        Set<String> mapped = new java.util.HashSet<>();
        rule.entityMappings().forEach(m -> m.fieldMappings().forEach(f -> mapped.add(f.columnName())));
        for (String column : LEGACY_COLUMNS) {
            if (query.contains(column) && !mapped.contains(column)) {
                // the rule deploys and alerts, only without this entity
                r.add("RULE-legacy-entity-column", Severity.WARNING, "/query", "the query produces " + column
                                + " but no entity mapping uses it; Sentinel no longer maps legacy *CustomEntity columns by name, "
                                + "so the alerts carry no " + LEGACY_ENTITY_TYPES.get(column) + " entity",
                        "Add `entityMappings: [{entityType: " + LEGACY_ENTITY_TYPES.get(column) + ", fieldMappings: [{identifier: "
                                + LEGACY_IDENTIFIERS.get(column) + ", columnName: " + column + "}]}]`, or drop the column.");
            }
        }
    }

    private static void checkPlaceholders(String format, String pointer, Reporter r) {
        int count = AlertPlaceholders.in(format).size();
        if (count > 3) {
            r.error("RULE-placeholders", pointer, "alert details override uses " + count
                    + " {{column}} placeholders; Sentinel allows at most 3", "Keep the three most useful placeholders.");
        }
    }

    private static void checkAscii(YamlDocument doc, Reporter r) {
        int i = doc.source().firstNonAscii();
        if (i < 0) return;
        char c = doc.source().text().charAt(i);
        Span span = Span.of(doc.source(), i, i + 1);
        r.out.add(new Diagnostic("CONTENT-non-ascii", Severity.WARNING, doc.source().displayPath(), span.line(),
                span.column(), span.endLine(), span.endColumn(),
                "non-ASCII character U+" + String.format("%04X", (int) c)
                        + "; Microsoft's content CI rejects files that are not pure ASCII",
                "Replace it with an ASCII equivalent (straight quotes, '-' for dashes)."));
    }

    /** Collects diagnostics for one document, positioned by JSON pointer. */
    private record Reporter(YamlDocument doc, List<Diagnostic> out) {
        void error(String rule, String pointer, String message, String hint) {
            add(rule, Severity.ERROR, pointer, message, hint);
        }

        void add(String rule, Severity severity, String pointer, String message, String hint) {
            Span span = doc.spanOf(pointer, false);
            out.add(new Diagnostic(rule, severity, doc.source().displayPath(), span.line(), span.column(),
                    span.endLine(), span.endColumn(), message, hint));
        }
    }
}
