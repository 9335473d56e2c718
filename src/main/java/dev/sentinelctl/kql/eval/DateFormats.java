package dev.sentinelctl.kql.eval;

import java.time.LocalDateTime;

/** format_datetime / format_timespan specifiers (format-datetime-function.md): y M d H h m s f F tt and separators. */
final class DateFormats {

    private DateFormats() {
    }

    static String format(String format, long ticks, boolean timespan) {
        StringBuilder out = new StringBuilder();
        long abs = Math.abs(ticks);
        LocalDateTime t = timespan ? null : Values.local(ticks);
        long frac = timespan ? abs % Values.TICKS_PER_SECOND : Math.floorMod(ticks, Values.TICKS_PER_SECOND);
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            int j = i;
            while (j < format.length() && format.charAt(j) == c) j++;
            int n = j - i;
            switch (c) {
                case 'y' -> out.append(n <= 2 ? pad(t.getYear() % 100, n) : pad(t.getYear(), n));
                case 'M' -> out.append(pad(t.getMonthValue(), n));
                case 'd' -> out.append(timespan ? pad(abs / Values.TICKS_PER_DAY, n) : pad(t.getDayOfMonth(), n));
                case 'H' -> out.append(pad(timespan ? abs % Values.TICKS_PER_DAY / Values.TICKS_PER_HOUR : t.getHour(), n));
                case 'h' -> out.append(pad(timespan ? abs % Values.TICKS_PER_DAY / Values.TICKS_PER_HOUR : (t.getHour() + 11) % 12 + 1, n));
                case 'm' -> out.append(pad(timespan ? abs % Values.TICKS_PER_HOUR / Values.TICKS_PER_MINUTE : t.getMinute(), n));
                case 's' -> out.append(pad(timespan ? abs % Values.TICKS_PER_MINUTE / Values.TICKS_PER_SECOND : t.getSecond(), n));
                case 'f', 'F' -> {
                    String digits = String.format("%07d", frac).substring(0, Math.min(7, n));
                    if (c == 'F') digits = digits.replaceAll("0+$", "");
                    out.append(digits);
                }
                case 't' -> out.append(t != null && t.getHour() < 12 ? (n == 1 ? "A" : "AM") : (n == 1 ? "P" : "PM"));
                default -> out.append(format, i, j);
            }
            i = j;
        }
        return out.toString();
    }

    private static String pad(long v, int n) {
        String s = Long.toString(v);
        StringBuilder sb = new StringBuilder();
        for (int k = s.length(); k < n; k++) sb.append('0');
        return sb.append(s).toString();
    }
}
