package dev.sentinelctl.fmt;

import java.util.ArrayList;
import java.util.List;

/** A YAML document as the formatter keeps it: values with their comments, no layout. */
sealed interface YamlTree {

    /**
     * @param typed true for a plain scalar the YAML core schema reads as something other than a string (number,
     *              boolean, null): its text is written back exactly as it was
     */
    record Scalar(String value, boolean typed) implements YamlTree {}

    /** Entries in document order; {@code endComments} are comments after the last entry, at this mapping's level. */
    record Mapping(List<Entry> entries, List<String> endComments) implements YamlTree {
        Mapping() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    record Sequence(List<Item> items, List<String> endComments) implements YamlTree {
        Sequence() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    /** A key and its value; comments on the lines above it, after {@code key:}, after a scalar value. */
    final class Entry {
        final String key;
        final List<String> before;
        YamlTree value;
        String keyComment;
        String valueComment;

        Entry(String key, List<String> before) {
            this.key = key;
            this.before = before;
        }
    }

    final class Item {
        final List<String> before;
        YamlTree value;
        String comment;

        Item(List<String> before) {
            this.before = before;
        }
    }
}
