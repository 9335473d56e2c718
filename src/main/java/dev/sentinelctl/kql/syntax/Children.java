package dev.sentinelctl.kql.syntax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Builds a node's child list from its components, skipping absent (null) optional parts. */
final class Children {
    private Children() {
    }

    static List<SyntaxElement> of(Object... parts) {
        // Fast path: no nested lists (most nodes) means one exact-size array and no copying.
        int n = 0;
        for (Object p : parts) {
            if (p instanceof List<?>) return slow(parts);
            if (p != null) n++;
        }
        SyntaxElement[] out = new SyntaxElement[n];
        int i = 0;
        for (Object p : parts) {
            if (p != null) out[i++] = (SyntaxElement) p;
        }
        return Collections.unmodifiableList(Arrays.asList(out));
    }

    private static List<SyntaxElement> slow(Object[] parts) {
        List<SyntaxElement> out = new ArrayList<>(parts.length + 4);
        for (Object p : parts) add(out, p);
        return Collections.unmodifiableList(out);
    }

    private static void add(List<SyntaxElement> out, Object p) {
        if (p == null) return;
        if (p instanceof SyntaxElement e) {
            out.add(e);
        } else if (p instanceof List<?> list) {
            for (Object o : list) add(out, o);
        } else {
            throw new IllegalArgumentException("not a syntax element: " + p.getClass());
        }
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
