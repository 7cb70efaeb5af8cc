package io.subnet2.validator.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;

import org.springframework.web.filter.OncePerRequestFilter;

import io.subnet2.validator.web.ApiProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The management surface ({@code /actuator/**}): the health status, its liveness and readiness groups
 * and info stay open (probes); everything else (metrics, ...) needs the admin token. A request with the
 * admin token carries a principal, so health shows its details ({@code show-details: when-authorized}).
 */
class ManagementAccessFilter extends OncePerRequestFilter {

    private static final Principal ADMIN = () -> "admin";

    private final byte[] token;

    ManagementAccessFilter(ApiProperties properties) {
        this.token = properties.adminToken() == null ? null : properties.adminToken().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (admin(request)) {
            chain.doFilter(new HttpServletRequestWrapper(request) {
                @Override
                public Principal getUserPrincipal() {
                    return ADMIN;
                }

                @Override
                public boolean isUserInRole(String role) {
                    return true;
                }
            }, response);
        } else if (open(path)) {
            chain.doFilter(request, response);
        } else {
            response.setHeader("WWW-Authenticate", "Bearer");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED,
                    "this management endpoint needs the admin token (validator.api.admin-token)");
        }
    }

    private static boolean open(String path) {
        return path.equals("/actuator") || path.equals("/actuator/health") || path.equals("/actuator/health/liveness")
                || path.equals("/actuator/health/readiness") || path.equals("/actuator/info");
    }

    private boolean admin(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return token != null && header != null && header.startsWith("Bearer ")
                && MessageDigest.isEqual(token, header.substring(7).getBytes(StandardCharsets.UTF_8));
    }
}
