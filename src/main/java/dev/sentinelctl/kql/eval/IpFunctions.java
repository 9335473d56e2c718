package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.syntax.Expr;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.sentinelctl.kql.semantic.ScalarType.BOOL;
import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;
import static dev.sentinelctl.kql.semantic.ScalarType.LONG;
import static dev.sentinelctl.kql.semantic.ScalarType.STRING;

/** IPv4 functions (ipv4-*-function.md). An unparsable address gives null. */
final class IpFunctions {

    private static final Pattern V4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern V4_IN_TEXT = Pattern.compile("(?<![\\w.])(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})(?![\\w.]*\\w)");

    private IpFunctions() {
    }

    /** address and prefix length (32 when absent); null when not an IPv4 address. */
    static long[] parse(String s) {
        String t = s.trim();
        int prefix = 32;
        int slash = t.indexOf('/');
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(t.substring(slash + 1).trim());
            } catch (NumberFormatException e) {
                return null;
            }
            if (prefix < 0 || prefix > 32) return null;
            t = t.substring(0, slash).trim();
        }
        Matcher m = V4.matcher(t);
        if (!m.matches()) return null;
        long v = 0;
        for (int i = 1; i <= 4; i++) {
            int part = Integer.parseInt(m.group(i));
            if (part > 255) return null;
            v = v << 8 | part;
        }
        return new long[]{v, prefix};
    }

    static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    static Boolean inRange(String ip, String range) {
        long[] a = parse(ip), r = parse(range);
        if (a == null || r == null) return null;
        long m = mask((int) r[1]);
        return (a[0] & m) == (r[0] & m);
    }

    static boolean isPrivate(long v) {
        return (v & mask(8)) == (10L << 24) || (v & mask(12)) == (172L << 24 | 16L << 16) || (v & mask(16)) == (192L << 24 | 168L << 16);
    }

    static String format(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }

    static void register(Map<String, Functions.Fn> m) {
        m.put("parse_ipv4", Functions.str1(LONG, s -> {
            long[] p = parse(s);
            return p == null ? null : p[0] & mask((int) p[1]);
        }));
        m.put("parse_ipv4_mask", Functions.binary(STRING, LONG, LONG, (s, k) -> {
            long[] p = parse((String) s);
            if (p == null || (Long) k < 0 || (Long) k > 32) return null;
            return p[0] & mask((int) Math.min(p[1], (Long) k));
        }));
        m.put("ipv4_is_in_range", Functions.binary(STRING, STRING, BOOL, (a, b) -> inRange((String) a, (String) b)));
        m.put("ipv4_is_private", Functions.str1(BOOL, s -> {
            long[] p = parse(s);
            return p == null ? null : isPrivate(p[0]);
        }));
        m.put("ipv4_is_in_any_range", inAnyRange(ip -> parse(ip) != null, IpFunctions::inRange));
        m.put("ipv4_compare", (cx, args, call) -> compare(cx, args, call, false));
        m.put("ipv4_is_match", (cx, args, call) -> compare(cx, args, call, true));
        m.put("format_ipv4", (cx, args, call) -> {
            Functions.arity(args, 1, 2, call);
            Ev ip = cx.compile(args.get(0));
            Ev k = args.size() > 1 ? Comparisons.cast(cx.compile(args.get(1)), LONG) : Ev.constant(LONG, 32L);
            return Ev.of(STRING, r -> {
                Object v = ip.eval(r), kk = k.eval(r);
                if (v == null || kk == null) return "";
                long addr;
                if (ip.type() == STRING) {
                    long[] p = parse((String) v);
                    if (p == null) return "";
                    addr = p[0] & mask((int) p[1]);
                } else {
                    Object l = Convert.to(LONG, ip.type(), v);
                    if (l == null || (Long) l < 0 || (Long) l > 0xFFFFFFFFL) return "";
                    addr = (Long) l;
                }
                if ((Long) kk < 0 || (Long) kk > 32) return "";
                return format(addr & mask((int) (long) (Long) kk));
            });
        });
        m.put("format_ipv4_mask", (cx, args, call) -> {
            Functions.arity(args, 1, 2, call);
            Ev ip = ExprCompiler.str(cx.compile(args.get(0)));
            Ev k = args.size() > 1 ? Comparisons.cast(cx.compile(args.get(1)), LONG) : null;
            return Ev.of(STRING, r -> {
                long[] p = parse((String) ip.eval(r));
                if (p == null) return "";
                long bits = p[1];
                if (k != null) {
                    Object kv = k.eval(r);
                    if (kv == null) return "";
                    bits = Math.min(bits, (Long) kv);
                }
                if (bits < 0 || bits > 32) return "";
                return format(p[0] & mask((int) bits)) + "/" + bits;
            });
        });
        m.put("has_ipv4", (cx, args, call) -> hasIp(cx, args, call, false, false));
        m.put("has_ipv4_prefix", (cx, args, call) -> hasIp(cx, args, call, true, false));
        m.put("has_any_ipv4", (cx, args, call) -> hasIp(cx, args, call, false, true));
        m.put("has_any_ipv4_prefix", (cx, args, call) -> hasIp(cx, args, call, true, true));
    }

    /**
     * {@code ipvN_is_in_any_range(ip, range, …)}: ranges given one by one or as arrays; null when the address does not
     * parse, true when some range holds it.
     */
    static Functions.Fn inAnyRange(java.util.function.Predicate<String> parses,
                                   java.util.function.BiFunction<String, String, Boolean> inRange) {
        return (cx, args, call) -> {
            Functions.arity(args, 2, 64, call);
            Ev ip = ExprCompiler.str(cx.compile(args.get(0)));
            List<Ev> ranges = Functions.all(cx, args.subList(1, args.size()));
            return Ev.of(BOOL, r -> {
                String a = (String) ip.eval(r);
                if (!parses.test(a)) return null;
                for (String range : strings(ranges, r)) {
                    if (Boolean.TRUE.equals(inRange.apply(a, range))) return true;
                }
                return false;
            });
        };
    }

    /** The values of {@code evs} at row r as text, the elements of an array argument one by one. */
    static List<String> strings(List<Ev> evs, int r) {
        List<String> out = new ArrayList<>();
        for (Ev e : evs) {
            Object v = e.eval(r);
            if (e.type() == DYNAMIC && v instanceof JsonNode j && j.isArray()) {
                for (JsonNode el : j) out.add(Values.toStr(DYNAMIC, el));
            } else {
                out.add(Values.toStr(e.type(), v));
            }
        }
        return out;
    }

    private static Ev compare(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call, boolean match) {
        Functions.arity(args, 2, 3, call);
        Ev a = ExprCompiler.str(cx.compile(args.get(0))), b = ExprCompiler.str(cx.compile(args.get(1)));
        Ev k = args.size() > 2 ? Comparisons.cast(cx.compile(args.get(2)), LONG) : null;
        return Ev.of(match ? BOOL : LONG, r -> {
            long[] x = parse((String) a.eval(r)), y = parse((String) b.eval(r));
            if (x == null || y == null) return null;
            int prefix = (int) Math.min(x[1], y[1]);
            if (k != null) {
                Object kv = k.eval(r);
                if (kv == null) return null;
                prefix = (int) Math.min(prefix, (Long) kv);
            }
            long mk = mask(prefix);
            int c = Long.compare(x[0] & mk, y[0] & mk);
            return match ? (Object) (c == 0) : (Object) (long) Integer.signum(c);
        });
    }

    /** has_ipv4*: the address must appear delimited by non-alphanumeric characters (has-ipv4-function.md). */
    private static Ev hasIp(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call, boolean prefix, boolean any) {
        Functions.arity(args, 2, 64, call);
        Ev s = ExprCompiler.str(cx.compile(args.get(0)));
        List<Ev> wanted = Functions.all(cx, args.subList(1, args.size()));
        return Ev.of(BOOL, r -> {
            String text = (String) s.eval(r);
            List<String> ips = strings(wanted, r);
            Matcher mt = V4_IN_TEXT.matcher(text);
            List<String> found = new ArrayList<>();
            while (mt.find()) found.add(mt.group(1));
            for (String ip : ips) {
                for (String f : found) {
                    if (prefix ? f.startsWith(ip) && (ip.endsWith(".") || f.length() == ip.length() || f.charAt(ip.length()) == '.') : f.equals(ip)) return true;
                }
            }
            return false;
        });
    }
}
