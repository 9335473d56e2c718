package dev.sentinelctl.kql.syntax;

import java.util.ArrayList;
import java.util.List;

/** Whether two query texts are the same program, for change detection (PR mode, deployment plans). */
public final class QueryEquivalence {
    private QueryEquivalence() {}

    /**
     * The same tokens, ignoring white space and comments (the lexer's trivia): reformatting a query or editing
     * a comment is not a change. Text inside string literals still counts.
     */
    public static boolean sameProgram(String a, String b) {
        if (a.equals(b)) return true;
        List<Token> x = KqlParser.tokenize(a, new ArrayList<>());
        List<Token> y = KqlParser.tokenize(b, new ArrayList<>());
        if (x.size() != y.size()) return false;
        for (int i = 0; i < x.size(); i++) {
            Token s = x.get(i);
            Token t = y.get(i);
            if (s.kind() != t.kind()) return false;
            if (s.kind() != TokenKind.END_OF_TEXT && !s.text().equals(t.text())) return false;
        }
        return true;
    }
}
