package dev.sentinelctl.deploy.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The shape of the hang {@link TokenGate} prevents, in miniature: a credential whose work runs on a small shared pool
 * and, inside it, waits for a second task on the same pool (azure-identity's token request waiting for the HTTP
 * client's timed read). Eight callers at once occupy all four pool threads with waiting tasks; through the gate they
 * take turns and all finish.
 */
class TokenGateTest {
    private static final TokenRequestContext SCOPE = new TokenRequestContext().addScopes("https://management.azure.com/.default");

    private static AccessToken tokenVia(ExecutorService pool, AtomicInteger running, AtomicInteger most) throws Exception {
        int now = running.incrementAndGet();
        most.accumulateAndGet(now, Math::max);
        try {
            Future<AccessToken> request = pool.submit(() -> {
                Thread.sleep(50); // the token endpoint answering
                return pool.submit(() -> new AccessToken("t", OffsetDateTime.now().plusHours(1))).get(); // the read
            });
            return request.get(2, TimeUnit.SECONDS);
        } finally {
            running.decrementAndGet();
        }
    }

    private static TokenCredential credential(ExecutorService pool, AtomicInteger running, AtomicInteger most) {
        return new TokenCredential() {
            @Override
            public reactor.core.publisher.Mono<AccessToken> getToken(TokenRequestContext request) {
                return reactor.core.publisher.Mono.fromCallable(() -> getTokenSync(request));
            }

            @Override
            public AccessToken getTokenSync(TokenRequestContext request) {
                try {
                    return tokenVia(pool, running, most);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    private static int finished(List<TokenCredential> credentials) throws InterruptedException {
        ExecutorService callers = Executors.newFixedThreadPool(credentials.size());
        try {
            List<Future<AccessToken>> calls = new ArrayList<>();
            for (TokenCredential c : credentials) calls.add(callers.submit(() -> c.getTokenSync(SCOPE)));
            int ok = 0;
            for (Future<AccessToken> f : calls) {
                try {
                    f.get(20, TimeUnit.SECONDS);
                    ok++;
                } catch (ExecutionException | TimeoutException e) {
                    // a caller stuck behind the pool: counted as not finished
                }
            }
            return ok;
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void manyTenantsAtOnceTakeTurnsInsteadOfStarvingTheSharedPool() throws Exception {
        ExecutorService shared = Executors.newFixedThreadPool(4);
        try {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            List<TokenCredential> ungated = new ArrayList<>();
            for (int i = 0; i < 8; i++) ungated.add(credential(shared, running, most));
            assertTrue(finished(ungated) < 8, "without the gate the pool starves (the test's premise)");
        } finally {
            shared.shutdownNow();
            assertTrue(shared.awaitTermination(10, TimeUnit.SECONDS));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            TokenGate gate = new TokenGate(2);
            List<TokenCredential> gated = new ArrayList<>();
            for (int i = 0; i < 8; i++) gated.add(gate.guard(credential(pool, running, most)));
            assertEquals(8, finished(gated));
            assertTrue(most.get() <= 2, "at most two requests at once, saw " + most.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
