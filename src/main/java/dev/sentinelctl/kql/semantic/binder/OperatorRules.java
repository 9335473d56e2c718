package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The binder's operator table: every operator record of the parser maps to its schema rule, or to a named
 * {@link NotModelled} decision. There is no default: OperatorRulesRegistryTest fails for a parser record
 * without an entry, and checks that the engine's table ({@code kql.eval.Operators}) covers the same set.
 */
final class OperatorRules {

    private static final Map<Class<?>, OperatorRule<?>> RULES = build();

    private OperatorRules() {
    }

    private static Map<Class<?>, OperatorRule<?>> build() {
        List<OperatorRule<?>> all = List.of(
                new WhereRule(), new ExtendRule(),
                new ProjectRules.Project(), new ProjectRules.Away(), new ProjectRules.Keep(),
                new ProjectRules.Rename(), new ProjectRules.Reorder(),
                new SummarizeRule(), new JoinRule(), new LookupRule(), new UnionRule(),
                new MvExpandRule(), new MvApplyRule(), new ParseRules.Parse(), new ParseRules.ParseWhere(),
                new MakeSeriesRule(),
                new RowRules.Sort(), new RowRules.Top(), new RowRules.Take(), new RowRules.Count(),
                new RowRules.Distinct(), new RowRules.Serialize(), new RowRules.As(),
                new RowRules.Render(), new RowRules.GetSchema(),
                new SourceRules.Print(), new SourceRules.Range(), new EvaluateRule(), new InvokeRule(),
                new ParseKvRule(),
                new TopNestedRule(), new TopHittersRule(),
                new SampleRules.Sample(), new SampleRules.SampleDistinct(),
                new SearchRule(), new FindRule(),
                new BranchRules.Fork(), new BranchRules.Facet(),
                new PartitionRule(), new ConsumeRule(), new ReduceRule(),
                new ScanRule(), GraphRules.MAKE_GRAPH, GraphRules.MATCH, GraphRules.SHORTEST_PATHS,
                GraphRules.TO_TABLE,
                new NotModelled<>(QueryOperator.Other.class, "the parser keeps these operators (graph-mark-components,"
                        + " graph-where-*, assert-schema, project-by-names ...) as tokens only, so their output is unknown"),
                new NotModelled<>(QueryOperator.Bad.class, "not an operator: the parser has reported it (KS176)"));
        Map<Class<?>, OperatorRule<?>> m = new LinkedHashMap<>();
        for (OperatorRule<?> r : all) {
            if (m.put(r.syntax(), r) != null) throw new IllegalStateException("two binder rules for " + r.syntax());
        }
        return Map.copyOf(m);
    }

    /** The syntax classes with an entry (for the registry test). */
    static Set<Class<?>> registered() {
        return RULES.keySet();
    }

    /** The rule of an operator; every parser record has one (OperatorRulesRegistryTest). */
    static OperatorRule<?> of(QueryOperator op) {
        return forSyntax(op.getClass());
    }

    static OperatorRule<?> forSyntax(Class<?> syntax) {
        OperatorRule<?> rule = RULES.get(syntax);
        if (rule == null) throw new IllegalStateException("no binder rule for " + syntax.getName() + " in OperatorRules");
        return rule;
    }

    /**
     * A decision, registered with its reason, not to model an operator's output: the input's columns stay
     * known and any other name may follow (an open schema), so nothing after it is reported wrongly.
     */
    record NotModelled<T extends QueryOperator>(Class<T> syntax, String reason) implements OperatorRule<T> {
        @Override
        public RowSchema bind(T op, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            return in == null ? RowSchema.open() : in.withOpen(true);
        }
    }
}
