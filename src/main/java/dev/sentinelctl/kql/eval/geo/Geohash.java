package dev.sentinelctl.kql.eval.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * Geohash (the public-domain algorithm by G. Niemeyer): bits alternate longitude and latitude halvings starting
 * with longitude, five bits per base-32 character from the alphabet without a, i, l, o.
 */
public final class Geohash {

    private static final String ALPHABET = "0123456789bcdefghjkmnpqrstuvwxyz";
    public static final int MAX_PRECISION = 18;

    /**
     * The documented example lists the neighbours of "sunny" in this order of (dx, dy) cell steps; the pages do not
     * define an order, so the engine uses that one for every cell.
     */
    private static final int[][] NEIGHBOUR_ORDER = {{-1, -1}, {-1, 1}, {1, -1}, {0, 1}, {-1, 0}, {1, 1}, {1, 0}, {0, -1}};

    private Geohash() {
    }

    public static String encode(double lng, double lat, int precision) {
        double[] lo = {-180, -90}, hi = {180, 90};
        StringBuilder sb = new StringBuilder();
        boolean even = true;
        int bits = 0, ch = 0;
        while (sb.length() < precision) {
            int k = even ? 0 : 1;
            double v = even ? lng : lat;
            double mid = (lo[k] + hi[k]) / 2;
            ch <<= 1;
            if (v >= mid) {
                ch |= 1;
                lo[k] = mid;
            } else {
                hi[k] = mid;
            }
            even = !even;
            if (++bits == 5) {
                sb.append(ALPHABET.charAt(ch));
                bits = 0;
                ch = 0;
            }
        }
        return sb.toString();
    }

    /** {minLng, minLat, maxLng, maxLat}, or null when the text is not a geohash (empty, too long, a foreign character). */
    public static double[] box(String h) {
        if (h == null || h.isEmpty() || h.length() > MAX_PRECISION) return null;
        double[] lo = {-180, -90}, hi = {180, 90};
        boolean even = true;
        for (int n = 0; n < h.length(); n++) {
            int v = ALPHABET.indexOf(Character.toLowerCase(h.charAt(n)));
            if (v < 0) return null;
            for (int b = 4; b >= 0; b--) {
                int k = even ? 0 : 1;
                double mid = (lo[k] + hi[k]) / 2;
                if (((v >> b) & 1) == 1) lo[k] = mid;
                else hi[k] = mid;
                even = !even;
            }
        }
        return new double[] {lo[0], lo[1], hi[0], hi[1]};
    }

    /** The ring of the cell's rectangle: SW, SE, NE, NW, SW (the documented order). */
    public static List<LngLat> ring(double[] b) {
        return List.of(new LngLat(b[0], b[1]), new LngLat(b[2], b[1]), new LngLat(b[2], b[3]), new LngLat(b[0], b[3]),
                new LngLat(b[0], b[1]));
    }

    /** The up-to-8 cells around h (longitude wraps at ±180; none beyond a pole), or null for an invalid geohash. */
    public static List<String> neighbours(String h) {
        double[] b = box(h);
        if (b == null) return null;
        double w = b[2] - b[0], ht = b[3] - b[1];
        double cx = (b[0] + b[2]) / 2, cy = (b[1] + b[3]) / 2;
        List<String> out = new ArrayList<>();
        for (int[] d : NEIGHBOUR_ORDER) {
            double y = cy + d[1] * ht;
            if (y < -90 || y > 90) continue;
            double x = cx + d[0] * w;
            if (x > 180) x -= 360;
            if (x < -180) x += 360;
            out.add(encode(x, y, h.length()));
        }
        return out;
    }
}
