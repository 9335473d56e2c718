package dev.sentinelctl.content;

/**
 * A KQL query as stored in a content file: the text and the map from its offsets to the file's, so every
 * stage that finds something in the query can report it at the file's line and column.
 */
public record Query(String text, ScalarSourceMap sourceMap) {

    public static Query of(String text) {
        return new Query(text, ScalarSourceMap.identity(text.length()));
    }

    public boolean isEmpty() {
        return text.isBlank();
    }
}
