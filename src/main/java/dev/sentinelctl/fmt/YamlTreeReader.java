package dev.sentinelctl.fmt;

import dev.sentinelctl.content.SettingsBySize;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Reads YAML text into a {@link YamlTree} from snakeyaml's event stream with comments: a whole-line comment
 * belongs to the entry or item below it, a line-end comment to the entry or item it ends. The file has already
 * loaded cleanly with {@code validate}'s loader; what the formatter cannot write back faithfully (anchors,
 * aliases, explicit tags, several documents) is refused with the position.
 */
final class YamlTreeReader {
    /** Why a file is left as it is, and where. */
    static final class Unsupported extends RuntimeException {
        final int line;
        final int column;

        Unsupported(String message, Optional<Mark> mark) {
            super(message);
            this.line = mark.map(m -> m.getLine() + 1).orElse(1);
            this.column = mark.map(m -> m.getColumn() + 1).orElse(1);
        }
    }

    /**
     * The root mapping, the comments above it (the file's header), and every comment of the file in order (for
     * the check that formatting kept them all).
     */
    record Document(YamlTree.Mapping root, List<String> header, List<String> allComments) {}

    private static final ScalarResolver RESOLVER = new CoreScalarResolver(false);
    private static final SettingsBySize SETTINGS = new SettingsBySize(size -> LoadSettings.builder()
            .setParseComments(true).setUseMarks(true).setCodePointLimit(Integer.MAX_VALUE).setBufferSize(size).build());

    private static Iterable<Event> events(String text) {
        return new Parse(SETTINGS.forChars(text.length())).parseString(text);
    }

    /** Every comment of the text in order, for the check that formatting kept them all. */
    static List<String> comments(String text) {
        List<String> out = new ArrayList<>();
        for (Event e : events(text)) {
            if (e instanceof CommentEvent c && c.getCommentType() != CommentType.BLANK_LINE) out.add(c.getValue().stripTrailing());
        }
        return out;
    }

    /** Null when the root is not a mapping (nothing a content file formatter should touch). */
    Document read(String text) {
        Deque<Object> stack = new ArrayDeque<>(); // Mapping or Sequence being filled
        List<String> pending = new ArrayList<>();
        List<String> header = new ArrayList<>();
        YamlTree.Mapping root = null;
        Object lastCommentTarget = null; // Entry or Item a line-end comment belongs to
        int documents = 0;
        List<String> all = new ArrayList<>();
        for (Event e : events(text)) {
            switch (e.getEventId()) {
                case Comment -> {
                    CommentEvent c = (CommentEvent) e;
                    if (c.getCommentType() == CommentType.BLANK_LINE) continue;
                    String value = c.getValue().stripTrailing();
                    all.add(value);
                    if (c.getCommentType() == CommentType.IN_LINE && lastCommentTarget != null) {
                        attachInline(lastCommentTarget, value);
                    } else if (root == null) {
                        header.add(value);
                    } else {
                        pending.add(value);
                    }
                }
                case DocumentStart -> {
                    if (++documents > 1) throw new Unsupported("more than one YAML document in the file", e.getStartMark());
                }
                case Alias -> throw new Unsupported("YAML aliases (*name) are not formatted; write the value out", e.getStartMark());
                case Scalar, MappingStart, SequenceStart -> {
                    NodeEvent n = (NodeEvent) e;
                    if (n.getAnchor().isPresent()) {
                        throw new Unsupported("YAML anchors (&name) are not formatted; write the value out", e.getStartMark());
                    }
                    YamlTree node = startNode(e);
                    if (stack.isEmpty()) {
                        if (!(node instanceof YamlTree.Mapping m)) return null;
                        root = m;
                        stack.push(m);
                        continue;
                    }
                    Object top = stack.peek();
                    if (top instanceof YamlTree.Mapping m) {
                        YamlTree.Entry open = m.entries().isEmpty() ? null : m.entries().get(m.entries().size() - 1);
                        if (open == null || open.value != null) {
                            if (!(node instanceof YamlTree.Scalar key) || key.typed() && !isPlainKey(key)) {
                                throw new Unsupported("only plain text keys are formatted", e.getStartMark());
                            }
                            YamlTree.Entry entry = new YamlTree.Entry(key.value(), new ArrayList<>(pending));
                            pending.clear();
                            m.entries().add(entry);
                            lastCommentTarget = new KeyComment(entry);
                            continue;
                        }
                        open.value = node;
                        lastCommentTarget = open;
                    } else {
                        YamlTree.Sequence s = (YamlTree.Sequence) top;
                        YamlTree.Item item = new YamlTree.Item(new ArrayList<>(pending));
                        pending.clear();
                        item.value = node;
                        s.items().add(item);
                        lastCommentTarget = item;
                    }
                    if (!(node instanceof YamlTree.Scalar)) {
                        stack.push(node);
                        if (lastCommentTarget instanceof YamlTree.Entry en) lastCommentTarget = new KeyComment(en);
                    }
                }
                case MappingEnd, SequenceEnd -> {
                    Object done = stack.pop();
                    List<String> end = done instanceof YamlTree.Mapping m ? m.endComments() : ((YamlTree.Sequence) done).endComments();
                    end.addAll(pending);
                    pending.clear();
                    lastCommentTarget = null;
                }
                default -> { }
            }
        }
        if (root != null) root.endComments().addAll(pending);
        return root == null ? null : new Document(root, header, all);
    }

    private static boolean isPlainKey(YamlTree.Scalar key) {
        return !key.value().isEmpty();
    }

    /** A line-end comment right after {@code key:} whose value is a list or mapping on the next lines. */
    private record KeyComment(YamlTree.Entry entry) {}

    private static void attachInline(Object target, String value) {
        if (target instanceof KeyComment k) {
            k.entry().keyComment = join(k.entry().keyComment, value);
        } else if (target instanceof YamlTree.Entry en) {
            en.valueComment = join(en.valueComment, value);
        } else if (target instanceof YamlTree.Item it) {
            it.comment = join(it.comment, value);
        }
    }

    private static String join(String a, String b) {
        return a == null ? b : a + " #" + b;
    }

    /** Whether the core schema could read a plain scalar as other than a string (saves a regex per scalar). */
    private static boolean maybeTyped(String v) {
        if (v.isEmpty()) return true;
        char c = v.charAt(0);
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == '~' || c == 'n' || c == 'N' || c == 't'
                || c == 'T' || c == 'f' || c == 'F';
    }

    private static YamlTree startNode(Event e) {
        if (e instanceof ScalarEvent s) {
            if (s.getTag().isPresent() && !s.getImplicit().canOmitTagInPlainScalar() && !s.getImplicit().canOmitTagInNonPlainScalar()) {
                throw new Unsupported("explicit YAML tags (" + s.getTag().get() + ") are not formatted", e.getStartMark());
            }
            boolean typed = s.isPlain() && maybeTyped(s.getValue()) && !RESOLVER.resolve(s.getValue(), true).equals(Tag.STR);
            return new YamlTree.Scalar(s.getValue(), typed);
        }
        NodeEvent n = (NodeEvent) e;
        Optional<String> tag = e instanceof org.snakeyaml.engine.v2.events.CollectionStartEvent c ? c.getTag() : Optional.empty();
        if (tag.isPresent() && !((org.snakeyaml.engine.v2.events.CollectionStartEvent) n).isImplicit()) {
            throw new Unsupported("explicit YAML tags (" + tag.get() + ") are not formatted", e.getStartMark());
        }
        return e.getEventId() == Event.ID.MappingStart ? new YamlTree.Mapping() : new YamlTree.Sequence();
    }
}
