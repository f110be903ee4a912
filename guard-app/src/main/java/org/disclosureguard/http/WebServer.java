package org.disclosureguard.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The app's one HTTP server (Javalin on Jetty 12): health, policy, metrics, dashboards, review API and console.
 * Jetty reads requests without holding a thread while a client is slow or silent, closes a connection idle for
 * {@link HttpSettings#idleTimeout()}, serves from a bounded pool, refuses bodies over
 * {@link HttpSettings#maxRequestBytes()} and headers over 16 KB, and speaks TLS when given a key store. Every
 * response carries the security headers ({@link #SECURITY_HEADERS}).
 *
 * <p>Features mount under path prefixes ({@link #addContext}) once what they serve exists: the server starts before
 * Kafka Streams (which must be told this server's port), the review console after it. Javalin fixes its routes at
 * start, so its routes hand every request to the longest mounted prefix, or answer 404.
 */
public final class WebServer implements HttpRoutes, AutoCloseable {
    /** Security headers on every response; pages may narrow the content security policy further. */
    public static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; base-uri 'none'; "
                    + "form-action 'self'; frame-ancestors 'none'");
    /** Largest request line and headers, in bytes. */
    static final int MAX_HEADER_BYTES = 16 * 1024;
    /** Open connections at most: beyond, Jetty stops accepting until one closes (health probes then queue briefly). */
    static final int MAX_CONNECTIONS = 512;
    /** Threads kept from ordinary requests: Jetty's acceptor and selector, and health checks and scrapes. */
    static final int RESERVED_THREADS = 4;
    private static final HandlerType[] METHODS = {HandlerType.GET, HandlerType.HEAD, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE, HandlerType.OPTIONS};

    private final Map<String, Handler> mounts = new ConcurrentHashMap<>();
    private final Javalin app;
    private final HttpSettings settings;

    private WebServer(HttpSettings settings) {
        this.settings = settings;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = settings.maxRequestBytes();
            QueuedThreadPool pool = new QueuedThreadPool(settings.maxThreads(), Math.min(4, settings.maxThreads()));
            pool.setName("guard-http");
            pool.setDaemon(true);
            config.jetty.threadPool = pool;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(MAX_HEADER_BYTES);
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });
            config.jetty.addConnector((server, http) -> connector(server, http, settings));
            config.jetty.modifyServer(server -> {
                server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, server));
                // Javalin puts its servlet inside this wrapper.
                server.setHandler(generalRequestLimit(settings));
            });
            config.routes.before(ctx -> {
                SECURITY_HEADERS.forEach(ctx::header);
                if (settings.tls()) {
                    ctx.header("Strict-Transport-Security", "max-age=31536000");
                }
                if (ctx.contentLength() > settings.maxRequestBytes()) {
                    ctx.status(413).result("request body larger than " + settings.maxRequestBytes() + " bytes");
                    ctx.skipRemainingHandlers();
                }
            });
            for (HandlerType method : METHODS) {
                config.routes.addHttpHandler(method, "/", this::dispatch);
                config.routes.addHttpHandler(method, "/<path>", this::dispatch);
            }
        });
    }

    /**
     * Requests other than health checks and metrics scrapes run at most {@code threads - RESERVED_THREADS} at a time;
     * the others wait without a thread. A handler blocked reading a body that never comes (or a slow dashboard
     * query) holds its thread until the idle timeout: without this limit, enough of them took every thread and
     * health probes went unanswered.
     */
    private static QoSHandler generalRequestLimit(HttpSettings settings) {
        QoSHandler limit = new QoSHandler();
        limit.setMaxRequestCount(Math.max(1, settings.maxThreads() - RESERVED_THREADS));
        limit.setMaxSuspend(settings.idleTimeout());
        limit.excludePath("/health", "/health/*", "/metrics");
        return limit;
    }

    /** Starts listening as {@code settings} say (after {@link HttpSettings#validated()}). */
    public static WebServer start(HttpSettings settings) {
        WebServer server = new WebServer(settings.validated());
        server.app.start();
        return server;
    }

    private static ServerConnector connector(Server server, HttpConfiguration http, HttpSettings settings) {
        ServerConnector connector;
        if (settings.tls()) {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(settings.keyStore().toString());
            tls.setKeyStorePassword(settings.keyStorePassword());
            tls.setKeyStoreType(settings.keyStoreType());
            HttpConfiguration https = new HttpConfiguration(http);
            // The guard's certificate names the host peers and browsers use; SNI is not required of them.
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            https.addCustomizer(secure);
            connector = new ServerConnector(server, new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
                    new HttpConnectionFactory(https));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(settings.effectiveBindAddress());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        return connector;
    }

    @Override
    public void addContext(String path, Handler handler) {
        mounts.put(path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path, handler);
    }

    private void dispatch(Context ctx) throws Exception {
        String path = ctx.path();
        Optional<Map.Entry<String, Handler>> mount = mounts.entrySet().stream()
                .filter(m -> path.equals(m.getKey()) || path.startsWith(m.getKey().equals("/") ? "/" : m.getKey() + "/"))
                .max(Comparator.comparingInt(m -> m.getKey().length()));
        if (mount.isEmpty()) {
            ctx.status(404).result("not found");
            return;
        }
        mount.get().getValue().handle(ctx);
    }

    public int port() {
        return app.port();
    }

    /** {@code http} or {@code https}: how other instances and browsers reach this one. */
    public String scheme() {
        return settings.tls() ? "https" : "http";
    }

    @Override
    public void close() {
        app.stop();
    }
}
