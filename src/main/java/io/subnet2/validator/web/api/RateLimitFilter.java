package io.subnet2.validator.web.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import io.subnet2.validator.web.ApiProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Per client IP token bucket: {@code burst} requests at once, refilled continuously at
 * {@code requests-per-minute}. An empty bucket answers 429 (problem+json, Retry-After). The client is
 * {@code getRemoteAddr()}: behind a proxy set {@code server.forward-headers-strategy} so it is the
 * caller's address and not the proxy's. Memory is bounded by {@code max-clients}.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final double perNano;
    private final double burst;
    private final int maxClients;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimitFilter(ApiProperties.RateLimit limit, LongSupplier nanos) {
        this.perNano = limit.requestsPerMinute() / 60e9;
        this.burst = limit.burst();
        this.maxClients = limit.maxClients();
        this.nanos = nanos;
    }

    private final class Bucket {
        private double tokens = burst;
        private long last = nanos.getAsLong();

        synchronized long take(long now) {
            tokens = Math.min(burst, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano / 1e9);
        }

        synchronized long last() {
            return last;
        }
    }

    /** @return 0 when the request may go on, else the seconds to wait */
    long acquire(String client) {
        if (perNano == 0) {
            return 0;
        }
        if (buckets.size() >= maxClients && !buckets.containsKey(client)) {
            evictIdlest();
        }
        return buckets.computeIfAbsent(client, c -> new Bucket()).take(nanos.getAsLong());
    }

    int trackedClients() {
        return buckets.size();
    }

    /** Forgets the idlest tenth of the clients (an idle client's bucket is full again anyway). */
    private synchronized void evictIdlest() {
        if (buckets.size() < maxClients) {
            return;
        }
        buckets.entrySet().stream().sorted(Comparator.comparingLong(e -> e.getValue().last()))
                .limit(Math.max(1, maxClients / 10)).map(Map.Entry::getKey).toList().forEach(buckets::remove);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long wait = acquire(request.getRemoteAddr());
        if (wait == 0) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(wait));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"rate limit reached for this address; retry in " + wait + " s\",\"instance\":\""
                + request.getRequestURI().replaceAll("[^A-Za-z0-9/_.-]", "") + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
