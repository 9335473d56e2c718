package dev.sentinelctl.deploy.azure;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import java.time.Duration;

/**
 * Exponential backoff for ARM calls. A Retry-After header from the service overrides the computed delay.
 * The defaults follow ARM's throttling guidance: more retries and a longer ceiling than the SDK's 3 retries.
 */
public record RetrySettings(int maxRetries, Duration baseDelay, Duration maxDelay) {
    public static final RetrySettings DEFAULT = new RetrySettings(5, Duration.ofSeconds(2), Duration.ofSeconds(60));

    public RetrySettings {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, not " + maxRetries);
        }
        if (baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("Retry delays must satisfy 0 < baseDelay <= maxDelay (got "
                    + baseDelay + ", " + maxDelay + ")");
        }
    }

    public RetryOptions toRetryOptions() {
        return new RetryOptions(new ExponentialBackoffOptions()
                .setMaxRetries(maxRetries).setBaseDelay(baseDelay).setMaxDelay(maxDelay));
    }
}
