/**
 * Semantic model of KQL for the binder: types, the catalog of tables and functions, user schemas.
 *
 * <h2>How a binder uses it</h2>
 * <ul>
 *   <li>Build the catalog once per run: {@code Catalog.builtIn()} (lazy, shared, thread-safe), overlaid with
 *       each {@code --schema} folder: {@code Catalog.builtIn().withOverlay(UserSchemaLoader.load(dir).catalog())};
 *       report {@link dev.sentinelctl.kql.semantic.UserSchema#diagnostics()}.</li>
 *   <li>Names resolve exactly and case-sensitively, as in Kusto: {@code table("SigninLogs")},
 *       {@code scalarFunction("strcat")}, {@code aggregate("count")}, {@code plugin("bag_unpack")},
 *       {@code sentinelFunction("_Im_Dns")}, {@code function(OPERATOR, "Has")}. Each {@link
 *       dev.sentinelctl.kql.semantic.FunctionKind} is its own namespace. On a miss, {@code tableIgnoreCase},
 *       {@code functionIgnoreCase}, {@code TableSchema.columnIgnoreCase} and the {@code suggest*} methods
 *       give the "did you mean" text.</li>
 *   <li>Row schemas through a pipe are {@link dev.sentinelctl.kql.semantic.TabularType} (ordered
 *       {@link dev.sentinelctl.kql.semantic.Column}s); start from {@code TableSchema.asType()} or a stored
 *       function's {@code resultColumns()}; {@code _GetWatchlist('x')} rows come from {@code watchlistRows("x")}.</li>
 *   <li>Calls: pick the overload with {@code FunctionSymbol.signaturesFor(argCount)} and
 *       {@code Parameter.accepts(argType)} (argument → parameter via {@code Signature.parameterForArgument}),
 *       then {@code ReturnTypes.resolve(signature, argTypes[, typeofLiterals])}. {@code ReturnRule.CUSTOM}
 *       (arg_max, percentiles, pack_all, plugins …) needs code in the binder; the signature's type is a
 *       fallback. Obsolete functions and overloads name their replacement.</li>
 *   <li>Arithmetic uses {@link dev.sentinelctl.kql.semantic.TypePromotion}; anything that fails to bind has
 *       type {@link dev.sentinelctl.kql.semantic.ErrorType#UNKNOWN}, which every check accepts silently so one
 *       mistake gives one diagnostic.</li>
 *   <li>{@link dev.sentinelctl.kql.semantic.Column#standard()} marks Log Analytics standard columns the
 *       catalog added ({@code _ItemId}, {@code _BilledSize} …): known to the binder, hidden from
 *       {@code project *}-style expansions if the binder wants to match Kusto's output.</li>
 * </ul>
 * The built-in data is generated; see {@code src/main/resources/catalog/README.md}.
 */
package dev.sentinelctl.kql.semantic;
