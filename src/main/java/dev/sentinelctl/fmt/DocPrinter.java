package dev.sentinelctl.fmt;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Prints a {@link Doc}: a group is flat when its flat text, and what follows it up to the next possible break,
 * fits in the line width. Line breaks are written lazily so that a hard break right after a break already
 * taken (a comment after a pipe's line break, say) does not produce an empty line; only an explicit blank
 * line does.
 */
final class DocPrinter {
    private record Cmd(int indent, boolean flat, Doc doc) {}

    private final int width;
    private final int indentSize;
    private final StringBuilder out = new StringBuilder();
    private int column;
    /** 0: none pending, 1: a line break, 2: a line break and an empty line. */
    private int pendingBreak;
    private int pendingIndent;
    private boolean atStart = true;

    DocPrinter(int width, int indentSize) {
        this.width = width;
        this.indentSize = indentSize;
    }

    String print(Doc doc) {
        Deque<Cmd> stack = new ArrayDeque<>();
        stack.push(new Cmd(0, false, doc));
        while (!stack.isEmpty()) {
            Cmd c = stack.pop();
            Doc d = c.doc();
            if (d instanceof Doc.Text t) {
                write(t.text());
            } else if (d instanceof Doc.Concat cat) {
                for (int i = cat.parts().size() - 1; i >= 0; i--) stack.push(new Cmd(c.indent(), c.flat(), cat.parts().get(i)));
            } else if (d instanceof Doc.Indent in) {
                stack.push(new Cmd(c.indent() + indentSize, c.flat(), in.content()));
            } else if (d instanceof Doc.Group g) {
                // Measured even inside a flat group: a hard break (a comment, a nested pipeline) may have ended its line.
                boolean flat = fits(new Cmd(c.indent(), true, g.content()), stack, width - currentColumn());
                stack.push(new Cmd(c.indent(), flat, g.content()));
            } else if (d instanceof Doc.Line l) {
                if (c.flat()) write(l.flat());
                else lineBreak(c.indent(), false);
            } else if (d instanceof Doc.HardLine h) {
                lineBreak(c.indent(), h.blank());
            }
        }
        return out.toString();
    }

    private int currentColumn() {
        return pendingBreak > 0 ? pendingIndent : column;
    }

    private void lineBreak(int indent, boolean blank) {
        if (atStart) return;
        pendingBreak = Math.max(pendingBreak, blank ? 2 : 1);
        pendingIndent = indent;
    }

    private void write(String s) {
        if (s.isEmpty()) return;
        if (pendingBreak > 0) {
            if (s.isBlank()) return; // a space never starts a line
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == ' ') end--;
            out.setLength(end);
            out.append('\n');
            if (pendingBreak == 2) out.append('\n');
            out.append(" ".repeat(pendingIndent));
            column = pendingIndent;
            pendingBreak = 0;
        }
        atStart = false;
        out.append(s);
        int nl = s.lastIndexOf('\n');
        column = nl >= 0 ? s.length() - nl - 1 : column + s.length();
    }

    /** Whether {@code next} printed flat, then the rest in its own modes, reaches a line break within {@code room}. */
    private static boolean fits(Cmd next, Deque<Cmd> rest, int room) {
        Deque<Cmd> work = new ArrayDeque<>();
        work.push(next);
        var restIt = rest.iterator();
        boolean inRest = false;
        while (room >= 0) {
            if (work.isEmpty()) {
                if (!restIt.hasNext()) return true;
                work.push(restIt.next());
                inRest = true;
                continue;
            }
            Cmd c = work.pop();
            Doc d = c.doc();
            if (d instanceof Doc.Text t) {
                int nl = t.text().indexOf('\n');
                if (nl >= 0) return nl <= room;
                room -= t.text().length();
            } else if (d instanceof Doc.Concat cat) {
                for (int i = cat.parts().size() - 1; i >= 0; i--) work.push(new Cmd(c.indent(), c.flat(), cat.parts().get(i)));
            } else if (d instanceof Doc.Indent in) {
                work.push(new Cmd(c.indent(), c.flat(), in.content()));
            } else if (d instanceof Doc.Group g) {
                work.push(new Cmd(c.indent(), c.flat(), g.content()));
            } else if (d instanceof Doc.Line l) {
                if (!c.flat()) return true;
                room -= l.flat().length();
            } else if (d instanceof Doc.HardLine h) {
                return inRest || !h.breaksGroups();
            }
        }
        return false;
    }
}
