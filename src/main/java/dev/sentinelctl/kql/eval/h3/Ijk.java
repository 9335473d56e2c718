package dev.sentinelctl.kql.eval.h3;

/**
 * Hexagon lattice coordinates on three axes 120 degrees apart (i at 0, j at 120, k at 240 degrees counterclockwise),
 * normalized to non-negative components with at least one zero. Digits 1..6 are the unit vectors k, j, jk, i, ik, ij
 * (the digit's three bits are the i, j, k components), digit 0 the centre.
 */
record Ijk(long i, long j, long k) {

    static final Ijk ZERO = new Ijk(0, 0, 0);
    private static final double SIN60 = Math.sqrt(3) / 2;
    /** Digits in counterclockwise order around the centre: i, ij, j, jk, k, ik. */
    static final int[] CCW = {4, 6, 2, 3, 1, 5};

    static Ijk of(long i, long j, long k) {
        long m = Math.min(i, Math.min(j, k));
        return new Ijk(i - m, j - m, k - m);
    }

    static Ijk unit(int digit) {
        return new Ijk((digit >> 2) & 1, (digit >> 1) & 1, digit & 1);
    }

    /** The digit of a unit vector (or the centre); -1 when this is not one. */
    int digit() {
        if (i > 1 || j > 1 || k > 1) return -1;
        return (int) (i << 2 | j << 1 | k);
    }

    Ijk plus(Ijk o) {
        return of(i + o.i, j + o.j, k + o.k);
    }

    Ijk minus(Ijk o) {
        return of(i - o.i, j - o.j, k - o.k);
    }

    Ijk times(long s) {
        return of(i * s, j * s, k * s);
    }

    /**
     * The centre of this cell expressed in the next finer resolution's lattice. Aperture 7: the finer lattice is
     * the coarser one scaled by 1/sqrt(7) and turned by asin(sqrt(3/28)) ~ 19.1 degrees, counterclockwise when the
     * finer resolution is Class III (odd), clockwise when it is Class II (even).
     */
    Ijk down(boolean finerIsClassIII) {
        if (finerIsClassIII) return of(3 * i + j, 3 * j + k, i + 3 * k);
        return of(3 * i + k, i + 3 * j, j + 3 * k);
    }

    double x() {
        return i - 0.5 * j - 0.5 * k;
    }

    double y() {
        return SIN60 * (j - k);
    }

    /** The lattice point nearest to (x, y). */
    static Ijk nearest(double x, double y) {
        double jj = y / SIN60;
        double ii = x + jj / 2;
        long bi = 0, bj = 0;
        double best = Double.MAX_VALUE;
        long fi = (long) Math.floor(ii), fj = (long) Math.floor(jj);
        for (long a = fi - 1; a <= fi + 2; a++) {
            for (long b = fj - 1; b <= fj + 2; b++) {
                double dx = a - 0.5 * b - x, dy = SIN60 * b - y;
                double d = dx * dx + dy * dy;
                if (d < best) {
                    best = d;
                    bi = a;
                    bj = b;
                }
            }
        }
        return of(bi, bj, 0);
    }

    /** A digit turned counterclockwise by {@code steps} sixths of a turn (negative: clockwise). */
    static int rotate(int digit, int steps) {
        if (digit == 0 || digit == 7) return digit;
        int at = 0;
        while (CCW[at] != digit) at++;
        return CCW[Math.floorMod(at + steps, 6)];
    }
}
