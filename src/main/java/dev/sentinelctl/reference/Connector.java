package dev.sentinelctl.reference;

/**
 * A data connector id known to Sentinel content.
 *
 * @param current     listed by the 2026 Solutions Analyzer data (sentinelninja connector_ids.csv)
 * @param valid2023   listed in Azure-Sentinel's 2023-11 ValidConnectorIds.json (the CI's accepted ids then)
 */
public record Connector(String id, String title, String publisher, String solution, String collectionMethod,
                        boolean deprecated, boolean published, boolean current, boolean valid2023) {
}
