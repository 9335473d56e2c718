/**
 * Resource kinds the deploy engine manages, behind one interface, registered in one table ({@link
 * dev.sentinelctl.deploy.kinds.KindTable#builtIn()}).
 *
 * <p>A kind is one folder below this package: its {@link dev.sentinelctl.deploy.kinds.DeployableKind} implementation
 * (which content model it takes, its schema, its ARM mapping, its dependency edges, where its actual state is listed,
 * how it is normalised for the diff, how it is exported, how ownership is recorded) and a line in the table. The
 * Planner, Applier, drift, export and prune walk the table; nothing else names a kind. The api-version each kind is sent
 * with is in the same table, overridable in {@code sentinelctl.yaml} ({@code apiVersions:}).
 */
package dev.sentinelctl.deploy.kinds;
