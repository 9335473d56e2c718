package dev.sentinelctl.docs;

import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.CustomDetection;
import dev.sentinelctl.content.HuntingQuery;
import dev.sentinelctl.content.RuleDuration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** A markdown catalog of content: one page per item and an index table, for a wiki or a docs site. */
public final class ContentCatalog {
    private final Function<ContentItem, List<String>> tablesRead;

    /** @param tablesRead the tables an item's query reads */
    public ContentCatalog(Function<ContentItem, List<String>> tablesRead) {
        this.tablesRead = tablesRead;
    }

    /** Writes {@code index.md} and one page per item under {@code out}; returns the number of pages. */
    public int write(List<ContentItem> items, Path out) throws IOException {
        Files.createDirectories(out);
        // A catalog of detections: automation rules act on their incidents and have no query to show.
        List<ContentItem> sorted = items.stream().filter(i -> !(i instanceof dev.sentinelctl.content.AutomationRule)).sorted(Comparator.comparing((ContentItem i) -> i.kind())
                .thenComparing(ContentItem::name, String.CASE_INSENSITIVE_ORDER)).toList();
        Set<String> used = new HashSet<>();
        StringBuilder index = new StringBuilder("# Content catalog\n\n")
                .append(items.size()).append(" items.\n\n")
                .append("| name | kind | severity | tactics | techniques | tables | schedule |\n|---|---|---|---|---|---|---|\n");
        for (ContentItem item : sorted) {
            String page = pageName(item, used);
            Files.writeString(out.resolve(page), page(item, out), StandardCharsets.UTF_8);
            index.append("| [").append(cell(item.name())).append("](").append(page).append(") | ").append(kindOf(item))
                    .append(" | ").append(severity(item)).append(" | ").append(String.join(", ", item.tactics()))
                    .append(" | ").append(String.join(", ", item.relevantTechniques())).append(" | ")
                    .append(String.join(", ", tablesRead.apply(item))).append(" | ").append(schedule(item)).append(" |\n");
        }
        Files.writeString(out.resolve("index.md"), index.toString(), StandardCharsets.UTF_8);
        return sorted.size();
    }

    private String page(ContentItem item, Path out) {
        StringBuilder md = new StringBuilder("# ").append(item.name()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "id", "`" + item.id() + "`");
        row(md, "kind", kindOf(item));
        row(md, "severity", severity(item));
        row(md, "version", item.version());
        row(md, "tactics", String.join(", ", item.tactics()));
        row(md, "techniques", String.join(", ", item.relevantTechniques().stream()
                .map(t -> "[" + t + "](https://attack.mitre.org/techniques/" + t.replace('.', '/') + "/)").toList()));
        row(md, "tables read", String.join(", ", tablesRead.apply(item)));
        row(md, "data connectors", String.join(", ", item.requiredDataConnectors().stream().map(c -> c.connectorId()).distinct().toList()));
        row(md, "entities", String.join(", ", item.entityMappings().stream().map(m -> m.entityType()).distinct().toList()));
        row(md, "schedule", schedule(item));
        Path file = Path.of(item.document().source().displayPath()).toAbsolutePath().normalize();
        String link = out.toAbsolutePath().normalize().relativize(file).toString().replace('\\', '/').replace(" ", "%20");
        row(md, "source", "[" + item.document().source().displayPath() + "](" + link + ")");
        md.append("\n## Description\n\n").append(item.description().strip()).append("\n");
        md.append("\n## Query\n\n```kusto\n").append(item.query().text().stripTrailing()).append("\n```\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String key, String value) {
        if (!value.isBlank()) md.append("| ").append(key).append(" | ").append(cell(value)).append(" |\n");
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String kindOf(ContentItem item) {
        if (item instanceof AnalyticRule r) return "analytic rule (" + (r.ruleKind() == AnalyticRule.RuleKind.NRT ? "NRT" : "Scheduled") + ")";
        if (item instanceof dev.sentinelctl.content.Parser p) return "parser (" + p.functionAlias() + ")";
        if (item instanceof CustomDetection) return "Defender XDR custom detection";
        if (item instanceof dev.sentinelctl.content.BuiltInAlertRule b) return "alert rule (" + b.ruleKind() + ")";
        return item.kind().displayName();
    }

    private static String severity(ContentItem item) {
        if (item instanceof CustomDetection d) return d.alertTemplate().severity();
        return item instanceof AnalyticRule r ? r.severity() : "";
    }

    private static String schedule(ContentItem item) {
        if (item instanceof AnalyticRule r) {
            if (r.ruleKind() == AnalyticRule.RuleKind.NRT) return "near real time";
            return r.queryFrequency().map(d -> "every " + RuleDuration.shortForm(d.value())).orElse("")
                    + r.queryPeriod().map(d -> ", looks back " + RuleDuration.shortForm(d.value())).orElse("");
        }
        if (item instanceof CustomDetection d) {
            return switch (d.period()) {
                case "0" -> "continuous (near real time)";
                case "1H" -> "every 1h, looks back 4h";
                case "3H" -> "every 3h, looks back 12h";
                case "12H" -> "every 12h, looks back 2d";
                case "24H" -> "every 24h, looks back 30d";
                default -> "";
            };
        }
        return item instanceof HuntingQuery ? "on demand" : "";
    }

    private static String pageName(ContentItem item, Set<String> used) {
        String base = item.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (base.isEmpty()) base = item.id();
        String name = base + ".md";
        for (int i = 2; !used.add(name); i++) name = base + "-" + i + ".md";
        return name;
    }
}
