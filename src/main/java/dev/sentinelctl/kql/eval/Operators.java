package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry: every operator record of the parser maps to the class that evaluates it, or to an explicit
 * refusal ({@link Unsupported}). OperatorRegistryTest checks that every {@link QueryOperator} subtype has an entry.
 */
final class Operators {

    private static final Map<Class<?>, TabularOperator<?>> REGISTRY = build();

    private Operators() {
    }

    private static Map<Class<?>, TabularOperator<?>> build() {
        List<TabularOperator<?>> all = List.of(
                new WhereOperator(), new ExtendOperator(),
                new ProjectOperators.Project(), new ProjectOperators.Away(), new ProjectOperators.Keep(),
                new ProjectOperators.Rename(), new ProjectOperators.Reorder(),
                new SummarizeOperator(), new JoinOperator(), new LookupOperator(), new UnionOperator(),
                new MvExpandOperator(), new MvApplyOperator(), new ParseOperator.Parse(), new ParseOperator.ParseWhere(),
                new MakeSeriesOperator(),
                new RowOperators.Sort(), new RowOperators.Top(), new RowOperators.Take(), new RowOperators.Count(),
                new RowOperators.Distinct(), new RowOperators.Serialize(), new RowOperators.As(),
                new RowOperators.Render(), new RowOperators.GetSchema(),
                new SourceOperators.Print(), new SourceOperators.Range(), new EvaluateOperator(), new InvokeOperator(),
                new ParseKvOperator(),
                new TopNestedOperator(),
                new ScanOperator(),
                new GraphOperators.MakeGraph(),
                new GraphOperators.NeedsGraph<>(QueryOperator.GraphMatch.class),
                new GraphOperators.NeedsGraph<>(QueryOperator.GraphShortestPaths.class),
                new GraphOperators.NeedsGraph<>(QueryOperator.GraphToTable.class),
                new Unsupported<>(QueryOperator.TopHitters.class, "top-hitters"),
                new Unsupported<>(QueryOperator.Sample.class, "sample (nondeterministic)"),
                new Unsupported<>(QueryOperator.SampleDistinct.class, "sample-distinct (nondeterministic)"),
                new Unsupported<>(QueryOperator.Search.class, "search"),
                new Unsupported<>(QueryOperator.Find.class, "find"),
                new Unsupported<>(QueryOperator.Fork.class, "fork"),
                new Unsupported<>(QueryOperator.Facet.class, "facet"),
                new PartitionOperator(),
                new Unsupported<>(QueryOperator.Consume.class, "consume"),
                new Unsupported<>(QueryOperator.Reduce.class, "reduce"),
                new OtherOperators(),
                new Unsupported<>(QueryOperator.Bad.class, "operator"));
        Map<Class<?>, TabularOperator<?>> m = new LinkedHashMap<>();
        for (TabularOperator<?> op : all) {
            if (m.put(op.syntax(), op) != null) throw new IllegalStateException("two evaluators for " + op.syntax());
        }
        return Map.copyOf(m);
    }

    /** The syntax classes with an entry (for the registry test). */
    static java.util.Set<Class<?>> registered() {
        return REGISTRY.keySet();
    }

    static boolean isSupported(Class<?> syntax) {
        return REGISTRY.get(syntax) != null && !(REGISTRY.get(syntax) instanceof Unsupported<?>);
    }

    @SuppressWarnings("unchecked")
    static Table apply(QueryOperator op, Table input, Evaluator evaluator, Scope scope) {
        TabularOperator<QueryOperator> impl = (TabularOperator<QueryOperator>) REGISTRY.get(op.getClass());
        if (impl == null) throw EvalException.unsupported("operator " + op.getClass().getSimpleName(), op);
        return impl.apply(op, input, evaluator, scope);
    }

    /** An operator the engine refuses by name, so the refusal is explicit and registered. */
    record Unsupported<T extends QueryOperator>(Class<T> syntax, String name) implements TabularOperator<T> {
        @Override
        public Table apply(T op, Table input, Evaluator evaluator, Scope scope) {
            String word = op.firstToken() == null ? name : op.firstToken().text();
            throw EvalException.unsupported("operator '" + (name.equals("operator") ? word : name) + "'", op);
        }
    }

    static Table requireInput(Table input, QueryOperator op) {
        if (input == null) {
            String word = op.firstToken() == null ? "operator" : op.firstToken().text();
            throw EvalException.bind("'" + word + "' needs a tabular input (put it after a |)", op);
        }
        return input;
    }
}
