package dev.sentinelctl.kql.semantic;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A function the binder can call: a built-in (scalar, aggregate, plugin) with its overloads, or a stored
 * workspace function (Sentinel built-in, ASIM parser, user parser) with one signature.
 *
 * @param hidden            Kusto hides it from completion lists (mostly obsolete aliases)
 * @param replacement       non-empty when the whole function is obsolete ({@code parsejson} → {@code parse_json})
 * @param resultNamePrefix  for {@link ResultNameKind#PREFIX_AND_FIRST_ARGUMENT}: {@code sum} gives {@code sum_X}
 * @param source            where the definition came from (resource and origin), for messages
 */
public record FunctionSymbol(String name, FunctionKind kind, List<Signature> signatures, boolean hidden,
                             String replacement, ResultNameKind resultNameKind, String resultNamePrefix,
                             String source) {

    public FunctionSymbol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty()) throw new IllegalArgumentException("function without signatures: " + name);
        replacement = replacement == null ? "" : replacement;
        resultNameKind = resultNameKind == null ? ResultNameKind.NONE : resultNameKind;
        resultNamePrefix = resultNamePrefix == null ? "" : resultNamePrefix;
        source = source == null ? "" : source;
    }

    /** A stored function with one signature returning {@code result}, as CustomFunctions files describe. */
    public static FunctionSymbol stored(String name, List<Parameter> parameters, KqlType result, String source) {
        int min = (int) parameters.stream().filter(p -> !p.optional()).count();
        Signature s = new Signature(ReturnRule.DECLARED, result, parameters, min, parameters.size(),
                result.isTabular(), false, "");
        return new FunctionSymbol(name, FunctionKind.STORED, List.of(s), false, "", ResultNameKind.NONE, "", source);
    }

    /** The source prefix of functions the checked content defines itself (the repository's parsers), then the file. */
    public static final String CONTENT_SOURCE = "content:";

    public boolean isContent() {
        return source.startsWith(CONTENT_SOURCE);
    }

    /** True for entries the generator inferred rather than read (ASIM aliases); the oracle does not know them. */
    public boolean isDerived() {
        return source.startsWith("derived:");
    }

    public boolean isObsolete() {
        return !replacement.isEmpty();
    }

    public Optional<String> obsoleteReplacement() {
        return replacement.isEmpty() ? Optional.empty() : Optional.of(replacement);
    }

    /** Overloads that accept {@code n} arguments, in catalog order (Kusto tries them in that order). */
    public List<Signature> signaturesFor(int n) {
        return signatures.stream().filter(s -> s.acceptsArgumentCount(n)).toList();
    }

    /** Result columns when this is a stored tabular function (first signature), else empty. */
    public List<Column> resultColumns() {
        return signatures.get(0).returnType() instanceof TabularType t ? t.columns() : List.of();
    }
}
