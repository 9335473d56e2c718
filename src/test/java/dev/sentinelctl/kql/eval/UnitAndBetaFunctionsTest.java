package dev.sentinelctl.kql.eval;

import org.junit.jupiter.api.Test;

import static dev.sentinelctl.kql.eval.EngineTestSupport.fail;
import static dev.sentinelctl.kql.eval.EngineTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** convert_* and beta_* against their docs pages' examples. */
class UnitAndBetaFunctionsTest {

    private static void near(double want, String got, double tolerance) {
        assertEquals(want, Double.parseDouble(got), tolerance, got);
    }

    @Test
    void conversionExamples() {
        near(3.93700787401575, scalar("convert_length(1.2, 'Meter', 'Foot')"), 1e-13);
        near(-271.95, scalar("convert_temperature(1.2, 'Kelvin', 'DegreeCelsius')"), 1e-12);
        near(1200, scalar("convert_volume(1.2, 'CubicMeter', 'Liter')"), 1e-9);
        near(212, scalar("convert_temperature(100, 'DegreeCelsius', 'DegreeFahrenheit')"), 1e-9);
        near(0.0254 * 12, Double.toString(Double.parseDouble(scalar("convert_length(1, 'Foot', 'Meter')"))), 1e-15);
        near(1852, scalar("convert_length(1, 'NauticalMile', 'Meter')"), 1e-9);
    }

    @Test
    void massSpeedAndAngleExamples() {
        near(2.64554714621853, scalar("convert_mass(1.2, 'Kilogram', 'Pound')"), 1e-13);
        near(432000, scalar("convert_speed(1.2, 'MeterPerSecond', 'CentimeterPerHour')"), 1e-7);
        near(72, scalar("convert_angle(1.2, 'Degree', 'Arcminute')"), 1e-12);
        near(Math.PI, scalar("convert_angle(180, 'Degree', 'Radian')"), 1e-14);
        near(60, scalar("convert_speed(1, 'MilePerHour', 'MilePerHour') * 60"), 1e-12);
        near(0.00113738054437598, scalar("convert_energy(1.2, 'Joule', 'BritishThermalUnit')"), 1e-17);
        near(0.12, scalar("convert_force(1.2, 'Newton', 'Decanewton')"), 1e-15);
        near(1, scalar("convert_energy(3.6e6, 'Joule', 'KilowattHour')"), 1e-15);
        assertEquals(EvalResult.UNSUPPORTED, fail("print convert_force(1, 'PoundForce', 'Newton')").code());
    }

    @Test
    void unknownAndUndefinedUnits() {
        // "Invalid units return null" (convert-mass-function.md, convert-speed-function.md)
        assertEquals("", scalar("convert_length(1, 'Meter', 'Furlong')"));
        assertEquals(EvalResult.UNSUPPORTED, fail("print convert_mass(1, 'Stone', 'Kilogram')").code());
        assertEquals(EvalResult.UNSUPPORTED, fail("print convert_length(1, 'Parsec', 'Meter')").code());
        // the docs example: Kusto's acre-foot factor is its library's, not the exact 1233.48183754752 m3
        assertEquals(EvalResult.UNSUPPORTED, fail("print convert_volume(1.2, 'CubicMeter', 'AcreFoot')").code());
    }

    @Test
    void betaExamples() {
        near(0.746176019310951, scalar("beta_pdf(0.5, 10.0, 20.0)"), 1e-12);
        assertEquals("NaN", scalar("beta_pdf(1.5, 10.0, 20.0)"));
        assertEquals("NaN", scalar("beta_pdf(0.1, -1.0, 20.0)"));
        near(0.999999999999959, scalar("beta_cdf(0.9, 10.0, 20.0)"), 1e-14);
        assertEquals("NaN", scalar("beta_cdf(-10.0, 10.0, 20.0)"));
        near(0.226415022388749, scalar("beta_inv(0.1, 10.0, 20.0)"), 1e-12);
        assertEquals("", scalar("beta_inv(1.5, 10.0, 20.0)"));
        assertEquals("NaN", scalar("beta_inv(0.1, -1.0, 20.0)"));
        near(0.1, scalar("beta_cdf(beta_inv(0.1, 2.0, 3.0), 2.0, 3.0)"), 1e-12);
    }
}
