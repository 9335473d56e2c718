package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.syntax.Expr;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sentinelctl.kql.semantic.ScalarType.BOOL;
import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;
import static dev.sentinelctl.kql.semantic.ScalarType.LONG;
import static dev.sentinelctl.kql.semantic.ScalarType.STRING;

/**
 * IPv6 functions (parse-ipv6*, ipv6-compare, ipv6-is-match, ipv6-is-in-range, ipv6-is-in-any-range) and
 * {@code ipv4_range_to_cidr_list}. An address is 128 bits; IPv4 text ({@code 1.2.3.4}, or a dotted tail as in
 * {@code ::1.2.3.4}) is the IPv4-mapped {@code ::ffff:1.2.3.4}, and its {@code /n} counts IPv4 bits (96 + n), as the
 * parse_ipv6_mask examples show. An explicit prefix argument counts IPv6 bits; the prefixes combine by minimum.
 * Unparsable text gives null (an empty string for parse_ipv6/parse_ipv6_mask, as their pages say).
 */
final class Ipv6Functions {

    /** The 128 bits as two halves and the prefix length (IPv6 bits). */
    record Addr(long hi, long lo, int prefix) {
        Addr masked(int p) {
            long mhi = p >= 64 ? -1L : p == 0 ? 0 : -1L << (64 - p);
            long mlo = p >= 128 ? -1L : p <= 64 ? 0 : -1L << (128 - p);
            return new Addr(hi & mhi, lo & mlo, p);
        }

        int compareTo(Addr o) {
            int c = Long.compareUnsigned(hi, o.hi);
            return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
        }

        String canonical() {
            StringBuilder sb = new StringBuilder();
            for (int g = 0; g < 8; g++) {
                long half = g < 4 ? hi : lo;
                int shift = 48 - 16 * (g % 4);
                if (g > 0) sb.append(':');
                sb.append(String.format("%04x", (half >>> shift) & 0xFFFF));
            }
            return sb.toString();
        }
    }

    private Ipv6Functions() {
    }

    static Addr parse(String s) {
        if (s == null) return null;
        String t = s.trim();
        String prefixText = null;
        int slash = t.indexOf('/');
        if (slash >= 0) {
            prefixText = t.substring(slash + 1).trim();
            t = t.substring(0, slash).trim();
        }
        Addr a;
        boolean v4Bits;
        if (t.indexOf(':') < 0) {
            long[] v4 = IpFunctions.parse(t);
            if (v4 == null || t.indexOf('/') >= 0) return null;
            a = new Addr(0, 0xFFFF_0000_0000L | v4[0], 128);
            v4Bits = true;
        } else {
            v4Bits = t.indexOf('.') >= 0;
            a = parse6(t);
            if (a == null) return null;
        }
        if (prefixText == null) return a;
        int p;
        try {
            p = Integer.parseInt(prefixText);
        } catch (NumberFormatException e) {
            return null;
        }
        if (p < 0 || p > (v4Bits ? 32 : 128)) return null;
        return a.masked(v4Bits ? 96 + p : p);
    }

    private static Addr parse6(String t) {
        int dbl = t.indexOf("::");
        if (dbl >= 0 && t.indexOf("::", dbl + 1) >= 0) return null;
        List<String> head = groups(dbl >= 0 ? t.substring(0, dbl) : t);
        List<String> tail = dbl >= 0 ? groups(t.substring(dbl + 2)) : List.of();
        if (head == null || tail == null) return null;
        List<String> all = new ArrayList<>(head);
        Long v4 = null;
        List<String> last = tail.isEmpty() ? head : tail;
        if (!last.isEmpty() && last.get(last.size() - 1).indexOf('.') >= 0) {
            long[] p = IpFunctions.parse(last.get(last.size() - 1));
            if (p == null || p[1] != 32) return null;
            v4 = p[0];
            if (tail.isEmpty()) all.remove(all.size() - 1);
        }
        List<String> rest = new ArrayList<>(tail);
        if (v4 != null && !tail.isEmpty()) rest.remove(rest.size() - 1);
        int fixed = all.size() + rest.size() + (v4 != null ? 2 : 0);
        if (dbl < 0 ? fixed != 8 : fixed > 7) return null;
        long[] words = new long[8];
        int i = 0;
        for (String g : all) words[i++] = hex(g);
        i = 8 - rest.size() - (v4 != null ? 2 : 0);
        for (String g : rest) words[i++] = hex(g);
        for (long w : words) if (w < 0) return null;
        if (v4 != null) {
            // a dotted tail is read as an IPv4-mapped address, whatever zero groups precede it (parse_ipv6_mask examples)
            for (int k = 0; k < 5; k++) if (words[k] != 0) return null;
            if (words[5] != 0 && words[5] != 0xFFFF) return null;
            words[5] = 0xFFFF;
            words[6] = v4 >>> 16;
            words[7] = v4 & 0xFFFF;
        }
        long hi = 0, lo = 0;
        for (int k = 0; k < 4; k++) hi = hi << 16 | words[k];
        for (int k = 4; k < 8; k++) lo = lo << 16 | words[k];
        return new Addr(hi, lo, 128);
    }

    private static List<String> groups(String s) {
        if (s.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        for (String g : s.split(":", -1)) {
            if (g.isEmpty()) return null;
            out.add(g);
        }
        return out;
    }

    private static long hex(String g) {
        if (g.isEmpty() || g.length() > 4) return -1;
        try {
            return Long.parseLong(g, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static void register(Map<String, Functions.Fn> m) {
        m.put("parse_ipv6", Functions.str1(STRING, s -> {
            Addr a = parse(s);
            return a == null ? "" : a.canonical();
        }));
        m.put("parse_ipv6_mask", Functions.binary(STRING, LONG, STRING, (s, k) -> {
            Addr a = parse((String) s);
            long p = (Long) k;
            if (a == null || p < 0 || p > 128) return "";
            return a.masked((int) Math.min(a.prefix(), p)).canonical();
        }));
        m.put("ipv6_compare", (cx, args, call) -> compare(cx, args, call, false));
        m.put("ipv6_is_match", (cx, args, call) -> compare(cx, args, call, true));
        m.put("ipv6_is_in_range", Functions.binary(STRING, STRING, BOOL, (a, b) -> inRange((String) a, (String) b)));
        m.put("ipv6_is_in_any_range", IpFunctions.inAnyRange(ip -> parse(ip) != null, Ipv6Functions::inRange));
        m.put("ipv4_range_to_cidr_list", Functions.binary(STRING, STRING, DYNAMIC, (a, b) -> cidrList((String) a, (String) b)));
    }

    /** Whether ip, masked by the range's prefix, is the range's address; null when either does not parse. */
    static Boolean inRange(String ip, String range) {
        Addr a = parse(ip), r = parse(range);
        if (a == null || r == null) return null;
        return a.masked(r.prefix()).compareTo(r.masked(r.prefix())) == 0;
    }

    private static Ev compare(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call, boolean match) {
        Functions.arity(args, 2, 3, call);
        Ev a = ExprCompiler.str(cx.compile(args.get(0))), b = ExprCompiler.str(cx.compile(args.get(1)));
        Ev k = args.size() == 3 ? Comparisons.cast(cx.compile(args.get(2)), LONG) : null;
        return Ev.of(match ? BOOL : LONG, r -> {
            Addr x = parse((String) a.eval(r)), y = parse((String) b.eval(r));
            if (x == null || y == null) return null;
            int p = Math.min(x.prefix(), y.prefix());
            if (k != null) {
                Object kv = k.eval(r);
                if (kv == null || (Long) kv < 0 || (Long) kv > 128) return null;
                p = (int) Math.min(p, (Long) kv);
            }
            int c = x.masked(p).compareTo(y.masked(p));
            return match ? (Object) (c == 0) : (Object) (long) Integer.signum(c);
        });
    }

    /**
     * The fewest CIDR blocks covering start..end (ipv4-range-to-cidr-list-function.md): from the start, each time the
     * largest block aligned there that does not pass the end. Null when an address does not parse or start > end.
     */
    static ArrayNode cidrList(String start, String end) {
        long[] s = IpFunctions.parse(start), e = IpFunctions.parse(end);
        if (s == null || e == null || s[0] > e[0]) return null;
        ArrayNode out = Values.array();
        long at = s[0], last = e[0];
        while (at <= last) {
            int size = 32;
            while (size > 0) {
                long block = 1L << (32 - (size - 1));
                if (at % block != 0 || at + block - 1 > last) break;
                size--;
            }
            out.add(IpFunctions.format(at) + "/" + size);
            at += 1L << (32 - size);
        }
        return out;
    }
}
