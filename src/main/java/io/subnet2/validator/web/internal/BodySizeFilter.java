package io.subnet2.validator.web.internal;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Refuses API request bodies above the configured size, and bodies of unknown length, before they are read. */
class BodySizeFilter extends OncePerRequestFilter {

    private final long maxBytes;

    BodySizeFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean hasBody = request.getHeader("Transfer-Encoding") != null || request.getContentLengthLong() > 0;
        if (hasBody && request.getContentLengthLong() < 0) {
            response.sendError(HttpServletResponse.SC_LENGTH_REQUIRED, "request body needs a Content-Length");
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "request body above " + maxBytes + " bytes");
            return;
        }
        chain.doFilter(request, response);
    }
}
