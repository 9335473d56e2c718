package dev.sentinelctl.deploy.kinds;

import dev.sentinelctl.deploy.sandbox.SandboxResourceType;

/** A {@link ResourceKind} whose naming and placement are one {@link KindFacts} value. */
public abstract class DescribedKind implements ResourceKind {
    private final KindFacts facts;

    protected DescribedKind(KindFacts facts) {
        this.facts = facts;
    }

    @Override
    public final String id() {
        return facts.id();
    }

    @Override
    public final String label() {
        return facts.label();
    }

    @Override
    public final String apiVersionKey() {
        return facts.apiVersionKey();
    }

    @Override
    public final String defaultApiVersion() {
        return facts.defaultApiVersion();
    }

    @Override
    public final String apiVersionReason() {
        return facts.apiVersionReason();
    }

    @Override
    public final Scope scope() {
        return facts.scope();
    }

    @Override
    public final SandboxResourceType sandbox() {
        return facts.sandbox();
    }
}
