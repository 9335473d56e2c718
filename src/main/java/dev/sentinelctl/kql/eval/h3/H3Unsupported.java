package dev.sentinelctl.kql.eval.h3;

/** A cell or position this implementation refuses rather than answer wrongly (see docs/engine.md, H3 cells). */
public final class H3Unsupported extends RuntimeException {

    public H3Unsupported(String what) {
        super(what);
    }
}
