package dev.sentinelctl.deploy.sandbox;

import java.util.List;

/**
 * The api-versions the sandbox accepts. The SDK uses 2022-09-01-preview (securityinsights 1.0.0-beta.4) and
 * 2020-08-01 (loganalytics 1.1.0); the others are published versions seen in ARM templates of Sentinel content, so a
 * template-driven rehearsal is not rejected; every published version up to 2025-09-01 (the deploy engine's
 * default for metadata) and 2025-07-01-preview is accepted too. The sandbox serves one payload shape for all of
 * them: it does not
 * emulate fields that only exist in some versions.
 */
final class ApiVersions {
    /** Microsoft.Resources deployments: the GA versions of the REST reference the sandbox accepts. */
    static final List<String> RESOURCES = List.of("2021-04-01", "2022-09-01", "2024-03-01", "2025-04-01");

    static final List<String> SECURITY_INSIGHTS = List.of(
            "2021-03-01-preview", "2021-09-01-preview", "2021-10-01", "2021-10-01-preview",
            "2022-01-01-preview", "2022-04-01-preview", "2022-05-01-preview", "2022-06-01-preview",
            "2022-07-01-preview", "2022-08-01", "2022-08-01-preview", "2022-09-01-preview", "2022-10-01-preview",
            "2022-11-01", "2022-11-01-preview", "2022-12-01-preview", "2023-02-01", "2023-02-01-preview",
            "2023-03-01-preview", "2023-04-01-preview", "2023-05-01-preview", "2023-06-01-preview",
            "2023-07-01-preview", "2023-08-01-preview", "2023-09-01-preview", "2023-10-01-preview", "2023-11-01",
            "2023-12-01-preview", "2024-01-01-preview", "2024-03-01", "2024-04-01-preview", "2024-09-01",
            "2024-10-01-preview", "2025-01-01-preview", "2025-03-01", "2025-04-01-preview", "2025-06-01",
            "2025-07-01-preview", "2025-09-01");

    static final List<String> OPERATIONAL_INSIGHTS = List.of(
            "2015-03-20", "2020-03-01-preview", "2020-08-01", "2020-10-01", "2021-06-01", "2021-12-01-preview",
            "2022-10-01", "2023-09-01");

    /** The Log Analytics query API through ARM ({@code .../workspaces/{ws}/api/query}). */
    /** Microsoft.Insights/workbooks (azure-rest-api-specs applicationinsights, stable). */
    static final List<String> INSIGHTS_WORKBOOKS = List.of("2020-02-12", "2021-08-01", "2022-04-01", "2023-06-01");
    static final List<String> LOG_ANALYTICS_QUERY = List.of("2017-01-01-preview", "2020-08-01");

    private ApiVersions() {
    }
}
