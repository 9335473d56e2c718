package dev.sentinelctl.kql.eval.geo;

import java.util.List;

/** A parsed GeoJSON geometry. Rings are closed (first position repeated last), as GeoJSON writes them. */
public sealed interface Geometry {

    record Point(LngLat at) implements Geometry {
    }

    record MultiPoint(List<LngLat> points) implements Geometry {
    }

    record Line(List<LngLat> points) implements Geometry {
    }

    record MultiLine(List<Line> lines) implements Geometry {
    }

    /** The first ring is the shell, the others holes. */
    record Polygon(List<List<LngLat>> rings) implements Geometry {
    }

    record MultiPolygon(List<Polygon> polygons) implements Geometry {
    }

    record Collection(List<Geometry> geometries) implements Geometry {
    }

    /** The lines of a LineString or MultiLineString, else null. */
    static List<Line> lines(Geometry g) {
        if (g instanceof Line l) return List.of(l);
        if (g instanceof MultiLine m) return m.lines();
        return null;
    }

    /** The polygons of a Polygon or MultiPolygon, else null. */
    static List<Polygon> polygons(Geometry g) {
        if (g instanceof Polygon p) return List.of(p);
        if (g instanceof MultiPolygon m) return m.polygons();
        return null;
    }
}
