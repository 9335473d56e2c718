/**
 * Schema-aware binding of KQL: walks the syntax tree of {@code dev.sentinelctl.kql.syntax} with a
 * {@link dev.sentinelctl.kql.semantic.Catalog}, computes the row schema flowing through every pipe and the type
 * of every scalar expression, and reports what Microsoft's Kusto.Language reports, with the same KS codes.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * Binder binder = new Binder(Catalog.builtIn().withOverlay(UserSchemaLoader.load(dir).catalog()));
 * BoundQuery q = binder.bind(KqlParser.parse(text));   // thread-safe; share one Binder per catalog
 * q.diagnostics();      // KS204 unknown table, KS142 unknown name, KS211 unknown function, KS119/KS120 arity,
 *                       // KS107 argument type, KS106 operator types, KS144 aggregate outside summarize,
 *                       // KS145/KS227 join keys, KS116 dynamic group key, KS147 [] on non-dynamic, KS196, KS205
 * q.tables(); q.unknownTables();      // database tables read (first use order) / names not in the catalog
 * q.resultColumns();                  // last statement's columns (empty when it is not tabular)
 * q.typeOf(expr); q.rowsOf(operator); q.functionOf(call);   // per-node facts for later lint rules
 * }</pre>
 *
 * <h2>How it is built</h2>
 * <ul>
 *   <li>{@link dev.sentinelctl.kql.semantic.binder.TreeBinder}: statements ({@code let}, functions with their
 *       own scope, re-bound per call with the argument types and diagnostics muted) and scalar expressions.</li>
 *   <li>{@link dev.sentinelctl.kql.semantic.binder.OperatorRules}: the table of one
 *       {@link dev.sentinelctl.kql.semantic.binder.OperatorRule} per tabular operator ({@code WhereRule},
 *       {@code ProjectRules}, {@code JoinRule} ..., mirroring the engine's operator classes), after
 *       Kusto.Language's binder; {@link dev.sentinelctl.kql.semantic.binder.OperatorBinder} looks them up,
 *       {@link dev.sentinelctl.kql.semantic.binder.Projection} is Kusto's projection (styles, naming).</li>
 *   <li>{@link dev.sentinelctl.kql.semantic.binder.CallBinder}: function resolution, overloads, argument checks,
 *       custom results ({@code arg_max} tuples, percentiles, {@code series_*}, {@code column_ifexists}).</li>
 *   <li>{@link dev.sentinelctl.kql.semantic.binder.ColumnNames} and
 *       {@link dev.sentinelctl.kql.semantic.binder.ProjectionBuilder}: Kusto's column naming and uniqueness.</li>
 *   <li>{@link dev.sentinelctl.kql.semantic.binder.RowSchema}: ordered columns; standard Log Analytics columns
 *       resolve but stay out of the output; open schemas infer the columns a query reads.</li>
 * </ul>
 * Anything that fails to bind is typed {@link dev.sentinelctl.kql.semantic.ErrorType#UNKNOWN} and accepted
 * everywhere, so one mistake yields one diagnostic. Accepted differences from Microsoft's results are listed in
 * {@code src/test/resources/kql/known-differences.md}.
 */
package dev.sentinelctl.kql.semantic.binder;
