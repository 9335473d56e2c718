package dev.sentinelctl.kql.eval.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * S2 cells, written from the public S2 geometry specification: the sphere is projected onto the six faces of a
 * cube (face = the largest coordinate axis, +x +y +z −x −y −z), face coordinates (u, v) are mapped to (s, t) by the
 * quadratic transform, (s, t) to 30-bit integers (i, j), and (i, j) to a position on a Hilbert curve whose
 * orientation alternates per face. A cell id is face (3 bits) · position (2 bits per level) · a trailing 1 bit;
 * its token is the id in hex without trailing zeros. Cell edges are geodesics (great circles through the cube's
 * edges), so a cell is a spherical quadrilateral.
 */
public final class S2 {

    public static final int MAX_LEVEL = 30;
    private static final int SWAP = 1, INVERT = 2;
    private static final int[][] POS_TO_IJ = {{0, 1, 3, 2}, {0, 2, 3, 1}, {3, 2, 0, 1}, {3, 1, 0, 2}};
    private static final int[] POS_TO_ORIENTATION = {SWAP, 0, 0, SWAP | INVERT};
    private static final int[][] IJ_TO_POS = new int[4][4];

    static {
        for (int o = 0; o < 4; o++) for (int p = 0; p < 4; p++) IJ_TO_POS[o][POS_TO_IJ[o][p]] = p;
    }

    private S2() {
    }

    // --- projections ------------------------------------------------------------------------------------------

    static int face(P3 p) {
        double ax = Math.abs(p.x()), ay = Math.abs(p.y()), az = Math.abs(p.z());
        int f = ax >= ay ? (ax >= az ? 0 : 2) : (ay >= az ? 1 : 2);
        double c = f == 0 ? p.x() : f == 1 ? p.y() : p.z();
        return c < 0 ? f + 3 : f;
    }

    /** {u, v} of p on face f (p must be on the face's side: its face coordinate nonzero). */
    static double[] uv(int f, P3 p) {
        double x = p.x(), y = p.y(), z = p.z();
        return switch (f) {
            case 0 -> new double[] {y / x, z / x};
            case 1 -> new double[] {-x / y, z / y};
            case 2 -> new double[] {-x / z, -y / z};
            case 3 -> new double[] {z / x, y / x};
            case 4 -> new double[] {z / y, -x / y};
            default -> new double[] {-y / z, -x / z};
        };
    }

    static P3 xyz(int f, double u, double v) {
        P3 p = switch (f) {
            case 0 -> new P3(1, u, v);
            case 1 -> new P3(-u, 1, v);
            case 2 -> new P3(-u, -v, 1);
            case 3 -> new P3(-1, -v, -u);
            case 4 -> new P3(v, -1, -u);
            default -> new P3(v, u, -1);
        };
        return p.unit();
    }

    static double stToUV(double s) {
        return s >= 0.5 ? (4 * s * s - 1) / 3 : (1 - 4 * (1 - s) * (1 - s)) / 3;
    }

    static double uvToST(double u) {
        return u >= 0 ? 0.5 * Math.sqrt(1 + 3 * u) : 1 - 0.5 * Math.sqrt(1 - 3 * u);
    }

    private static int stToIJ(double s) {
        long i = (long) Math.floor(s * (1L << MAX_LEVEL));
        return (int) Math.max(0, Math.min((1L << MAX_LEVEL) - 1, i));
    }

    // --- ids ----------------------------------------------------------------------------------------------------

    static long fromFaceIJ(int f, int i, int j) {
        int orientation = f & SWAP;
        long pos = 0;
        for (int k = MAX_LEVEL - 1; k >= 0; k--) {
            int ij = (((i >> k) & 1) << 1) | ((j >> k) & 1);
            int p = IJ_TO_POS[orientation][ij];
            pos = (pos << 2) | p;
            orientation ^= POS_TO_ORIENTATION[p];
        }
        return ((long) f << 61) | (pos << 1) | 1;
    }

    static long lsb(long id) {
        return id & -id;
    }

    public static int level(long id) {
        return MAX_LEVEL - Long.numberOfTrailingZeros(id) / 2;
    }

    static long parent(long id, int level) {
        long l = 1L << (2 * (MAX_LEVEL - level));
        return (id & -l) | l;
    }

    public static long fromPoint(P3 p, int level) {
        int f = face(p);
        double[] uv = uv(f, p);
        long leaf = fromFaceIJ(f, stToIJ(uvToST(uv[0])), stToIJ(uvToST(uv[1])));
        return parent(leaf, level);
    }

    public static String token(long id) {
        if (id == 0) return "X";
        String hex = String.format("%016x", id);
        int end = hex.length();
        while (end > 1 && hex.charAt(end - 1) == '0') end--;
        return hex.substring(0, end);
    }

    /** The cell of a token, or null when the token is not a valid cell (at most 16 hex digits, face ≤ 5, level ≤ 30). */
    public static Long fromToken(String t) {
        if (t == null || t.isEmpty() || t.length() > 16) return null;
        long id = 0;
        for (int k = 0; k < 16; k++) {
            int d = k < t.length() ? Character.digit(t.charAt(k), 16) : 0;
            if (d < 0) return null;
            id = (id << 4) | d;
        }
        if (id == 0 || (id >>> 61) > 5 || (Long.numberOfTrailingZeros(id) & 1) != 0) return null;
        return id;
    }

    /** {face, i0, j0, size} of a cell: its range of leaf coordinates. */
    static int[] bounds(long id) {
        int f = (int) (id >>> 61);
        int level = level(id);
        int orientation = f & SWAP;
        int i = 0, j = 0;
        for (int k = 0; k < level; k++) {
            int p = (int) ((id >>> (60 - 2 * k - 1)) & 3);
            int ij = POS_TO_IJ[orientation][p];
            i = (i << 1) | (ij >> 1);
            j = (j << 1) | (ij & 1);
            orientation ^= POS_TO_ORIENTATION[p];
        }
        int shift = MAX_LEVEL - level;
        return new int[] {f, i << shift, j << shift, 1 << shift};
    }

    /** The four vertices, counterclockwise: (u0,v0), (u1,v0), (u1,v1), (u0,v1). */
    public static P3[] vertices(long id) {
        int[] b = bounds(id);
        double scale = 1.0 / (1L << MAX_LEVEL);
        double u0 = stToUV(b[1] * scale), u1 = stToUV(((long) b[1] + b[3]) * scale);
        double v0 = stToUV(b[2] * scale), v1 = stToUV(((long) b[2] + b[3]) * scale);
        return new P3[] {xyz(b[0], u0, v0), xyz(b[0], u1, v0), xyz(b[0], u1, v1), xyz(b[0], u0, v1)};
    }

    public static P3 center(long id) {
        int[] b = bounds(id);
        double scale = 1.0 / (1L << MAX_LEVEL);
        double s = (b[1] + b[3] / 2.0) * scale, t = (b[2] + b[3] / 2.0) * scale;
        return xyz(b[0], stToUV(s), stToUV(t));
    }

    /**
     * The edge and corner neighbours of a cell at its level, in (Δi, Δj) steps of the cell's face grid. The pages do
     * not define an order; this is the order of the documented example for "89c259" (a cell with all eight). Across
     * a face edge the neighbour is the cell of the adjacent face that holds the point half a cell beyond the edge;
     * at a cube corner two of those coincide and the cell has seven.
     */
    public static List<Long> neighbours(long id) {
        int[][] order = {{1, 1}, {-1, -1}, {1, -1}, {0, -1}, {0, 1}, {1, 0}, {-1, 0}, {-1, 1}};
        int[] b = bounds(id);
        int level = level(id);
        double scale = 1.0 / (1L << MAX_LEVEL);
        List<Long> out = new ArrayList<>();
        for (int[] d : order) {
            double s = (b[1] + (d[0] + 0.5) * b[3]) * scale, t = (b[2] + (d[1] + 0.5) * b[3]) * scale;
            long n = fromPoint(xyz(b[0], stToUV(s), stToUV(t)), level);
            if (n != id && !out.contains(n)) out.add(n);
        }
        return out;
    }

    static long[] children(long id) {
        long l = lsb(id) >>> 2;
        long first = id - lsb(id) + l;
        return new long[] {first, first + 2 * l, first + 4 * l, first + 6 * l};
    }

    /** Whether p lies in the cell (by its face and (u, v) range). */
    static boolean cellContains(long id, P3 p) {
        int[] b = bounds(id);
        if (face(p) != b[0]) return false;
        double[] uv = uv(b[0], p);
        double s = uvToST(uv[0]), t = uvToST(uv[1]);
        double scale = 1.0 / (1L << MAX_LEVEL);
        return s >= b[1] * scale && s <= ((long) b[1] + b[3]) * scale && t >= b[2] * scale && t <= ((long) b[2] + b[3]) * scale;
    }

    /**
     * The cells of one level that intersect a region (closed: touching counts), in Hilbert order; null when there are
     * more than {@code limit}.
     */
    public static List<Long> covering(Region region, int level, int limit) {
        return covering(region, 0, level, limit);
    }

    /**
     * The cells of one level that {@code meets} accepts, found by descending from the six faces through the cells it
     * accepts (so it must accept every ancestor of an accepted cell); null when there are more than {@code limit}.
     */
    public static List<Long> covering(java.util.function.LongPredicate meets, int level, int limit) {
        List<Long> out = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            long faceCell = ((long) f << 61) | (1L << 60);
            if (!descend(faceCell, level, meets, out, limit)) return null;
        }
        return out;
    }

    private static boolean descend(long id, int level, java.util.function.LongPredicate meets, List<Long> out, int limit) {
        if (!meets.test(id)) return true;
        if (level(id) == level) {
            out.add(id);
            return out.size() <= limit;
        }
        for (long c : children(id)) if (!descend(c, level, meets, out, limit)) return false;
        return true;
    }

    /**
     * Boundaries closer than this (radians, ≈ 6 µm) touch: a cell whose edge runs along a polygon edge (a meridian
     * through a cell corner, the equator) meets the polygon though no edge crosses properly.
     */
    private static final double TOUCH = Lines.EPS;

    /** The smallest distance (radians) between the cell's boundary and a set of edges that neither crosses it nor lies inside it. */
    static double boundaryDistance(long id, List<P3[]> edges) {
        P3[] v = vertices(id);
        double best = Double.MAX_VALUE;
        for (int k = 0; k < 4; k++) {
            P3 a = v[k], b = v[(k + 1) % 4];
            for (P3[] e : edges) {
                best = Math.min(best, Math.min(Math.min(Spherical.distanceToEdge(a, e[0], e[1]), Spherical.distanceToEdge(b, e[0], e[1])),
                        Math.min(Spherical.distanceToEdge(e[0], a, b), Spherical.distanceToEdge(e[1], a, b))));
            }
        }
        return best;
    }

    /** Whether a chain of edges meets the cell: a vertex inside it or an edge crossing its boundary. */
    static boolean meetsEdges(long id, List<P3[]> edges) {
        P3[] v = vertices(id);
        for (P3[] e : edges) if (cellContains(id, e[0]) || cellContains(id, e[1])) return true;
        for (int k = 0; k < 4; k++) {
            for (P3[] e : edges) if (Spherical.crosses(v[k], v[(k + 1) % 4], e[0], e[1])) return true;
        }
        return false;
    }

    /** The cells of a level within {@code radius} radians of a region (0: the cells that intersect it). */
    public static List<Long> covering(Region region, double radius, int level, int limit) {
        // no cell of a level is more than 3× the level's average area (the quadratic projection keeps the ratio near
        // 2), so a region larger than limit such cells certainly needs more than limit of them
        double averageCell = 4 * Math.PI / (6 * Math.pow(4, level));
        if (region.area() > 3 * averageCell * limit) return null;
        List<P3[]> edges = region.edges();
        double within = Math.max(radius, TOUCH);
        return covering(id -> intersects(id, region, edges) || boundaryDistance(id, edges) <= within, level, limit);
    }

    /** The cells of a level within {@code radius} radians of the edges (0: the cells they pass through). */
    public static List<Long> covering(List<P3[]> edges, double radius, int level, int limit) {
        double within = Math.max(radius, TOUCH);
        return covering(id -> meetsEdges(id, edges) || boundaryDistance(id, edges) <= within, level, limit);
    }

    static boolean intersects(long id, Region region, List<P3[]> edges) {
        P3[] v = vertices(id);
        for (P3 p : v) if (region.contains(p)) return true;
        for (P3[] e : edges) if (cellContains(id, e[0])) return true;
        for (int k = 0; k < 4; k++) {
            P3 a = v[k], b = v[(k + 1) % 4];
            for (P3[] e : edges) if (Spherical.crosses(a, b, e[0], e[1])) return true;
        }
        return false;
    }
}
