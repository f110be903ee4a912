package org.disclosureguard.app;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;
import org.disclosureguard.http.HttpRoutes;
import org.disclosureguard.review.PeerToken;
import org.disclosureguard.review.auth.HttpBasicAuth;
import org.disclosureguard.review.auth.Principal;
import org.disclosureguard.review.auth.UserStore;

/**
 * Who may read the metrics and the dashboards ({@code guard.http.metrics.auth}): anyone who reaches the port, or
 * only the users of the review users file whose role reads metrics (metrics, auditor, admin; HTTP Basic, with the
 * review's lock-outs), and the group's other instances by the peer token derived from the same file. Counts carry
 * no record text, but facility ids and how much each one holds are not for every host on the network.
 */
public final class MetricsGate {
    private final UserStore users;
    private final PeerToken peers;

    private MetricsGate(UserStore users, PeerToken peers) {
        this.users = users;
        this.peers = peers;
    }

    /** No credentials asked: whoever reaches the port reads the metrics. */
    public static MetricsGate open() {
        return new MetricsGate(null, null);
    }

    /** Credentials asked of people ({@code users}) and of the other instances ({@code peers}). */
    public static MetricsGate of(UserStore users, PeerToken peers) {
        return new MetricsGate(users, peers);
    }

    /** The token the other instances present here, or null when none is asked. */
    public PeerToken peerToken() {
        return peers;
    }

    /** {@code next}, for a person whose role reads metrics. */
    Handler people(Handler next) {
        if (users == null) {
            return next;
        }
        return ctx -> {
            Optional<Principal> principal = HttpBasicAuth.authenticate(ctx.header("Authorization"), users, HttpRoutes.clientAddress(ctx));
            if (principal.isEmpty()) {
                ctx.header("WWW-Authenticate", HttpBasicAuth.challenge());
                refuse(ctx, 401, "sign in (HTTP Basic, a user of the review users file)");
            } else if (!principal.get().role().canReadMetrics()) {
                refuse(ctx, 403, "the role " + principal.get().role().configName() + " does not read metrics");
            } else {
                next.handle(ctx);
            }
        };
    }

    /** {@code next}, for another instance of the group (the peer token). */
    Handler instances(Handler next) {
        if (peers == null) {
            return next;
        }
        return ctx -> {
            if (peers.matches(ctx.header("Authorization"))) {
                next.handle(ctx);
            } else {
                refuse(ctx, 401, "for the group's instances only");
            }
        };
    }

    private static void refuse(Context ctx, int status, String why) {
        ctx.status(status).contentType("application/json").result("{\"error\": \"" + why + "\"}");
    }
}
