package dev.sentinelctl.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads Azure-Sentinel's watchlist ARM templates ({@code Watchlists/<Name>/azuredeploy.json}: a
 * {@code workspaces/providers/Watchlists} resource with the CSV inline as {@code rawContent}) into a watchlist folder:
 * the metadata as {@code watchlist.yaml} and the CSV as {@code data.csv}.
 */
public final class WatchlistArm {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern PARAMETER = Pattern.compile("^\\[parameters\\('([^']+)'\\)\\]$");
    private static final Pattern NAME_TAIL = Pattern.compile("([A-Za-z0-9_]+)'?\\s*\\)*\\]?$");

    /** One watchlist found in a template. */
    public record Found(String alias, ObjectNode yaml, String csv, List<String> notes) {
        public Found {
            notes = List.copyOf(notes);
        }
    }

    private WatchlistArm() {}

    public static boolean isWatchlist(JsonNode resource) {
        String type = ParserDialects.text(resource, "type").toLowerCase(Locale.ROOT);
        return type.endsWith("/watchlists") && (type.startsWith("microsoft.operationalinsights/workspaces/providers")
                || type.startsWith("microsoft.securityinsights"));
    }

    /** Every watchlist resource of a template (top level); empty for other templates. */
    public static List<Found> read(JsonNode template) {
        List<Found> out = new ArrayList<>();
        JsonNode resources = template.get("resources");
        if (resources == null || !resources.isArray()) return out;
        for (JsonNode r : resources) {
            if (!isWatchlist(r)) continue;
            List<String> notes = new ArrayList<>();
            JsonNode p = r.path("properties");
            String alias = resolve(template, ParserDialects.text(p, "watchlistAlias"), notes, "watchlistAlias");
            if (alias.isEmpty()) {
                Matcher m = NAME_TAIL.matcher(ParserDialects.text(r, "name").strip());
                alias = m.find() ? m.group(1) : "";
            }
            ObjectNode y = JSON.objectNode();
            y.put("alias", alias);
            y.put("displayName", orElse(resolve(template, ParserDialects.text(p, "displayName"), notes, "displayName"), alias));
            String description = resolve(template, ParserDialects.text(p, "description"), notes, "description");
            if (!description.isEmpty()) y.put("description", description);
            y.put("provider", orElse(resolve(template, ParserDialects.text(p, "provider"), notes, "provider"), "Custom"));
            y.put("itemsSearchKey", resolve(template, ParserDialects.text(p, "itemsSearchKey"), notes, "itemsSearchKey"));
            JsonNode labels = p.get("labels");
            if (labels != null && labels.isArray() && !labels.isEmpty()) {
                var a = y.putArray("labels");
                for (JsonNode l : labels) if (l.isString()) a.add(l.asString());
            }
            String raw = ParserDialects.text(p, "rawContent").replace("\r\n", "\n").replace('\r', '\n');
            JsonNode skip = p.get("numberOfLinesToSkip");
            int linesToSkip = skip != null && skip.canConvertToInt() ? skip.intValue() : 0;
            if (linesToSkip > 0) {
                String[] lines = raw.split("\n", -1);
                raw = String.join("\n", java.util.Arrays.copyOfRange(lines, Math.min(linesToSkip, lines.length), lines.length));
                notes.add("dropped the " + linesToSkip + " line(s) before the header (numberOfLinesToSkip)");
            }
            if (raw.isEmpty()) notes.add("no rawContent in the template: data.csv is empty");
            if (!raw.isEmpty() && !raw.endsWith("\n")) raw += "\n";
            ObjectNode meta = y.putObject("metadata");
            meta.put("importedFrom", "Azure-Sentinel watchlist ARM template");
            String source = ParserDialects.text(p, "source");
            if (!source.isEmpty()) meta.put("source", source);
            out.add(new Found(alias, y, raw, notes));
        }
        return out;
    }

    private static String orElse(String v, String fallback) {
        return v.isEmpty() ? fallback : v;
    }

    /** A literal, or {@code [parameters('x')]} resolved to the parameter's defaultValue. */
    private static String resolve(JsonNode template, String value, List<String> notes, String field) {
        Matcher m = PARAMETER.matcher(value.strip());
        if (!m.matches()) return value;
        JsonNode def = template.path("parameters").path(m.group(1)).get("defaultValue");
        if (def != null && def.isString()) return def.asString();
        notes.add(field + " is the parameter '" + m.group(1) + "' without a default: left empty");
        return "";
    }
}
