package dev.sentinelctl.kql.semantic;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One formal parameter of a signature.
 *
 * @param types         for {@link ParameterTypeKind#DECLARED}: the accepted types (several for e.g. bin(datetime|timespan))
 * @param minOccurring  how many arguments this parameter takes at least (0 when optional)
 * @param maxOccurring  at most (more than 1 when repeatable: {@code strcat(arg, ...)})
 * @param values        allowed literal values when the parameter is an enumeration ({@code datetime_diff('day', ...)})
 * @param defaultValue  textual default for user/stored functions ({@code starttime:datetime=datetime(null)}), else ""
 */
public record Parameter(String name, ParameterTypeKind typeKind, Set<ScalarType> types, ArgumentKind argumentKind,
                        int minOccurring, int maxOccurring, boolean optional, boolean repeatable,
                        List<String> values, String defaultValue) {

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(typeKind, "typeKind");
        types = Set.copyOf(types);
        Objects.requireNonNull(argumentKind, "argumentKind");
        values = List.copyOf(values);
        defaultValue = defaultValue == null ? "" : defaultValue;
    }

    /** A plain parameter of one declared type, as stored functions have. */
    public static Parameter of(String name, ScalarType type, boolean optional, String defaultValue) {
        return new Parameter(name, ParameterTypeKind.DECLARED, Set.of(type), ArgumentKind.EXPRESSION,
                optional ? 0 : 1, 1, optional, false, List.of(), defaultValue);
    }

    public boolean accepts(KqlType t) {
        if (typeKind != ParameterTypeKind.DECLARED) return typeKind.accepts(t);
        if (t.isUnknown()) return true;
        return t instanceof ScalarType s && types.contains(s);
    }
}
