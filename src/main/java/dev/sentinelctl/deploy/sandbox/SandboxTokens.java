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

    /** A token for {@code audience} (tests that play the portal mint their own). */
    public static String issue(String audience, String random) {
        return "sandbox." + Base64.getUrlEncoder().withoutPadding().encodeToString(audience.getBytes(StandardCharsets.UTF_8))
                + "." + random;
    }

    /** The audience a sandbox token was issued for; empty for any other bearer string. */
    static Optional<String> audience(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !parts[0].equals("sandbox")) return Optional.empty();
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
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
