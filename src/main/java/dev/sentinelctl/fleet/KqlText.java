package dev.sentinelctl.fleet;

import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.ParsedQuery;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.kql.syntax.Statement;
import java.util.regex.Pattern;

/**
 * Writes untrusted text into KQL so that it can only ever be a value: string literals and quoted names.
 * Characters a KQL lexer might read as a line end, or that have no escape our decoder and Kusto agree on,
 * are refused rather than guessed at.
 */
final class KqlText {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private KqlText() {
    }

    /** A double-quoted KQL string literal whose value is exactly {@code value}. */
    static String stringLiteral(String value) {
        String problem = unsupported(value);
        if (problem != null) throw new IllegalArgumentException(problem);
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** Why a value cannot be written as a literal, or null when it can. */
    static String unsupported(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean escaped = c == '\n' || c == '\r' || c == '\t';
            if ((c < 0x20 && !escaped) || c == 0x7F || c == 0x85 || c == '\u2028' || c == '\u2029') {
                return String.format("control or line-separator character U+%04X at position %d", (int) c, i + 1);
            }
            if (Character.isHighSurrogate(c) && (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                return "unpaired surrogate at position " + (i + 1);
            }
        }
        return null;
    }

    /**
     * A column name: as is when it is a plain identifier that our parser reads back as that name (keywords such as
     * {@code where} or {@code and} are not), else bracket-quoted {@code ["..."]}.
     */
    static String name(String name) {
        return PLAIN_NAME.matcher(name).matches() && readsAsName(name) ? name : "[" + stringLiteral(name) + "]";
    }

    private static boolean readsAsName(String name) {
        ParsedQuery q = KqlParser.parse("T | project " + name);
        if (q.hasErrors() || q.statements().size() != 1 || !(q.statements().get(0) instanceof Statement.Query s)) return false;
        return s.expression() instanceof Expr.Pipe p && p.operator() instanceof QueryOperator.Project proj
                && proj.expressions().items().size() == 1 && proj.expressions().items().get(0) instanceof Expr.NameRef ref
                && ref.name() instanceof Name.Identifier && ref.simpleName().equals(name);
    }
}
