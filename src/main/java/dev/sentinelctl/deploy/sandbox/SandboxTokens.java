package dev.sentinelctl.deploy.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The sandbox's access tokens carry their audience, as Entra's do (the {@code aud} claim), so each stand-in can refuse
 * a token issued for another resource: Microsoft Graph answers 401 to an ARM token and ARM to a Graph token. The form
 * is {@code sandbox.<base64url(audience)>.<random>}; any other bearer string (a test's fixed token) has no audience
 * and is taken by ARM only, as before.
 */
public final class SandboxTokens {
    /** Graph's audience, as {@code https://graph.microsoft.com/.default} asks for it. */
    public static final String GRAPH = "https://graph.microsoft.com";

    private SandboxTokens() {
    }

    /** A token for {@code audience} without a tenant (tests that play the portal mint their own). */
    public static String issue(String audience, String random) {
        return "sandbox." + encode(audience) + "." + random;
    }

    /**
     * A token for {@code audience} issued by {@code tenant}'s token endpoint, as Entra's carry the tenant ({@code tid}):
     * {@code sandbox.<audience>.<random>.<tenant>}. Graph's stand-in keeps each tenant's objects apart by it, as
     * Defender XDR does.
     */
    public static String issue(String audience, String random, String tenant) {
        return issue(audience, random) + "." + encode(tenant.toLowerCase(Locale.ROOT));
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The audience a sandbox token was issued for; empty for any other bearer string. */
    static Optional<String> audience(String token) {
        return part(token, 1);
    }

    /** The tenant a sandbox token was issued by; empty for a token without one (or any other bearer string). */
    static String tenant(String token) {
        return part(token, 3).orElse("");
    }

    private static Optional<String> part(String token, int index) {
        String[] parts = token.split("\\.");
        if (parts.length < 3 || parts.length > 4 || !parts[0].equals("sandbox") || index >= parts.length) return Optional.empty();
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True for Graph's audience in either of its spellings (URL, or the app id Entra also accepts). */
    static boolean isGraph(String audience) {
        String a = audience.toLowerCase(Locale.ROOT);
        return a.equals(GRAPH) || a.equals(GRAPH + "/") || a.equals("00000003-0000-0000-c000-000000000000");
    }
}
