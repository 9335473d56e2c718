package dev.sentinelctl.kql.eval.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Well-known text (OGC Simple Features) to geometry: POINT, LINESTRING, POLYGON, MULTIPOINT (with or without
 * parenthesised points), MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION. Coordinates are "x y" = longitude
 * latitude. Text that does not parse, or a geometry that breaks the GeoJSON rules, gives null.
 */
public final class Wkt {

    private final String s;
    private int i;

    private Wkt(String s) {
        this.s = s;
    }

    public static Geometry parse(String text) {
        if (text == null) return null;
        Wkt w = new Wkt(text);
        try {
            Geometry g = w.geometry();
            w.ws();
            if (w.i != w.s.length()) return null;
            return GeoJson.read(GeoJson.write(g)) == null ? null : g;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Geometry geometry() {
        String word = word().toUpperCase(Locale.ROOT);
        return switch (word) {
            case "POINT" -> {
                open();
                LngLat p = position();
                close();
                yield new Geometry.Point(p);
            }
            case "LINESTRING" -> new Geometry.Line(positions());
            case "POLYGON" -> polygon();
            case "MULTIPOINT" -> {
                open();
                List<LngLat> ps = new ArrayList<>();
                do {
                    ws();
                    if (peek() == '(') {
                        open();
                        ps.add(position());
                        close();
                    } else {
                        ps.add(position());
                    }
                } while (comma());
                close();
                yield new Geometry.MultiPoint(ps);
            }
            case "MULTILINESTRING" -> {
                open();
                List<Geometry.Line> ls = new ArrayList<>();
                do ls.add(new Geometry.Line(positions())); while (comma());
                close();
                yield new Geometry.MultiLine(ls);
            }
            case "MULTIPOLYGON" -> {
                open();
                List<Geometry.Polygon> ps = new ArrayList<>();
                do ps.add(polygon()); while (comma());
                close();
                yield new Geometry.MultiPolygon(ps);
            }
            case "GEOMETRYCOLLECTION" -> {
                open();
                List<Geometry> gs = new ArrayList<>();
                do gs.add(geometry()); while (comma());
                close();
                yield new Geometry.Collection(gs);
            }
            default -> throw new IllegalArgumentException(word);
        };
    }

    private Geometry.Polygon polygon() {
        open();
        List<List<LngLat>> rings = new ArrayList<>();
        do rings.add(positions()); while (comma());
        close();
        return new Geometry.Polygon(rings);
    }

    private List<LngLat> positions() {
        open();
        List<LngLat> ps = new ArrayList<>();
        do ps.add(position()); while (comma());
        close();
        return ps;
    }

    private LngLat position() {
        double x = number(), y = number();
        return new LngLat(x, y);
    }

    private double number() {
        ws();
        int start = i;
        while (i < s.length() && "+-.0123456789eE".indexOf(s.charAt(i)) >= 0) i++;
        if (start == i) throw new IllegalArgumentException("number expected");
        return Double.parseDouble(s.substring(start, i));
    }

    private String word() {
        ws();
        int start = i;
        while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
        return s.substring(start, i);
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    private char peek() {
        ws();
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private void open() {
        if (peek() != '(') throw new IllegalArgumentException("( expected");
        i++;
    }

    private void close() {
        if (peek() != ')') throw new IllegalArgumentException(") expected");
        i++;
    }

    private boolean comma() {
        if (peek() == ',') {
            i++;
            return true;
        }
        return false;
    }
}
