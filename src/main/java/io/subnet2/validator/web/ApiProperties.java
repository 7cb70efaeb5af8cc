package io.subnet2.validator.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * REST API settings. The admin endpoints need {@code Authorization: Bearer <admin-token>}; while the
 * token is unset they refuse every request.
 */
@Validated
@ConfigurationProperties(prefix = "validator.api")
public record ApiProperties(
        @Size(min = 16, max = 512, message = "must be 16..512 characters when set") String adminToken,
        @NotNull @Min(1024) @Max(16 * 1024 * 1024) Integer maxBodyBytes,
        @NotNull @Min(0) @Max(262_144) Integer logExcerptChars,
        @Valid @NotNull RateLimit rateLimit) {

    public ApiProperties {
        adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken;
        maxBodyBytes = maxBodyBytes == null ? 65_536 : maxBodyBytes;
        logExcerptChars = logExcerptChars == null ? 8192 : logExcerptChars;
        rateLimit = rateLimit == null ? new RateLimit(null, null, null) : rateLimit;
    }

    /**
     * Per client IP token bucket over {@code /api/**} and the pages: {@code burst} requests at once,
     * refilled at {@code requests-per-minute}; {@code 0} requests per minute turns it off.
     * At most {@code max-clients} addresses are tracked (the idlest are forgotten first).
     */
    public record RateLimit(@NotNull @Min(0) @Max(1_000_000) Integer requestsPerMinute,
            @NotNull @Min(1) @Max(100_000) Integer burst, @NotNull @Min(100) @Max(10_000_000) Integer maxClients) {
        public RateLimit {
            requestsPerMinute = requestsPerMinute == null ? 600 : requestsPerMinute;
            burst = burst == null ? 120 : burst;
            maxClients = maxClients == null ? 10_000 : maxClients;
        }
    }
}
