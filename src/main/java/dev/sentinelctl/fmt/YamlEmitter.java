package dev.sentinelctl.fmt;

import dev.sentinelctl.arm.YamlWriter;
import java.util.List;

/**
 * Writes a {@link YamlTree} in the one layout of Azure-Sentinel files: block mappings and lists indented by two
 * (list items under their key), empty collections as {@code []}/{@code {}}, strings in the style
 * {@link YamlWriter} chooses (plain unless YAML needs quotes, multi-line text and the query as {@code |} blocks),
 * numbers, booleans and nulls exactly as written, comments above or after what they annotate.
 */
final class YamlEmitter {
    private final StringBuilder out = new StringBuilder();

    String write(YamlTreeReader.Document doc, List<YamlTree.Entry> rootEntries) {
        comments(doc.header(), 0);
        for (YamlTree.Entry e : rootEntries) entry(e, 0, e.key.equals("query"));
        comments(doc.root().endComments(), 0);
        return out.toString();
    }

    private void entry(YamlTree.Entry e, int indent, boolean block) {
        comments(e.before, indent);
        // Comments inside an empty collection ("tactics: [ # none ]") go above its key, where a second run finds them.
        if (e.value instanceof YamlTree.Mapping m && m.entries().isEmpty()) comments(m.endComments(), indent);
        if (e.value instanceof YamlTree.Sequence q && q.items().isEmpty()) comments(q.endComments(), indent);
        out.append(" ".repeat(indent)).append(YamlWriter.keyText(e.key)).append(':');
        value(e.value, indent, block, e.keyComment, e.valueComment);
    }

    /** Writes what follows {@code key:} or {@code -}, with the line break(s); {@code indent} is the key's or dash's. */
    private void value(YamlTree v, int indent, boolean block, String keyComment, String valueComment) {
        String comment = keyComment == null ? valueComment : valueComment == null ? keyComment : keyComment + " #" + valueComment;
        if (v instanceof YamlTree.Scalar s) {
            StringBuilder sb = new StringBuilder();
            if (s.typed()) {
                sb.append(s.value().isEmpty() ? "" : " " + s.value()).append('\n');
            } else {
                sb.append(' ');
                YamlWriter.appendString(sb, s.value(), indent, block);
            }
            if (comment != null) sb.insert(sb.indexOf("\n"), " #" + comment);
            out.append(sb);
        } else if (v instanceof YamlTree.Mapping m) {
            if (m.entries().isEmpty()) {
                out.append(" {}").append(trailing(comment)).append('\n');
                return;
            }
            out.append(trailing(comment)).append('\n');
            for (YamlTree.Entry e : m.entries()) entry(e, indent + 2, false);
            comments(m.endComments(), indent + 2);
        } else if (v instanceof YamlTree.Sequence s) {
            if (s.items().isEmpty()) {
                out.append(" []").append(trailing(comment)).append('\n');
                return;
            }
            out.append(trailing(comment)).append('\n');
            for (YamlTree.Item item : s.items()) item(item, indent + 2);
            comments(s.endComments(), indent + 2);
        }
    }

    private void item(YamlTree.Item item, int indent) {
        comments(item.before, indent);
        out.append(" ".repeat(indent)).append('-');
        if (item.value instanceof YamlTree.Mapping m && !m.entries().isEmpty()) {
            // The first entry shares the dash's line; comments above it go above the dash.
            YamlTree.Entry first = m.entries().get(0);
            if (!first.before.isEmpty()) {
                out.setLength(out.length() - indent - 1);
                comments(first.before, indent);
                out.append(" ".repeat(indent)).append('-');
            }
            if (item.comment != null) {
                out.append(" #").append(item.comment).append('\n').append(" ".repeat(indent + 2));
            } else {
                out.append(' ');
            }
            out.append(YamlWriter.keyText(first.key)).append(':');
            value(first.value, indent + 2, false, first.keyComment, first.valueComment);
            for (int i = 1; i < m.entries().size(); i++) entry(m.entries().get(i), indent + 2, false);
            comments(m.endComments(), indent + 2);
        } else if (item.value instanceof YamlTree.Sequence s && !s.items().isEmpty()) {
            out.append(trailing(item.comment)).append('\n');
            for (YamlTree.Item inner : s.items()) item(inner, indent + 2);
            comments(s.endComments(), indent + 2);
        } else {
            value(item.value, indent, false, null, item.comment);
        }
    }

    private static String trailing(String comment) {
        return comment == null ? "" : " #" + comment;
    }

    private void comments(List<String> comments, int indent) {
        for (String c : comments) out.append(" ".repeat(indent)).append('#').append(c).append('\n');
    }
}
