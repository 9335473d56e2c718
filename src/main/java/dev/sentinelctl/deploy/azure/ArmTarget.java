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
 */
public record ArmTarget(URI armEndpoint, Path trustFile, URI authorityHost) {
    public static final ArmTarget AZURE = new ArmTarget(null, null, null);

    public ArmTarget {
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

    public boolean isCustom() {
        return armEndpoint != null;
    }
}
