package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The project family: project, project-away, project-keep, project-rename, project-reorder. */
final class ProjectOperators {

    private ProjectOperators() {
    }

    static final class Project implements TabularOperator<QueryOperator.Project> {
        @Override
        public Class<QueryOperator.Project> syntax() {
            return QueryOperator.Project.class;
        }

        @Override
        public Table apply(QueryOperator.Project op, Table input, Evaluator evaluator, Scope scope) {
            Table in = Operators.requireInput(input, op);
            ExprCompiler cx = new ExprCompiler(evaluator, in, scope);
            List<Column> cols = new ArrayList<>();
            List<Vec> vecs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            int auto = 1;
            for (Expr e : op.expressions().items()) {
                if (e instanceof Expr.NameRef n && n.name() instanceof Name.Wildcard) {
                    for (int i : ExprCompiler.matchColumns(in, e)) add(cols, vecs, names, in.columns().get(i).name(), in.vec(i));
                    continue;
                }
                List<TupleFunctions.Out> tuple = TupleFunctions.expand(e, cx, in.rowCount(), evaluator.names, true);
                if (tuple != null) {
                    for (TupleFunctions.Out o : tuple) add(cols, vecs, names, o.name(), o.vec());
                    continue;
                }
                Ev v = cx.compile(e);
                String name = evaluator.names.of(e);
                if (name == null) name = Tables.unique("Column" + auto++, names);
                add(cols, vecs, names, name, e instanceof Expr.NameRef && in.columnIndex(name) >= 0 ? in.vec(in.columnIndex(name)) : Tables.materialize(v, in.rowCount()));
            }
            return Table.of(in.name(), cols, vecs, in.rowCount());
        }

        private static void add(List<Column> cols, List<Vec> vecs, List<String> names, String name, Vec v) {
            int i = names.indexOf(name);
            if (i >= 0) {
                cols.set(i, new Column(name, v.type));
                vecs.set(i, v);
                return;
            }
            names.add(name);
            cols.add(new Column(name, v.type));
            vecs.add(v);
        }
    }

    static final class Away implements TabularOperator<QueryOperator.ProjectAway> {
        @Override
        public Class<QueryOperator.ProjectAway> syntax() {
            return QueryOperator.ProjectAway.class;
        }

        @Override
        public Table apply(QueryOperator.ProjectAway op, Table input, Evaluator evaluator, Scope scope) {
            Table in = Operators.requireInput(input, op);
            Set<Integer> drop = new LinkedHashSet<>();
            for (Expr e : op.columns().items()) drop.addAll(ExprCompiler.matchColumns(in, e));
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < in.columns().size(); i++) if (!drop.contains(i)) keep.add(i);
            return Tables.select(in, keep);
        }
    }

    static final class Keep implements TabularOperator<QueryOperator.ProjectKeep> {
        @Override
        public Class<QueryOperator.ProjectKeep> syntax() {
            return QueryOperator.ProjectKeep.class;
        }

        @Override
        public Table apply(QueryOperator.ProjectKeep op, Table input, Evaluator evaluator, Scope scope) {
            Table in = Operators.requireInput(input, op);
            Set<Integer> keep = new LinkedHashSet<>();
            for (Expr e : op.columns().items()) keep.addAll(ExprCompiler.matchColumns(in, e));
            List<Integer> ordered = new ArrayList<>();
            for (int i = 0; i < in.columns().size(); i++) if (keep.contains(i)) ordered.add(i);
            return Tables.select(in, ordered);
        }
    }

    static final class Rename implements TabularOperator<QueryOperator.ProjectRename> {
        @Override
        public Class<QueryOperator.ProjectRename> syntax() {
            return QueryOperator.ProjectRename.class;
        }

        @Override
        public Table apply(QueryOperator.ProjectRename op, Table input, Evaluator evaluator, Scope scope) {
            Table in = Operators.requireInput(input, op);
            List<Column> cols = new ArrayList<>(in.columns());
            for (Expr e : op.renames().items()) {
                if (!(e instanceof Expr.Named n) || !(n.target() instanceof Name target) || !(n.value() instanceof Expr.NameRef from)) {
                    throw EvalException.bind("project-rename expects new_name = old_name", e);
                }
                int i = in.columnIndex(from.simpleName());
                if (i < 0) throw EvalException.bind("unknown column '" + from.simpleName() + "'", from);
                cols.set(i, new Column(target.simpleName(), cols.get(i).type()));
            }
            return Table.of(in.name(), cols, List.of(in.vecs()), in.rowCount());
        }
    }

    static final class Reorder implements TabularOperator<QueryOperator.ProjectReorder> {
        @Override
        public Class<QueryOperator.ProjectReorder> syntax() {
            return QueryOperator.ProjectReorder.class;
        }

        @Override
        public Table apply(QueryOperator.ProjectReorder op, Table input, Evaluator evaluator, Scope scope) {
            Table in = Operators.requireInput(input, op);
            Set<Integer> first = new LinkedHashSet<>();
            for (Clause.SortItem item : op.columns().items()) {
                List<Integer> m = ExprCompiler.matchColumns(in, item.expression());
                if (item.direction() != null) {
                    boolean desc = item.direction().text().equals("desc");
                    m.sort((a, b) -> desc ? in.columns().get(b).name().compareTo(in.columns().get(a).name())
                            : in.columns().get(a).name().compareTo(in.columns().get(b).name()));
                }
                first.addAll(m);
            }
            List<Integer> order = new ArrayList<>(first);
            for (int i = 0; i < in.columns().size(); i++) if (!first.contains(i)) order.add(i);
            return Tables.select(in, order);
        }
    }
}
