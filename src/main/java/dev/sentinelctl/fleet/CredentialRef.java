package dev.sentinelctl.fleet;

import java.util.Optional;

/**
 * Which identity deploys to a workspace, by name; the secret (if any) comes from the environment at run time.
 *
 * @param type       a credential kind the deploy engine knows ({@code azure-cli}, {@code workload-identity}, ...)
 * @param tenant     the tenant the identity signs in to; for Lighthouse the managing tenant, not the customer's
 * @param lighthouse true when one identity reaches many customer subscriptions through Azure Lighthouse delegation
 */
public record CredentialRef(String name, String type, Optional<String> tenant, Optional<String> clientId, boolean lighthouse) {

    /**
     * The tenant to request a token from for a workspace of {@code workspaceTenant}: the credential's own tenant
     * when it has one (always, for Lighthouse: the loader requires it), else the workspace's.
     */
    public String tokenTenant(String workspaceTenant) {
        return tenant.orElse(workspaceTenant);
    }
}
