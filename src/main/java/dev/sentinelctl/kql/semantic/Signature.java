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
     * The parameter that argument {@code index} binds to, following Kusto's rule that a repeatable parameter
     * absorbs as many arguments as the others leave over. Empty when the index is out of range.
     */
    public Optional<Parameter> parameterForArgument(int index, int argumentCount) {
        int fixed = 0;
        for (Parameter p : parameters) if (!p.repeatable()) fixed += p.optional() ? 0 : 1;
        int spare = Math.max(0, argumentCount - fixed);
        int pos = 0;
        for (Parameter p : parameters) {
            int take;
            if (p.repeatable()) {
                take = Math.max(p.minOccurring(), Math.min(p.maxOccurring(), spare + p.minOccurring()));
                spare -= Math.max(0, take - p.minOccurring());
            } else if (p.optional()) {
                take = spare > 0 ? 1 : 0;
                spare -= take;
            } else {
                take = 1;
            }
            if (index < pos + take) return Optional.of(p);
            pos += take;
        }
        return Optional.empty();
    }
}
