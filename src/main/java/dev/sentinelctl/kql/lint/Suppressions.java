package dev.sentinelctl.kql.lint;

import dev.sentinelctl.kql.syntax.ParsedQuery;
import dev.sentinelctl.kql.syntax.Token;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suppression comments inside a query, as in ESLint: {@code // sentinelctl-disable RULE[, RULE]} silences
 * the rules on its own line, {@code -next-line} on the following line, {@code -file} in the whole query.
 * Without rule ids a comment silences every rule. They apply to lint findings, never to syntax errors.
 */
public final class Suppressions {
    private static final Pattern COMMENT = Pattern.compile(
            "//\\s*sentinelctl-disable(-next-line|-file)?\\b([^\\n]*)");
    private static final String ALL = "*";

    private final Set<String> file;
    private final Map<Integer, Set<String>> byLine;
    private final String text;

    private Suppressions(Set<String> file, Map<Integer, Set<String>> byLine, String text) {
        this.file = file;
        this.byLine = byLine;
        this.text = text;
    }

    public static Suppressions of(ParsedQuery parsed) {
        String text = parsed.text();
        Set<String> file = new HashSet<>();
        Map<Integer, Set<String>> byLine = new HashMap<>();
        if (!text.contains("sentinelctl-disable")) return new Suppressions(file, byLine, text);
        for (Token token : parsed.tokens()) {
            // A same-line comment is the previous token's trailing trivia; others lead the next token.
            scan(token.leadingTrivia(), token.fullStart(), text, file, byLine);
            scan(token.trailingTrivia(), token.end(), text, file, byLine);
        }
        return new Suppressions(file, byLine, text);
    }

    private static void scan(String trivia, int base, String text, Set<String> file, Map<Integer, Set<String>> byLine) {
        if (!trivia.contains("sentinelctl-disable")) return;
        Matcher m = COMMENT.matcher(trivia);
        while (m.find()) {
            Set<String> rules = parseRules(m.group(2));
            int line = lineOf(text, base + m.start());
            String mode = m.group(1) == null ? "" : m.group(1);
            switch (mode) {
                case "-file" -> file.addAll(rules);
                case "-next-line" -> byLine.computeIfAbsent(line + 1, k -> new HashSet<>()).addAll(rules);
                default -> byLine.computeIfAbsent(line, k -> new HashSet<>()).addAll(rules);
            }
        }
    }

    private static Set<String> parseRules(String rest) {
        Set<String> rules = new HashSet<>();
        String list = rest.contains("--") ? rest.substring(0, rest.indexOf("--")) : rest; // "-- reason" may follow
        for (String r : list.split("[,\\s]+")) {
            if (!r.isBlank()) rules.add(r.strip());
        }
        if (rules.isEmpty()) rules.add(ALL);
        return rules;
    }

    public boolean suppresses(String ruleId, int offset) {
        if (file.contains(ruleId) || file.contains(ALL)) return true;
        Set<String> rules = byLine.get(lineOf(text, offset));
        return rules != null && (rules.contains(ruleId) || rules.contains(ALL));
    }

    private static int lineOf(String text, int offset) {
        int line = 0;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') line++;
        }
        return line;
    }
}
