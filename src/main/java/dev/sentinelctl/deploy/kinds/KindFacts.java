package dev.sentinelctl.deploy.kinds;

import dev.sentinelctl.deploy.sandbox.SandboxResourceType;
import java.util.Objects;

/**
 * What names a resource kind and where it lives: the data half of {@link ResourceKind}, so a kind's class holds only
 * its behaviour (mapping, normalisation, export) and {@link DescribedKind} answers the rest.
 *
 * @param id                stable id in plan JSON, saved plans and digests ({@code alert-rule})
 * @param label             for people ({@code alert rule})
 * @param apiVersionKey     its key in the api-version table and {@code apiVersions:} ({@code alertRules})
 * @param defaultApiVersion the version sent unless a config overrides it
 * @param apiVersionReason  why that version (docs/deploying-kinds.md's table)
 * @param scope             where its resources are listed and written
 * @param sandbox           the sandbox's stand-in for it
 */
public record KindFacts(String id, String label, String apiVersionKey, String defaultApiVersion, String apiVersionReason,
                        Scope scope, SandboxResourceType sandbox) {
    public KindFacts {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(sandbox, "sandbox");
    }
}
