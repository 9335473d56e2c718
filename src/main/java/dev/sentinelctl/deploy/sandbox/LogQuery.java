package dev.sentinelctl.deploy.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's stand-in for the Log Analytics query API: not a KQL engine, it runs exactly the one query shape deploy
 * preflight sends (whitespace free, identifiers bare or quoted as {@code ['name']} / {@code ["name"]}):
 * <pre>
 * union withsource=COLUMN [isfuzzy=true|false] [kind=outer|inner] TABLE, TABLE, ...
 * [| where TimeGenerated > ago(TIMESPAN)]
 * | summarize NAME = max(TimeGenerated) by COLUMN
 * </pre>
 * against the workspace's {@link WorkspaceTables}, answering like the service ({@code tables[0].columns/rows}, a
 * {@code PartialError} when {@code isfuzzy} skipped a missing table). Any other query goes to {@link SandboxKql}
 * (see {@link #isRecencyShape}).
 */
final class LogQuery {
    private static final String SUPPORTED = "The sandbox runs only 'union withsource=C [isfuzzy=true] T1, T2, ... "
            + "[| where TimeGenerated > ago(7d)] | summarize L = max(TimeGenerated) by C' (the query deploy preflight "
            + "sends); it is not a KQL engine.";

    private final String sourceColumn;
    private final String resultColumn;
    private final boolean fuzzy;
    private final List<String> tables;
    private final Optional<Duration> ago;

    private LogQuery(String sourceColumn, String resultColumn, boolean fuzzy, List<String> tables, Optional<Duration> ago) {
        this.sourceColumn = sourceColumn;
        this.resultColumn = resultColumn;
        this.fuzzy = fuzzy;
        this.tables = tables;
        this.ago = ago;
    }

    /** Whether a request's query is the preflight shape this class runs (a union with withsource=, parsed fully). */
    static boolean isRecencyShape(ObjectNode body) {
        JsonNode q = body.get("query");
        if (q == null || !q.isString()) return true; // LogQuery reports the missing query
        try {
            parse(q.asString());
            return true;
        } catch (ArmException e) {
            return false;
        }
    }

    /** Runs a request body ({@code {"query": "...", "timespan": "P7D"}}) against a workspace's tables at {@code now}. */
    static ObjectNode run(ObjectNode body, SortedMap<String, TableState> workspaceTables, Instant now) {
        JsonNode q = body.get("query");
        if (q == null || !q.isString() || q.asString().isBlank()) {
            throw badArgument("The 'query' property is required.", "The request body needs a non-empty 'query' string.");
        }
        Optional<Duration> timespan = Optional.empty();
        JsonNode ts = body.get("timespan");
        if (ts != null && !ts.isNull()) {
            String text = ts.asString("");
            if (!text.startsWith("P")) {
                throw badArgument("Invalid timespan.", "The sandbox takes an ISO 8601 duration as timespan (P7D, PT12H), not '"
                        + text + "'.");
            }
            timespan = Optional.of(SandboxDurations.parse(text).orElseThrow(() -> badArgument("Invalid timespan.",
                    "'" + text + "' is not an ISO 8601 duration.")));
        }
        return parse(q.asString()).evaluate(workspaceTables, now, timespan);
    }

    private ObjectNode evaluate(SortedMap<String, TableState> workspaceTables, Instant now, Optional<Duration> timespan) {
        Instant from = Instant.MIN;
        if (ago.isPresent()) from = now.minus(ago.get());
        if (timespan.isPresent() && now.minus(timespan.get()).isAfter(from)) from = now.minus(timespan.get());
        List<String> missing = new ArrayList<>();
        ObjectNode out = SandboxJson.object();
        ObjectNode table = out.putArray("tables").addObject();
        table.put("name", "PrimaryResult");
        ArrayNode columns = table.putArray("columns");
        columns.addObject().put("name", sourceColumn).put("type", "string");
        columns.addObject().put("name", resultColumn).put("type", "datetime");
        ArrayNode rows = table.putArray("rows");
        for (String name : tables) {
            TableState state = workspaceTables.get(name);
            if (state == null) {
                missing.add(name);
                continue;
            }
            Optional<Instant> last = state.lastRecord(now);
            if (last.isPresent() && last.get().isAfter(from) && !last.get().isAfter(now)) {
                ArrayNode row = rows.addArray();
                row.add(name);
                row.add(last.get().toString());
            }
        }
        if (!missing.isEmpty() && (!fuzzy || missing.size() == tables.size())) {
            throw new ArmException(400, "BadArgumentError", "'union' operator: Failed to resolve table expression named '"
                    + missing.get(0) + "'");
        }
        if (!missing.isEmpty()) {
            ObjectNode error = out.putObject("error");
            error.put("code", "PartialError");
            error.put("message", "There were some errors when processing your query.");
            ArrayNode details = error.putArray("details");
            for (String m : missing) {
                details.addObject().put("code", "EngineError")
                        .put("message", "'union' operator: Failed to resolve table expression named '" + m + "'");
            }
        }
        return out;
    }

    static LogQuery parse(String text) {
        Tokens t = new Tokens(text);
        t.expectWord("union");
        String source = null;
        boolean fuzzy = false;
        while (t.peekIsParameter()) {
            String name = t.word().toLowerCase(Locale.ROOT);
            t.expect("=");
            String value = t.word();
            switch (name) {
                case "withsource":
                    source = value;
                    break;
                case "isfuzzy":
                    fuzzy = value.equalsIgnoreCase("true");
                    break;
                case "kind":
                    break;
                default:
                    throw unsupported("union parameter '" + name + "'");
            }
        }
        if (source == null) throw unsupported("a union without withsource=");
        List<String> tables = new ArrayList<>();
        tables.add(t.name());
        while (t.accept(",")) tables.add(t.name());
        Optional<Duration> ago = Optional.empty();
        t.expect("|");
        if (t.acceptWord("where")) {
            t.expectWord("TimeGenerated");
            t.expect(">");
            t.expectWord("ago");
            t.expect("(");
            String span = t.timespan();
            ago = Optional.of(SandboxDurations.parse(span).orElseThrow(() -> unsupported("the timespan '" + span + "'")));
            t.expect(")");
            t.expect("|");
        }
        t.expectWord("summarize");
        String result = t.word();
        t.expect("=");
        t.expectWord("max");
        t.expect("(");
        t.expectWord("TimeGenerated");
        t.expect(")");
        t.expectWord("by");
        String by = t.word();
        if (!by.equals(source)) throw unsupported("summarize by '" + by + "' instead of the withsource column '" + source + "'");
        t.expectEnd();
        return new LogQuery(source, result, fuzzy, tables, ago);
    }

    static ArmException unsupported(String what) {
        return badArgument("The request had some invalid properties", "Unsupported: " + what + ". " + SUPPORTED);
    }

    /** Log Analytics answers a query it cannot run with 400 BadArgumentError; the detail says why. */
    private static ArmException badArgument(String message, String detail) {
        return new ArmException(400, "BadArgumentError", message + ": " + detail);
    }

    /** A hand-written lexer for the few token kinds the shape has. */
    private static final class Tokens {
        private final String s;
        private int i;

        Tokens(String s) {
            this.s = s;
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        boolean peekIsParameter() {
            skipSpace();
            int j = i;
            while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
            if (j == i) return false;
            while (j < s.length() && Character.isWhitespace(s.charAt(j))) j++;
            return j < s.length() && s.charAt(j) == '=';
        }

        String word() {
            skipSpace();
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
            if (start == i) throw unsupported("'" + rest() + "' where a name was expected");
            return s.substring(start, i);
        }

        /** A table name: bare, or {@code ['...']} / {@code ["..."]} with backslash escapes. */
        String name() {
            skipSpace();
            if (i < s.length() && s.charAt(i) == '[') {
                i++;
                if (i >= s.length() || (s.charAt(i) != '\'' && s.charAt(i) != '"')) throw unsupported("'[' without a quoted name");
                char quote = s.charAt(i++);
                StringBuilder out = new StringBuilder();
                while (i < s.length() && s.charAt(i) != quote) {
                    char c = s.charAt(i++);
                    if (c == '\\' && i < s.length()) c = s.charAt(i++);
                    out.append(c);
                }
                if (i >= s.length()) throw unsupported("an unterminated quoted name");
                i++;
                expect("]");
                return out.toString();
            }
            return word();
        }

        String timespan() {
            skipSpace();
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
            return s.substring(start, i);
        }

        boolean accept(String punct) {
            skipSpace();
            if (s.startsWith(punct, i)) {
                i += punct.length();
                return true;
            }
            return false;
        }

        void expect(String punct) {
            if (!accept(punct)) throw unsupported("'" + rest() + "' where '" + punct + "' was expected");
        }

        boolean acceptWord(String w) {
            skipSpace();
            int save = i;
            if (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_') && word().equals(w)) return true;
            i = save;
            return false;
        }

        void expectWord(String w) {
            if (!acceptWord(w)) throw unsupported("'" + rest() + "' where '" + w + "' was expected");
        }

        void expectEnd() {
            skipSpace();
            if (i < s.length()) throw unsupported("'" + rest() + "' after the summarize");
        }

        private String rest() {
            String r = s.substring(Math.min(i, s.length())).strip();
            return r.length() > 40 ? r.substring(0, 40) + "…" : r;
        }
    }
}
