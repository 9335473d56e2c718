package dev.sentinelctl.deploy.azure;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import reactor.core.publisher.Mono;

/**
 * Reads the (small) body of a 429 or 5xx answer before the SDK's RetryPolicy sees it. The RetryPolicy closes such a
 * response unread, and the JDK HTTP client then drops the connection instead of reusing it, so every throttled
 * write cost a new TLS handshake: under ARM's write budget a large rollout is throttled hundreds of times.
 */
final class DrainRetriedResponses implements HttpPipelinePolicy {
    private static boolean retried(HttpResponse r) {
        return r.getStatusCode() == 429 || r.getStatusCode() >= 500;
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        HttpResponse r = next.processSync();
        return retried(r) ? r.buffer() : r;
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        return next.process().map(r -> retried(r) ? r.buffer() : r);
    }
}
