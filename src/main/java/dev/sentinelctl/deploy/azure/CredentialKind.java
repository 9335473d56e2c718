package dev.sentinelctl.deploy.azure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The credential sources the CLI can be told to use, by the names the config file and flags use. */
public enum CredentialKind {
    /** AZURE_TENANT_ID + AZURE_CLIENT_ID + AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH). */
    ENVIRONMENT("environment"),
    /** Federated token file (AZURE_FEDERATED_TOKEN_FILE): Kubernetes workload identity, or GitHub OIDC written to a file. */
    WORKLOAD_IDENTITY("workload-identity"),
    /** GitHub Actions OIDC fetched directly (ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN, job permission id-token: write). */
    GITHUB_OIDC("github-oidc"),
    /** The signed-in Azure CLI ({@code az login}, or the azure/login action). */
    AZURE_CLI("azure-cli"),
    /** The managed identity of the Azure host; AZURE_CLIENT_ID selects a user-assigned one. */
    MANAGED_IDENTITY("managed-identity");

    private final String cliName;

    CredentialKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static CredentialKind parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (CredentialKind kind : values()) {
            if (kind.cliName.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown credential '" + name + "'. Use one of: "
                + Arrays.stream(values()).map(CredentialKind::cliName).collect(Collectors.joining(", ")) + ".");
    }
}
