package dev.sentinelctl.content;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * snakeyaml settings with a read buffer as large as the file, made once per power-of-two size and shared by all
 * threads (they are immutable): the default 1 KB window is refilled and copied for every kilobyte, and every
 * LoadSettings builder compiles snakeyaml's resolver patterns, once per file otherwise.
 */
public final class SettingsBySize {
    private final AtomicReferenceArray<LoadSettings> bySize = new AtomicReferenceArray<>(24);
    private final IntFunction<LoadSettings> make;

    /** @param make settings with the given buffer size */
    public SettingsBySize(IntFunction<LoadSettings> make) {
        this.make = make;
    }

    /** Settings whose buffer holds {@code chars} characters. */
    public LoadSettings forChars(int chars) {
        int bits = Math.max(10, 32 - Integer.numberOfLeadingZeros(chars));
        if (bits >= bySize.length()) return make.apply(chars + 1);
        LoadSettings made = bySize.get(bits);
        if (made == null) {
            made = make.apply(1 << bits);
            bySize.compareAndSet(bits, null, made);
        }
        return made;
    }
}
