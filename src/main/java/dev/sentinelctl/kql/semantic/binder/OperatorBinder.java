package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ErrorType;
import dev.sentinelctl.kql.semantic.FunctionSymbol;
import dev.sentinelctl.kql.semantic.KqlType;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.semantic.TypePromotion;
import dev.sentinelctl.kql.syntax.BinaryOp;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.LiteralKind;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.NameTarget;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.report.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps an operator's input row schema to its output row schema with Kusto's rules (which columns survive,
 * in which order, under which names and types), binding the operator's expressions on the way.
 */
final class OperatorBinder {

    private static final RowSchema GETSCHEMA = RowSchema.of(List.of(new Column("ColumnName", ScalarType.STRING),
            new Column("ColumnOrdinal", ScalarType.LONG), new Column("DataType", ScalarType.STRING),
            new Column("ColumnType", ScalarType.STRING)));

    private final TreeBinder tb;
    private final ColumnNames names;
    private final RenderBinder renders;
    /** True while mv-expand/mv-apply items are projected: their columns hold elements, not arrays. */
    private boolean expanding;

    OperatorBinder(TreeBinder tb) {
        this.tb = tb;
        this.names = new ColumnNames(tb);
        this.renders = new RenderBinder(tb);
    }

    /** An operator at a query head; operators that need input get {@code implicitInput} (contextual subquery). */
    RowSchema bindHead(QueryOperator op, RowSchema implicitInput, TreeBinder.Ctx c) {
        if (op instanceof QueryOperator.Union || op instanceof QueryOperator.Print || op instanceof QueryOperator.Range
                || op instanceof QueryOperator.Search || op instanceof QueryOperator.Find || op instanceof QueryOperator.Evaluate) {
            return bind(op, implicitInput, c);
        }
        return bind(op, implicitInput == null ? RowSchema.open() : implicitInput, c);
    }

    RowSchema bind(QueryOperator op, RowSchema in, TreeBinder.Ctx outer) {
        TreeBinder.Ctx c = outer.withRow(in);
        if (op instanceof QueryOperator.Where w) {
            Value p = tb.bind(w.predicate(), c);
            checkBool(p, w.predicate());
            return in;
        }
        if (op instanceof QueryOperator.Extend e) {
            ProjectionBuilder b = startFrom(in);
            int before = in.columns().size();
            project(e.expressions().items(), b, TreeBinder.Style.EXTEND, false, c);
            return RowSchema.extending(in, withInferred(b.columns(), in, before));
        }
        if (op instanceof QueryOperator.Project p) {
            ProjectionBuilder b = new ProjectionBuilder();
            project(p.expressions().items(), b, TreeBinder.Style.DEFAULT, false, c);
            return new RowSchema(b.columns(), Map.of(), in.isOpen());
        }
        if (op instanceof QueryOperator.ProjectAway pa) return projectAwayOrKeep(pa.columns().items(), in, c, true);
        if (op instanceof QueryOperator.ProjectKeep pk) return projectAwayOrKeep(pk.columns().items(), in, c, false);
        if (op instanceof QueryOperator.ProjectRename pr) return projectRename(pr, in, c);
        if (op instanceof QueryOperator.ProjectReorder pr) return projectReorder(pr, in, c);
        if (op instanceof QueryOperator.Summarize s) return summarize(s, in, c);
        if (op instanceof QueryOperator.Distinct d) {
            ProjectionBuilder b = new ProjectionBuilder();
            project(d.columns().items(), b, TreeBinder.Style.DEFAULT, false, c);
            return new RowSchema(b.columns(), Map.of(), in.isOpen());
        }
        if (op instanceof QueryOperator.Count n) return RowSchema.of(List.of(new Column(n.columnName(), ScalarType.LONG)));
        if (op instanceof QueryOperator.Take t) {
            checkInteger(tb.bind(t.count(), c), t.count());
            return in;
        }
        if (op instanceof QueryOperator.Sample t) {
            tb.bind(t.count(), c);
            return in;
        }
        if (op instanceof QueryOperator.Sort s) {
            for (Clause.SortItem it : s.items().items()) checkNotDynamic(tb.bind(it.expression(), c), it.expression(), "sort");
            return in;
        }
        if (op instanceof QueryOperator.Top t) {
            checkInteger(tb.bind(t.count(), c), t.count());
            if (t.sort() != null) checkNotDynamic(tb.bind(t.sort().expression(), c), t.sort().expression(), "top");
            return in;
        }
        if (op instanceof QueryOperator.Serialize s) {
            ProjectionBuilder b = startFrom(in);
            int before = in.columns().size();
            project(s.expressions().items(), b, TreeBinder.Style.DEFAULT, false, c);
            return RowSchema.extending(in, withInferred(b.columns(), in, before));
        }
        if (op instanceof QueryOperator.As as) {
            if (as.name() != null && as.name().firstToken() != null && !as.name().firstToken().missing()) {
                c.scope().declare(as.name().simpleName(), new LocalSymbol.Variable(Value.tabular(in)));
            }
            return in;
        }
        if (op instanceof QueryOperator.GetSchema) return GETSCHEMA;
        if (op instanceof QueryOperator.Join j) return join(j, in, c);
        if (op instanceof QueryOperator.Lookup l) return lookup(l, in, c);
        if (op instanceof QueryOperator.Union u) return union(u, in, c);
        if (op instanceof QueryOperator.MvExpand mv) return mvExpand(mv.parameters(), mv.items().items(), mv.limit(), in, c);
        if (op instanceof QueryOperator.MvApply ma) return mvApply(ma, in, c);
        if (op instanceof QueryOperator.Parse p) return parse(p.input(), p.pattern(), in, c);
        if (op instanceof QueryOperator.ParseWhere p) return parse(p.input(), p.pattern(), in, c);
        if (op instanceof QueryOperator.ParseKv p) return parseKv(p, in, c);
        if (op instanceof QueryOperator.MakeSeries ms) return makeSeries(ms, in, c);
        if (op instanceof QueryOperator.TopNested tn) return topNested(tn, in, c);
        if (op instanceof QueryOperator.TopHitters th) return topHitters(th, in, c);
        if (op instanceof QueryOperator.SampleDistinct sd) {
            tb.bind(sd.count(), c);
            ProjectionBuilder b = new ProjectionBuilder();
            project(List.of(sd.expression()), b, TreeBinder.Style.DEFAULT, false, c);
            return RowSchema.of(b.columns());
        }
        if (op instanceof QueryOperator.Evaluate ev) return evaluate(ev, in, c);
        if (op instanceof QueryOperator.Invoke inv) return invoke(inv, in, c);
        if (op instanceof QueryOperator.Render r) {
            renders.check(r, c);
            return in;
        }
        if (op instanceof QueryOperator.Search s) return search(s, in, c);
        if (op instanceof QueryOperator.Find f) return find(f, c);
        if (op instanceof QueryOperator.Range r) return range(r, c);
        if (op instanceof QueryOperator.Print p) {
            ProjectionBuilder b = new ProjectionBuilder();
            List<Expr> items = p.expressions().items();
            TreeBinder.Ctx pc = c.withRow(null);
            for (int i = 0; i < items.size(); i++) {
                projectOne(items.get(i), b, TreeBinder.Style.PRINT, false, null, "print_" + i, pc);
            }
            return RowSchema.of(b.columns());
        }
        if (op instanceof QueryOperator.Reduce r) {
            tb.bind(r.expression(), c);
            return RowSchema.of(List.of(new Column("Pattern", ScalarType.STRING), new Column("Count", ScalarType.LONG),
                    new Column("Representative", ScalarType.STRING)));
        }
        if (op instanceof QueryOperator.Partition p) {
            Value v = tb.bind(p.subquery(), c.withImplicitInput(in), true);
            return v.isTabular() ? v.rows().withoutHidden() : RowSchema.open();
        }
        if (op instanceof QueryOperator.Fork f) {
            for (Expr b : f.branches()) tb.bind(b, c.withImplicitInput(in), true);
            return RowSchema.open();
        }
        if (op instanceof QueryOperator.Facet f) {
            if (f.subquery() != null) tb.bind(f.subquery(), c.withImplicitInput(in), true);
            return RowSchema.open();
        }
        if (op instanceof QueryOperator.Consume) return RowSchema.EMPTY;
        // scan, graph operators, assert-schema ...: not modelled; say nothing about what follows
        return in == null ? RowSchema.open() : in.withOpen(true);
    }

    /** A builder holding all input columns, not to be repeated (extend, serialize, mv-expand). */
    private static ProjectionBuilder startFrom(RowSchema in) {
        if (!in.hasInferred() && in.hasUniqueNames()) return new ProjectionBuilder(in);
        ProjectionBuilder b = new ProjectionBuilder(in.columns().size() + 4);
        b.addAll(in.columns(), true);
        return b;
    }

    /**
     * Columns an open input gained while this operator's expressions were bound belong, as in Kusto, right
     * after the input's columns, before the ones the operator adds.
     */
    private static List<Column> withInferred(List<Column> built, RowSchema in, int before) {
        List<Column> now = in.columns();
        if (now.size() == before) return built;
        Set<String> present = new HashSet<>();
        for (Column col : built) present.add(col.name());
        List<Column> out = new ArrayList<>(built);
        int at = Math.min(before, out.size());
        for (Column col : now.subList(before, now.size())) {
            if (present.add(col.name())) out.add(at++, col);
        }
        return out;
    }

    private void checkInteger(Value v, Expr at) {
        if (at == null || !(v.type() instanceof ScalarType s) || v.isTabular()) return;
        if (!s.isInteger() && s != ScalarType.DYNAMIC) {
            tb.diags.error("KS134", at, "The expression value must be an integer.", "Write a whole number, e.g. take 10.");
        }
    }

    private void checkNotDynamic(Value v, Expr at, String operator) {
        if (at != null && !v.isTabular() && v.type() == ScalarType.DYNAMIC) {
            tb.diags.error("KS116", at, "The value of type 'dynamic' is not allowed in this context.",
                    operator + " cannot order by a dynamic value; convert it with tostring(), toint() or todatetime().");
        }
    }

    /** where needs exactly a bool: Kusto rejects a string, a number and even a dynamic value here (KS141). */
    private void checkBool(Value p, Expr at) {
        if (at == null || p.isTabular() || !(p.type() instanceof ScalarType s) || s == ScalarType.BOOL) return;
        tb.diags.error("KS141", at, "The expression must have the type bool.",
                "where needs a condition: compare the value (x == \"...\", isnotempty(x), tobool(x)).");
    }

    // ------------------------------------------------------------------ projection (Kusto's CreateProjectionColumns)

    void project(List<Expr> exprs, ProjectionBuilder b, TreeBinder.Style style, boolean doNotRepeat, TreeBinder.Ctx c) {
        for (Expr e : exprs) projectOne(e, b, style, doNotRepeat, null, null, c);
    }

    void projectOne(Expr e, ProjectionBuilder b, TreeBinder.Style style, boolean doNotRepeat, KqlType columnType,
                    String columnName, TreeBinder.Ctx c) {
        boolean replaceStyle = style == TreeBinder.Style.REPLACE || style == TreeBinder.Style.EXTEND;
        if (e instanceof Expr.Named n) {
            Value v = tb.bind(n.value(), c);
            FunctionSymbol fs = n.value() instanceof Expr.FunctionCall fc ? tb.calls.get(fc) : null;
            if (n.target() instanceof NameTarget.Tuple t) {
                List<Name> declared = t.names().items();
                if (v.tuple() != null) {
                    for (int i = 0; i < v.tuple().size(); i++) {
                        Column col = v.tuple().get(i);
                        KqlType type = columnType != null ? columnType : col.type();
                        if (i < declared.size()) {
                            b.declare(new Column(declared.get(i).simpleName(), type), replaceStyle);
                        } else if (style != TreeBinder.Style.PRINT) {
                            addTupleColumn(fs, col, b, doNotRepeat);
                        }
                    }
                } else if (!declared.isEmpty()) {
                    b.declare(new Column(declared.get(0).simpleName(), columnType != null ? columnType : TreeBinder.scalarOf(v)), replaceStyle);
                }
                return;
            }
            String name = n.target() instanceof Name nm ? nm.simpleName() : "";
            if (v.tuple() != null) {
                KqlType type = columnType != null ? columnType : (v.tuple().isEmpty() ? ErrorType.UNKNOWN : v.tuple().get(0).type());
                b.declare(new Column(name, type), true);
                if (style != TreeBinder.Style.PRINT) {
                    for (int i = 1; i < v.tuple().size(); i++) addTupleColumn(fs, v.tuple().get(i), b, doNotRepeat);
                }
            } else if (v.column() != null) {
                b.declare(mk(name, columnType != null ? columnType : v.column().type(), v, columnType), true);
                if (doNotRepeat) b.doNotAdd(v.column());
            } else {
                b.declare(mk(name, columnType != null ? columnType : TreeBinder.scalarOf(v), v, columnType), replaceStyle);
            }
            return;
        }
        if (e instanceof Expr.Star) {
            if (c.row() != null) {
                for (Column col : c.row().columns()) b.add(col, null, true, doNotRepeat);
            }
            return;
        }
        Value v = tb.bind(e, c);
        if (v.isTabular()) {
            // a table where a value is needed; Kusto says "scalar value expected" — rare, keep quiet
            v = Value.UNKNOWN;
        }
        Column col = resultColumn(e, v);
        if (col != null) {
            Column typed = columnType != null && !columnType.equals(col.type()) ? new Column(col.name(), columnType, col.standard()) : col;
            // mv-expand of an array column yields its elements: a new column that is no longer an array
            if (style == TreeBinder.Style.REPLACE && v.array()) {
                typed = new Column(col.name(), typed.type(), col.standard());
                if (columnType == null && v.shape() == DynamicShape.STRING_ARRAY) tb.shapes.put(typed, DynamicShape.STRING_ELEMENT);
            }
            b.declare(typed, style == TreeBinder.Style.REPLACE);
            if (doNotRepeat) b.doNotAdd(col);
            return;
        }
        if (e instanceof Expr.FunctionCall f) {
            if (style == TreeBinder.Style.PRINT && columnName != null && (v.tuple() == null || v.tuple().size() == 1)) {
                KqlType t = v.tuple() != null ? v.tuple().get(0).type() : TreeBinder.scalarOf(v);
                b.add(mk(columnName, columnType != null ? columnType : t, v, columnType), columnName, false, false);
            } else if (v.tuple() != null) {
                FunctionSymbol fs = tb.calls.get(f);
                for (Column tc : v.tuple()) addTupleColumn(fs, columnType != null ? new Column(tc.name(), columnType) : tc, b, doNotRepeat);
            } else {
                String name = names.ofCall(f, null, c.row());
                KqlType t = columnType != null ? columnType : TreeBinder.scalarOf(v);
                // a generated ColumnN name never replaces an existing column (Kusto numbers them on)
                b.add(mk(name != null ? name : columnName != null ? columnName : "Column1", t, v, columnType),
                        name != null ? name : "Column", replaceStyle && name != null, false);
            }
            return;
        }
        KqlType t = columnType != null ? columnType : TreeBinder.scalarOf(v);
        if (style == TreeBinder.Style.PRINT && columnName != null) {
            b.add(new Column(columnName, t), columnName, false, false);
            return;
        }
        String name = names.of(e, null);
        b.add(mk(name != null ? name : columnName != null ? columnName : "Column1", t, v, columnType),
                name != null ? name : "Column", replaceStyle && name != null, false);
    }

    /** A new output column; remembers when it holds a dynamic array (not after mv-expand retyping). */
    private Column mk(String name, KqlType type, Value v, KqlType forcedType) {
        Column col = new Column(name, type);
        if (forcedType == null && !expanding && v.shape() != DynamicShape.PLAIN) tb.shapes.put(col, v.shape());
        if (expanding && forcedType == null && v.shape() == DynamicShape.STRING_ARRAY) tb.shapes.put(col, DynamicShape.STRING_ELEMENT);
        return col;
    }

    /** Kusto's GetResultColumn: a column reference (through parentheses) or a no-op conversion of one. */
    private static Column resultColumn(Expr e, Value v) {
        Expr x = e;
        while (x instanceof Expr.Paren p) x = p.inner();
        if (x instanceof Expr.NameRef || x instanceof Expr.FunctionCall || isJoinSideColumn(x)) return v.column();
        return null;
    }

    private static boolean isJoinSideColumn(Expr x) {
        return x instanceof Expr.MemberAccess m && m.target() instanceof Expr.NameRef n
                && (n.simpleName().equals("$left") || n.simpleName().equals("$right"));
    }

    private void addTupleColumn(FunctionSymbol fs, Column col, ProjectionBuilder b, boolean doNotRepeat) {
        String prefix = fs == null ? "" : fs.resultNamePrefix();
        if (!prefix.isEmpty() && !fs.name().startsWith("series_")) {
            if (b.isDoNotAdd(col)) return;
            b.add(new Column(prefix + "_" + col.name(), col.type()), null, false, doNotRepeat);
        } else {
            b.add(col, null, false, doNotRepeat);
        }
    }

    // ------------------------------------------------------------------ project-away / keep / rename / reorder

    private RowSchema projectAwayOrKeep(List<Expr> items, RowSchema in, TreeBinder.Ctx c, boolean away) {
        Set<String> matched = new HashSet<>();
        for (Expr e : items) {
            Expr x = e;
            while (x instanceof Expr.Paren p) x = p.inner();
            if (x instanceof Expr.NameRef n && n.name() instanceof Name.Wildcard w) {
                String pattern = w.simpleName();
                boolean any = false;
                for (Column col : in.columns()) {
                    if (glob(pattern, col.name())) {
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

    static boolean glob(String pattern, String name) {
        int star = pattern.indexOf('*');
        if (star < 0) return pattern.equals(name);
        String[] parts = pattern.split("\\*", -1);
        int pos = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == 0) {
                if (!name.startsWith(p)) return false;
                pos = p.length();
            } else if (i == parts.length - 1) {
                return name.length() - p.length() >= pos && name.endsWith(p);
            } else {
                int at = name.indexOf(p, pos);
                if (at < 0) return false;
                pos = at + p.length();
            }
        }
        return true;
    }

    private RowSchema projectRename(QueryOperator.ProjectRename pr, RowSchema in, TreeBinder.Ctx c) {
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

    private RowSchema projectReorder(QueryOperator.ProjectReorder pr, RowSchema in, TreeBinder.Ctx c) {
        ProjectionBuilder b = new ProjectionBuilder(in.columns().size());
        for (Clause.SortItem it : pr.columns().items()) {
            Expr x = it.expression();
            if (x instanceof Expr.NameRef n && n.name() instanceof Name.Wildcard w) {
                List<Column> group = new ArrayList<>();
                for (Column col : in.columns()) if (glob(w.simpleName(), col.name())) group.add(col);
                if (it.direction() != null) {
                    group.sort(Comparator.comparing(Column::name));
                    if (it.direction().is("desc")) java.util.Collections.reverse(group);
                }
                for (Column col : group) b.add(col, null, false, true);
            } else {
                Value v = tb.bind(x, c);
                if (v.column() != null) b.add(v.column(), null, false, true);
            }
        }
        for (Column col : in.columns()) b.add(col, null, false, false);
        return in.with(b.columns());
    }

    // ------------------------------------------------------------------ summarize, make-series, top-nested

    private RowSchema summarize(QueryOperator.Summarize s, RowSchema in, TreeBinder.Ctx c) {
        ProjectionBuilder b = new ProjectionBuilder();
        if (s.by() != null) {
            for (Expr e : s.by().expressions().items()) {
                projectOne(e, b, TreeBinder.Style.DEFAULT, false, null, null, c);
                KqlType t = tb.types.get(e instanceof Expr.Named n ? n.value() : e);
                if (t == ScalarType.DYNAMIC) {
                    tb.diags.error("KS116", e instanceof Expr.Named n ? n.value() : e,
                            "The value of type 'dynamic' is not allowed in this context.",
                            "summarize cannot group by a dynamic value; group by tostring(" + (e instanceof Expr.Named n ? n.value() : e).text() + ") instead.");
                }
            }
            b.doNotAddAll(b.columns());
        }
        project(s.aggregates().items(), b, TreeBinder.Style.SUMMARIZE, false, c.aggregate(true));
        return new RowSchema(b.columns(), Map.of(), in.isOpen());
    }

    private RowSchema makeSeries(QueryOperator.MakeSeries ms, RowSchema in, TreeBinder.Ctx c) {
        ProjectionBuilder b = new ProjectionBuilder();
        if (ms.by() != null) {
            for (Expr e : ms.by().expressions().items()) projectOne(e, b, TreeBinder.Style.DEFAULT, false, null, null, c);
        }
        for (Clause.SeriesAggregate agg : ms.aggregates().items()) {
            projectOne(agg.expression(), b, TreeBinder.Style.SUMMARIZE, false, ScalarType.DYNAMIC, null, c.aggregate(true));
            if (agg.defaultValue() != null) tb.bind(agg.defaultValue(), c);
        }
        if (ms.axis() != null) projectOne(ms.axis(), b, TreeBinder.Style.DEFAULT, false, ScalarType.DYNAMIC, null, c);
        Clause.SeriesRange r = ms.range();
        if (r != null) {
            for (Expr x : new Expr[]{r.fromValue(), r.toValue(), r.stepValue(), r.inRange()}) if (x != null) tb.bind(x, c);
        }
        return new RowSchema(b.columns(), Map.of(), in.isOpen());
    }

    private RowSchema topNested(QueryOperator.TopNested tn, RowSchema in, TreeBinder.Ctx c) {
        ProjectionBuilder.UniqueNames unique = new ProjectionBuilder.UniqueNames();
        List<Column> out = new ArrayList<>();
        for (Clause.TopNestedLevel level : tn.levels().items()) {
            if (level.count() != null) tb.bind(level.count(), c);
            Value of = tb.bind(level.expression(), c);
            if (level.othersValue() != null) tb.bind(level.othersValue(), c);
            String ofName = unique.getOrAdd(names.of(level.expression(), "Column1"), null);
            out.add(new Column(ofName, TreeBinder.scalarOf(of)));
            Value agg = level.aggregate() == null ? Value.UNKNOWN : tb.bind(level.aggregate(), c.aggregate(true));
            String declared = level.aggregate() instanceof Expr.Named n && n.target() instanceof Name nm ? nm.simpleName() : null;
            String byName = unique.getOrAdd(declared != null ? declared : "aggregated_" + ofName, null);
            out.add(new Column(byName, agg.tuple() != null && !agg.tuple().isEmpty() ? agg.tuple().get(0).type() : TreeBinder.scalarOf(agg)));
        }
        return RowSchema.of(out);
    }

    private RowSchema topHitters(QueryOperator.TopHitters th, RowSchema in, TreeBinder.Ctx c) {
        tb.bind(th.count(), c);
        ProjectionBuilder b = new ProjectionBuilder();
        projectOne(th.expression(), b, TreeBinder.Style.DEFAULT, false, null, null, c);
        String ofName = names.of(th.expression(), "");
        if (th.by() != null && !th.by().expressions().isEmpty()) {
            Expr by = th.by().expressions().get(0);
            Value v = tb.bind(by, c);
            b.add(new Column("approximate_sum_" + names.of(by, ""), TreeBinder.scalarOf(v)), null, false, false);
        } else {
            b.add(new Column("approximate_count_" + ofName, ScalarType.LONG), null, false, false);
        }
        return RowSchema.of(b.columns());
    }

    // ------------------------------------------------------------------ join, lookup, union

    private static String param(List<Clause.OperatorParam> params, String name) {
        for (Clause.OperatorParam p : params) {
            if (p.parameterName().equals(name) && p.value() != null) {
                Expr v = p.value();
                if (v instanceof Expr.Literal l) return l.kind() == LiteralKind.STRING ? l.value() : l.text();
                return v.text();
            }
        }
        return null;
    }

    private static final List<String> JOIN_KINDS = List.of("inner", "fullouter", "innerunique", "leftanti", "leftantisemi",
            "anti", "leftouter", "leftsemi", "rightanti", "rightantisemi", "rightouter", "rightsemi");
    private static final List<String> LOOKUP_KINDS = List.of("inner", "leftouter");
    private static final List<String> UNION_KINDS = List.of("inner", "outer");

    /** Kusto's KS005 for a kind= value the operator does not know (kind=leftouterx). */
    private void checkKind(List<Clause.OperatorParam> params, List<String> allowed) {
        for (Clause.OperatorParam p : params) {
            if (!p.parameterName().equals("kind") || !(p.value() instanceof Expr.NameRef n)) continue;
            if (n.name().firstToken() == null || n.name().firstToken().missing()) continue;
            if (!allowed.contains(n.simpleName())) {
                tb.diags.error("KS005", n, "Expected one of: " + String.join(", ", allowed),
                        "Use one of these kinds; the default join kind is innerunique, which drops duplicate left keys.");
            }
        }
    }

    private RowSchema join(QueryOperator.Join j, RowSchema in, TreeBinder.Ctx c) {
        checkKind(j.parameters(), JOIN_KINDS);
        Value right = tb.bind(j.right(), c.tabular(), true);
        RowSchema r = right.isTabular() ? right.rows() : RowSchema.open();
        String kind = param(j.parameters(), "kind");
        if (kind != null) kind = kind.toLowerCase(Locale.ROOT);
        checkJoinOn(j.on(), in, r, c, j);
        boolean rightOnly = "rightanti".equals(kind) || "rightsemi".equals(kind) || "rightantisemi".equals(kind);
        boolean leftOnly = "anti".equals(kind) || "leftanti".equals(kind) || "leftsemi".equals(kind) || "leftantisemi".equals(kind);
        List<Column> cols = new ArrayList<>();
        if (!rightOnly) cols.addAll(in.columns());
        if (!leftOnly) cols.addAll(r.columns());
        boolean open = (!rightOnly && in.isOpen()) || (!leftOnly && r.isOpen());
        return new RowSchema(makeUnique(cols), mergeHidden(rightOnly ? null : in, leftOnly ? null : r), open);
    }

    private static Map<String, Column> mergeHidden(RowSchema a, RowSchema b) {
        if (a == null) return b == null ? Map.of() : b.hidden();
        if (b == null || b.hidden().isEmpty()) return a.hidden();
        if (a.hidden().isEmpty()) return b.hidden();
        Map<String, Column> m = new java.util.HashMap<>(b.hidden());
        m.putAll(a.hidden());
        return m;
    }

    private void checkJoinOn(Clause.On on, RowSchema left, RowSchema right, TreeBinder.Ctx c, QueryOperator at) {
        if (on == null) {
            tb.diags.error("KS006", at, "Missing join on condition clause",
                    "Add on CommonColumn or on $left.A == $right.B after the right-hand table.");
            return;
        }
        TreeBinder.Ctx jc = c.withRow(null).withJoinSides(left, right);
        boolean predicate = on.on().is("where");
        for (Expr e : on.conditions().items()) {
            if (predicate) bindJoinPredicate(e, left, right, jc);
            else checkJoinCondition(e, left, right, jc);
        }
    }

    /** 'join ... where predicate' (and lookup's): any condition, with the columns of both sides in scope. */
    private void bindJoinPredicate(Expr x, RowSchema left, RowSchema right, TreeBinder.Ctx jc) {
        List<Column> both = new ArrayList<>(left.columns());
        both.addAll(right.columns());
        tb.bind(x, jc.withRow(new RowSchema(both, mergeHidden(left, right), left.isOpen() || right.isOpen()))
                .withJoinSides(left, right));
    }

    /**
     * One side of an 'on' equality: Kusto wants {@code $left.<column> == $right.<column>} in that order
     * (KS183 otherwise, at the operand). Binds the operand only when it has that shape, so one mistake
     * gives one message.
     */
    private boolean checkJoinOperand(Expr operand, String side, TreeBinder.Ctx jc) {
        Expr x = operand;
        while (x instanceof Expr.Paren p) x = p.inner();
        if (x instanceof Expr.MemberAccess m && m.target() instanceof Expr.NameRef t && t.simpleName().equals(side)
                && m.member() instanceof Expr.NameRef) {
            return true;
        }
        String other = side.equals("$left") ? "$right" : "$left";
        String hint = x instanceof Expr.MemberAccess m && m.target() instanceof Expr.NameRef t && t.simpleName().equals(other)
                ? "Put the left table's column first: on $left.A == $right.B."
                : "Compare columns as they are: on $left.A == $right.B; compute a changed key with extend before the join.";
        tb.diags.error("KS183", operand, "The join condition operand must be: " + side + ".<column>", hint);
        return false;
    }

    private void checkJoinCondition(Expr e, RowSchema left, RowSchema right, TreeBinder.Ctx jc) {
        Expr x = e;
        while (x instanceof Expr.Paren p) x = p.inner();
        if (x instanceof Expr.NameRef n && !(n.name() instanceof Name.Wildcard)) {
            String name = n.simpleName();
            Column l = left.find(name);
            Column r = right.find(name);
            if (l == null && r == null && !left.isOpen() && !right.isOpen()) {
                // on neither side: Kusto reports the unknown name itself
                tb.diags.error("KS142", n, "The name '" + name + "' does not refer to any known column, table, variable or function.",
                        Diagnostics.didYouMean(TreeBinder.suggest(name, left)) + "The join key must be a column of both sides.");
                tb.types.put(n, ErrorType.UNKNOWN);
                return;
            }
            if ((l == null && !left.isOpen()) || (r == null && !right.isOpen())) {
                tb.diags.error("KS145", n, "The column '" + name + "' must exist on both sides of the join.",
                        "Rename one side with project-rename, or use on $left.A == $right.B.");
                tb.types.put(n, ErrorType.UNKNOWN);
                return;
            }
            if (l != null && r != null && !l.type().equals(r.type()) && !l.type().isUnknown() && !r.type().isUnknown()) {
                tb.diags.error("KS227", n, "The common column '" + name + "' must have the same type on both sides of the join.",
                        "It is " + l.type().displayName() + " on the left and " + r.type().displayName()
                                + " on the right; convert one side (e.g. extend " + name + " = tostring(" + name + ")).");
            }
            tb.types.put(n, l != null ? l.type() : r != null ? r.type() : ErrorType.UNKNOWN);
            return;
        }
        if (x instanceof Expr.Binary b && b.op() == dev.sentinelctl.kql.syntax.BinaryOp.AND) {
            checkJoinCondition(b.left(), left, right, jc);
            checkJoinCondition(b.right(), left, right, jc);
            return;
        }
        if (x instanceof Expr.Binary b && b.op() == BinaryOp.EQUAL) {
            boolean leftOk = checkJoinOperand(b.left(), "$left", jc);
            boolean rightOk = checkJoinOperand(b.right(), "$right", jc);
            if (leftOk && rightOk) {
                tb.bind(x, jc);
            } else {
                if (leftOk) tb.bind(b.left(), jc);
                if (rightOk) tb.bind(b.right(), jc);
            }
            return;
        }
        tb.diags.error("KS182", x, "The join condition must be either the name of a column common to both tables or"
                + " in the form $left.<column> == $right.<column>.",
                "Write on CommonColumn, or on $left.A == $right.B (and more such equalities joined with 'and' or ',');"
                        + " for other conditions use join ... where.");
        bindJoinPredicate(x, left, right, jc);
    }

    private RowSchema lookup(QueryOperator.Lookup l, RowSchema in, TreeBinder.Ctx c) {
        checkKind(l.parameters(), LOOKUP_KINDS);
        Value right = tb.bind(l.right(), c.tabular(), true);
        RowSchema r = right.isTabular() ? right.rows() : RowSchema.open();
        checkJoinOn(l.on(), in, r, c, l);
        Set<String> rightKeys = new HashSet<>();
        if (l.on() != null) {
            for (Expr e : l.on().conditions().items()) collectRightKeys(e, rightKeys);
        }
        List<Column> cols = new ArrayList<>(in.columns());
        for (Column col : r.columns()) if (!rightKeys.contains(col.name())) cols.add(col);
        return new RowSchema(makeUnique(cols), in.hidden(), in.isOpen() || r.isOpen());
    }

    private static void collectRightKeys(Expr e, Set<String> out) {
        Expr x = e;
        while (x instanceof Expr.Paren p) x = p.inner();
        if (x instanceof Expr.NameRef n) {
            out.add(n.simpleName());
        } else if (x instanceof Expr.Binary b) {
            collectRightKeys(b.left(), out);
            collectRightKeys(b.right(), out);
        } else if (x instanceof Expr.MemberAccess m && m.target() instanceof Expr.NameRef t && t.simpleName().equals("$right")
                && m.member() instanceof Expr.NameRef mn) {
            out.add(mn.simpleName());
        }
    }

    /** Kusto's MakeColumnNamesUnique: later duplicates get the next free numeric suffix. */
    static List<Column> makeUnique(List<Column> cols) {
        Map<String, Integer> first = new LinkedHashMap<>();
        for (int i = 0; i < cols.size(); i++) first.putIfAbsent(cols.get(i).name(), i);
        if (first.size() == cols.size()) return cols;
        ProjectionBuilder.UniqueNames names = new ProjectionBuilder.UniqueNames();
        for (String n : first.keySet()) names.addName(n);
        List<Column> out = new ArrayList<>(cols.size());
        for (int i = 0; i < cols.size(); i++) {
            Column col = cols.get(i);
            if (first.get(col.name()) != i) {
                out.add(new Column(names.getOrAdd(col.name(), null), col.type(), col.standard()));
            } else {
                out.add(col);
            }
        }
        return out;
    }

    private RowSchema union(QueryOperator.Union u, RowSchema in, TreeBinder.Ctx c) {
        checkKind(u.parameters(), UNION_KINDS);
        String withSource = param(u.parameters(), "withsource");
        String fuzzy = param(u.parameters(), "isfuzzy");
        boolean isFuzzy = fuzzy != null && fuzzy.equalsIgnoreCase("true");
        List<RowSchema> inputs = new ArrayList<>();
        if (in != null) inputs.add(in);
        for (Expr e : u.tables().items()) {
            Expr x = e;
            while (x instanceof Expr.Paren p) x = p.inner();
            if (x instanceof Expr.NameRef n && n.name() instanceof Name.Wildcard w) {
                inputs.add(wildcardTables(w.simpleName()));
                continue;
            }
            if (isFuzzy && x instanceof Expr.NameRef n && isUnresolvable(n.simpleName(), c)) {
                tb.diags.add("KS205", Severity.WARNING, n, "The fuzzy name '" + n.simpleName()
                                + "' does not refer to any known or currently accessible table.",
                        "With isfuzzy=true the query still runs without this table; declare it with --schema DIR to check its columns.");
                continue;
            }
            // with isfuzzy=true an unknown table anywhere in an operand is Kusto's KS205 warning
            if (isFuzzy) tb.fuzzyDepth++;
            try {
                Value v = tb.bind(e, c.tabular(), true);
                inputs.add(v.isTabular() ? v.rows() : RowSchema.open());
            } finally {
                if (isFuzzy) tb.fuzzyDepth--;
            }
        }
        List<Column> unified = unifyByNameAndType(inputs);
        boolean open = false;
        for (RowSchema r : inputs) open |= r.isOpen();
        if (withSource != null) {
            List<Column> withCol = new ArrayList<>(unified.size() + 1);
            withCol.add(new Column(withSource, ScalarType.STRING));
            withCol.addAll(unified);
            unified = withCol;
        }
        return new RowSchema(unified, Map.of(), open);
    }

    private boolean isUnresolvable(String name, TreeBinder.Ctx c) {
        return c.scope().lookup(name) == null && tb.catalog.table(name).isEmpty()
                && tb.catalog.sentinelFunction(name).isEmpty() && !tb.catalog.hasTableWithoutSchema(name);
    }

    private RowSchema wildcardTables(String pattern) {
        List<RowSchema> matches = new ArrayList<>();
        for (String t : tb.catalog.tableNames()) {
            if (glob(pattern, t)) {
                // not listed in tables(): Microsoft's binder lists only tables named directly
                matches.add(tb.cache.rows(tb.catalog.table(t).orElseThrow()));
            }
        }
        return new RowSchema(unifyByNameAndType(matches), Map.of(), matches.isEmpty());
    }

    /**
     * Kusto's UnifyColumnsWithSameNameAndType over the concatenated columns of all inputs: one column per name
     * and type, a name seen with several types becomes {@code name_type} per type. Reproduces a quirk of
     * Kusto.Language's ColumnMap on purpose (Microsoft's result is the reference): once a name has been seen
     * twice with the same type, later columns of that name with another type are dropped.
     */
    static List<Column> unifyByNameAndType(List<RowSchema> inputs) {
        if (inputs.size() == 1) return inputs.get(0).columns();
        int total = 0;
        for (RowSchema r : inputs) total += r.columns().size();
        Map<String, NameTypes> byName = new java.util.HashMap<>(total * 2);
        List<NameTypes> order = new ArrayList<>();
        for (RowSchema r : inputs) {
            for (Column col : r.columns()) {
                NameTypes nt = byName.get(col.name());
                if (nt == null) {
                    nt = new NameTypes(col);
                    byName.put(col.name(), nt);
                    order.add(nt);
                } else {
                    nt.add(col.type());
                }
            }
        }
        ProjectionBuilder.UniqueNames unique = new ProjectionBuilder.UniqueNames(order.size() * 2);
        List<Column> out = new ArrayList<>(order.size());
        for (NameTypes nt : order) {
            String name = nt.first.name();
            if (nt.types != null && nt.types.size() > 1) {
                for (KqlType t : nt.types) out.add(new Column(unique.getOrAdd(name + "_" + t.displayName(), null), t));
            } else {
                String n = unique.getOrAdd(name, null);
                out.add(n.equals(name) ? nt.first : new Column(n, nt.first.type()));
            }
        }
        return out;
    }

    /** Kusto's ColumnMap entry for one name: a column, a same-typed list, or several types (in first-seen order). */
    private static final class NameTypes {
        final Column first;
        int sameTypeCount = 1;
        List<KqlType> types;

        NameTypes(Column first) {
            this.first = first;
        }

        void add(KqlType t) {
            if (types == null) {
                if (t.equals(first.type())) {
                    sameTypeCount++;
                } else if (sameTypeCount == 1) {
                    types = new ArrayList<>(3);
                    types.add(first.type());
                    types.add(t);
                }
                // else: a list of same-typed columns; Kusto's ColumnMap drops other types here
            } else if (!types.contains(t)) {
                types.add(t);
            }
        }
    }

    // ------------------------------------------------------------------ mv-expand, mv-apply, parse

    private RowSchema mvExpand(List<Clause.OperatorParam> params, List<Clause.ExpandItem> items, Clause.Limit limit,
                               RowSchema in, TreeBinder.Ctx c) {
        ProjectionBuilder b = startFrom(in);
        int before = in.columns().size();
        for (Clause.ExpandItem it : items) {
            KqlType newType = it.type() != null ? TreeBinder.typeofType(it.type()) : null;
            // without 'to typeof()' the expanded column keeps the expression's type (dynamic for dynamic)
            expanding = true;
            try {
                projectOne(it.expression(), b, TreeBinder.Style.REPLACE, false, newType, null, c);
            } finally {
                expanding = false;
            }
            Expr inner = it.expression() instanceof Expr.Named n ? n.value() : it.expression();
            KqlType t = tb.types.get(inner);
            if (t instanceof ScalarType st && st != ScalarType.DYNAMIC) {
                tb.diags.error("KS141", inner, "The expression must have the type dynamic.",
                        "mv-expand expands arrays and property bags; convert with parse_json() or split() first.");
            }
        }
        String index = param(params, "with_itemindex");
        if (index != null) b.add(new Column(index, ScalarType.LONG), null, false, false);
        if (limit != null && limit.value() != null) tb.bind(limit.value(), c);
        return RowSchema.extending(in, withInferred(b.columns(), in, before));
    }

    private RowSchema mvApply(QueryOperator.MvApply ma, RowSchema in, TreeBinder.Ctx c) {
        RowSchema expanded = mvExpand(ma.parameters(), ma.items().items(), ma.limit(), in, c);
        Value sub = ma.subquery() == null ? Value.UNKNOWN : tb.bind(ma.subquery(), c.withImplicitInput(expanded), true);
        if (!sub.isTabular()) return expanded.withOpen(true);
        Set<String> expandedNames = new HashSet<>();
        for (Clause.ExpandItem it : ma.items().items()) {
            Expr x = it.expression();
            if (x instanceof Expr.Named n && n.target() instanceof Name nm) expandedNames.add(nm.simpleName());
            else expandedNames.add(names.of(x, ""));
        }
        // input columns keep their place (taking the subquery's version); expanded ones the subquery
        // dropped are gone; then the subquery's new columns
        RowSchema subRows = sub.rows();
        List<Column> out = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Column col : in.columns()) {
            Column fromSub = subRows.find(col.name());
            if (fromSub != null && !subRows.hidden().containsKey(col.name())) {
                out.add(fromSub);
                present.add(col.name());
            } else if (!expandedNames.contains(col.name())) {
                out.add(col);
                present.add(col.name());
            }
        }
        for (Column col : subRows.columns()) if (present.add(col.name())) out.add(col);
        return new RowSchema(out, in.hidden(), in.isOpen() || subRows.isOpen());
    }

    private RowSchema parse(Expr input, Clause.ParsePattern pattern, RowSchema in, TreeBinder.Ctx c) {
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

    private RowSchema parseKv(QueryOperator.ParseKv p, RowSchema in, TreeBinder.Ctx c) {
        tb.bind(p.input(), c);
        List<Column> cols = new ArrayList<>(in.columns());
        if (p.columns() != null) {
            for (Clause cl : p.columns().columns().items()) {
                if (cl instanceof Clause.ColumnDecl d) {
                    KqlType t = d.type() instanceof Clause.TypeName tn ? TreeBinder.typeName(tn.token()) : ErrorType.UNKNOWN;
                    cols.add(new Column(d.name().simpleName(), t));
                } else if (cl instanceof Clause.TypeName tn) {
                    cols.add(new Column(tn.token().text(), ErrorType.UNKNOWN));
                }
            }
        }
        return in.with(cols);
    }

    // ------------------------------------------------------------------ evaluate, invoke, search, find, range

    private RowSchema evaluate(QueryOperator.Evaluate ev, RowSchema in, TreeBinder.Ctx c) {
        if (ev.outputSchema() != null) {
            bindPluginArgs(ev, in, c);
            return tb.schemaOf(ev.outputSchema(), false);
        }
        if (!(ev.plugin() instanceof Expr.FunctionCall f)) return RowSchema.open();
        String name = f.functionName();
        bindPluginArgs(ev, in, c);
        RowSchema input = in == null ? RowSchema.EMPTY : in;
        switch (name) {
            case "bag_unpack": {
                List<Expr> args = f.arguments().items();
                List<Column> cols = new ArrayList<>(input.columns());
                if (!args.isEmpty()) {
                    Value v = tb.bind(args.get(0), c.withRow(input));
                    if (v.column() != null) cols.remove(v.column());
                }
                return new RowSchema(cols, input.hidden(), true);
            }
            case "pivot": {
                // pivot(column[, aggregate[, group columns...]]): the group columns (all others when none are
                // named), then one column per distinct value, which only the data knows
                List<Expr> args = f.arguments().items();
                List<Column> cols = new ArrayList<>();
                if (args.size() > 2) {
                    for (int i = 2; i < args.size(); i++) {
                        Value v = tb.bind(args.get(i), c.withRow(input));
                        if (v.column() != null) cols.add(v.column());
                    }
                } else {
                    Value pivot = args.isEmpty() ? Value.UNKNOWN : tb.bind(args.get(0), c.withRow(input));
                    for (Column col : input.columns()) if (col != pivot.column()) cols.add(col);
                }
                return new RowSchema(cols, Map.of(), true);
            }
            case "basket":
            case "autocluster": {
                List<Column> cols = new ArrayList<>();
                cols.add(new Column("SegmentId", ScalarType.LONG));
                cols.add(new Column("Count", ScalarType.LONG));
                cols.add(new Column("Percent", ScalarType.REAL));
                cols.addAll(input.columns());
                return RowSchema.of(makeUnique(cols));
            }
            case "ipv4_lookup":
            case "ipv6_lookup": {
                // the input rows extended with the lookup table's columns
                List<Expr> args = f.arguments().items();
                Value table = args.isEmpty() ? Value.UNKNOWN : tb.bind(args.get(0), c.tabular(), true);
                List<Column> cols = new ArrayList<>(input.columns());
                if (!table.isTabular()) return new RowSchema(cols, input.hidden(), true);
                cols.addAll(table.rows().columns());
                return new RowSchema(makeUnique(cols), input.hidden(), input.isOpen() || table.rows().isOpen());
            }
            case "narrow":
                return RowSchema.of(List.of(new Column("Row", ScalarType.INT), new Column("Column", ScalarType.STRING),
                        new Column("Value", ScalarType.STRING)));
            default:
                // output not modelled: open, but input columns read later keep their types
                return RowSchema.openOver(input);
        }
    }

    private void bindPluginArgs(QueryOperator.Evaluate ev, RowSchema in, TreeBinder.Ctx c) {
        if (ev.plugin() instanceof Expr.FunctionCall f) {
            if (tb.catalog.plugin(f.functionName()).isEmpty() && !f.name().firstToken().missing()) {
                tb.diags.error("KS124", f.name(), "The plug-in function '" + f.functionName() + "' is not defined.",
                        "Check the plugin name (evaluate bag_unpack(...), evaluate pivot(...) ...).");
            }
            // plugin arguments may be aggregates (pivot); ipv4_lookup's name columns of its lookup table too
            String pn = f.functionName();
            boolean otherTable = pn.equals("ipv4_lookup") || pn.equals("ipv6_lookup") || pn.startsWith("geo_");
            RowSchema row = in == null ? RowSchema.open() : otherTable ? in.withOpen(true) : in;
            TreeBinder.Ctx pc = c.withRow(row).aggregate(true);
            for (Expr a : f.arguments().items()) {
                if (!(a instanceof Expr.Star)) tb.bind(a, pc);
            }
        }
    }

    private RowSchema invoke(QueryOperator.Invoke inv, RowSchema in, TreeBinder.Ctx c) {
        if (inv.function() instanceof Expr.FunctionCall f) {
            Value v = tb.bindCall(f, c.withRow(null), in);
            tb.types.put(f, v.type());
            return v.isTabular() ? v.rows() : RowSchema.open();
        }
        tb.bind(inv.function(), c);
        return RowSchema.open();
    }

    private RowSchema search(QueryOperator.Search s, RowSchema in, TreeBinder.Ctx c) {
        List<RowSchema> sources = new ArrayList<>();
        if (s.in() != null) {
            for (Expr e : s.in().tables().items()) {
                Expr x = e;
                while (x instanceof Expr.Paren p) x = p.inner();
                if (x instanceof Expr.NameRef n && n.name() instanceof Name.Wildcard w) {
                    sources.add(wildcardTables(w.simpleName()));
                } else {
                    Value v = tb.bind(e, c.tabular(), true);
                    sources.add(v.isTabular() ? v.rows() : RowSchema.open());
                }
            }
        } else if (in != null) {
            sources.add(in);
        }
        RowSchema scope;
        if (sources.isEmpty()) scope = RowSchema.open();
        else {
            boolean open = false;
            for (RowSchema r : sources) open |= r.isOpen();
            scope = new RowSchema(unifyByNameAndType(sources), sources.size() == 1 ? sources.get(0).hidden() : Map.of(), open);
        }
        checkSearchParameters(s.parameters());
        if (s.predicate() != null) bindSearchPredicate(s.predicate(), c.withRow(scope.withOpen(true)));
        List<Column> cols = new ArrayList<>();
        cols.add(new Column("$table", ScalarType.STRING));
        cols.addAll(scope.columns());
        return new RowSchema(cols, scope.hidden(), scope.isOpen());
    }

    private static final List<String> SEARCH_KINDS = List.of("default", "case_insensitive", "case_sensitive");

    /** search takes only kind= (and hints); the parser is lenient so that this can say what is wrong. */
    private void checkSearchParameters(List<Clause.OperatorParam> params) {
        for (Clause.OperatorParam p : params) {
            String name = p.parameterName();
            if (name.startsWith("hint.")) continue;
            if (!name.equals("kind")) {
                tb.diags.error("KS179", p.name(), "The name '" + name + "' is not a recognized parameter for this operator.",
                        "search takes only kind=case_sensitive|case_insensitive; use union withsource=... for a source column.");
            } else if (!(p.value() instanceof Expr.NameRef n && SEARCH_KINDS.contains(n.simpleName()))) {
                tb.diags.error("KS005", p.value(), "Expected one of: " + String.join(", ", SEARCH_KINDS),
                        "Write kind=case_sensitive or kind=case_insensitive.");
            }
        }
    }

    /**
     * A search predicate: terms ({@code "err"}, {@code "a*"}) combined with and/or are matches against every column,
     * not strings to be combined; {@code *} stands for all columns ({@code * has "x"}). The rest binds as usual.
     */
    private void bindSearchPredicate(Expr e, TreeBinder.Ctx c) {
        Expr x = e;
        while (x instanceof Expr.Paren p) x = p.inner();
        if (x instanceof Expr.Star || (x instanceof Expr.Literal l && l.kind() == LiteralKind.STRING)) return;
        if (x instanceof Expr.Binary b && (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR)) {
            bindSearchPredicate(b.left(), c);
            bindSearchPredicate(b.right(), c);
            return;
        }
        if (x instanceof Expr.Binary b && b.left() instanceof Expr.Star) {
            tb.bind(b.right(), c);
            return;
        }
        checkBool(tb.bind(x, c), x);
    }

    private RowSchema find(QueryOperator.Find f, TreeBinder.Ctx c) {
        String source = param(f.parameters(), "withsource");
        List<RowSchema> sources = new ArrayList<>();
        if (f.in() != null) {
            for (Expr e : f.in().tables().items()) {
                Expr x = e;
                while (x instanceof Expr.Paren p) x = p.inner();
                if (x instanceof Expr.NameRef n && n.name() instanceof Name.Wildcard w) sources.add(wildcardTables(w.simpleName()));
                else {
                    Value v = tb.bind(e, c.tabular(), true);
                    sources.add(v.isTabular() ? v.rows() : RowSchema.open());
                }
            }
        }
        boolean anyOpen = f.in() == null || sources.isEmpty();
        for (RowSchema r : sources) anyOpen |= r.isOpen();
        RowSchema all = new RowSchema(unifyByNameAndType(sources), Map.of(), anyOpen);
        if (f.predicate() != null) tb.bind(f.predicate(), c.withRow(all));
        List<Column> cols = new ArrayList<>();
        cols.add(new Column(source != null ? source : "source_", ScalarType.STRING));
        if (f.columns() != null && !f.columns().isEmpty()) {
            for (Expr e : f.columns().items()) {
                Value v = tb.bind(e, c.withRow(all));
                String n = names.of(e, null);
                if (n != null) cols.add(new Column(n, TreeBinder.scalarOf(v)));
            }
            return RowSchema.of(cols);
        }
        return new RowSchema(cols, Map.of(), true);
    }

    private RowSchema range(QueryOperator.Range r, TreeBinder.Ctx c) {
        TreeBinder.Ctx rc = c.withRow(null);
        Value from = tb.bind(r.fromValue(), rc);
        Value to = tb.bind(r.toValue(), rc);
        Value step = tb.bind(r.stepValue(), rc);
        KqlType ft = TypePromotion.common(List.of(TreeBinder.scalarOf(from), TreeBinder.scalarOf(to)));
        KqlType st = TreeBinder.scalarOf(step);
        KqlType t = ft == ScalarType.INT && st == ScalarType.INT ? ScalarType.INT : TypePromotion.arithmetic(TypePromotion.ArithmeticOp.ADD, ft, st);
        String name = r.name() == null ? "" : r.name().simpleName();
        return RowSchema.of(List.of(new Column(name, t)));
    }
}
