package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The project family: project, project-away, project-keep, project-rename, project-reorder. */
final class ProjectRules {

    private ProjectRules() {
    }

    /** project: exactly the listed columns, in order. */
    static final class Project implements OperatorRule<QueryOperator.Project> {
        @Override
        public Class<QueryOperator.Project> syntax() {
            return QueryOperator.Project.class;
        }

        @Override
        public RowSchema bind(QueryOperator.Project p, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            ProjectionBuilder b = new ProjectionBuilder();
            ob.projection.project(p.expressions().items(), b, TreeBinder.Style.DEFAULT, false, c);
            return new RowSchema(b.columns(), Map.of(), in.isOpen());
        }
    }

    /** project-away: the input's columns but the named ones (patterns allowed). */
    static final class Away implements OperatorRule<QueryOperator.ProjectAway> {
        @Override
        public Class<QueryOperator.ProjectAway> syntax() {
            return QueryOperator.ProjectAway.class;
        }

        @Override
        public RowSchema bind(QueryOperator.ProjectAway pa, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            return awayOrKeep(pa.columns().items(), in, ob.tb, c, true);
        }
    }

    /** project-keep: only the named columns (patterns allowed), in the input's order. */
    static final class Keep implements OperatorRule<QueryOperator.ProjectKeep> {
        @Override
        public Class<QueryOperator.ProjectKeep> syntax() {
            return QueryOperator.ProjectKeep.class;
        }

        @Override
        public RowSchema bind(QueryOperator.ProjectKeep pk, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            return awayOrKeep(pk.columns().items(), in, ob.tb, c, false);
        }
    }

    private static RowSchema awayOrKeep(List<Expr> items, RowSchema in, TreeBinder tb, TreeBinder.Ctx c, boolean away) {
        Set<String> matched = new HashSet<>();
        for (Expr e : items) {
            Expr x = e;
            while (x instanceof Expr.Paren p) x = p.inner();
            if (x instanceof Expr.NameRef n && n.name() instanceof Name.Wildcard w) {
                String pattern = w.simpleName();
                boolean any = false;
                for (Column col : in.columns()) {
                    if (ColumnSets.glob(pattern, col.name())) {
                        matched.add(col.name());
                        any = true;
                    }
                }
                if (!any && !in.isOpen()) {
                    // Kusto: a pattern must match at least one column of the input
                    tb.diags.error("KS142", x, "The name '" + pattern + "' does not refer to any known column.",
                            "No input column matches the pattern; check its spelling (patterns are case-sensitive)"
                                    + " or remove it.");
                }
            } else if (x instanceof Expr.Star) {
                for (Column col : in.columns()) matched.add(col.name());
            } else {
                Value v = tb.bind(x, c);
                if (v.column() != null) matched.add(v.column().name());
            }
        }
        List<Column> out = new ArrayList<>();
        for (Column col : in.columns()) {
            if (matched.contains(col.name()) != away) out.add(col);
        }
        return in.with(out);
    }

    /** project-rename: the input's columns in place, the named ones under their new names. */
    static final class Rename implements OperatorRule<QueryOperator.ProjectRename> {
        @Override
        public Class<QueryOperator.ProjectRename> syntax() {
            return QueryOperator.ProjectRename.class;
        }

        @Override
        public RowSchema bind(QueryOperator.ProjectRename pr, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            TreeBinder tb = ob.tb;
            ProjectionBuilder b = new ProjectionBuilder(in.columns().size());
            for (Column col : in.columns()) {
                Column added = b.add(col, null, false, true);
                b.markDeclared(added.name());
            }
            for (Expr e : pr.renames().items()) {
                if (e instanceof Expr.Named n && n.target() instanceof Name nm) {
                    Value v = tb.bind(n.value(), c);
                    if (v.column() != null) {
                        b.rename(v.column().name(), nm.simpleName());
                    } else if (!v.isUnknown()) {
                        tb.diags.error("KS109", n.value(), "Column name expected.",
                                "project-rename takes NewName = ExistingColumn.");
                    }
                } else if (e != null) {
                    tb.bind(e, c);
                    tb.diags.error("KS110", e, "Column rename assignment expected.", "Write project-rename NewName = ExistingColumn.");
                }
            }
            return in.with(b.columns());
        }
    }

    /** project-reorder: the named columns first (a pattern's matches sorted when asc/desc is given), then the rest. */
    static final class Reorder implements OperatorRule<QueryOperator.ProjectReorder> {
        @Override
        public Class<QueryOperator.ProjectReorder> syntax() {
            return QueryOperator.ProjectReorder.class;
        }

        @Override
        public RowSchema bind(QueryOperator.ProjectReorder pr, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            ProjectionBuilder b = new ProjectionBuilder(in.columns().size());
            for (Clause.SortItem it : pr.columns().items()) {
                Expr x = it.expression();
                if (x instanceof Expr.NameRef n && n.name() instanceof Name.Wildcard w) {
                    List<Column> group = new ArrayList<>();
                    for (Column col : in.columns()) if (ColumnSets.glob(w.simpleName(), col.name())) group.add(col);
                    if (it.direction() != null) {
                        group.sort(Comparator.comparing(Column::name));
                        if (it.direction().is("desc")) Collections.reverse(group);
                    }
                    for (Column col : group) b.add(col, null, false, true);
                } else {
                    Value v = ob.tb.bind(x, c);
                    if (v.column() != null) b.add(v.column(), null, false, true);
                }
            }
            for (Column col : in.columns()) b.add(col, null, false, false);
            return in.with(b.columns());
        }
    }
}
