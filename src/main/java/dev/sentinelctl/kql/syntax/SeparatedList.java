package dev.sentinelctl.kql.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * A comma (or semicolon) separated list. {@code separators.size()} is {@code items.size() - 1}, or equal to it
 * when the list ends with a separator.
 */
public record SeparatedList<T extends SyntaxNode>(List<T> items, List<Token> separators) implements SyntaxNode {

    public SeparatedList {
        items = Children.copy(items);
        separators = Children.copy(separators);
    }

    public static <T extends SyntaxNode> SeparatedList<T> empty() {
        return new SeparatedList<>(List.of(), List.of());
    }

    public int size() {
        return items.size();
    }

    public T get(int i) {
        return items.get(i);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    @Override
    public List<SyntaxElement> children() {
        List<SyntaxElement> out = new ArrayList<>(items.size() * 2);
        for (int i = 0; i < items.size(); i++) {
            out.add(items.get(i));
            if (i < separators.size()) out.add(separators.get(i));
        }
        for (int i = items.size(); i < separators.size(); i++) out.add(separators.get(i));
        return out;
    }
}
