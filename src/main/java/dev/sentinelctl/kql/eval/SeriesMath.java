package dev.sentinelctl.kql.eval;

import java.util.Arrays;

/**
 * The numbers behind the series analysis functions, on plain arrays (no engine types), each as Kusto's
 * documentation defines it; {@link SeriesAnalysis} binds them to queries and refuses what is not defined.
 */
final class SeriesMath {

    /**
     * The factor that puts a 10th–90th percentile Tukey score on the 25th–75th scale (so 1.5 stays "mild"). Kusto's
     * maintainers describe the normalisation as data-independent but give it only as about 2.77; this is the factor
     * every non-zero score of Kusto's own output in their worked example carries (Stack Overflow 75264555: 16 values,
     * four scores, one factor to 1e-15).
     */
    static final double CTUKEY_10_90_FACTOR = 2.772605605507915;

    private SeriesMath() {
    }

    /** Percentile by linear interpolation between the closest ranks (rank p/100·(n−1)), of a sorted array. */
    static double percentile(double[] sorted, double p) {
        int n = sorted.length;
        double h = p / 100.0 * (n - 1);
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (h - lo);
    }

    /** Least squares over x = 1 … n (series_fit_line: the documented example's line starts at interception + slope). */
    record LineFit(double rsquare, double slope, double variance, double rvariance, double interception, double[] line) {
    }

    /**
     * Fits the first {@code m} points and extends the line over all {@code y.length}. Variances are sample variances
     * (n − 1), residual variance the residual sum of squares over n − 1, r² = 1 − SSres/SStot: the documented example's
     * 98.628, 1.686 and 0.982.
     */
    static LineFit fitLine(double[] y, int m) {
        double mx = (m + 1) / 2.0, my = 0;
        for (int i = 0; i < m; i++) my += y[i];
        my /= m;
        double sxy = 0, sxx = 0, stot = 0;
        for (int i = 0; i < m; i++) {
            double dx = (i + 1) - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            stot += dy * dy;
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double b = my - slope * mx;
        double[] line = new double[y.length];
        double sres = 0;
        for (int i = 0; i < y.length; i++) {
            line[i] = slope * (i + 1) + b;
            if (i < m) sres += (y[i] - line[i]) * (y[i] - line[i]);
        }
        double denom = m > 1 ? m - 1 : 1;
        double rsquare = stot == 0 ? Double.NaN : 1 - sres / stot;
        return new LineFit(rsquare, slope, stot / denom, sres / denom, b, line);
    }

    record Stats(double min, int minIdx, double max, int maxIdx, double avg, double stdev, double variance) {
    }

    /** min/max with their first positions, average, sample variance and standard deviation (series_stats). */
    static Stats stats(double[] x) {
        int minIdx = 0, maxIdx = 0;
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] < x[minIdx]) minIdx = i;
            if (x[i] > x[maxIdx]) maxIdx = i;
            sum += x[i];
        }
        double avg = sum / x.length, ss = 0;
        for (double v : x) ss += (v - avg) * (v - avg);
        double variance = x.length > 1 ? ss / (x.length - 1) : 0;
        return new Stats(x[minIdx], minIdx, x[maxIdx], maxIdx, avg, Math.sqrt(variance), variance);
    }

    /** The low and high percentile of the values that are not NaN (missing values take no part). */
    static double[] range(double[] x, double low, double high) {
        double[] v = Arrays.stream(x).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) return null;
        return new double[] {percentile(v, low), percentile(v, high)};
    }

    /**
     * Tukey's fence as a score: (x − high)/(high − low)·factor above the range, (x − low)/(high − low)·factor below,
     * 0 inside and for missing (NaN) values; so a score beyond ±k is outside the fence with multiplier k.
     */
    static double score(double x, double low, double high, double factor) {
        if (Double.isNaN(x) || (x >= low && x <= high)) return 0;
        double iqr = high - low;
        return (x > high ? x - high : x - low) / iqr * factor;
    }

    enum Trend { AVG, LINEFIT, NONE }

    record Decomposition(double[] baseline, double[] seasonal, double[] trend, double[] residual) {
    }

    /**
     * series_decompose as documented: seasonal = per phase the median of the learning points of x in that phase
     * (0 without a period); trend from the deseasonalised series (its average, its least-squares line, or 0);
     * baseline = seasonal + trend; residual = x − baseline. The last {@code testPoints} points take no part in learning.
     */
    static Decomposition decompose(double[] x, int period, Trend trend, int testPoints) {
        int n = x.length, m = n - testPoints;
        double[] seasonal = new double[n];
        if (period > 0) {
            double[] phase = new double[period];
            for (int k = 0; k < period; k++) {
                int count = 0;
                double[] vals = new double[(m - k + period - 1) / period];
                for (int i = k; i < m; i += period) vals[count++] = x[i];
                phase[k] = median(vals);
            }
            for (int i = 0; i < n; i++) seasonal[i] = phase[i % period];
        }
        double[] deseasonal = new double[n];
        for (int i = 0; i < n; i++) deseasonal[i] = x[i] - seasonal[i];
        double[] tr = new double[n];
        if (trend == Trend.AVG) {
            double s = 0;
            for (int i = 0; i < m; i++) s += deseasonal[i];
            Arrays.fill(tr, s / m);
        } else if (trend == Trend.LINEFIT) {
            tr = fitLine(deseasonal, m).line();
        }
        double[] baseline = new double[n], residual = new double[n];
        for (int i = 0; i < n; i++) {
            baseline[i] = seasonal[i] + tr[i];
            residual[i] = x[i] - baseline[i];
        }
        return new Decomposition(baseline, seasonal, tr, residual);
    }

    /** The middle value, or the mean of the two middle values of an even count. */
    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
