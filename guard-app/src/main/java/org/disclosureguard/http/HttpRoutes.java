package org.disclosureguard.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a feature (the review API and console) mounts its handlers, without knowing the server that serves them:
 * the app's HTTP endpoints implement it, so features depend on this small package and not on the app that starts
 * them.
 */
public interface HttpRoutes {
    /** Serves {@code path} and everything under it with {@code handler}. */
    void addContext(String path, HttpHandler handler);

    /**
     * The caller's IP address as this server sees it (behind a proxy: the proxy's; a forwarded-for header is not
     * trusted, as any client can send one).
     */
    static String clientAddress(HttpExchange exchange) {
        var remote = exchange.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /** The request's query parameters, decoded (the last of repeated names wins). */
    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int at = pair.indexOf('=');
                if (at > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, at), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }
}
