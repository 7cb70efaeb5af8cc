package io.subnet2.validator.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

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
        @NotNull @Min(1024) @Max(16 * 1024 * 1024) Integer maxBodyBytes) {

    public ApiProperties {
        adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken;
        maxBodyBytes = maxBodyBytes == null ? 65_536 : maxBodyBytes;
    }
}
