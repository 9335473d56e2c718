package dev.sentinelctl.deploy.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.util.concurrent.Semaphore;
import reactor.core.publisher.Mono;

/**
 * Lets at most a few token requests run at once, across every credential it guards. Why: azure-identity runs a token
 * request on azure-core's shared thread pool (10 threads per core) and the JDK HTTP client reads the answer with a
 * timeout on that same pool. When a fleet plans many customer subscriptions in parallel, each with its own tenant,
 * every pool thread can end up waiting for a read queued behind it, and the run hangs (seen with 100 tenants on 2
 * cores). Tokens are cached per credential, so the gate only orders each tenant's first request and its refreshes.
 */
public final class TokenGate {
    /** Each request holds at most two pool threads; four requests stay far below the pool of a one-core machine. */
    public static final int DEFAULT_PERMITS = 4;

    private final Semaphore permits;

    public TokenGate(int permits) {
        if (permits < 1) throw new IllegalArgumentException("a token gate needs at least one permit");
        this.permits = new Semaphore(permits, true);
    }

    public TokenCredential guard(TokenCredential credential) {
        return new TokenCredential() {
            @Override
            public AccessToken getTokenSync(TokenRequestContext request) {
                try {
                    permits.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting to request a token", e);
                }
                try {
                    return credential.getTokenSync(request);
                } finally {
                    permits.release();
                }
            }

            @Override
            public Mono<AccessToken> getToken(TokenRequestContext request) {
                return Mono.fromCallable(() -> getTokenSync(request));
            }
        };
    }
}
