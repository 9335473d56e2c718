package dev.sentinelctl.kql.eval.h3;

import dev.sentinelctl.kql.eval.h3.BaseCells.Base;
import dev.sentinelctl.kql.eval.h3.Icosahedron.Face;

import java.util.ArrayList;
import java.util.List;

/**
 * H3 cells (h3geo.org): a 64-bit index of mode 1, resolution 0..15, base cell 0..121 and one 3-bit digit 0..6 per
 * resolution (7 for unused ones). Cells are found on the face-centred gnomonic hexagon lattices of {@link Icosahedron};
 * digits are the aperture-7 path from the base cell in its home face's frame. Methods throw {@link H3Unsupported}
 * for cells whose base cell's orientation is not known (see {@link BaseCells}); invalid input gives -1 / null.
 */
public final class H3 {

    public static final int MAX_RES = 15;
    private static final double STEP = Math.PI / 3;

    private H3() {
    }

    // --- index bits -------------------------------------------------------------------------------------------

    public static int resolution(long h) {
        return (int) (h >>> 52) & 15;
    }

    static int baseCell(long h) {
        return (int) (h >>> 45) & 127;
    }

    static int digit(long h, int r) {
        return (int) (h >>> (3 * (MAX_RES - r))) & 7;
    }

    static long withDigit(long h, int r, int d) {
        int shift = 3 * (MAX_RES - r);
        return (h & ~(7L << shift)) | ((long) d << shift);
    }

    static long make(int base, int[] digits) {
        long h = 1L << 59 | (long) digits.length << 52 | (long) base << 45;
        for (int r = 1; r <= MAX_RES; r++) h |= (long) (r <= digits.length ? digits[r - 1] : 7) << (3 * (MAX_RES - r));
        return h;
    }

    /** The index of a token (hexadecimal, as Kusto prints it), or -1 when it is not a valid H3 cell. */
    public static long parse(String token) {
        if (token == null) return -1;
        String t = token.trim();
        if (t.isEmpty() || t.length() > 16) return -1;
        long h;
        try {
            h = Long.parseUnsignedLong(t, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
        return isValid(h) ? h : -1;
    }

    public static boolean isValid(long h) {
        if ((h >>> 63) != 0 || ((h >>> 59) & 15) != 1 || ((h >>> 56) & 7) != 0) return false;
        int res = resolution(h), base = baseCell(h);
        if (base >= BaseCells.ALL.size()) return false;
        boolean pentagon = BaseCells.ALL.get(base).pentagon();
        boolean leading = true;
        for (int r = 1; r <= MAX_RES; r++) {
            int d = digit(h, r);
            if (r <= res) {
                if (d == 7) return false;
                // a pentagon has no k-axis (digit 1) sub-sequence right below its centre
                if (pentagon && leading && d == 1) return false;
                if (d != 0) leading = false;
            } else if (d != 7) {
                return false;
            }
        }
        return true;
    }

    public static String format(long h) {
        return Long.toHexString(h);
    }

    // --- hierarchy --------------------------------------------------------------------------------------------

    /** The ancestor at {@code res} (the cell itself at its own resolution); -1 when res is out of 0..resolution. */
    public static long parent(long h, int res) {
        int own = resolution(h);
        if (res < 0 || res > own) return -1;
        long p = (h & ~(15L << 52)) | (long) res << 52;
        for (int r = res + 1; r <= own; r++) p = withDigit(p, r, 7);
        return p;
    }

    /** The descendants at {@code res} in digit order. */
    public static long[] children(long h, int res) {
        int own = resolution(h);
        if (res < own || res > MAX_RES) return null;
        boolean pentagon = BaseCells.ALL.get(baseCell(h)).pentagon();
        int n = res - own;
        long count = 1;
        for (int i = 0; i < n; i++) count *= 7;
        long[] out = new long[(int) count];
        long base = (h & ~(15L << 52)) | (long) res << 52;
        for (int x = 0; x < count; x++) {
            long c = base;
            int rest = x;
            for (int r = res; r > own; r--) {
                c = withDigit(c, r, rest % 7);
                rest /= 7;
            }
            out[x] = c;
        }
        // a pentagon's descendants never start with the k-axis digit (1): h3geo.org, "Cell mode"
        return pentagon ? java.util.Arrays.stream(out).filter(H3::isValid).toArray() : out;
    }

    // --- geometry ---------------------------------------------------------------------------------------------

    /** The cell containing a point (degrees); latitude must be in [-90, 90], res in 0..15. */
    public static long fromPoint(double latDeg, double lngDeg, int res) {
        Vec3 p = Vec3.ofLatLng(Math.toRadians(latDeg), Math.toRadians(lngDeg));
        Face f = Icosahedron.faceOf(p);
        double[] v0 = Plane.project(f, p);
        double[] v = Plane.fromRes0(v0[0], v0[1], res);
        Ijk c = Ijk.nearest(v[0], v[1]);
        int[] digits = new int[res];
        for (int r = res; r >= 1; r--) {
            Ijk parent = up(c, r);
            digits[r - 1] = c.minus(parent.down(r % 2 == 1)).digit();
            c = parent;
        }
        Plane.At at = Plane.settle(f, c.x(), c.y());
        Base b = BaseCells.nearest(Plane.unproject(at.face(), at.x(), at.y()));
        if (b.pentagon()) return pentagonCell(b, f, digits);
        requireSupported(b);
        int steps = b.home() == f ? 0 : turnsOfHomeIn(b, f);
        for (int r = 0; r < res; r++) digits[r] = Ijk.rotate(digits[r], -steps);
        return make(b.number(), digits);
    }

    /** Centre of the cell as {lat, lng} in degrees. */
    public static double[] center(long h) {
        Cell c = Cell.of(h);
        Vec3 p = c.point(c.x(), c.y());
        return new double[]{Math.toDegrees(p.lat()), Math.toDegrees(p.lng())};
    }

    /**
     * The cell's boundary as {lng, lat} pairs (degrees) counterclockwise, first vertex the one 30 degrees
     * counterclockwise from the i axis of the face holding the centre; on Class III resolutions the points where
     * an edge crosses an icosahedron edge are added. Not closed.
     */
    public static List<double[]> boundary(long h) {
        Cell c = Cell.of(h);
        Plane.At centerAt = c.settle(c.x(), c.y());
        int start = centerAt.face() == c.home() ? 0 : Math.floorMod(-Plane.sixthTurns(c.home(), c.planeX(c.x(), c.y()), c.planeY(c.x(), c.y()), centerAt.face()), 6);
        double rad = 1 / Math.sqrt(3);
        List<double[]> out = new ArrayList<>();
        double[] prev = null;
        Face prevFace = null;
        for (int n = 0; n <= 6; n++) {
            double a = Math.PI / 6 + (start + n) * STEP;
            double[] q = {c.x() + rad * Math.cos(a), c.y() + rad * Math.sin(a)};
            Plane.At at = c.settle(q[0], q[1]);
            if (prev != null && c.res() % 2 == 1 && at.face() != prevFace) {
                double[] lo = prev, hi = q;
                for (int it = 0; it < 60; it++) {
                    double[] mid = {(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2};
                    if (c.settle(mid[0], mid[1]).face() == prevFace) lo = mid;
                    else hi = mid;
                }
                out.add(lngLat(c.point(hi[0], hi[1])));
            }
            if (n < 6) out.add(lngLat(c.point(q[0], q[1])));
            prev = q;
            prevFace = at.face();
        }
        return out;
    }

    /**
     * Rings of cells around {@code h} up to distance k: ring 0 is the cell; ring n walks from the cell n steps along
     * the i axis along the j, jk, k, ik, i, ij directions, n steps each, listing each cell reached (so it ends where
     * it started).
     */
    public static List<List<Long>> rings(long h, int k) {
        Cell c = Cell.of(h);
        List<List<Long>> out = new ArrayList<>();
        out.add(List.of(h));
        int[] sides = {2, 3, 1, 5, 4, 6};
        for (int n = 1; n <= k; n++) {
            List<Long> ring = new ArrayList<>();
            // directions are the index's; a pentagon's cells sit on a lattice turned from it
            Ijk p = c.ijk().plus(Ijk.unit(Ijk.rotate(4, c.turn())).times(n));
            for (int side : sides) {
                for (int s = 0; s < n; s++) {
                    p = p.plus(Ijk.unit(Ijk.rotate(side, c.turn())));
                    ring.add(c.cellAt(p));
                }
            }
            out.add(ring);
        }
        return out;
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static long pentagonCell(Base b, Face f, int[] digits) {
        BaseCells.PentagonSide side = b.side();
        if (side == null || side.face() != f) {
            throw new H3Unsupported("cells of pentagon base cell " + b.number() + " (its orientation is not documented)");
        }
        int steps = side.turns();
        for (int r = 0; r < digits.length; r++) digits[r] = Ijk.rotate(digits[r], -steps);
        for (int d : digits) {
            if (d == 1) throw new H3Unsupported("cells of pentagon base cell " + b.number() + " next to its deleted k-axis wedge");
            if (d != 0) break;
        }
        return make(b.number(), digits);
    }

    static boolean isPentagon(long h) {
        if (!BaseCells.ALL.get(baseCell(h)).pentagon()) return false;
        for (int r = 1; r <= resolution(h); r++) if (digit(h, r) != 0) return false;
        return true;
    }

    static Ijk up(Ijk c, int res) {
        double[] v = Plane.toRes0(c.x(), c.y(), res);
        double[] w = Plane.fromRes0(v[0], v[1], res - 1);
        return Ijk.nearest(w[0], w[1]);
    }

    private static void requireSupported(Base b) {
        if (b.pentagon()) throw new H3Unsupported("cells of pentagon base cell " + b.number());
        if (b.home() == null) throw new H3Unsupported("cells of base cell " + b.number() + " (its orientation is not documented)");
    }

    /** Sixth-turns from face f's frame to base cell b's home frame, measured at the base cell's centre. */
    private static int turnsOfHomeIn(Base b, Face f) {
        Ijk at = b.homeIjk();
        return Math.floorMod(Plane.sixthTurns(b.home(), at.x(), at.y(), f), 6);
    }

    private static double[] lngLat(Vec3 p) {
        return new double[]{Math.toDegrees(p.lng()), Math.toDegrees(p.lat())};
    }

    /** A cell placed on its base cell's home-face lattice. */
    private record Cell(long h, Face home, Ijk ijk, int res, Face cut, int turn) {

        static Cell of(long h) {
            Base b = BaseCells.ALL.get(baseCell(h));
            int res = resolution(h);
            if (b.pentagon()) return ofPentagon(h, b, res);
            requireSupported(b);
            Ijk c = b.homeIjk();
            for (int r = 1; r <= res; r++) c = c.down(r % 2 == 1).plus(Ijk.unit(digit(h, r)));
            return new Cell(h, b.home(), c, res, null, 0);
        }

        /** A pentagon's descendant, placed on the side face its orientation is known from. */
        private static Cell ofPentagon(long h, Base b, int res) {
            BaseCells.PentagonSide side = b.side();
            boolean centre = true;
            for (int r = 1; r <= res; r++) centre &= digit(h, r) == 0;
            if (side == null || centre) {
                throw new H3Unsupported("cells of pentagon base cell " + b.number() + (centre ? " (the pentagon itself)" : " (its orientation is not documented)"));
            }
            int steps = side.turns();
            Ijk c = side.ijk();
            for (int r = 1; r <= res; r++) c = c.down(r % 2 == 1).plus(Ijk.unit(Ijk.rotate(digit(h, r), steps)));
            return new Cell(h, side.face(), c, res, side.cut(), steps);
        }

        double x() {
            return ijk.x();
        }

        double y() {
            return ijk.y();
        }

        double planeX(double x, double y) {
            return Plane.toRes0(x, y, res)[0];
        }

        double planeY(double x, double y) {
            return Plane.toRes0(x, y, res)[1];
        }

        /** Where a point of this cell's lattice (lattice units) lies: its face and that face's plane position. */
        Plane.At settle(double x, double y) {
            double[] v = Plane.toRes0(x, y, res);
            Plane.At at = Plane.settle(home, v[0], v[1]);
            if (at.face() == cut) throw new H3Unsupported("a position across a pentagon's deleted k-axis wedge");
            return at;
        }

        Vec3 point(double x, double y) {
            Plane.At at = settle(x, y);
            return Plane.unproject(at.face(), at.x(), at.y());
        }

        /** The cell at a lattice position of this cell's resolution. */
        long cellAt(Ijk p) {
            Vec3 q = point(p.x(), p.y());
            long cell = fromPoint(Math.toDegrees(q.lat()), Math.toDegrees(q.lng()), res);
            // around a pentagon the lattice loses a wedge: H3 orders such rings differently
            if (isPentagon(cell)) throw new H3Unsupported("rings that reach a pentagon");
            return cell;
        }
    }
}
