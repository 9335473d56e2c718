package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Statement;

import java.util.List;
import java.util.Objects;

/**
 * Invocations of a {@code declare pattern} (pattern-statement.md): {@code p("a")} or {@code p("a").path} runs the
 * query of the rule whose argument values (converted to the declared types) and path equal the invocation's; no
 * such rule is an error, as in Kusto.
 */
final class Patterns {

    private Patterns() {
    }

    /** @param path the member after the call ({@code .Alberta}, {@code .['New York']}), or null */
    static Table invoke(Scope.PatternValue p, Expr.FunctionCall call, Expr path, Evaluator evaluator, Scope scope) {
        Statement.DeclarePattern d = p.decl();
        String name = d.name().simpleName();
        if (d.parameters() == null) throw EvalException.bind("pattern '" + name + "' is declared without rules", call);
        List<Clause.Parameter> params = d.parameters().parameters().items();
        List<Expr> args = call.arguments().items();
        if (args.size() != params.size()) {
            throw EvalException.bind("pattern '" + name + "' takes " + params.size() + " arguments, " + args.size() + " given", call);
        }
        if ((path != null) != (d.pathParameter() != null)) {
            throw EvalException.bind(path == null ? "pattern '" + name + "' needs a path: " + name + "(...).path"
                    : "pattern '" + name + "' has no path parameter", path == null ? call : path);
        }
        Object[] values = new Object[args.size()];
        ScalarType[] types = new ScalarType[args.size()];
        for (int i = 0; i < args.size(); i++) {
            types[i] = type(params.get(i));
            values[i] = constant(args.get(i), types[i], evaluator, scope);
        }
        String pathValue = path == null ? null : pathText(path, evaluator, scope);
        for (Clause.PatternRule rule : d.rules()) {
            if (rule.arguments().size() != params.size()) {
                throw EvalException.bind("a rule of pattern '" + name + "' has " + rule.arguments().size() + " values for "
                        + params.size() + " parameters", rule);
            }
            boolean same = true;
            for (int i = 0; i < values.length && same; i++) {
                same = Objects.equals(values[i], constant(rule.arguments().get(i), types[i], evaluator, p.closure()));
            }
            if (same && pathValue != null) same = pathValue.equals(pathText(rule.path(), evaluator, p.closure()));
            if (same) return evaluator.table(rule.body(), p.closure());
        }
        throw EvalException.bind("pattern '" + name + "' has no rule for these arguments" + (pathValue == null ? "" : " and path '" + pathValue + "'"), call);
    }

    private static ScalarType type(Clause.Parameter p) {
        if (!(p.type() instanceof Clause.TypeName tn) || Evaluator.typeName(tn.token().text()) == null) {
            throw EvalException.bind("a pattern's parameters have scalar types: (name:string)", p);
        }
        return Evaluator.typeName(tn.token().text());
    }

    private static Object constant(Expr e, ScalarType type, Evaluator evaluator, Scope scope) {
        Ev v = new ExprCompiler(evaluator, null, scope).compile(e);
        return Convert.to(type, v.type(), v.eval(0));
    }

    /** A path is written as a name ({@code .Alberta}) in an invocation and as a value ({@code .["Alberta"]}) in a rule. */
    private static String pathText(Expr e, Evaluator evaluator, Scope scope) {
        if (e instanceof Expr.NameRef n) return n.simpleName();
        return (String) constant(e, ScalarType.STRING, evaluator, scope);
    }
}
