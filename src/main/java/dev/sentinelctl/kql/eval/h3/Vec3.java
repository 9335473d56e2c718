package dev.sentinelctl.kql.eval.h3;

/** A point or direction in 3-D; on the unit sphere x = cos(lat)cos(lng), y = cos(lat)sin(lng), z = sin(lat). */
record Vec3(double x, double y, double z) {

    static Vec3 ofLatLng(double lat, double lng) {
        double c = Math.cos(lat);
        return new Vec3(c * Math.cos(lng), c * Math.sin(lng), Math.sin(lat));
    }

    double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    Vec3 unit() {
        double n = Math.sqrt(dot(this));
        return new Vec3(x / n, y / n, z / n);
    }

    double lat() {
        return Math.asin(Math.max(-1, Math.min(1, z)));
    }

    double lng() {
        return Math.atan2(y, x);
    }

    /** Great-circle azimuth (radians, clockwise from north, in [0, 2pi)) from this point towards {@code to}. */
    double azimuthTo(Vec3 to) {
        double lat1 = lat(), lat2 = to.lat(), dl = to.lng() - lng();
        double a = Math.atan2(Math.cos(lat2) * Math.sin(dl),
                Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dl));
        return positive(a);
    }

    /** The point at angular distance {@code dist} along azimuth {@code az} from this point. */
    Vec3 travel(double az, double dist) {
        double lat1 = lat(), lng1 = lng();
        double lat2 = Math.asin(Math.sin(lat1) * Math.cos(dist) + Math.cos(lat1) * Math.sin(dist) * Math.cos(az));
        double lng2 = lng1 + Math.atan2(Math.sin(az) * Math.sin(dist) * Math.cos(lat1),
                Math.cos(dist) - Math.sin(lat1) * Math.sin(lat2));
        return ofLatLng(lat2, lng2);
    }

    double angleTo(Vec3 o) {
        return Math.acos(Math.max(-1, Math.min(1, unit().dot(o.unit()))));
    }

    static double positive(double a) {
        double t = a % (2 * Math.PI);
        return t < 0 ? t + 2 * Math.PI : t;
    }

    /** Of {@code items}, the one whose centre is nearest to this point (largest dot product of unit vectors). */
    <T> T nearest(java.util.List<T> items, java.util.function.Function<T, Vec3> center) {
        T best = null;
        double d = -2;
        for (T item : items) {
            double x = center.apply(item).dot(this);
            if (x > d) {
                d = x;
                best = item;
            }
        }
        return best;
    }
}
