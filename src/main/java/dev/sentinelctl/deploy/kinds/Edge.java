package dev.sentinelctl.deploy.kinds;

/**
 * One dependency of a desired item: it needs the resource {@code kindId}/{@code name} to exist first (a rule's
 * watchlist, a union parser's source parser, an automation rule's analytic rule). Apply writes the dependency before
 * the item; prune deletes in the reverse order.
 *
 * @param why for messages: "calls _GetWatchlist('x')", "runs playbook y"
 */
public record Edge(String kindId, String name, String why) {
}
