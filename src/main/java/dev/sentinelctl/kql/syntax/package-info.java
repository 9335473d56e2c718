/**
 * The KQL front end: lexer, error-recovering parser and immutable syntax tree.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link dev.sentinelctl.kql.syntax.KqlParser#parse(String)} returns a
 *       {@link dev.sentinelctl.kql.syntax.ParsedQuery}: text, root {@link dev.sentinelctl.kql.syntax.QueryBlock},
 *       tokens, diagnostics ({@link dev.sentinelctl.kql.KqlDiagnostic}, Kusto's KS codes, in tree order) and
 *       the syntactically referenced table names. It never throws and always returns a complete tree.</li>
 *   <li>{@link dev.sentinelctl.kql.syntax.SyntaxWalker}: iterate nodes or tokens, find the node at an offset,
 *       build a parent map (nodes have no parent pointers, so subtrees are position-independent values).</li>
 *   <li>{@link dev.sentinelctl.kql.syntax.TableReferences#of}: table names in table position for any subtree.</li>
 * </ul>
 *
 * <h2>Tree shape</h2>
 * Sealed interfaces with record implementations, so a binder can switch exhaustively:
 * {@link dev.sentinelctl.kql.syntax.Statement} (let, query, declare, set, alias, other, skipped),
 * {@link dev.sentinelctl.kql.syntax.Expr} (names, literals, calls, member/element access, binary/in/between,
 * pipes, datatable, externaldata, function declarations, missing, unparsed) whose sub-interface
 * {@link dev.sentinelctl.kql.syntax.QueryOperator} has one record per tabular operator, and
 * {@link dev.sentinelctl.kql.syntax.Clause} for the parts of operators (by, on, parameters, schemas ...).
 * A pipeline {@code T | where x | take 5} is left-nested: {@code Pipe(Pipe(NameRef T, Where), Take)}.
 *
 * <h2>Guarantees</h2>
 * Lossless: every character is in exactly one token's text, leading trivia (line breaks, indentation,
 * whole-line comments) or trailing trivia (blanks and a {@code //} comment on the token's own line); after the
 * last line the end-of-text token holds the rest. {@link dev.sentinelctl.kql.syntax.SyntaxWalker#fullText}
 * reproduces the input. Spans are UTF-16 offsets into the query text, end exclusive. Missing tokens have zero width and
 * {@code missing() == true}; tokens that fit nowhere are kept in skipped nodes. Nesting deeper than
 * {@code TokenCursor.MAX_DEPTH} is reported (KS245) and kept as {@link dev.sentinelctl.kql.syntax.Expr.Unparsed}.
 *
 * <h2>Behaviour model</h2>
 * Microsoft's Kusto.Language decides what is valid. Where its recovery is observable (which keyword may be a
 * name, where a KS005 "Expected" lands, which lists may be empty) this parser was checked against it with the
 * oracle in {@code shared/kql-oracle}; {@code bench/kql-agreement.sh} measures the agreement.
 */
package dev.sentinelctl.kql.syntax;
