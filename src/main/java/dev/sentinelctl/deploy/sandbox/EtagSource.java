package dev.sentinelctl.deploy.sandbox;

import java.time.Instant;
import java.util.UUID;

/**
 * New etags in each service's format: Sentinel uses a quoted GUID-like value, Log Analytics a weak datetime etag.
 * Datetime etags are kept strictly increasing so two writes in the same instant still get different etags.
 */
final class EtagSource {
    private Instant lastDatetime = Instant.EPOCH;

    synchronized String next(SandboxResourceType kind, Instant now) {
        if (kind.sentinel()) {
            return "\"" + UUID.randomUUID() + "\"";
        }
        Instant at = now.isAfter(lastDatetime) ? now : lastDatetime.plusNanos(100);
        lastDatetime = at;
        return "W/\"datetime'" + at.toString().replace(":", "%3A") + "'\"";
    }

    /** Compares etags ignoring the weak prefix and quotes, which clients add or strip inconsistently. */
    static boolean same(String a, String b) {
        return a != null && b != null && bare(a).equals(bare(b));
    }

    private static String bare(String etag) {
        String s = etag.trim();
        if (s.startsWith("W/")) {
            s = s.substring(2);
        }
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }
}
