package dev.sentinelctl.util;

import java.util.function.Supplier;

/** A value computed once on first use, safely published to all threads. */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> compute;
    private volatile T value;

    public Lazy(Supplier<T> compute) {
        this.compute = compute;
    }

    public boolean isComputed() {
        return value != null;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = compute.get();
                    value = v;
                }
            }
        }
        return v;
    }
}
