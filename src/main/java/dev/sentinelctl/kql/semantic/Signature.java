package dev.sentinelctl.kql.semantic;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One overload of a function.
 *
 * @param returnType   the declared result for {@link ReturnRule#DECLARED}; for other rules a fallback the binder
 *                     may use when it cannot apply the rule ({@code dynamic} for the CUSTOM scalar functions,
 *                     {@link ErrorType#UNKNOWN} for CUSTOM plugins and aggregates with several result columns)
 * @param minArgs      fewest arguments a call may pass
 * @param maxArgs      most arguments (large for repeatable parameters)
 * @param tabular      true when the call yields rows (plugins, stored functions returning tables)
 * @param replacement  non-empty when this overload is obsolete ({@code count(predicate)} → {@code countif})
 */
public record Signature(ReturnRule returnRule, KqlType returnType, List<Parameter> parameters, int minArgs,
                        int maxArgs, boolean tabular, boolean hidden, String replacement) {

    public Signature {
        Objects.requireNonNull(returnRule, "returnRule");
        Objects.requireNonNull(returnType, "returnType");
        parameters = List.copyOf(parameters);
        replacement = replacement == null ? "" : replacement;
    }

    public boolean isObsolete() {
        return !replacement.isEmpty();
    }

    public Optional<String> obsoleteReplacement() {
        return replacement.isEmpty() ? Optional.empty() : Optional.of(replacement);
    }

    public boolean acceptsArgumentCount(int n) {
        return n >= minArgs && n <= maxArgs;
    }

    /**
     * The parameter that argument {@code index} binds to, for a call with {@code argumentCount} arguments.
     * Adjacent repeatable parameters repeat together as a block, as in Kusto: {@code case(predicate, then,
     * predicate, then, else)}, {@code bag_pack(key, value, key, value)}. Empty when the index is out of range.
     */
    public Optional<Parameter> parameterForArgument(int index, int argumentCount) {
        if (index < 0 || index >= argumentCount) return Optional.empty();
        int start = -1;
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).repeatable()) {
                start = i;
                break;
            }
        }
        if (start < 0) return index < parameters.size() ? Optional.of(parameters.get(index)) : Optional.empty();
        int end = start;
        while (end < parameters.size() && parameters.get(end).repeatable()) end++;
        int blockSize = end - start;
        int requiredAfter = 0;
        for (int i = end; i < parameters.size(); i++) if (!parameters.get(i).optional()) requiredAfter++;
        if (index < start) return Optional.of(parameters.get(index));
        int repeats = Math.max(0, (argumentCount - start - requiredAfter) / blockSize);
        int blockEnd = start + repeats * blockSize;
        if (index < blockEnd) return Optional.of(parameters.get(start + (index - start) % blockSize));
        int after = end + (index - blockEnd);
        return after < parameters.size() ? Optional.of(parameters.get(after)) : Optional.empty();
    }
}
