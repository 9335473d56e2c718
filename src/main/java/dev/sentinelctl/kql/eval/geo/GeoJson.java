package dev.sentinelctl.kql.eval.geo;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes GeoJSON geometries under the constraints the Kusto geospatial pages state: positions are
 * [longitude, latitude] in range; a LineString has at least two distinct positions; a LinearRing has at least four
 * entries, first equal to last, and at least three distinct vertices. Anything else reads as null (the functions
 * then return null, as documented).
 */
public final class GeoJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private GeoJson() {
    }

    public static Geometry read(JsonNode j) {
        if (j == null || !j.isObject()) return null;
        JsonNode type = j.get("type");
        if (type == null || !type.isString()) return null;
        String t = type.stringValue();
        if (t.equals("GeometryCollection")) {
            JsonNode gs = j.get("geometries");
            if (gs == null || !gs.isArray()) return null;
            List<Geometry> out = new ArrayList<>();
            for (JsonNode g : gs) {
                Geometry r = read(g);
                if (r == null) return null;
                out.add(r);
            }
            return new Geometry.Collection(out);
        }
        JsonNode c = j.get("coordinates");
        if (c == null || !c.isArray()) return null;
        return switch (t) {
            case "Point" -> {
                LngLat p = position(c);
                yield p == null ? null : new Geometry.Point(p);
            }
            case "MultiPoint" -> {
                List<LngLat> ps = positions(c);
                yield ps == null || ps.isEmpty() ? null : new Geometry.MultiPoint(ps);
            }
            case "LineString" -> line(c);
            case "MultiLineString" -> {
                List<Geometry.Line> ls = new ArrayList<>();
                for (JsonNode l : c) {
                    Geometry.Line line = line(l);
                    if (line == null) yield null;
                    ls.add(line);
                }
                yield ls.isEmpty() ? null : new Geometry.MultiLine(ls);
            }
            case "Polygon" -> polygon(c);
            case "MultiPolygon" -> {
                List<Geometry.Polygon> ps = new ArrayList<>();
                for (JsonNode p : c) {
                    Geometry.Polygon poly = polygon(p);
                    if (poly == null) yield null;
                    ps.add(poly);
                }
                yield ps.isEmpty() ? null : new Geometry.MultiPolygon(ps);
            }
            default -> null;
        };
    }

    static LngLat position(JsonNode c) {
        if (c == null || !c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) return null;
        double lng = c.get(0).doubleValue(), lat = c.get(1).doubleValue();
        return LngLat.valid(lng, lat) ? new LngLat(lng, lat) : null;
    }

    private static List<LngLat> positions(JsonNode c) {
        if (c == null || !c.isArray()) return null;
        List<LngLat> out = new ArrayList<>();
        for (JsonNode p : c) {
            LngLat ll = position(p);
            if (ll == null) return null;
            out.add(ll);
        }
        return out;
    }

    private static Geometry.Line line(JsonNode c) {
        List<LngLat> ps = positions(c);
        if (ps == null || ps.size() < 2 || distinct(ps) < 2) return null;
        return new Geometry.Line(ps);
    }

    private static Geometry.Polygon polygon(JsonNode c) {
        if (c == null || !c.isArray() || c.isEmpty()) return null;
        List<List<LngLat>> rings = new ArrayList<>();
        for (JsonNode r : c) {
            List<LngLat> ring = positions(r);
            if (ring == null || !validRing(ring)) return null;
            rings.add(ring);
        }
        return new Geometry.Polygon(rings);
    }

    static boolean validRing(List<LngLat> ring) {
        return ring.size() >= 4 && Spherical.same(ring.get(0), ring.get(ring.size() - 1)) && distinct(ring) >= 3;
    }

    /** Distinct positions (as points on the sphere, so ±180° and the longitudes of a pole coincide). */
    static int distinct(List<LngLat> ps) {
        java.util.Set<P3> seen = new java.util.HashSet<>();
        for (LngLat p : ps) {
            P3 v = p.p3();
            // exact −0.0 / 0.0 and 1e-17 noise at the poles would make equal points differ
            seen.add(new P3(round(v.x()), round(v.y()), round(v.z())));
        }
        return seen.size();
    }

    private static double round(double c) {
        return Math.rint(c * 1e15) / 1e15 + 0.0;
    }

    // --- writing ----------------------------------------------------------------------------------------------

    public static ObjectNode write(Geometry g) {
        ObjectNode o = F.objectNode();
        if (g instanceof Geometry.Point p) {
            o.put("type", "Point");
            o.set("coordinates", pos(p.at()));
        } else if (g instanceof Geometry.MultiPoint m) {
            o.put("type", "MultiPoint");
            o.set("coordinates", list(m.points()));
        } else if (g instanceof Geometry.Line l) {
            o.put("type", "LineString");
            o.set("coordinates", list(l.points()));
        } else if (g instanceof Geometry.MultiLine m) {
            o.put("type", "MultiLineString");
            ArrayNode a = F.arrayNode();
            for (Geometry.Line l : m.lines()) a.add(list(l.points()));
            o.set("coordinates", a);
        } else if (g instanceof Geometry.Polygon p) {
            o.put("type", "Polygon");
            o.set("coordinates", rings(p));
        } else if (g instanceof Geometry.MultiPolygon m) {
            o.put("type", "MultiPolygon");
            ArrayNode a = F.arrayNode();
            for (Geometry.Polygon p : m.polygons()) a.add(rings(p));
            o.set("coordinates", a);
        } else if (g instanceof Geometry.Collection c) {
            o.put("type", "GeometryCollection");
            ArrayNode a = F.arrayNode();
            for (Geometry x : c.geometries()) a.add(write(x));
            o.set("geometries", a);
        }
        return o;
    }

    public static ObjectNode point(LngLat p) {
        return write(new Geometry.Point(p));
    }

    private static ArrayNode rings(Geometry.Polygon p) {
        ArrayNode a = F.arrayNode();
        for (List<LngLat> r : p.rings()) a.add(list(r));
        return a;
    }

    private static ArrayNode list(List<LngLat> ps) {
        ArrayNode a = F.arrayNode();
        for (LngLat p : ps) a.add(pos(p));
        return a;
    }

    private static ArrayNode pos(LngLat p) {
        ArrayNode a = F.arrayNode();
        a.add(p.lng());
        a.add(p.lat());
        return a;
    }
}
