package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.sentinelctl.kql.semantic.ScalarType.BOOL;
import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;
import static dev.sentinelctl.kql.semantic.ScalarType.LONG;
import static dev.sentinelctl.kql.semantic.ScalarType.STRING;

/** String functions. Positions are in UTF-16 code units (Kusto counts characters; they differ only beyond the BMP). */
final class StringFunctions {

    private StringFunctions() {
    }

    static void register(Map<String, Functions.Fn> m) {
        m.put("strlen", Functions.str1(LONG, s -> (long) s.codePointCount(0, s.length())));
        m.put("string_size", Functions.str1(LONG, s -> (long) s.getBytes(StandardCharsets.UTF_8).length));
        m.put("tolower", Functions.str1(STRING, s -> s.toLowerCase(Locale.ROOT)));
        m.put("toupper", Functions.str1(STRING, s -> s.toUpperCase(Locale.ROOT)));
        m.put("reverse", Functions.str1(STRING, s -> new StringBuilder(s).reverse().toString()));
        m.put("url_decode", Functions.str1(STRING, s -> {
            try {
                return URLDecoder.decode(s, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }));
        m.put("url_encode", Functions.str1(STRING, s -> lowerHex(URLEncoder.encode(s, StandardCharsets.UTF_8))));
        m.put("url_encode_component", Functions.str1(STRING, s -> lowerHex(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))));
        m.put("base64_encode_tostring", Functions.str1(STRING, s -> Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8))));
        m.put("base64_encodestring", m.get("base64_encode_tostring"));
        m.put("base64_decode_tostring", Functions.str1(STRING, s -> {
            try {
                return new String(Base64.getDecoder().decode(s.trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }));
        m.put("base64_decodestring", m.get("base64_decode_tostring"));
        m.put("base64_decode_toarray", Functions.str1(DYNAMIC, s -> {
            try {
                ArrayNode a = Values.array();
                for (byte b : Base64.getDecoder().decode(s.trim())) a.add(b & 0xff);
                return a;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }));
        m.put("hash_sha256", Functions.str1(STRING, s -> digest("SHA-256", s)));
        m.put("hash_sha1", Functions.str1(STRING, s -> digest("SHA-1", s)));
        m.put("hash_md5", Functions.str1(STRING, s -> digest("MD5", s)));
        m.put("trim", (cx, args, call) -> trim(cx, args, call, true, true));
        m.put("trim_start", (cx, args, call) -> trim(cx, args, call, true, false));
        m.put("trim_end", (cx, args, call) -> trim(cx, args, call, false, true));
        m.put("strcat", (cx, args, call) -> {
            Functions.arity(args, 1, 64, call);
            List<Ev> parts = new ArrayList<>();
            for (Expr a : args) parts.add(ExprCompiler.str(cx.compile(a)));
            return Ev.of(STRING, r -> {
                StringBuilder sb = new StringBuilder();
                for (Ev p : parts) sb.append((String) p.eval(r));
                return sb.toString();
            });
        });
        m.put("strcat_delim", (cx, args, call) -> {
            Functions.arity(args, 2, 65, call);
            Ev d = ExprCompiler.str(cx.compile(args.get(0)));
            List<Ev> parts = new ArrayList<>();
            for (Expr a : args.subList(1, args.size())) parts.add(ExprCompiler.str(cx.compile(a)));
            return Ev.of(STRING, r -> {
                List<String> s = new ArrayList<>();
                for (Ev p : parts) s.add((String) p.eval(r));
                return String.join((String) d.eval(r), s);
            });
        });
        m.put("strrep", (cx, args, call) -> {
            Functions.arity(args, 2, 3, call);
            Ev s = ExprCompiler.str(cx.compile(args.get(0)));
            Ev n = Comparisons.cast(cx.compile(args.get(1)), LONG);
            Ev d = args.size() > 2 ? ExprCompiler.str(cx.compile(args.get(2))) : Ev.constant(STRING, "");
            return Ev.of(STRING, r -> {
                Object k = n.eval(r);
                if (k == null) return "";
                List<String> parts = new ArrayList<>();
                for (long i = 0; i < Math.min((Long) k, 100_000); i++) parts.add((String) s.eval(r));
                return String.join((String) d.eval(r), parts);
            });
        });
        m.put("substring", (cx, args, call) -> {
            Functions.arity(args, 2, 3, call);
            Ev s = ExprCompiler.str(cx.compile(args.get(0)));
            Ev start = Comparisons.cast(cx.compile(args.get(1)), LONG);
            Ev len = args.size() > 2 ? Comparisons.cast(cx.compile(args.get(2)), LONG) : null;
            return Ev.of(STRING, r -> {
                String x = (String) s.eval(r);
                Object st = start.eval(r);
                if (st == null) return "";
                long b = (Long) st;
                if (b < 0) b = Math.max(0, x.length() + b);
                if (b >= x.length()) return "";
                long e = x.length();
                if (len != null) {
                    Object l = len.eval(r);
                    if (l == null) return "";
                    e = Math.min(x.length(), b + Math.max(0, (Long) l));
                }
                return x.substring((int) b, (int) e);
            });
        });
        m.put("indexof", (cx, args, call) -> {
            Functions.arity(args, 2, 5, call);
            Ev s = ExprCompiler.str(cx.compile(args.get(0)));
            Ev find = ExprCompiler.str(cx.compile(args.get(1)));
            Ev start = args.size() > 2 ? Comparisons.cast(cx.compile(args.get(2)), LONG) : Ev.constant(LONG, 0L);
            Ev length = args.size() > 3 ? Comparisons.cast(cx.compile(args.get(3)), LONG) : Ev.constant(LONG, -1L);
            Ev occurrence = args.size() > 4 ? Comparisons.cast(cx.compile(args.get(4)), LONG) : Ev.constant(LONG, 1L);
            return Ev.of(LONG, r -> {
                String x = (String) s.eval(r), f = (String) find.eval(r);
                Object st = start.eval(r), ln = length.eval(r), oc = occurrence.eval(r);
                if (st == null || ln == null || oc == null) return null;
                long b = (Long) st;
                if (b < 0) b = Math.max(0, x.length() + b);
                if (b > x.length()) return -1L;
                long span = (Long) ln;
                int from = (int) b;
                int found = -1;
                // The searched window [from, from + length) moves with each occurrence: the documented
                // indexof("abcdefgabcdefg", "cde", 1, 10, 2) is 9 although 9 + 3 > 1 + 10.
                for (long k = 0; k < (Long) oc; k++) {
                    int end = span < 0 ? x.length() : (int) Math.min(x.length(), from + span);
                    found = x.indexOf(f, from);
                    if (found < 0 || found + f.length() > end) return -1L;
                    from = found + 1;
                }
                return (long) found;
            });
        });
        m.put("countof", (cx, args, call) -> {
            Functions.arity(args, 2, 3, call);
            Ev s = ExprCompiler.str(cx.compile(args.get(0)));
            Ev find = ExprCompiler.str(cx.compile(args.get(1)));
            boolean regex = false;
            if (args.size() > 2) {
                Ev kind = cx.compile(args.get(2));
                regex = "regex".equals(Values.toStr(kind.type(), Functions.constant(kind, args.get(2), "countof kind")));
            }
            if (regex) {
                Pattern p = constantRegex(cx, args.get(1), 0);
                return Ev.of(LONG, r -> {
                    Matcher mt = p.matcher((String) s.eval(r));
                    long n = 0;
                    while (mt.find()) n++;
                    return n;
                });
            }
            return Ev.of(LONG, r -> {
                String x = (String) s.eval(r), f = (String) find.eval(r);
                if (f.isEmpty()) return 0L;
                long n = 0;
                for (int i = x.indexOf(f); i >= 0; i = x.indexOf(f, i + f.length())) n++;
                return n;
            });
        });
        m.put("replace_string", (cx, args, call) -> {
            Functions.arity(args, 3, 3, call);
            Ev s = ExprCompiler.str(cx.compile(args.get(0))), a = ExprCompiler.str(cx.compile(args.get(1))), b = ExprCompiler.str(cx.compile(args.get(2)));
            return Ev.of(STRING, r -> {
                String f = (String) a.eval(r);
                return f.isEmpty() ? s.eval(r) : ((String) s.eval(r)).replace(f, (String) b.eval(r));
            });
        });
        Functions.Fn replaceRegex = (cx, args, call) -> {
            Functions.arity(args, 3, 3, call);
            // replace(regex, rewrite, text) is the legacy order; replace_regex(text, regex, rewrite) the current one
            boolean legacy = call.functionName().equals("replace");
            Expr textArg = legacy ? args.get(2) : args.get(0);
            Expr regexArg = legacy ? args.get(0) : args.get(1);
            Expr rewriteArg = legacy ? args.get(1) : args.get(2);
            Ev s = ExprCompiler.str(cx.compile(textArg));
            Pattern p = constantRegex(cx, regexArg, 0);
            Ev rw = ExprCompiler.str(cx.compile(rewriteArg));
            return Ev.of(STRING, r -> p.matcher((String) s.eval(r)).replaceAll(rewrite((String) rw.eval(r))));
        };
        m.put("replace_regex", replaceRegex);
        m.put("replace", replaceRegex);
        m.put("extract", (cx, args, call) -> {
            Functions.arity(args, 3, 4, call);
            java.util.function.IntFunction<Pattern> p = regexPerRow(cx, args.get(0));
            Ev group = Comparisons.cast(cx.compile(args.get(1)), LONG);
            Ev s = ExprCompiler.str(cx.compile(args.get(2)));
            ScalarType to = STRING;
            if (args.size() == 4) {
                if (!(args.get(3) instanceof Expr.Typeof tf) || tf.schema().columns().size() != 1
                        || !(tf.schema().columns().get(0) instanceof dev.sentinelctl.kql.syntax.Clause.TypeName tn)) {
                    throw EvalException.bind("extract's fourth argument is typeof(type)", args.get(3));
                }
                to = Evaluator.typeName(tn.token().text());
            }
            ScalarType target = to;
            return Ev.of(to, r -> {
                Object g = group.eval(r);
                if (g == null) return null;
                Matcher mt = p.apply(r).matcher((String) s.eval(r));
                if (!mt.find() || (Long) g > mt.groupCount()) return target == STRING ? "" : null;
                String v = mt.group((int) (long) (Long) g);
                if (v == null) return target == STRING ? "" : null;
                return Convert.to(target, STRING, v);
            });
        });
        m.put("extract_all", (cx, args, call) -> {
            Functions.arity(args, 2, 3, call);
            Pattern p = constantRegex(cx, args.get(0), 0);
            List<Integer> groups = null;
            Ev s;
            if (args.size() == 3) {
                Ev gs = cx.compile(args.get(1));
                Object gv = Functions.constant(gs, args.get(1), "extract_all capture groups");
                groups = new ArrayList<>();
                if (gv instanceof JsonNode j && j.isArray()) {
                    Ev re = cx.compile(args.get(0));
                    java.util.Map<String, Integer> named = Regexes.namedGroups(Values.toStr(re.type(), re.eval(0)));
                    for (JsonNode el : j) {
                        if (el.isNumber()) groups.add(el.asInt());
                        else if (named.containsKey(el.asString())) groups.add(named.get(el.asString()));
                        else throw EvalException.bind("extract_all: no capture group named '" + el.asString() + "'", args.get(1));
                    }
                }
                s = ExprCompiler.str(cx.compile(args.get(2)));
            } else {
                s = ExprCompiler.str(cx.compile(args.get(1)));
            }
            List<Integer> gl = groups;
            return Ev.of(DYNAMIC, r -> {
                Matcher mt = p.matcher((String) s.eval(r));
                ArrayNode out = Values.array();
                while (mt.find()) {
                    if (gl != null) {
                        ArrayNode row = Values.array();
                        for (int g : gl) row.add(mt.group(g) == null ? "" : mt.group(g));
                        out.add(row);
                    } else if (mt.groupCount() == 0) {
                        out.add(mt.group());
                    } else if (mt.groupCount() == 1) {
                        out.add(mt.group(1) == null ? "" : mt.group(1));
                    } else {
                        ArrayNode row = Values.array();
                        for (int g = 1; g <= mt.groupCount(); g++) row.add(mt.group(g) == null ? "" : mt.group(g));
                        out.add(row);
                    }
                }
                return out.isEmpty() ? null : out;
            });
        });
        m.put("split", (cx, args, call) -> {
            Functions.arity(args, 2, 3, call);
            Ev s = ExprCompiler.str(cx.compile(args.get(0))), d = ExprCompiler.str(cx.compile(args.get(1)));
            Ev idx = args.size() > 2 ? Comparisons.cast(cx.compile(args.get(2)), LONG) : null;
            return Ev.of(DYNAMIC, r -> {
                String x = (String) s.eval(r), del = (String) d.eval(r);
                ArrayNode out = Values.array();
                if (del.isEmpty()) {
                    out.add(x);
                } else {
                    int from = 0;
                    for (int i = x.indexOf(del); i >= 0; i = x.indexOf(del, from)) {
                        out.add(x.substring(from, i));
                        from = i + del.length();
                    }
                    out.add(x.substring(from));
                }
                if (idx == null) return out;
                Object k = idx.eval(r);
                if (k == null || (Long) k < 0 || (Long) k >= out.size()) return Values.array();
                ArrayNode one = Values.array();
                one.add(out.get((int) (long) (Long) k));
                return one;
            });
        });
        m.put("strcmp", Functions.binary(STRING, STRING, LONG, (a, b) -> (long) Integer.signum(((String) a).compareTo((String) b))));
        m.put("translate", (cx, args, call) -> {
            Functions.arity(args, 3, 3, call);
            Ev from = ExprCompiler.str(cx.compile(args.get(0))), to = ExprCompiler.str(cx.compile(args.get(1))), s = ExprCompiler.str(cx.compile(args.get(2)));
            return Ev.of(STRING, r -> {
                String f = (String) from.eval(r), t = (String) to.eval(r), x = (String) s.eval(r);
                StringBuilder sb = new StringBuilder();
                for (char c : x.toCharArray()) {
                    int i = f.indexOf(c);
                    if (i < 0) sb.append(c);
                    else if (!t.isEmpty()) sb.append(t.charAt(Math.min(i, t.length() - 1)));
                }
                return sb.toString();
            });
        });
        m.put("parse_url", Functions.str1(DYNAMIC, StringFunctions::parseUrl));
        m.put("parseurl", m.get("parse_url"));
        m.put("parse_urlquery", Functions.str1(DYNAMIC, s -> {
            ObjectNode o = Values.object();
            o.set("Query Parameters", query(s.startsWith("?") ? s.substring(1) : s));
            return o;
        }));
        m.put("parse_path", Functions.str1(DYNAMIC, StringFunctions::parsePath));
        m.put("parse_csv", Functions.str1(DYNAMIC, s -> {
            ArrayNode a = Values.array();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cur.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    a.add(cur.toString());
                    cur.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    break; // one record: the first line

                } else {
                    cur.append(c);
                }
            }
            a.add(cur.toString());
            return a;
        }));
        m.put("has_any_index", (cx, args, call) -> {
            throw EvalException.unsupported("function 'has_any_index'", call);
        });
        m.put("tohex", (cx, args, call) -> {
            Functions.arity(args, 1, 2, call);
            Ev a = Comparisons.cast(cx.compile(args.get(0)), LONG);
            Ev w = args.size() > 1 ? Comparisons.cast(cx.compile(args.get(1)), LONG) : Ev.constant(LONG, 0L);
            return Ev.of(STRING, r -> {
                Object v = a.eval(r), width = w.eval(r);
                if (v == null) return "";
                String h = Long.toHexString((Long) v);
                StringBuilder sb = new StringBuilder();
                for (long i = h.length(); width != null && i < (Long) width; i++) sb.append('0');
                return sb.append(h).toString();
            });
        });
        m.put("make_string", (cx, args, call) -> {
            List<Ev> evs = Functions.all(cx, args);
            return Ev.of(STRING, r -> {
                StringBuilder sb = new StringBuilder();
                for (Ev e : evs) {
                    Object v = e.eval(r);
                    if (v instanceof JsonNode j && j.isArray()) {
                        for (JsonNode el : j) sb.appendCodePoint(el.asInt());
                    } else if (v != null) {
                        sb.appendCodePoint((int) (long) (Long) Convert.to(LONG, e.type(), v));
                    }
                }
                return sb.toString();
            });
        });
        m.put("parse_xml", Functions.str1(DYNAMIC, XmlToJson::parse));
        m.put("indexof_regex", (cx, args, call) -> {
            Functions.arity(args, 2, 5, call);
            Ev s = ExprCompiler.str(cx.compile(args.get(0)));
            Pattern p = constantRegex(cx, args.get(1), 0);
            Ev start = args.size() > 2 ? Comparisons.cast(cx.compile(args.get(2)), LONG) : Ev.constant(LONG, 0L);
            Ev length = args.size() > 3 ? Comparisons.cast(cx.compile(args.get(3)), LONG) : Ev.constant(LONG, -1L);
            Ev occurrence = args.size() > 4 ? Comparisons.cast(cx.compile(args.get(4)), LONG) : Ev.constant(LONG, 1L);
            return Ev.of(LONG, r -> {
                String x = (String) s.eval(r);
                Object st = start.eval(r), ln = length.eval(r), oc = occurrence.eval(r);
                if (st == null || ln == null || oc == null || (Long) st < 0 || (Long) oc <= 0) return null;
                if ((Long) st > x.length()) return -1L;
                int end = (Long) ln < 0 ? x.length() : (int) Math.min(x.length(), (Long) st + (Long) ln);
                Matcher mt = p.matcher(x);
                mt.region((int) (long) (Long) st, end);
                long seen = 0;
                while (mt.find()) {
                    if (++seen == (Long) oc) return (long) mt.start();
                }
                return -1L;
            });
        });
        m.put("unicode_codepoints_to_string", (cx, args, call) -> {
            List<Ev> evs = Functions.all(cx, args);
            return Ev.of(STRING, r -> {
                StringBuilder sb = new StringBuilder();
                for (Ev e : evs) {
                    Object v = e.eval(r);
                    if (v instanceof JsonNode j && j.isArray()) for (JsonNode el : j) sb.appendCodePoint(el.asInt());
                    else if (v != null) sb.appendCodePoint((int) (long) (Long) Convert.to(LONG, e.type(), v));
                }
                return sb.toString();
            });
        });
        m.put("dynamic_to_json", (cx, args, call) -> {
            Functions.arity(args, 1, 1, call);
            Ev a = cx.compile(args.get(0));
            ScalarType t = a.type();
            return Ev.of(STRING, r -> sortedKeys(Values.toJson(t, a.eval(r))).toString());
        });
        m.put("regex_quote", Functions.str1(STRING, s -> s.replaceAll("([\\\\.^$|?*+()\\[\\]{}])", "\\\\$1")));
        m.put("parse_command_line", (cx, args, call) -> {
            Functions.arity(args, 2, 2, call);
            Ev s = ExprCompiler.str(cx.compile(args.get(0)));
            Ev kind = cx.compile(args.get(1));
            String k = Values.toStr(kind.type(), Functions.constant(kind, args.get(1), "parse_command_line parser"));
            if (!k.equalsIgnoreCase("windows")) throw EvalException.unsupported("parse_command_line parser '" + k + "'", args.get(1));
            return Ev.of(DYNAMIC, r -> windowsArgv((String) s.eval(r)));
        });
        m.put("parse_version", Functions.str1(ScalarType.DECIMAL, s -> {
            // four parts of up to 8 digits each, missing parts 0 (parse-version-function.md)
            String[] parts = s.trim().split("\\.");
            if (parts.length == 0 || parts.length > 4) return null;
            java.math.BigDecimal v = java.math.BigDecimal.ZERO;
            for (int i = 0; i < 4; i++) {
                long p = 0;
                if (i < parts.length) {
                    if (!parts[i].matches("\\d{1,8}")) return null;
                    p = Long.parseLong(parts[i]);
                }
                v = v.multiply(java.math.BigDecimal.valueOf(100_000_000L)).add(java.math.BigDecimal.valueOf(p));
            }
            return v;
        }));
        m.put("isascii", Functions.str1(BOOL, s -> s.chars().allMatch(c -> c < 128)));
        m.put("isutf8", Functions.str1(BOOL, s -> true));
        m.put("to_utf8", Functions.str1(DYNAMIC, s -> {
            ArrayNode a = Values.array();
            for (byte b : s.getBytes(StandardCharsets.UTF_8)) a.add(b & 0xff);
            return a;
        }));
        m.put("unicode_codepoints_from_string", m.get("to_utf8"));
    }

    private static final Pattern PERCENT = Pattern.compile("%[0-9A-F]{2}");

    /** Kusto prints percent-escapes in lower case ({@code %3a}). */
    private static String lowerHex(String s) {
        return PERCENT.matcher(s).replaceAll(m -> m.group().toLowerCase(Locale.ROOT));
    }

    /** A regex argument: compiled once when constant, else once per distinct text. */
    static java.util.function.IntFunction<Pattern> regexPerRow(ExprCompiler cx, Expr arg) {
        Ev e = ExprCompiler.str(cx.compile(arg));
        if (e.isConstant()) {
            Pattern p = Regexes.compile((String) e.eval(0), arg);
            return r -> p;
        }
        java.util.Map<String, Pattern> cache = new java.util.HashMap<>();
        return r -> cache.computeIfAbsent((String) e.eval(r), t -> Regexes.compile(t, arg));
    }

    static Pattern constantRegex(ExprCompiler cx, Expr arg, int flags) {
        Ev e = cx.compile(arg);
        Object v = Functions.constant(e, arg, "regex");
        return Regexes.compile(Values.toStr(e.type(), v), flags, arg);
    }

    /** Kusto rewrite strings use \1 for groups; Java uses $1 (and $ must be escaped). */
    static String rewrite(String kusto) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < kusto.length(); i++) {
            char c = kusto.charAt(i);
            if (c == '\\' && i + 1 < kusto.length() && Character.isDigit(kusto.charAt(i + 1))) {
                sb.append('$').append(kusto.charAt(++i));
            } else if (c == '$' || c == '\\') {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Windows command-line splitting (CommandLineToArgvW, as parse-command-line-function.md names): the program
     * name ends at the closing quote or white space; then 2n backslashes before a quote give n and the quote
     * toggles quoting, 2n+1 give n and a literal quote, other backslashes are literal.
     */
    static ArrayNode windowsArgv(String s) {
        ArrayNode out = Values.array();
        int i = 0, n = s.length();
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        if (i >= n) return out;
        StringBuilder cur = new StringBuilder();
        if (s.charAt(i) == '"') {
            int end = s.indexOf('"', i + 1);
            cur.append(end < 0 ? s.substring(i + 1) : s.substring(i + 1, end));
            i = end < 0 ? n : end + 1;
        } else {
            while (i < n && s.charAt(i) != ' ' && s.charAt(i) != '\t') cur.append(s.charAt(i++));
        }
        out.add(cur.toString());
        while (true) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
            if (i >= n) return out;
            cur.setLength(0);
            boolean quoted = false;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\\') {
                    int bs = 0;
                    while (i < n && s.charAt(i) == '\\') {
                        bs++;
                        i++;
                    }
                    if (i < n && s.charAt(i) == '"') {
                        cur.append("\\".repeat(bs / 2));
                        if (bs % 2 == 1) {
                            cur.append('"');
                            i++;
                        }
                    } else {
                        cur.append("\\".repeat(bs));
                    }
                } else if (c == '"') {
                    if (quoted && i + 1 < n && s.charAt(i + 1) == '"') {
                        cur.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = !quoted;
                    i++;
                } else if (!quoted && (c == ' ' || c == '\t')) {
                    break;
                } else {
                    cur.append(c);
                    i++;
                }
            }
            out.add(cur.toString());
        }
    }

    private static Ev trim(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call, boolean start, boolean end) {
        Functions.arity(args, 2, 2, call);
        Ev re = cx.compile(args.get(0));
        String regex = Values.toStr(re.type(), Functions.constant(re, args.get(0), "trim regex"));
        Pattern lead = Regexes.compile("^(?:" + regex + ")+", args.get(0));
        Pattern trail = Regexes.compile("(?:" + regex + ")+$", args.get(0));
        Ev s = ExprCompiler.str(cx.compile(args.get(1)));
        return Ev.of(STRING, r -> {
            String x = (String) s.eval(r);
            if (start) x = lead.matcher(x).replaceFirst("");
            if (end) x = trail.matcher(x).replaceFirst("");
            return x;
        });
    }

    private static String digest(String algorithm, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parseUrl(String s) {
        try {
            URI u = new URI(s);
            if (u.getScheme() == null) return Values.object();
            ObjectNode o = Values.object();
            o.put("Scheme", u.getScheme());
            o.put("Host", u.getHost() == null ? "" : u.getHost());
            o.put("Port", u.getPort() < 0 ? "" : String.valueOf(u.getPort()));
            o.put("Path", u.getRawPath() == null ? "" : u.getRawPath());
            String ui = u.getRawUserInfo();
            o.put("Username", ui == null ? "" : ui.split(":", 2)[0]);
            o.put("Password", ui == null || !ui.contains(":") ? "" : ui.split(":", 2)[1]);
            o.set("Query Parameters", query(u.getRawQuery()));
            o.put("Fragment", u.getRawFragment() == null ? "" : u.getRawFragment());
            return o;
        } catch (Exception e) {
            return Values.object();
        }
    }

    private static ObjectNode query(String q) {
        ObjectNode params = Values.object();
        if (q == null || q.isEmpty()) return params;
        for (String kv : q.split("&")) {
            int eq = kv.indexOf('=');
            String k = eq < 0 ? kv : kv.substring(0, eq);
            String v = eq < 0 ? "" : kv.substring(eq + 1);
            try {
                params.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                params.put(k, v);
            }
        }
        return params;
    }

    private static Object parsePath(String s) {
        ObjectNode o = Values.object();
        String norm = s;
        int slash = Math.max(norm.lastIndexOf('\\'), norm.lastIndexOf('/'));
        String dir = slash < 0 ? "" : norm.substring(0, slash);
        String file = slash < 0 ? norm : norm.substring(slash + 1);
        int dot = file.lastIndexOf('.');
        o.put("Scheme", "");
        o.put("RootPath", norm.length() >= 2 && norm.charAt(1) == ':' ? norm.substring(0, 2) : "");
        o.put("DirectoryPath", dir);
        o.put("DirectoryName", dir.isEmpty() ? "" : dir.substring(Math.max(dir.lastIndexOf('\\'), dir.lastIndexOf('/')) + 1));
        o.put("Filename", file);
        o.put("Extension", dot < 0 ? "" : file.substring(dot + 1));
        o.put("AlternateDataStreamName", "");
        return o;
    }

    /** dynamic_to_json's canonical form: property bags with their keys sorted, at every depth. */
    private static JsonNode sortedKeys(JsonNode n) {
        if (n.isObject()) {
            java.util.TreeMap<String, JsonNode> sorted = new java.util.TreeMap<>();
            for (var e : n.properties()) sorted.put(e.getKey(), sortedKeys(e.getValue()));
            ObjectNode o = Values.object();
            sorted.forEach(o::set);
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = Values.array();
            for (JsonNode x : n) a.add(sortedKeys(x));
            return a;
        }
        return n;
    }
}
