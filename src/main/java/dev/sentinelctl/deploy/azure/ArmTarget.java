package dev.sentinelctl.deploy.azure;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where ARM calls go. {@link #AZURE} is the public cloud; {@link #custom} points the SDK at any ARM endpoint,
 * such as the local sandbox, with an optional extra trusted certificate and Entra ID authority.
 *
 * @param armEndpoint   the ARM base URL; null for public Azure
 * @param trustFile     PEM or DER certificate(s) to trust in addition to the JDK's CAs; may be null
 * @param authorityHost the Entra ID host for token requests; null for the public cloud's
 * @param graphEndpoint the Microsoft Graph base URL; null for public Graph, or with a custom ARM endpoint, that
 *                      endpoint (the sandbox serves Graph's stand-in beside ARM)
 */
public record ArmTarget(URI armEndpoint, Path trustFile, URI authorityHost, URI graphEndpoint) {
    public static final ArmTarget AZURE = new ArmTarget(null, null, null, null);
    /** Public Microsoft Graph; its token scope is {@code https://graph.microsoft.com/.default}. */
    public static final URI PUBLIC_GRAPH = URI.create("https://graph.microsoft.com");

    public ArmTarget(URI armEndpoint, Path trustFile, URI authorityHost) {
        this(armEndpoint, trustFile, authorityHost, null);
    }

    public ArmTarget {
        if (graphEndpoint != null && !"https".equalsIgnoreCase(graphEndpoint.getScheme())) {
            throw new IllegalArgumentException("The Graph endpoint must be an https:// URL, not '" + graphEndpoint + "'.");
        }
        if (armEndpoint != null && !"https".equalsIgnoreCase(armEndpoint.getScheme())) {
            throw new IllegalArgumentException("The ARM endpoint must be an https:// URL (the SDK's bearer-token "
                    + "policy refuses plain HTTP), not '" + armEndpoint + "'.");
        }
        if (authorityHost != null && !"https".equalsIgnoreCase(authorityHost.getScheme())) {
            throw new IllegalArgumentException("The authority host must be an https:// URL, not '" + authorityHost + "'.");
        }
    }

    /** A custom ARM endpoint; the sandbox serves tokens too, so it is also the authority host. */
    public static ArmTarget custom(URI armEndpoint, Path trustFile, URI authorityHost) {
        return new ArmTarget(armEndpoint, trustFile, authorityHost);
    }

    /** With another Graph base URL (null: the default described on the record). */
    public ArmTarget withGraphEndpoint(URI graph) {
        return new ArmTarget(armEndpoint, trustFile, authorityHost, graph);
    }

    /** Where Graph calls go: the configured endpoint, else the custom ARM endpoint (the sandbox), else public Graph. */
    public URI graphBase() {
        if (graphEndpoint != null) return graphEndpoint;
        return armEndpoint != null ? armEndpoint : PUBLIC_GRAPH;
    }

    public boolean isCustom() {
        return armEndpoint != null;
    }
}
