package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.syntax.ParsedQuery;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.kql.syntax.Statement;
import dev.sentinelctl.kql.syntax.Token;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Operators the parser keeps as raw tokens ({@link QueryOperator.Other}): {@code project-by-names} is evaluated;
 * every other one ({@code scan}, {@code make-graph}, the graph operators, {@code assert-schema} …) is refused
 * by its name.
 */
final class OtherOperators implements TabularOperator<QueryOperator.Other> {

    @Override
    public Class<QueryOperator.Other> syntax() {
        return QueryOperator.Other.class;
    }

    @Override
    public Table apply(QueryOperator.Other op, Table input, Evaluator evaluator, Scope scope) {
        String word = op.keyword().text();
        if (word.equals("project-by-names")) return projectByNames(op, Operators.requireInput(input, op), evaluator, scope);
        throw EvalException.unsupported("operator '" + word + "'", op);
    }

    /**
     * project-by-names (project-by-names-operator.md): the columns named by string arguments (with {@code *}
     * wildcards) or dynamic arrays of names, in argument order, each once.
     */
    private static Table projectByNames(QueryOperator.Other op, Table in, Evaluator evaluator, Scope scope) {
        if (op.tokens().isEmpty()) return in;
        Token first = op.tokens().get(0), last = op.tokens().get(op.tokens().size() - 1);
        String args = first.source().substring(first.start(), last.end());
        // the arguments are an expression list; the parser kept them as tokens, so read them as print's
        ParsedQuery parsed = KqlParser.parse("print " + args);
        if (parsed.hasErrors() || !(parsed.statements().get(0) instanceof Statement.Query q) || !(q.expression() instanceof QueryOperator.Print p)) {
            throw EvalException.bind("project-by-names takes column names as strings or dynamic arrays", op);
        }
        ExprCompiler cx = new ExprCompiler(evaluator, null, scope);
        Set<Integer> picked = new LinkedHashSet<>();
        for (Expr e : p.expressions().items()) {
            Ev v = cx.compile(e);
            Object value = v.eval(0);
            List<String> names = new ArrayList<>();
            if (value instanceof JsonNode j && j.isArray()) for (JsonNode n : j) names.add(n.asString());
            else names.add(Values.toStr(v.type(), value));
            for (String n : names) {
                String regex = "\\Q" + n.replace("*", "\\E.*\\Q") + "\\E";
                for (int i = 0; i < in.columns().size(); i++) {
                    if (in.columns().get(i).name().matches(regex)) picked.add(i);
                }
            }
        }
        return Tables.select(in, new ArrayList<>(picked));
    }
}
