package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.KqlType;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** parse and parse-where: the input's columns plus one per capture of the pattern (string unless typed). */
final class ParseRules {

    private ParseRules() {
    }

    static final class Parse implements OperatorRule<QueryOperator.Parse> {
        @Override
        public Class<QueryOperator.Parse> syntax() {
            return QueryOperator.Parse.class;
        }

        @Override
        public RowSchema bind(QueryOperator.Parse p, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            return parse(p.input(), p.pattern(), in, ob.tb, c);
        }
    }

    static final class ParseWhere implements OperatorRule<QueryOperator.ParseWhere> {
        @Override
        public Class<QueryOperator.ParseWhere> syntax() {
            return QueryOperator.ParseWhere.class;
        }

        @Override
        public RowSchema bind(QueryOperator.ParseWhere p, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            return parse(p.input(), p.pattern(), in, ob.tb, c);
        }
    }

    private static RowSchema parse(Expr input, Clause.ParsePattern pattern, RowSchema in, TreeBinder tb, TreeBinder.Ctx c) {
        tb.bind(input, c);
        List<Column> cols = new ArrayList<>(in.columns());
        Set<String> declared = new HashSet<>();
        if (pattern != null) {
            for (var part : pattern.parts()) {
                if (part instanceof Clause.Capture cap) {
                    String n = cap.name().simpleName();
                    if (n.isEmpty() || !declared.add(n)) continue;
                    KqlType t = cap.type() == null ? ScalarType.STRING : TreeBinder.typeName(cap.type());
                    cols.add(new Column(n, t));
                }
            }
        }
        return in.with(cols);
    }
}
