package dev.sentinelctl.deploy.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;

/**
 * What every tenant's clients of one run share: one HTTP client (one TLS context, one connection pool) and one
 * {@link TokenGate}. A fleet talks to a hundred tenants; a client per tenant cost a TLS context each (loading the
 * JDK's CA store: about 0.1 s of CPU) and a pool of fresh TLS handshakes each. Sharing is safe: the Authorization
 * header belongs to each request, not to a connection.
 */
public final class ArmTransport {
    final java.net.http.HttpClient.Builder jdk;
    final HttpClient http;
    final TokenGate tokens;

    public ArmTransport(ArmTarget target) {
        this.jdk = java.net.http.HttpClient.newBuilder();
        if (target.trustFile() != null) {
            jdk.sslContext(TrustFile.sslContext(target.trustFile()));
        }
        this.http = new JdkHttpClientBuilder(jdk).build();
        this.tokens = new TokenGate(TokenGate.DEFAULT_PERMITS);
    }
}
