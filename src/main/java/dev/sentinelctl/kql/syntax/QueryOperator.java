package dev.sentinelctl.kql.syntax;

import java.util.List;

/**
 * Tabular operators: what follows {@code |}, plus those that may start a query. One record per operator
 * kind so a binder can switch exhaustively; aliases share a record ({@code where}/{@code filter},
 * {@code take}/{@code limit}, {@code sort}/{@code order}, {@code mv-expand}/{@code mvexpand}).
 */
public sealed interface QueryOperator extends Expr {

    /** The operator's keyword token ({@code where}, {@code project-away}, ...). */
    Token keyword();

    /** {@code where predicate} (also {@code filter}). */
    record Where(Token keyword, Expr predicate) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, predicate);
        }
    }

    /** {@code extend a = x, b}. */
    record Extend(Token keyword, SeparatedList<Expr> expressions) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, expressions);
        }
    }

    /** {@code project a, b = x}. */
    record Project(Token keyword, SeparatedList<Expr> expressions) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, expressions);
        }
    }

    /** {@code project-away a, b*}. */
    record ProjectAway(Token keyword, SeparatedList<Expr> columns) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, columns);
        }
    }

    /** {@code project-keep a, b*}. */
    record ProjectKeep(Token keyword, SeparatedList<Expr> columns) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, columns);
        }
    }

    /** {@code project-rename new = old}. */
    record ProjectRename(Token keyword, SeparatedList<Expr> renames) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, renames);
        }
    }

    /** {@code project-reorder a, b* asc}. */
    record ProjectReorder(Token keyword, SeparatedList<Clause.SortItem> columns) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, columns);
        }
    }

    /** {@code summarize [hint.x=y] aggs [by keys]}. */
    record Summarize(Token keyword, List<Clause.OperatorParam> parameters, SeparatedList<Expr> aggregates, Clause.By by) implements QueryOperator {
        public Summarize {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, aggregates, by);
        }
    }

    /** {@code join kind=inner (T) on a, $left.b == $right.c}. */
    record Join(Token keyword, List<Clause.OperatorParam> parameters, Expr right, Clause.On on) implements QueryOperator {
        public Join {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, right, on);
        }
    }

    /** {@code lookup kind=leftouter T on a}. */
    record Lookup(Token keyword, List<Clause.OperatorParam> parameters, Expr right, Clause.On on) implements QueryOperator {
        public Lookup {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, right, on);
        }
    }

    /** {@code union withsource=S kind=outer isfuzzy=true T1, (T2 | ...), Sec*}. */
    record Union(Token keyword, List<Clause.OperatorParam> parameters, SeparatedList<Expr> tables) implements QueryOperator {
        public Union {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, tables);
        }
    }

    /** {@code mv-expand bagexpansion=array x to typeof(string) limit 10}. */
    record MvExpand(Token keyword, List<Clause.OperatorParam> parameters, SeparatedList<Clause.ExpandItem> items, Clause.Limit limit) implements QueryOperator {
        public MvExpand {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, items, limit);
        }
    }

    /** {@code mv-apply x to typeof(long) on (summarize ...)}. */
    record MvApply(Token keyword, List<Clause.OperatorParam> parameters, SeparatedList<Clause.ExpandItem> items, Clause.Limit limit, Token on, Expr subquery) implements QueryOperator {
        public MvApply {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, items, limit, on, subquery);
        }
    }

    /** {@code parse kind=regex x with * 'a' A:int ...}. */
    record Parse(Token keyword, List<Clause.OperatorParam> parameters, Expr input, Token with, Clause.ParsePattern pattern) implements QueryOperator {
        public Parse {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, input, with, pattern);
        }
    }

    /** {@code parse-where x with ...}. */
    record ParseWhere(Token keyword, List<Clause.OperatorParam> parameters, Expr input, Token with, Clause.ParsePattern pattern) implements QueryOperator {
        public ParseWhere {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, input, with, pattern);
        }
    }

    /** {@code parse-kv x as (a:string) with (pair_delimiter=',')}. */
    record ParseKv(Token keyword, Expr input, Token as, Clause.Schema columns, Clause.WithProperties with) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, input, as, columns, with);
        }
    }

    /** {@code make-series n=count() default=0 on T from a to b step 1h by k}. */
    record MakeSeries(Token keyword, List<Clause.OperatorParam> parameters, SeparatedList<Clause.SeriesAggregate> aggregates, Token on, Expr axis, Clause.SeriesRange range, Clause.By by) implements QueryOperator {
        public MakeSeries {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, aggregates, on, axis, range, by);
        }
    }

    /** {@code top 10 by x desc nulls last}. */
    record Top(Token keyword, Expr count, Token by, Clause.SortItem sort) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, count, by, sort);
        }
    }

    /** {@code top-nested 3 of a by count(), 2 of b by sum(x)}. */
    record TopNested(Token keyword, SeparatedList<Clause.TopNestedLevel> levels) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, levels);
        }
    }

    /** {@code top-hitters 5 of x [by sum(y)]}. */
    record TopHitters(Token keyword, Expr count, Token of, Expr expression, Clause.By by) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, count, of, expression, by);
        }
    }

    /** {@code sort by a desc, b asc nulls first (also order)}. */
    record Sort(Token keyword, List<Clause.OperatorParam> parameters, Token by, SeparatedList<Clause.SortItem> items) implements QueryOperator {
        public Sort {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, by, items);
        }
    }

    /** {@code take 10 (also limit)}. */
    record Take(Token keyword, Expr count) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, count);
        }
    }

    /** {@code count}, or {@code count as Name} ({@code as} and {@code name} are null without it). */
    record Count(Token keyword, Token as, Name name) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, as, name);
        }

        /** The result column's name: {@code Count} unless renamed. */
        public String columnName() {
            return name == null || name.firstToken() == null || name.firstToken().missing() ? "Count" : name.simpleName();
        }
    }

    /** {@code distinct a, b (or *)}. */
    record Distinct(Token keyword, List<Clause.OperatorParam> parameters, SeparatedList<Expr> columns) implements QueryOperator {
        public Distinct {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, columns);
        }
    }

    /** {@code sample 10}. */
    record Sample(Token keyword, Expr count) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, count);
        }
    }

    /** {@code sample-distinct 10 of x}. */
    record SampleDistinct(Token keyword, Expr count, Token of, Expr expression) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, count, of, expression);
        }
    }

    /** {@code serialize [n = row_number()]}. */
    record Serialize(Token keyword, SeparatedList<Expr> expressions) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, expressions);
        }
    }

    /** {@code as T}. */
    record As(Token keyword, List<Clause.OperatorParam> parameters, Name name) implements QueryOperator {
        public As {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, name);
        }
    }

    /** {@code getschema}. */
    record GetSchema(Token keyword) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword);
        }
    }

    /** {@code evaluate bag_unpack(x)}. */
    record Evaluate(Token keyword, List<Clause.OperatorParam> parameters, Expr plugin, Token colon, Clause.Schema outputSchema) implements QueryOperator {
        public Evaluate {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, plugin, colon, outputSchema);
        }
    }

    /** {@code invoke f(x)}. */
    record Invoke(Token keyword, Expr function) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, function);
        }
    }

    /**
     * {@code render timechart with (title='x', series=a, b)}: the properties are {@link Expr.Named} items, further
     * columns of a column list plain {@link Expr.NameRef}s. The older {@code with "title"} has no parentheses;
     * the older {@code by a, b} is {@code by}.
     */
    record Render(Token keyword, Name chart, List<Clause.OperatorParam> parameters, Clause.WithProperties with,
                  Clause.By by) implements QueryOperator {
        public Render {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, chart, parameters, with, by);
        }
    }

    /** {@code search kind=case_sensitive in (T1, T2) "x"}. */
    record Search(Token keyword, List<Clause.OperatorParam> parameters, Clause.InTables in, Expr predicate) implements QueryOperator {
        public Search {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, in, predicate);
        }
    }

    /** {@code find withsource=S in (T1, T2) where x project a, b}. */
    record Find(Token keyword, List<Clause.OperatorParam> parameters, Clause.InTables in, Token where, Expr predicate, Token project, SeparatedList<Expr> columns) implements QueryOperator {
        public Find {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, in, where, predicate, project, columns);
        }
    }

    /** {@code fork (where a) (take 5) [name=(...)]}. */
    record Fork(Token keyword, List<Expr> branches) implements QueryOperator {
        public Fork {
            branches = Children.copy(branches);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, branches);
        }
    }

    /** {@code facet by a, b [with (take 5)]}. */
    record Facet(Token keyword, Token by, SeparatedList<Expr> columns, Token with, Expr subquery) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, by, columns, with, subquery);
        }
    }

    /** {@code partition hint.strategy=native by x (top 3 by y)}. */
    record Partition(Token keyword, List<Clause.OperatorParam> parameters, Token by, Expr column, Expr subquery) implements QueryOperator {
        public Partition {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, by, column, subquery);
        }
    }

    /** {@code range x from 1 to 10 step 1}. */
    record Range(Token keyword, Name name, Token from, Expr fromValue, Token to, Expr toValue, Token step, Expr stepValue) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, name, from, fromValue, to, toValue, step, stepValue);
        }
    }

    /** {@code print a = 1, 'x'}. */
    record Print(Token keyword, SeparatedList<Expr> expressions) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, expressions);
        }
    }

    /** {@code consume}. */
    record Consume(Token keyword, List<Clause.OperatorParam> parameters) implements QueryOperator {
        public Consume {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters);
        }
    }

    /** {@code reduce by x with threshold=0.1}. */
    record Reduce(Token keyword, List<Clause.OperatorParam> parameters, Token by, Expr expression, Clause.WithProperties with) implements QueryOperator {
        public Reduce {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, by, expression, with);
        }
    }

    /**
     * {@code scan [with_match_id=Id] [declare (c:type[=default], ...)] with (step s [output=all|last|none]: cond
     * [=> c = expr, ...]; ...)} (scan-operator.md).
     */
    record Scan(Token keyword, List<Clause.OperatorParam> parameters, Token declare, Clause.Parameters declarations,
                Token with, Token open, List<Clause.ScanStep> steps, Token close) implements QueryOperator {
        public Scan {
            parameters = Children.copy(parameters);
            steps = Children.copy(steps);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, declare, declarations, with, open, steps, close);
        }
    }

    /**
     * {@code make-graph Source --> Target [with Nodes on Key, ...]} or {@code ... with_node_id=Name}; the arrow is
     * {@code -->} (directed) or {@code --} (make-graph-operator.md).
     */
    record MakeGraph(Token keyword, List<Clause.OperatorParam> parameters, Expr source, List<Token> arrow, Expr target,
                     List<Clause.OperatorParam> nodeIdParameters, Token with, SeparatedList<Clause.GraphNodeTable> nodeTables)
            implements QueryOperator {
        public MakeGraph {
            parameters = Children.copy(parameters);
            arrow = Children.copy(arrow);
            nodeIdParameters = Children.copy(nodeIdParameters);
        }

        public boolean directed() {
            return arrow.size() == 3;
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, source, arrow, target, nodeIdParameters, with, nodeTables);
        }
    }

    /** {@code graph-match [cycles=...] Pattern, ... [where Predicate] [project Expr, ...]} (graph-match-operator.md). */
    record GraphMatch(Token keyword, List<Clause.OperatorParam> parameters, SeparatedList<Clause.GraphPattern> patterns,
                      Token where, Expr predicate, Token project, SeparatedList<Expr> projections) implements QueryOperator {
        public GraphMatch {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, patterns, where, predicate, project, projections);
        }
    }

    /** {@code graph-shortest-paths [output=any|all] Pattern, ... [where Predicate] [project Expr, ...]}. */
    record GraphShortestPaths(Token keyword, List<Clause.OperatorParam> parameters, SeparatedList<Clause.GraphPattern> patterns,
                              Token where, Expr predicate, Token project, SeparatedList<Expr> projections) implements QueryOperator {
        public GraphShortestPaths {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, patterns, where, predicate, project, projections);
        }
    }

    /** {@code graph-to-table nodes [with_node_id=N] [as T], edges [with_source_id=S] [with_target_id=D] [as U]}. */
    record GraphToTable(Token keyword, SeparatedList<Clause.GraphTableOutput> outputs) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, outputs);
        }
    }

    /** operators kept token by token (graph-mark-components, graph-where-nodes, assert-schema ...): no details modelled. */
    record Other(Token keyword, List<Token> tokens) implements QueryOperator {
        public Other {
            tokens = Children.copy(tokens);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, tokens);
        }
    }

    /** where an operator was expected but the word is no operator, or nothing was there (KS176). */
    record Bad(Token keyword) implements QueryOperator {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword);
        }
    }

}
