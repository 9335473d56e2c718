package dev.sentinelctl.kql.semantic;

import java.util.List;
import java.util.stream.Collectors;

/** A row set: what flows through a pipe, what a tabular function returns. */
public record TabularType(List<Column> columns) implements KqlType {

    public TabularType {
        columns = List.copyOf(columns);
    }

    public static TabularType of(TableSchema schema) {
        return new TabularType(schema.columns());
    }

    @Override
    public String displayName() {
        return columns.stream().map(c -> c.name() + ":" + c.type().displayName())
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
