package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.syntax.Expr;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

import static dev.sentinelctl.kql.semantic.ScalarType.REAL;
import static java.util.Map.entry;

/**
 * {@code convert_length}, {@code convert_volume} and {@code convert_temperature} over the unit names their docs pages
 * list. Served: the metric units, the international inch, foot, yard and nautical mile, and every temperature scale
 * but SolarTemperature (exact affine formulas). The other listed units are refused (see {@link #UNDEFINED}); a name
 * no page lists is a bind error.
 */
final class UnitFunctions {

    private static final double IN = 0.0254, FT = 0.3048;

    /** Meters per unit: the metric units and the international foot, inch, yard and nautical mile. */
    private static final Map<String, Double> LENGTH = Map.ofEntries(
            entry("Angstrom", 1e-10), entry("Nanometer", 1e-9), entry("Micrometer", 1e-6), entry("Millimeter", 1e-3),
            entry("Centimeter", 0.01), entry("Decimeter", 0.1), entry("Meter", 1d), entry("Decameter", 10d),
            entry("Hectometer", 100d), entry("Kilometer", 1000d), entry("Inch", IN), entry("Foot", FT),
            entry("Yard", 3 * FT), entry("NauticalMile", 1852d));

    /** Cubic meters per unit: the metric units only. */
    private static final Map<String, Double> VOLUME = Map.ofEntries(
            entry("Microliter", 1e-9), entry("Milliliter", 1e-6), entry("Centiliter", 1e-5), entry("Deciliter", 1e-4),
            entry("Liter", 1e-3), entry("Decaliter", 1e-2), entry("Hectoliter", 0.1), entry("Kiloliter", 1d),
            entry("Megaliter", 1e3), entry("MetricCup", 250e-6), entry("MetricTeaspoon", 5e-6),
            entry("CubicMicrometer", 1e-18), entry("CubicMillimeter", 1e-9), entry("CubicCentimeter", 1e-6),
            entry("CubicDecimeter", 1e-3), entry("CubicMeter", 1d), entry("HectocubicMeter", 100d),
            entry("KilocubicMeter", 1e3), entry("CubicHectometer", 1e6), entry("CubicKilometer", 1e9));

    /**
     * Units the docs pages list whose factor Kusto takes from its unit library, not from the unit's legal definition:
     * convert_volume(1.2, 'CubicMeter', 'AcreFoot') is 0.0009728568 there, not the 0.00097285583 of the exact
     * acre-foot. Without the library's factors these are refused, not approximated.
     */
    private static final Set<String> UNDEFINED = Set.of(
            "AstronomicalUnit", "Chain", "DataMile", "DtpPica", "DtpPoint", "Fathom", "Hand", "KilolightYear",
            "Kiloparsec", "LightYear", "MegalightYear", "Megaparsec", "Microinch", "Mil", "Mile", "Parsec", "PrinterPica",
            "PrinterPoint", "Shackle", "SolarRadius", "Twip", "UsSurveyFoot",
            "AcreFoot", "AuTablespoon", "BoardFoot", "CubicFoot", "CubicInch", "CubicMile", "CubicYard", "DecausGallon",
            "DeciusGallon", "HectocubicFoot", "HectousGallon", "ImperialBeerBarrel", "ImperialGallon", "ImperialOunce",
            "ImperialPint", "KilocubicFoot", "KiloimperialGallon", "KilousGallon", "MegacubicFoot", "MegaimperialGallon",
            "MegausGallon", "OilBarrel", "UkTablespoon", "UsBeerBarrel", "UsCustomaryCup", "UsGallon", "UsLegalCup",
            "UsOunce", "UsPint", "UsQuart", "UsTablespoon", "UsTeaspoon",
            "SolarTemperature");

    /** Each temperature scale to and from kelvin. */
    private record Scale(DoubleUnaryOperator toKelvin, DoubleUnaryOperator fromKelvin) {
    }

    private static final Map<String, Scale> TEMPERATURE = Map.of(
            "Kelvin", new Scale(v -> v, k -> k),
            "DegreeCelsius", new Scale(c -> c + 273.15, k -> k - 273.15),
            "MillidegreeCelsius", new Scale(m -> m / 1000 + 273.15, k -> (k - 273.15) * 1000),
            "DegreeFahrenheit", new Scale(f -> (f + 459.67) * 5 / 9, k -> k * 9 / 5 - 459.67),
            "DegreeRankine", new Scale(r -> r * 5 / 9, k -> k * 9 / 5),
            "DegreeDelisle", new Scale(d -> 373.15 - d * 2 / 3, k -> (373.15 - k) * 3 / 2),
            "DegreeNewton", new Scale(n -> n * 100 / 33 + 273.15, k -> (k - 273.15) * 33 / 100),
            "DegreeReaumur", new Scale(r -> r * 5 / 4 + 273.15, k -> (k - 273.15) * 4 / 5),
            "DegreeRoemer", new Scale(r -> (r - 7.5) * 40 / 21 + 273.15, k -> (k - 273.15) * 21 / 40 + 7.5));

    private UnitFunctions() {
    }

    static void register(Map<String, Functions.Fn> m) {
        m.put("convert_length", (cx, args, call) -> factor(cx, args, call, LENGTH));
        m.put("convert_volume", (cx, args, call) -> factor(cx, args, call, VOLUME));
        m.put("convert_temperature", UnitFunctions::temperature);
    }

    private static Ev factor(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call, Map<String, Double> units) {
        Functions.arity(args, 3, 3, call);
        Ev v = Comparisons.cast(cx.compile(args.get(0)), REAL);
        Ev from = unit(cx, args.get(1), call, units.keySet()), to = unit(cx, args.get(2), call, units.keySet());
        return Ev.of(REAL, r -> {
            Object x = v.eval(r);
            Double f = units.get((String) from.eval(r)), t = units.get((String) to.eval(r));
            if (x == null || f == null || t == null) return null;
            return (Double) x * f / t;
        });
    }

    private static Ev temperature(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call) {
        Functions.arity(args, 3, 3, call);
        Ev v = Comparisons.cast(cx.compile(args.get(0)), REAL);
        Ev from = unit(cx, args.get(1), call, TEMPERATURE.keySet()), to = unit(cx, args.get(2), call, TEMPERATURE.keySet());
        return Ev.of(REAL, r -> {
            Object x = v.eval(r);
            Scale f = TEMPERATURE.get((String) from.eval(r)), t = TEMPERATURE.get((String) to.eval(r));
            if (x == null || f == null || t == null) return null;
            return t.fromKelvin().applyAsDouble(f.toKelvin().applyAsDouble((Double) x));
        });
    }

    /** The unit argument; a constant one is checked now (an unknown name at run time gives null). */
    private static Ev unit(ExprCompiler cx, Expr arg, Expr.FunctionCall call, Set<String> known) {
        Ev u = ExprCompiler.str(cx.compile(arg));
        if (u.isConstant() || arg instanceof Expr.Literal) {
            String name = (String) u.eval(0);
            if (UNDEFINED.contains(name)) {
                throw EvalException.unsupported(call.functionName() + " with unit '" + name + "' (Kusto's factor for it is not documented)", arg);
            }
            if (!known.contains(name)) {
                throw EvalException.bind(call.functionName() + ": unknown unit '" + name + "'; the units are " + new java.util.TreeSet<>(known), arg);
            }
        }
        return u;
    }
}
