package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.sentinelctl.kql.semantic.ScalarType.DATETIME;
import static dev.sentinelctl.kql.semantic.ScalarType.INT;
import static dev.sentinelctl.kql.semantic.ScalarType.LONG;
import static dev.sentinelctl.kql.semantic.ScalarType.REAL;
import static dev.sentinelctl.kql.semantic.ScalarType.STRING;
import static dev.sentinelctl.kql.semantic.ScalarType.TIMESPAN;

/**
 * Time functions. {@code now()} is the context's pinned instant for the whole query and {@code ago(x)} is
 * {@code now() - x} (now-function.md, ago-function.md). {@code bin} on datetimes floors the ticks counted from
 * 0001-01-01, as Kusto's datetime is defined (scalar-data-types/datetime.md); weeks start on Sunday.
 */
final class TimeFunctions {

    private TimeFunctions() {
    }

    static void register(Map<String, Functions.Fn> m) {
        m.put("now", (cx, args, call) -> {
            Functions.arity(args, 0, 1, call);
            long now = cx.evaluator.nowTicks;
            if (args.isEmpty()) return Ev.constant(DATETIME, now);
            Ev off = Comparisons.cast(cx.compile(args.get(0)), TIMESPAN);
            return Ev.of(DATETIME, r -> {
                Object o = off.eval(r);
                return o == null ? null : now + (Long) o;
            });
        });
        m.put("ago", (cx, args, call) -> {
            Functions.arity(args, 1, 1, call);
            long now = cx.evaluator.nowTicks;
            Ev off = Comparisons.cast(cx.compile(args.get(0)), TIMESPAN);
            return Ev.of(DATETIME, r -> {
                Object o = off.eval(r);
                return o == null ? null : now - (Long) o;
            });
        });
        m.put("bin", (cx, args, call) -> bin(cx, args, call, false));
        m.put("floor", (cx, args, call) -> bin(cx, args, call, false));
        m.put("bin_at", (cx, args, call) -> bin(cx, args, call, true));
        m.put("startofday", (cx, args, call) -> adjust(cx, args, call, (t, n) -> t.truncatedTo(ChronoUnit.DAYS).plusDays(n)));
        m.put("startofweek", (cx, args, call) -> adjust(cx, args, call,
                (t, n) -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).plusWeeks(n)));
        m.put("startofmonth", (cx, args, call) -> adjust(cx, args, call, (t, n) -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).plusMonths(n)));
        m.put("startofyear", (cx, args, call) -> adjust(cx, args, call, (t, n) -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).plusYears(n)));
        m.put("endofday", (cx, args, call) -> adjust(cx, args, call, (t, n) -> t.truncatedTo(ChronoUnit.DAYS).plusDays(n + 1).minusNanos(100)));
        m.put("endofweek", (cx, args, call) -> adjust(cx, args, call,
                (t, n) -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).plusWeeks(n + 1).minusNanos(100)));
        m.put("endofmonth", (cx, args, call) -> adjust(cx, args, call, (t, n) -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).plusMonths(n + 1).minusNanos(100)));
        m.put("endofyear", (cx, args, call) -> adjust(cx, args, call, (t, n) -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).plusYears(n + 1).minusNanos(100)));
        m.put("dayofweek", Functions.unary(DATETIME, TIMESPAN, v -> (long) (Values.local((Long) v).getDayOfWeek().getValue() % 7) * Values.TICKS_PER_DAY));
        m.put("dayofmonth", Functions.unary(DATETIME, INT, v -> (long) Values.local((Long) v).getDayOfMonth()));
        m.put("dayofyear", Functions.unary(DATETIME, INT, v -> (long) Values.local((Long) v).getDayOfYear()));
        m.put("hourofday", Functions.unary(DATETIME, INT, v -> (long) Values.local((Long) v).getHour()));
        m.put("getmonth", Functions.unary(DATETIME, INT, v -> (long) Values.local((Long) v).getMonthValue()));
        m.put("monthofyear", m.get("getmonth"));
        m.put("getyear", Functions.unary(DATETIME, INT, v -> (long) Values.local((Long) v).getYear()));
        m.put("weekofyear", Functions.unary(DATETIME, INT, v -> (long) Values.local((Long) v).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        m.put("week_of_year", m.get("weekofyear"));
        m.put("datetime_part", (cx, args, call) -> {
            Functions.arity(args, 2, 2, call);
            Ev part = cx.compile(args.get(0));
            String p = Values.toStr(part.type(), Functions.constant(part, args.get(0), "datetime_part part")).toLowerCase(Locale.ROOT);
            Ev d = Comparisons.cast(cx.compile(args.get(1)), DATETIME);
            return Ev.of(INT, r -> {
                Object v = d.eval(r);
                if (v == null) return null;
                LocalDateTime t = Values.local((Long) v);
                long frac = Math.floorMod((Long) v, Values.TICKS_PER_SECOND);
                return switch (p) {
                    case "year" -> (long) t.getYear();
                    case "quarter" -> (long) ((t.getMonthValue() - 1) / 3 + 1);
                    case "month" -> (long) t.getMonthValue();
                    case "week_of_year", "weekofyear" -> (long) t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                    case "day" -> (long) t.getDayOfMonth();
                    case "dayofyear" -> (long) t.getDayOfYear();
                    case "hour" -> (long) t.getHour();
                    case "minute" -> (long) t.getMinute();
                    case "second" -> (long) t.getSecond();
                    case "millisecond" -> frac / 10_000;
                    case "microsecond" -> frac / 10;
                    case "nanosecond" -> frac * 100;
                    default -> throw EvalException.bind("unknown datetime part '" + p + "'", args.get(0));
                };
            });
        });
        m.put("datetime_add", (cx, args, call) -> {
            Functions.arity(args, 3, 3, call);
            Ev part = cx.compile(args.get(0));
            String p = Values.toStr(part.type(), Functions.constant(part, args.get(0), "datetime_add part")).toLowerCase(Locale.ROOT);
            Ev n = Comparisons.cast(cx.compile(args.get(1)), LONG);
            Ev d = Comparisons.cast(cx.compile(args.get(2)), DATETIME);
            return Ev.of(DATETIME, r -> {
                Object a = n.eval(r), v = d.eval(r);
                if (a == null || v == null) return null;
                long k = (Long) a;
                LocalDateTime t = Values.local((Long) v);
                LocalDateTime out = switch (p) {
                    case "year" -> t.plusYears(k);
                    case "quarter" -> t.plusMonths(3 * k);
                    case "month" -> t.plusMonths(k);
                    case "week" -> t.plusWeeks(k);
                    case "day" -> t.plusDays(k);
                    case "hour" -> t.plusHours(k);
                    case "minute" -> t.plusMinutes(k);
                    case "second" -> t.plusSeconds(k);
                    case "millisecond" -> t.plusNanos(k * 1_000_000);
                    case "microsecond" -> t.plusNanos(k * 1_000);
                    case "nanosecond" -> t.plusNanos(k);
                    default -> throw EvalException.bind("unknown datetime part '" + p + "'", args.get(0));
                };
                return Values.ticks(out);
            });
        });
        m.put("datetime_diff", (cx, args, call) -> {
            Functions.arity(args, 3, 3, call);
            Ev part = cx.compile(args.get(0));
            String p = Values.toStr(part.type(), Functions.constant(part, args.get(0), "datetime_diff part")).toLowerCase(Locale.ROOT);
            Ev a = Comparisons.cast(cx.compile(args.get(1)), DATETIME), b = Comparisons.cast(cx.compile(args.get(2)), DATETIME);
            return Ev.of(LONG, r -> {
                Object x = a.eval(r), y = b.eval(r);
                if (x == null || y == null) return null;
                return diff(p, (Long) x, (Long) y, args.get(0));
            });
        });
        m.put("make_datetime", (cx, args, call) -> {
            Functions.arity(args, 3, 7, call);
            List<Ev> parts = Functions.all(cx, args);
            return Ev.of(DATETIME, r -> {
                long[] v = new long[6];
                double sec = 0;
                for (int i = 0; i < parts.size(); i++) {
                    Object o = parts.get(i).eval(r);
                    if (o == null) return null;
                    if (i == 5) sec = Arith.d(o);
                    else v[i] = (Long) Convert.to(LONG, parts.get(i).type(), o);
                }
                try {
                    LocalDateTime t = LocalDateTime.of((int) v[0], (int) v[1], (int) v[2], (int) v[3], (int) v[4], 0);
                    return Values.ticks(t) + Math.round(sec * Values.TICKS_PER_SECOND);
                } catch (RuntimeException e) {
                    return null;
                }
            });
        });
        m.put("make_timespan", (cx, args, call) -> {
            Functions.arity(args, 2, 4, call);
            List<Ev> parts = Functions.all(cx, args);
            return Ev.of(TIMESPAN, r -> {
                double[] v = new double[4];
                for (int i = 0; i < parts.size(); i++) {
                    Object o = parts.get(i).eval(r);
                    if (o == null) return null;
                    v[i] = Arith.d(o);
                }
                if (parts.size() == 2) return Math.round(v[0] * Values.TICKS_PER_HOUR + v[1] * Values.TICKS_PER_MINUTE);
                if (parts.size() == 3) return Math.round(v[0] * Values.TICKS_PER_HOUR + v[1] * Values.TICKS_PER_MINUTE + v[2] * Values.TICKS_PER_SECOND);
                return Math.round(v[0] * Values.TICKS_PER_DAY + v[1] * Values.TICKS_PER_HOUR + v[2] * Values.TICKS_PER_MINUTE + v[3] * Values.TICKS_PER_SECOND);
            });
        });
        m.put("unixtime_seconds_todatetime", unix(Values.TICKS_PER_SECOND));
        m.put("unixtime_milliseconds_todatetime", unix(10_000));
        m.put("unixtime_microseconds_todatetime", unix(10));
        m.put("unixtime_nanoseconds_todatetime", unix(0.01));
        m.put("around", (cx, args, call) -> {
            Functions.arity(args, 3, 3, call);
            Ev v = cx.compile(args.get(0)), c = cx.compile(args.get(1)), d = cx.compile(args.get(2));
            Ev lo = Arith.compile(dev.sentinelctl.kql.syntax.BinaryOp.SUBTRACT, c, d, call);
            Ev hi = Arith.compile(dev.sentinelctl.kql.syntax.BinaryOp.ADD, c, d, call);
            Ev ge = Comparisons.compile(dev.sentinelctl.kql.syntax.BinaryOp.GREATER_EQUAL, v, lo, call);
            Ev le = Comparisons.compile(dev.sentinelctl.kql.syntax.BinaryOp.LESS_EQUAL, v, hi, call);
            return Ev.of(ScalarType.BOOL, r -> {
                Object a = ge.eval(r), b = le.eval(r);
                return a == null || b == null ? null : (Boolean) a && (Boolean) b;
            });
        });
        for (boolean toLocal : new boolean[]{true, false}) {
            m.put(toLocal ? "datetime_utc_to_local" : "datetime_local_to_utc", (cx, args, call) -> {
                Functions.arity(args, 2, 2, call);
                Ev d = Comparisons.cast(cx.compile(args.get(0)), DATETIME);
                Ev z = ExprCompiler.str(cx.compile(args.get(1)));
                return Ev.of(DATETIME, r -> {
                    Object v = d.eval(r);
                    if (v == null) return null;
                    java.time.ZoneId zone;
                    try {
                        zone = java.time.ZoneId.of((String) z.eval(r));
                    } catch (RuntimeException e) {
                        return null;
                    }
                    LocalDateTime t = Values.local((Long) v);
                    long frac = Math.floorMod((Long) v, Values.TICKS_PER_SECOND);
                    if (toLocal) {
                        LocalDateTime local = t.atOffset(java.time.ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime().withNano(0);
                        return Values.ticks(local) + frac;
                    }
                    LocalDateTime utc = t.atZone(zone).withZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime().withNano(0);
                    return Values.ticks(utc) + frac;
                });
            });
        }
        m.put("format_datetime", (cx, args, call) -> {
            Functions.arity(args, 2, 2, call);
            Ev d = Comparisons.cast(cx.compile(args.get(0)), DATETIME);
            Ev f = cx.compile(args.get(1));
            String format = Values.toStr(f.type(), Functions.constant(f, args.get(1), "format_datetime format"));
            return Ev.of(STRING, r -> {
                Object v = d.eval(r);
                return v == null ? "" : DateFormats.format(format, (Long) v, false);
            });
        });
        m.put("format_timespan", (cx, args, call) -> {
            Functions.arity(args, 2, 2, call);
            Ev d = Comparisons.cast(cx.compile(args.get(0)), TIMESPAN);
            Ev f = cx.compile(args.get(1));
            String format = Values.toStr(f.type(), Functions.constant(f, args.get(1), "format_timespan format"));
            return Ev.of(STRING, r -> {
                Object v = d.eval(r);
                return v == null ? "" : DateFormats.format(format, (Long) v, true);
            });
        });
        m.put("totimespan", (cx, args, call) -> {
            Functions.arity(args, 1, 1, call);
            Ev a = cx.compile(args.get(0));
            ScalarType from = a.type();
            return Ev.of(TIMESPAN, r -> Convert.to(TIMESPAN, from, a.eval(r)));
        });
    }

    private static Functions.Fn unix(double ticksPerUnit) {
        return (cx, args, call) -> {
            Functions.arity(args, 1, 1, call);
            Ev a = cx.compile(args.get(0));
            ScalarType from = a.type();
            return Ev.of(DATETIME, r -> {
                Object v = a.eval(r);
                if (v == null) return null;
                Object n = from == STRING ? Convert.to(REAL, STRING, v) : from == ScalarType.DYNAMIC ? Convert.to(REAL, from, v) : v;
                if (n == null) return null;
                double x = Arith.d(n);
                return Values.EPOCH_TICKS + (n instanceof Long l && ticksPerUnit >= 1 ? l * (long) ticksPerUnit : Math.round(x * ticksPerUnit));
            });
        };
    }

    static long diff(String part, long a, long b, Expr where) {
        LocalDateTime x = Values.local(a), y = Values.local(b);
        return switch (part) {
            case "year" -> x.getYear() - y.getYear();
            case "quarter" -> (x.getYear() * 4L + (x.getMonthValue() - 1) / 3) - (y.getYear() * 4L + (y.getMonthValue() - 1) / 3);
            case "month" -> (x.getYear() * 12L + x.getMonthValue()) - (y.getYear() * 12L + y.getMonthValue());
            case "week" -> Math.floorDiv(startOfWeek(a), 7 * Values.TICKS_PER_DAY) - Math.floorDiv(startOfWeek(b), 7 * Values.TICKS_PER_DAY);
            case "day" -> Math.floorDiv(a, Values.TICKS_PER_DAY) - Math.floorDiv(b, Values.TICKS_PER_DAY);
            case "hour" -> Math.floorDiv(a, Values.TICKS_PER_HOUR) - Math.floorDiv(b, Values.TICKS_PER_HOUR);
            case "minute" -> Math.floorDiv(a, Values.TICKS_PER_MINUTE) - Math.floorDiv(b, Values.TICKS_PER_MINUTE);
            case "second" -> Math.floorDiv(a, Values.TICKS_PER_SECOND) - Math.floorDiv(b, Values.TICKS_PER_SECOND);
            case "millisecond" -> Math.floorDiv(a, 10_000) - Math.floorDiv(b, 10_000);
            case "microsecond" -> Math.floorDiv(a, 10) - Math.floorDiv(b, 10);
            case "nanosecond" -> (a - b) * 100;
            default -> throw EvalException.bind("unknown datetime part '" + part + "'", where);
        };
    }

    private static long startOfWeek(long ticks) {
        LocalDateTime t = Values.local(ticks).truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        return Values.ticks(t);
    }

    interface Adjust {
        LocalDateTime apply(LocalDateTime t, long offset);
    }

    private static Ev adjust(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call, Adjust f) {
        Functions.arity(args, 1, 2, call);
        Ev d = Comparisons.cast(cx.compile(args.get(0)), DATETIME);
        Ev off = args.size() > 1 ? Comparisons.cast(cx.compile(args.get(1)), LONG) : Ev.constant(LONG, 0L);
        return Ev.of(DATETIME, r -> {
            Object v = d.eval(r), o = off.eval(r);
            if (v == null || o == null) return null;
            return Values.ticks(f.apply(Values.local((Long) v), (Long) o));
        });
    }

    /** bin(value, size): floor to a multiple of size; a null or non-positive size gives null (bin-function.md). */
    private static Ev bin(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call, boolean at) {
        Functions.arity(args, at ? 3 : 2, at ? 3 : 2, call);
        Ev v = cx.compile(args.get(0));
        Ev size = cx.compile(args.get(1));
        Ev origin = at ? cx.compile(args.get(2)) : null;
        ScalarType t = v.type();
        if (t == DATETIME || t == TIMESPAN) {
            Ev s = Comparisons.cast(size, TIMESPAN);
            Ev o = origin == null ? Ev.constant(t, 0L) : Comparisons.cast(origin, t);
            return Ev.of(t, r -> {
                Object x = v.eval(r), y = s.eval(r), z = o.eval(r);
                if (x == null || y == null || z == null || (Long) y <= 0) return null;
                long base = (Long) z;
                return base + Math.floorDiv((Long) x - base, (Long) y) * (Long) y;
            });
        }
        if (t == INT || t == LONG) {
            if (size.type() == INT || size.type() == LONG) {
                Ev o = origin == null ? Ev.constant(LONG, 0L) : Comparisons.cast(origin, LONG);
                return Ev.of(t, r -> {
                    Object x = v.eval(r), y = size.eval(r), z = o.eval(r);
                    if (x == null || y == null || z == null || (Long) y <= 0) return null;
                    long base = (Long) z;
                    return base + Math.floorDiv((Long) x - base, (Long) y) * (Long) y;
                });
            }
        }
        if (t.isNumeric() || t == ScalarType.DYNAMIC) {
            Ev x0 = Comparisons.cast(v, REAL), s = Comparisons.cast(size, REAL);
            Ev o = origin == null ? Ev.constant(REAL, 0.0) : Comparisons.cast(origin, REAL);
            ScalarType out = t == ScalarType.DECIMAL ? ScalarType.DECIMAL : REAL;
            return Ev.of(out, r -> {
                Object x = x0.eval(r), y = s.eval(r), z = o.eval(r);
                if (x == null || y == null || z == null || (Double) y <= 0) return null;
                double base = (Double) z;
                double res = base + Math.floor(((Double) x - base) / (Double) y) * (Double) y;
                return out == REAL ? (Object) res : BigDecimal.valueOf(res);
            });
        }
        throw EvalException.bind("bin cannot round a " + t.kustoName(), call);
    }
}
