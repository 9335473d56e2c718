package dev.sentinelctl.kql.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** Tree traversal helpers. Iterative (explicit stack) so deep trees cannot overflow the Java stack. */
public final class SyntaxWalker {
    private SyntaxWalker() {
    }

    /** Visits every node, parents before children, in text order. */
    public static void walkNodes(SyntaxNode root, Consumer<SyntaxNode> visitor) {
        Deque<SyntaxNode> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            SyntaxNode n = stack.pop();
            visitor.accept(n);
            List<SyntaxElement> cs = n.children();
            for (int i = cs.size() - 1; i >= 0; i--) {
                if (cs.get(i) instanceof SyntaxNode c) stack.push(c);
            }
        }
    }

    /** All nodes, parents before children, in text order. */
    public static List<SyntaxNode> nodes(SyntaxNode root) {
        List<SyntaxNode> out = new ArrayList<>();
        walkNodes(root, out::add);
        return out;
    }

    /** All nodes of one type, in text order. */
    public static <T extends SyntaxNode> List<T> nodesOfType(SyntaxNode root, Class<T> type) {
        List<T> out = new ArrayList<>();
        walkNodes(root, n -> {
            if (type.isInstance(n)) out.add(type.cast(n));
        });
        return out;
    }

    /** Every token under {@code root} in text order, missing tokens included. */
    public static List<Token> tokens(SyntaxNode root) {
        List<Token> out = new ArrayList<>();
        Deque<SyntaxElement> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            SyntaxElement e = stack.pop();
            if (e instanceof Token t) {
                out.add(t);
            } else if (e instanceof SyntaxNode n) {
                List<SyntaxElement> cs = n.children();
                for (int i = cs.size() - 1; i >= 0; i--) stack.push(cs.get(i));
            }
        }
        return out;
    }

    /** The text reproduced from the tree: every token with its leading trivia. Equals the input for any parse. */
    public static String fullText(SyntaxNode root) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens(root)) sb.append(t.source(), t.fullStart(), t.end());
        return sb.toString();
    }
}
