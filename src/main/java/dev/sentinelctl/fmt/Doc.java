package dev.sentinelctl.fmt;

import java.util.List;

/**
 * A layout document in the style of Wadler's "prettier printer": text, places where a line may break, groups
 * that are printed on one line when they fit and broken otherwise, and indentation. The KQL formatter builds
 * one from the token stream; {@link DocPrinter} chooses the line breaks.
 */
sealed interface Doc {
    record Text(String text) implements Doc {}

    /** A break a group may take: {@code flat} is printed when the enclosing group stays on one line. */
    record Line(String flat) implements Doc {}

    /**
     * A line break whatever the group does (after a {@code //} comment, between pipeline operators).
     * {@code breaksGroups}: the enclosing groups cannot be flat either — for breaks kept from the author's layout,
     * which a group that stayed flat could not have produced (so a second run lays out the same as the first).
     */
    record HardLine(boolean blank, boolean breaksGroups) implements Doc {
        HardLine(boolean blank) {
            this(blank, false);
        }
    }

    record Group(Doc content) implements Doc {}

    record Indent(Doc content) implements Doc {}

    record Concat(List<Doc> parts) implements Doc {}

    Doc SPACE_OR_BREAK = new Line(" ");
    Doc SOFT_BREAK = new Line("");
    Doc NEWLINE = new HardLine(false);
    Doc KEPT_NEWLINE = new HardLine(false, true);

    static Doc text(String s) {
        return new Text(s);
    }

    static Doc concat(List<Doc> parts) {
        return parts.size() == 1 ? parts.get(0) : new Concat(List.copyOf(parts));
    }
}
