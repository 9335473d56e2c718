package dev.sentinelctl.content;

/**
 * Where a YAML node stands in its file: UTF-16 offsets of the value and, for a mapping entry, of its key.
 * {@code keyStart < 0} when the node is not a mapping value (the root, sequence items).
 *
 * @param style how a scalar was written, which decides how its characters map back to the file
 */
public record NodeInfo(int start, int end, int keyStart, int keyEnd, ScalarStyle style) {

    public enum ScalarStyle { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED, NONE }

    public boolean hasKey() {
        return keyStart >= 0;
    }
}
