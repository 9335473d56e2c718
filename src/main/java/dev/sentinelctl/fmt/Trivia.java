package dev.sentinelctl.fmt;

import dev.sentinelctl.kql.syntax.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * What of a token's trivia survives formatting: the whole-line {@code //} comments before it (and whether an
 * empty line preceded each), whether an empty line preceded the token itself, and the comment at the end of
 * its line. White space is the formatter's to choose; comments are the author's.
 */
record Trivia(List<String> comments, List<Boolean> blankBeforeComment, boolean blankBefore, String trailingComment) {

    static Trivia of(Token t) {
        String lead = t.leadingTrivia();
        List<String> comments = new ArrayList<>(0);
        List<Boolean> blanks = new ArrayList<>(0);
        boolean blank = false;
        boolean blankBeforeFirst = false;
        String[] lines = lead.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("//")) {
                comments.add(line.stripTrailing());
                blanks.add(blank);
                blank = false;
            } else if (line.isEmpty() && i > 0 && i < lines.length - 1) {
                blank = true;
            }
            if (comments.isEmpty()) blankBeforeFirst = blank;
        }
        // Only a blank line directly before the token itself (after any comments) separates it from them.
        boolean blankBefore = comments.isEmpty() ? blankBeforeFirst : blanks.get(0);
        String trailing = t.trailingTrivia().strip();
        return new Trivia(List.copyOf(comments), List.copyOf(blanks), blankBefore, trailing.startsWith("//") ? trailing : null);
    }
}
