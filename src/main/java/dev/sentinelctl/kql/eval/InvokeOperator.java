package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.List;

/** {@code T | invoke f(args)}: calls a tabular function with the input as its first (tabular) parameter. */
final class InvokeOperator implements TabularOperator<QueryOperator.Invoke> {

    @Override
    public Class<QueryOperator.Invoke> syntax() {
        return QueryOperator.Invoke.class;
    }

    @Override
    public Table apply(QueryOperator.Invoke op, Table input, Evaluator evaluator, Scope scope) {
        Table in = Operators.requireInput(input, op);
        if (!(op.function() instanceof Expr.FunctionCall call)) throw EvalException.unsupported("invoke of '" + ExprCompiler.text(op.function()) + "'", op);
        Scope.Binding b = scope.get(call.functionName());
        Scope.FunctionValue f = b instanceof Scope.FunctionValue fv ? fv : evaluator.stored(call.functionName());
        if (f == null) throw EvalException.bind("invoke: unknown function '" + call.functionName() + "'", call);
        Scope s = scope.child();
        String hidden = "__invoke_input";
        s.put(hidden, new Scope.TabularValue(() -> in));
        List<Expr> args = new ArrayList<>();
        args.add(new Expr.NameRef(new dev.sentinelctl.kql.syntax.Name.Identifier(
                new dev.sentinelctl.kql.syntax.Token(dev.sentinelctl.kql.syntax.TokenKind.IDENTIFIER, 0, 0, hidden.length(), hidden.length(), hidden, false, null))));
        args.addAll(call.arguments().items());
        return evaluator.callTabular(f, args, call, s);
    }
}
