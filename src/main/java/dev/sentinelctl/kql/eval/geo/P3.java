package dev.sentinelctl.kql.eval.geo;

/** A point on (or direction from the centre of) the unit sphere: the representation every geodesic computation uses. */
public record P3(double x, double y, double z) {

    /** The unit vector of a longitude/latitude in degrees. */
    public static P3 of(double lngDeg, double latDeg) {
        double lng = Math.toRadians(lngDeg), lat = Math.toRadians(latDeg);
        double c = Math.cos(lat);
        return new P3(c * Math.cos(lng), c * Math.sin(lng), Math.sin(lat));
    }

    public double lng() {
        return Math.toDegrees(Math.atan2(y, x));
    }

    public double lat() {
        return Math.toDegrees(Math.atan2(z, Math.sqrt(x * x + y * y)));
    }

    public P3 plus(P3 o) {
        return new P3(x + o.x, y + o.y, z + o.z);
    }

    public P3 minus(P3 o) {
        return new P3(x - o.x, y - o.y, z - o.z);
    }

    public P3 times(double k) {
        return new P3(x * k, y * k, z * k);
    }

    public P3 neg() {
        return new P3(-x, -y, -z);
    }

    public double dot(P3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    public P3 cross(P3 o) {
        return new P3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    public double norm() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    public P3 unit() {
        double n = norm();
        return n == 0 ? this : new P3(x / n, y / n, z / n);
    }

    /** The angle in radians between two directions (stable for small and large angles). */
    public double angle(P3 o) {
        return Math.atan2(cross(o).norm(), dot(o));
    }
}
