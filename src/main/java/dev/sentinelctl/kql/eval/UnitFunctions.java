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
 * list, and {@code convert_mass}, {@code convert_speed}, {@code convert_angle}, {@code convert_energy},
 * {@code convert_force}. Served: the metric units, the international inch, foot, yard, nautical mile and pound,
 * speeds built from those, the angle units defined by degrees and radians, the joule, watt-hour and watt-day
 * families, erg and BTU, the newton family and dyne, and every temperature scale but SolarTemperature (exact affine
 * formulas). The other listed
 * units are refused (see {@link #UNDEFINED}); a name no page lists gives null, as the convert_mass and convert_speed
 * pages say ("Invalid units return null").
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

    private static final double LB = 0.45359237, DEG_PER_RAD = 180 / Math.PI;

    /** Kilograms per unit: the metric units and the pound (its docs example: 1.2 kg = 2.64554714621853 lb). */
    private static final Map<String, Double> MASS = Map.ofEntries(
            entry("Nanogram", 1e-12), entry("Microgram", 1e-9), entry("Milligram", 1e-6), entry("Centigram", 1e-5),
            entry("Decigram", 1e-4), entry("Gram", 1e-3), entry("Decagram", 1e-2), entry("Hectogram", 0.1),
            entry("Kilogram", 1d), entry("Tonne", 1e3), entry("Kilotonne", 1e6), entry("Megatonne", 1e9),
            entry("Pound", LB), entry("Kilopound", 1e3 * LB), entry("Megapound", 1e6 * LB));

    /** Meters per second per unit: metric lengths, inch, foot, yard and mile per second, minute or hour. */
    private static final Map<String, Double> SPEED = Map.ofEntries(
            entry("NanometerPerSecond", 1e-9), entry("NanometerPerMinute", 1e-9 / 60),
            entry("MicrometerPerSecond", 1e-6), entry("MicrometerPerMinute", 1e-6 / 60),
            entry("MillimeterPerSecond", 1e-3), entry("MillimeterPerMinute", 1e-3 / 60), entry("MillimeterPerHour", 1e-3 / 3600),
            entry("CentimeterPerSecond", 1e-2), entry("CentimeterPerMinute", 1e-2 / 60), entry("CentimeterPerHour", 1e-2 / 3600),
            entry("DecimeterPerSecond", 0.1), entry("DecimeterPerMinute", 0.1 / 60),
            entry("MeterPerSecond", 1d), entry("MeterPerMinute", 1d / 60), entry("MeterPerHour", 1d / 3600),
            entry("KilometerPerSecond", 1e3), entry("KilometerPerMinute", 1e3 / 60), entry("KilometerPerHour", 1e3 / 3600),
            entry("InchPerSecond", IN), entry("InchPerMinute", IN / 60), entry("InchPerHour", IN / 3600),
            entry("FootPerSecond", FT), entry("FootPerMinute", FT / 60), entry("FootPerHour", FT / 3600),
            entry("YardPerSecond", 3 * FT), entry("YardPerMinute", 3 * FT / 60), entry("YardPerHour", 3 * FT / 3600),
            entry("MilePerHour", 5280 * FT / 3600));

    private static final double BTU = 1055.05585262;

    /**
     * Joules per unit: the joule and watt-hour/watt-day families, the erg and the (International Table) British
     * thermal unit (its docs example: 1.2 J = 0.00113738054437598 BTU).
     */
    private static final Map<String, Double> ENERGY = Map.ofEntries(
            entry("Millijoule", 1e-3), entry("Joule", 1d), entry("Kilojoule", 1e3), entry("Megajoule", 1e6),
            entry("Gigajoule", 1e9), entry("Erg", 1e-7),
            entry("WattHour", 3600d), entry("KilowattHour", 3.6e6), entry("MegawattHour", 3.6e9),
            entry("GigawattHour", 3.6e12), entry("TerawattHour", 3.6e15),
            entry("WattDay", 86400d), entry("KilowattDay", 8.64e7), entry("MegawattDay", 8.64e10),
            entry("GigawattDay", 8.64e13), entry("TerawattDay", 8.64e16),
            entry("BritishThermalUnit", BTU), entry("KilobritishThermalUnit", 1e3 * BTU),
            entry("MegabritishThermalUnit", 1e6 * BTU), entry("GigabritishThermalUnit", 1e9 * BTU));

    /** Newtons per unit: the newton family and the dyne. */
    private static final Map<String, Double> FORCE = Map.ofEntries(
            entry("Micronewton", 1e-6), entry("Millinewton", 1e-3), entry("Newton", 1d), entry("Decanewton", 10d),
            entry("Kilonewton", 1e3), entry("Meganewton", 1e6), entry("Dyn", 1e-5));

    /** Degrees per unit. */
    private static final Map<String, Double> ANGLE = Map.ofEntries(
            entry("Degree", 1d), entry("Millidegree", 1e-3), entry("Microdegree", 1e-6), entry("Nanodegree", 1e-9),
            entry("Arcminute", 1d / 60), entry("Arcsecond", 1d / 3600), entry("Radian", DEG_PER_RAD),
            entry("Deciradian", 0.1 * DEG_PER_RAD), entry("Centiradian", 0.01 * DEG_PER_RAD),
            entry("Milliradian", 1e-3 * DEG_PER_RAD), entry("Microradian", 1e-6 * DEG_PER_RAD),
            entry("Nanoradian", 1e-9 * DEG_PER_RAD), entry("Gradian", 0.9), entry("Revolution", 360d),
            entry("NatoMil", 360d / 6400));

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
            "SolarTemperature",
            "EarthMass", "Grain", "LongHundredweight", "LongTon", "Ounce", "ShortHundredweight", "ShortTon", "Slug",
            "SolarMass", "Stone",
            "Knot", "UsSurveyFootPerHour", "UsSurveyFootPerMinute", "UsSurveyFootPerSecond",
            "Tilt",
            "Calorie", "Kilocalorie", "Megacalorie", "DecathermEc", "DecathermImperial", "DecathermUs", "ThermEc",
            "ThermImperial", "ThermUs", "ElectronVolt", "KiloelectronVolt", "MegaelectronVolt", "GigaelectronVolt",
            "TeraelectronVolt", "FootPound", "HorsepowerHour",
            "KilogramForce", "KiloPond", "KilopoundForce", "OunceForce", "Poundal", "PoundForce", "ShortTonForce",
            "TonneForce");

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
        m.put("convert_mass", (cx, args, call) -> factor(cx, args, call, MASS));
        m.put("convert_speed", (cx, args, call) -> factor(cx, args, call, SPEED));
        m.put("convert_angle", (cx, args, call) -> factor(cx, args, call, ANGLE));
        m.put("convert_energy", (cx, args, call) -> factor(cx, args, call, ENERGY));
        m.put("convert_force", (cx, args, call) -> factor(cx, args, call, FORCE));
    }

    private static Ev factor(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call, Map<String, Double> units) {
        Functions.arity(args, 3, 3, call);
        Ev v = Comparisons.cast(cx.compile(args.get(0)), REAL);
        Ev from = unit(cx, args.get(1), call), to = unit(cx, args.get(2), call);
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
        Ev from = unit(cx, args.get(1), call), to = unit(cx, args.get(2), call);
        return Ev.of(REAL, r -> {
            Object x = v.eval(r);
            Scale f = TEMPERATURE.get((String) from.eval(r)), t = TEMPERATURE.get((String) to.eval(r));
            if (x == null || f == null || t == null) return null;
            return t.fromKelvin().applyAsDouble(f.toKelvin().applyAsDouble((Double) x));
        });
    }

    /** The unit argument; a constant one with an undocumented factor is refused now. An unknown name gives null. */
    private static Ev unit(ExprCompiler cx, Expr arg, Expr.FunctionCall call) {
        Ev u = ExprCompiler.str(cx.compile(arg));
        if (u.isConstant() || arg instanceof Expr.Literal) {
            String name = (String) u.eval(0);
            if (UNDEFINED.contains(name)) {
                throw EvalException.unsupported(call.functionName() + " with unit '" + name + "' (Kusto's factor for it is not documented)", arg);
            }
        }
        return u;
    }
}
