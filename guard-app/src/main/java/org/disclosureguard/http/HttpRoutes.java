package org.disclosureguard.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a feature (the review API and console, the dashboards) mounts its handlers, without knowing the server that
 * serves them: the app's HTTP endpoints implement it, so features depend on this small package and not on the app
 * that starts them.
 */
public interface HttpRoutes {
    /**
     * Serves {@code path} and everything under it ({@code path/...}) with {@code handler}, every method; where two
     * mounted paths match, the longer one serves. A feature can be mounted after the server started (the review
     * console needs Kafka Streams, which needs the server's port).
     */
    void addContext(String path, Handler handler);

    /**
     * The caller's IP address as this server sees it (behind a proxy: the proxy's; a forwarded-for header is not
     * trusted, as any client can send one).
     */
    static String clientAddress(Context ctx) {
        String remote = ctx.req().getRemoteAddr();
        return remote == null ? "unknown" : remote;
    }

    /** The request's query parameters, decoded (the last of repeated names wins). */
    static Map<String, String> query(Context ctx) {
        Map<String, String> query = new HashMap<>();
        String raw = ctx.queryString();
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

    /** What follows {@code prefix} and its slash in the request's path ("" for the prefix itself). */
    static String tail(Context ctx, String prefix) {
        String path = ctx.path();
        String rest = path.length() > prefix.length() ? path.substring(prefix.length()) : "";
        return rest.startsWith("/") ? rest.substring(1) : rest;
    }
}
