package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;

import java.util.ArrayList;
import java.util.List;

/** {@code datatable (a:string, b:long) [ ... ]}: values in row-major order, converted to the declared types. */
final class DataTables {

    private DataTables() {
    }

    static Table build(Expr.DataTable d, Evaluator evaluator, Scope scope) {
        List<Column> cols = schema(d.schema());
        List<Expr> values = d.values().items();
        int width = cols.size();
        if (width == 0) throw EvalException.bind("datatable needs at least one column", d);
        if (values.size() % width != 0) {
            throw EvalException.bind("datatable has " + values.size() + " values, not a multiple of its " + width + " columns", d);
        }
        int rows = values.size() / width;
        List<Vec.Builder> bs = new ArrayList<>();
        for (Column c : cols) bs.add(Vec.builder((ScalarType) c.type(), rows));
        ExprCompiler cx = new ExprCompiler(evaluator, null, scope);
        for (int i = 0; i < values.size(); i++) {
            Column c = cols.get(i % width);
            ScalarType t = (ScalarType) c.type();
            Ev e = cx.compile(values.get(i));
            Object v = e.eval(0);
            if (e.type() != t && v != null) {
                Object conv = Convert.to(t, e.type(), v);
                if (conv == null && t != ScalarType.STRING) {
                    throw EvalException.bind("datatable value '" + ExprCompiler.text(values.get(i)) + "' is not a " + t.kustoName() + " (column " + c.name() + ")", values.get(i));
                }
                v = conv;
            }
            bs.get(i % width).add(v);
        }
        List<Vec> vecs = new ArrayList<>();
        for (Vec.Builder b : bs) vecs.add(b.build());
        return Table.of("datatable", cols, vecs, rows);
    }

    static List<Column> schema(Clause.Schema schema) {
        List<Column> cols = new ArrayList<>();
        for (Clause c : schema.columns().items()) {
            if (!(c instanceof Clause.ColumnDecl decl) || !(decl.type() instanceof Clause.TypeName tn)) {
                throw EvalException.bind("expected name:type in the schema", c);
            }
            ScalarType t = Evaluator.typeName(tn.token().text());
            if (t == null) throw EvalException.bind("unknown type '" + tn.token().text() + "'", tn);
            cols.add(new Column(decl.name().simpleName(), t));
        }
        return cols;
    }
}
