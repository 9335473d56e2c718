package dev.sentinelctl.kql.eval.geo;

/** A GeoJSON position: longitude then latitude, in degrees (WGS-84 coordinates on a spherical Earth). */
public record LngLat(double lng, double lat) {

    public static boolean valid(double lng, double lat) {
        return Double.isFinite(lng) && Double.isFinite(lat) && lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90;
    }

    public P3 p3() {
        return P3.of(lng, lat);
    }

    public static LngLat of(P3 p) {
        return new LngLat(p.lng(), p.lat());
    }
}
