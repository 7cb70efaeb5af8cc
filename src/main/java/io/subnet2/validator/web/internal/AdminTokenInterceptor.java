package io.subnet2.validator.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;

import io.subnet2.validator.web.ApiProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Admin endpoints: bearer token compared in constant time; refused outright while no token is configured. */
class AdminTokenInterceptor implements HandlerInterceptor {

    private final byte[] token;

    AdminTokenInterceptor(ApiProperties properties) {
        this.token = properties.adminToken() == null ? null : properties.adminToken().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (token == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "admin API disabled: set validator.api.admin-token to enable it");
        }
        String header = request.getHeader("Authorization");
        byte[] given = header != null && header.startsWith("Bearer ")
                ? header.substring(7).getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(token, given)) {
            response.setHeader("WWW-Authenticate", "Bearer");
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "missing or wrong admin token");
        }
        return true;
    }
}
