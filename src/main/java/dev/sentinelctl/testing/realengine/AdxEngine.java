package dev.sentinelctl.testing.realengine;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import dev.sentinelctl.deploy.azure.CredentialKind;
import dev.sentinelctl.deploy.azure.DataPlanePipeline;
import dev.sentinelctl.deploy.azure.RetrySettings;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.library.ContentLibrary;
import dev.sentinelctl.testing.FixtureTable;
import dev.sentinelctl.testing.QueryEngine;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tests on Azure Data Explorer or the Kusto emulator: {@code POST {cluster}/v1/rest/query} with
 * {@code {"db": D, "csl": inlined query}}, answered in the v1 shape ({@code Tables[0]} is the primary result). The
 * emulator speaks plain HTTP without authentication; a real cluster takes a token for its own URL. The query carries
 * the content parsers and watchlists it reads (see {@link InlinedQuery}), so a database needs nothing deployed.
 */
public final class AdxEngine implements QueryEngine {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How to authenticate: none (the emulator), or a credential by name with the environment it reads. */
    public record Auth(CredentialKind credential, Map<String, String> env, RetrySettings retry) {
        public static Auth none(RetrySettings retry) {
            return new Auth(null, Map.of(), retry);
        }
    }

    private final URI cluster;
    private final String database;
    /** The content's parsers and watchlists: a database has neither, so each query carries the ones it reads. */
    private final ContentLibrary library;
    private final HttpPipeline pipeline;

    public AdxEngine(URI cluster, String database, Auth auth, Catalog catalog) {
        this(cluster, database, auth, ContentLibrary.none(catalog));
    }

    public AdxEngine(URI cluster, String database, Auth auth, ContentLibrary library) {
        this.cluster = cluster;
        this.database = database;
        this.library = library;
        this.pipeline = DataPlanePipeline.create(cluster, auth.credential(), auth.env(), auth.retry());
    }

    @Override
    public Outcome run(String query, Map<String, FixtureTable> tables, Map<String, FixtureTable> watchlists, Instant now) {
        ObjectNode body = JSON.createObjectNode();
        body.put("db", database);
        body.put("csl", InlinedQuery.inline(query, tables, watchlists, now, library));
        String base = cluster.toString().endsWith("/") ? cluster.toString() : cluster + "/";
        HttpRequest request = new HttpRequest(HttpMethod.POST, base + "v1/rest/query");
        request.setHeader(HttpHeaderName.ACCEPT, "application/json");
        request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json; charset=utf-8");
        request.setBody(JSON.writeValueAsBytes(body));
        int status;
        String text;
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            status = response.getStatusCode();
            text = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            return new Outcome.Failed("ADX-ConnectionFailed", "POST " + base + "v1/rest/query: " + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : " " + root.getMessage()) + " (is the cluster or emulator running at " + cluster + "?)", -1);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(text);
        } catch (JacksonException e) {
            return new Outcome.Failed("ADX-BadResponse", "HTTP " + status + ", not JSON: " + abbreviate(text), -1);
        }
        if (status >= 400) {
            JsonNode error = answer.path("error");
            return new Outcome.Failed("ADX-" + error.path("code").asString("HttpError"), "HTTP " + status + ": "
                    + error.path("@message").asString(error.path("message").asString(abbreviate(text))), -1);
        }
        try {
            return new Outcome.Ok(ApiResults.adxV1(answer));
        } catch (ApiResults.BadAnswer e) {
            return new Outcome.Failed("ADX-BadResponse", e.getMessage(), -1);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
