package dev.sentinelctl.check;

import dev.sentinelctl.content.ParserParameter;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ErrorType;
import dev.sentinelctl.kql.semantic.KqlType;
import dev.sentinelctl.kql.semantic.Parameter;
import dev.sentinelctl.kql.semantic.ParameterTypeKind;
import dev.sentinelctl.kql.semantic.ArgumentKind;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.semantic.TabularType;
import dev.sentinelctl.kql.semantic.TypeNames;
import dev.sentinelctl.kql.semantic.binder.Binder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A parser's declared parameters as the binder sees them: in scope inside its body, and as a call's signature. */
public final class ParserScope {
    private ParserScope() {}

    /** The parameters as let-bound names of their declared types, for binding the parser's own query. */
    public static List<Binder.Declared> declared(List<ParserParameter> parameters) {
        List<Binder.Declared> out = new ArrayList<>();
        for (ParserParameter p : parameters) {
            if (p.isTabular()) {
                String schema = p.tableSchema();
                List<Column> cols = columns(schema);
                boolean open = schema.contains("*") || cols.isEmpty();
                out.add(new Binder.Declared(p.name(), new TabularType(cols), true, open));
            } else {
                out.add(new Binder.Declared(p.name(), TypeNames.toScalar(p.scalarType()), false, false));
            }
        }
        return out;
    }

    /** The parameters as a stored function's signature: optional when they have a default. */
    public static List<Parameter> signature(List<ParserParameter> parameters) {
        List<Parameter> out = new ArrayList<>();
        for (ParserParameter p : parameters) {
            if (p.isTabular()) {
                out.add(new Parameter(p.name(), ParameterTypeKind.TABULAR, Set.of(), ArgumentKind.EXPRESSION, 1, 1,
                        false, false, List.of(), ""));
            } else {
                ScalarType t = TypeNames.toScalar(p.scalarType());
                out.add(Parameter.of(p.name(), t, p.defaultValue().isPresent(), p.defaultValue().orElse("")));
            }
        }
        return out;
    }

    /** {@code (a:string, b:long)} → columns; {@code (*)} → none. */
    static List<Column> columns(String schema) {
        List<Column> out = new ArrayList<>();
        String s = schema.strip();
        if (s.startsWith("(")) s = s.substring(1);
        if (s.endsWith(")")) s = s.substring(0, s.length() - 1);
        for (String part : s.split(",")) {
            int colon = part.indexOf(':');
            if (colon <= 0) continue;
            String name = part.substring(0, colon).strip();
            KqlType t = TypeNames.parse(part.substring(colon + 1)).recognised() ? TypeNames.toScalar(part.substring(colon + 1))
                    : ErrorType.UNKNOWN;
            if (!name.isEmpty()) out.add(new Column(name, t));
        }
        return out;
    }
}
