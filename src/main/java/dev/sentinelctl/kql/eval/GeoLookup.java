package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.eval.geo.GeoJson;
import dev.sentinelctl.kql.eval.geo.Geometry;
import dev.sentinelctl.kql.eval.geo.LngLat;
import dev.sentinelctl.kql.eval.geo.Lines;
import dev.sentinelctl.kql.eval.geo.P3;
import dev.sentinelctl.kql.eval.geo.Region;
import dev.sentinelctl.kql.eval.geo.Spherical;
import dev.sentinelctl.kql.syntax.Expr;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static dev.sentinelctl.kql.semantic.ScalarType.REAL;

/**
 * The geo_polygon_lookup and geo_line_lookup plugins (geo-polygon-lookup-plugin.md, geo-line-lookup-plugin.md):
 * each input row joined with every lookup row whose polygon contains its point (or lies within radius meters of
 * it) or whose line lies within radius meters. Output: the input columns, then the lookup columns without the key
 * column unless return_lookup_key; unmatched input rows are dropped unless return_unmatched. lookup_area_radius
 * is a performance hint and does not change the result.
 */
final class GeoLookup {

    private GeoLookup() {
    }

    /** geo_polygon_lookup(LookupTable, LookupPolygonKey, SourceLongitude, SourceLatitude, [radius], [return_unmatched], [lookup_area_radius], [return_lookup_key]). */
    static Table polygons(Table in, Expr.FunctionCall call, Evaluator evaluator, Scope scope) {
        return lookup(in, call, evaluator, scope, false);
    }

    /** geo_line_lookup(LookupTable, LookupLineKey, SourceLongitude, SourceLatitude, Radius, [return_unmatched], [lookup_area_radius], [return_lookup_key]). */
    static Table lines(Table in, Expr.FunctionCall call, Evaluator evaluator, Scope scope) {
        return lookup(in, call, evaluator, scope, true);
    }

    private static Table lookup(Table in, Expr.FunctionCall call, Evaluator evaluator, Scope scope, boolean lines) {
        List<Expr> args = call.arguments().items();
        String name = call.functionName();
        int required = lines ? 5 : 4;
        if (args.size() < required || args.size() > 8) {
            throw EvalException.bind(name + " takes " + required + "..8 arguments (lookup table, key column, longitude, latitude"
                    + (lines ? ", radius" : "") + ", …), " + args.size() + " given", call);
        }
        Table lookup = evaluator.table(args.get(0), scope);
        ExprCompiler lc = new ExprCompiler(evaluator, lookup, scope), ic = new ExprCompiler(evaluator, in, scope);
        Ev key = Dynamics.asDynamic(lc.compile(args.get(1)), args.get(1));
        Ev lng = Functions.cast(ic.compile(args.get(2)), REAL), lat = Functions.cast(ic.compile(args.get(3)), REAL);
        double radius = args.size() > 4 ? real(ic, args.get(4), "radius") : 0;
        boolean returnUnmatched = args.size() > 5 && bool(ic, args.get(5), "return_unmatched");
        boolean returnKey = args.size() > 7 && bool(ic, args.get(7), "return_lookup_key");
        if (!(radius >= 0)) throw EvalException.bind(name + ": the radius must be a number of meters ≥ 0", args.get(4));

        List<Region> regions = new ArrayList<>();
        List<List<Geometry.Line>> shapes = new ArrayList<>();
        for (int r = 0; r < lookup.rowCount(); r++) {
            Object v = key.eval(r);
            Geometry g = v instanceof JsonNode j ? GeoJson.read(j) : null;
            if (lines) shapes.add(g == null ? null : Geometry.lines(g));
            else regions.add(g == null ? null : Region.of(g));
        }
        double radians = radius / Spherical.EARTH_RADIUS_M;
        JoinOperator.IntList li = new JoinOperator.IntList(), ri = new JoinOperator.IntList();
        for (int r = 0; r < in.rowCount(); r++) {
            Object x = lng.eval(r), y = lat.eval(r);
            boolean hit = false;
            if (x instanceof Double a && y instanceof Double b && LngLat.valid(a, b)) {
                P3 p = new LngLat(a, b).p3();
                int n = lines ? shapes.size() : regions.size();
                for (int k = 0; k < n; k++) {
                    boolean match;
                    if (lines) {
                        List<Geometry.Line> ls = shapes.get(k);
                        match = ls != null && p.angle(Lines.closest(ls, p)) <= radians;
                    } else {
                        Region g = regions.get(k);
                        match = g != null && (g.contains(p) || radians > 0 && p.angle(g.closestBoundaryPoint(p)) <= radians);
                    }
                    if (match) {
                        li.add(r);
                        ri.add(k);
                        hit = true;
                    }
                }
            }
            if (!hit && returnUnmatched) {
                li.add(r);
                ri.add(-1);
            }
        }
        List<String> drop = new ArrayList<>();
        if (!returnKey && args.get(1) instanceof Expr.NameRef) drop.add(Tables.derivedName(args.get(1)));
        return JoinOperator.combine(in.gather(li.a, li.n), lookup.gather(ri.a, ri.n), drop);
    }

    private static double real(ExprCompiler cx, Expr e, String what) {
        Object v = Functions.constant(cx.compile(e), e, what);
        if (!(v instanceof Number d)) throw EvalException.bind(what + " must be a number", e);
        return d.doubleValue();
    }

    private static boolean bool(ExprCompiler cx, Expr e, String what) {
        Object v = Functions.constant(cx.compile(e), e, what);
        if (v != null && !(v instanceof Boolean)) throw EvalException.bind(what + " must be true or false", e);
        return Boolean.TRUE.equals(v);
    }
}
