package dev.sentinelctl.kql.eval.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The union of polygons as polygons: the boundary pieces of each polygon that are not inside another (edges split
 * where boundaries cross or touch), seams shared by two polygons in opposite directions removed, the rest joined
 * into rings. Rings whose smaller region is on their left are shells, the others holes of the shell around them.
 * Each ring starts at its southernmost vertex (westernmost among equals) — the pages show no rule, this one is
 * deterministic — and runs counterclockwise for shells, clockwise for holes.
 */
public final class Unions {

    private static final double EPS = Lines.EPS;

    private Unions() {
    }

    /** Null when the union is empty or a piece of boundary does not close into a ring (degenerate input). */
    public static Geometry union(List<Geometry.Polygon> polygons) {
        List<Region> regions = new ArrayList<>();
        for (Geometry.Polygon p : polygons) {
            Region r = Region.of(p);
            if (r == null) return null;
            regions.add(r);
        }
        List<P3[]> pieces = new ArrayList<>();
        for (int k = 0; k < regions.size(); k++) {
            List<Region> others = new ArrayList<>(regions);
            others.remove(k);
            for (P3[] piece : split(regions.get(k), others)) {
                if (!strictlyInsideAny(piece[0].plus(piece[1]).unit(), others)) pieces.add(piece);
            }
        }
        return polygons(pieces);
    }

    /**
     * The intersection of two regions as polygons: the boundary pieces of each inside (or on the boundary of) the
     * other. An empty GeometryCollection when they share no area; refused when they only touch (the result would be
     * a line or a point, whose form the page does not show).
     */
    public static Geometry intersection(Region a, Region b) {
        List<P3[]> pieces = new ArrayList<>();
        for (P3[] piece : split(a, List.of(b))) if (insideOrOn(piece[0].plus(piece[1]).unit(), b)) pieces.add(piece);
        for (P3[] piece : split(b, List.of(a))) if (insideOrOn(piece[0].plus(piece[1]).unit(), a)) pieces.add(piece);
        Geometry g = polygons(pieces);
        if (g != null) return g;
        if (a.intersects(b)) throw new GeoUnsupported("geo_intersection_2polygons of polygons that only touch");
        return new Geometry.Collection(List.of());
    }

    /** A region's oriented boundary edges, split where they cross or touch the other regions' edges. */
    private static List<P3[]> split(Region region, List<Region> others) {
        List<P3[]> otherEdges = new ArrayList<>();
        for (Region o : others) otherEdges.addAll(o.edges());
        List<P3[]> out = new ArrayList<>();
        for (P3[] e : region.orientedEdges()) {
            List<P3> cuts = new ArrayList<>();
            cuts.add(e[0]);
            P3 n = e[0].cross(e[1]).unit();
            for (P3[] o : otherEdges) {
                boolean collinear = Math.abs(n.dot(o[0])) < EPS && Math.abs(n.dot(o[1])) < EPS;
                if (!collinear && Spherical.crosses(e[0], e[1], o[0], o[1])) cuts.add(snap(Spherical.crossing(e[0], e[1], o[0], o[1]), e, o));
                for (P3 v : o) {
                    if (v.angle(e[0]) > EPS && v.angle(e[1]) > EPS && Spherical.distanceToEdge(v, e[0], e[1]) < EPS) cuts.add(v);
                }
            }
            cuts.add(e[1]);
            P3 from = e[0];
            cuts.sort(Comparator.comparingDouble(from::angle));
            for (int c = 0; c + 1 < cuts.size(); c++) {
                if (cuts.get(c).angle(cuts.get(c + 1)) >= EPS) out.add(new P3[] {cuts.get(c), cuts.get(c + 1)});
            }
        }
        return out;
    }

    /** Kept boundary pieces to polygons: seams cancelled, rings assembled and classified. Null when nothing is left. */
    private static Geometry polygons(List<P3[]> kept) {
        List<P3[]> pieces = cancelSeams(kept);
        if (pieces.isEmpty()) return null;
        List<List<P3>> rings = assemble(pieces);
        if (rings == null) return null;
        List<List<LngLat>> shells = new ArrayList<>(), holes = new ArrayList<>();
        List<Region.Ring> shellRings = new ArrayList<>();
        for (List<P3> ring : rings) {
            List<LngLat> ll = canonical(ring);
            Region.Ring r = Region.ring(ll);
            if (r == null) continue;
            if (r.flip()) {
                holes.add(ll);
            } else {
                shells.add(ll);
                shellRings.add(r);
            }
        }
        if (shells.isEmpty()) return null;
        List<List<List<LngLat>>> polys = new ArrayList<>();
        for (List<LngLat> sh : shells) {
            List<List<LngLat>> rs = new ArrayList<>();
            rs.add(sh);
            polys.add(rs);
        }
        for (List<LngLat> h : holes) {
            P3 probe = h.get(0).p3().plus(h.get(1).p3()).unit();
            int best = -1;
            for (int i = 0; i < shellRings.size(); i++) {
                if (shellRings.get(i).contains(probe) && (best < 0 || shellRings.get(i).area() < shellRings.get(best).area())) best = i;
            }
            if (best >= 0) polys.get(best).add(h);
        }
        if (polys.size() == 1) return new Geometry.Polygon(polys.get(0));
        List<Geometry.Polygon> out = new ArrayList<>();
        for (List<List<LngLat>> p : polys) out.add(new Geometry.Polygon(p));
        return new Geometry.MultiPolygon(out);
    }

    /** A crossing computed next to an existing vertex is that vertex (nearly parallel edges give imprecise crossings). */
    private static P3 snap(P3 x, P3[] e, P3[] o) {
        for (P3 v : new P3[] {e[0], e[1], o[0], o[1]}) if (x.angle(v) < 1e-9) return v;
        return x;
    }

    private static boolean strictlyInsideAny(P3 m, List<Region> regions) {
        for (Region r : regions) if (r.contains(m) && m.angle(r.closestBoundaryPoint(m)) > EPS) return true;
        return false;
    }

    private static boolean insideOrOn(P3 m, Region r) {
        return r.contains(m) || m.angle(r.closestBoundaryPoint(m)) <= EPS;
    }

    /** Removes pieces whose reverse is also present (a seam between two polygons) and repeats of the same piece. */
    private static List<P3[]> cancelSeams(List<P3[]> pieces) {
        boolean[] drop = new boolean[pieces.size()];
        for (int i = 0; i < pieces.size(); i++) {
            if (drop[i]) continue;
            for (int j = i + 1; j < pieces.size(); j++) {
                if (drop[j]) continue;
                P3[] a = pieces.get(i), b = pieces.get(j);
                if (a[0].angle(b[1]) < EPS && a[1].angle(b[0]) < EPS) {
                    drop[i] = drop[j] = true;
                    break;
                }
                if (a[0].angle(b[0]) < EPS && a[1].angle(b[1]) < EPS) drop[j] = true;
            }
        }
        List<P3[]> out = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) if (!drop[i]) out.add(pieces.get(i));
        return out;
    }

    private static List<List<P3>> assemble(List<P3[]> pieces) {
        boolean[] used = new boolean[pieces.size()];
        List<List<P3>> rings = new ArrayList<>();
        for (int s = 0; s < pieces.size(); s++) {
            if (used[s]) continue;
            List<P3> ring = new ArrayList<>();
            P3 start = pieces.get(s)[0];
            int at = s;
            while (true) {
                used[at] = true;
                ring.add(pieces.get(at)[0]);
                P3 end = pieces.get(at)[1];
                if (end.angle(start) < EPS) break;
                int next = -1;
                for (int k = 0; k < pieces.size() && next < 0; k++) if (!used[k] && pieces.get(k)[0].angle(end) < EPS) next = k;
                if (next < 0) return null;
                at = next;
            }
            rings.add(ring);
        }
        return rings;
    }

    /** The ring from its southernmost (then westernmost) vertex, closed. */
    private static List<LngLat> canonical(List<P3> ring) {
        List<LngLat> ll = ring.stream().map(LngLat::of).toList();
        int first = 0;
        for (int i = 1; i < ll.size(); i++) {
            LngLat a = ll.get(i), b = ll.get(first);
            if (a.lat() < b.lat() - 1e-12 || Math.abs(a.lat() - b.lat()) <= 1e-12 && a.lng() < b.lng()) first = i;
        }
        List<LngLat> out = new ArrayList<>();
        for (int i = 0; i <= ll.size(); i++) out.add(ll.get((first + i) % ll.size()));
        return out;
    }
}
