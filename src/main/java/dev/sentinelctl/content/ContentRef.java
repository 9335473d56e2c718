package dev.sentinelctl.content;

/**
 * One content item's reference to another, as written in its file: an automation rule's {@code analyticRules} entry.
 * The value is a content id or a file path relative to the referring file ({@link ContentIndex#isPath}); the span is
 * where it is written, so a reference that leads nowhere is reported there.
 *
 * @param kind  the kind the reference must land on
 * @param field the JSON pointer of the value, e.g. {@code /analyticRules/0}
 */
public record ContentRef(ContentKind kind, String value, Span span, String field) {
}
