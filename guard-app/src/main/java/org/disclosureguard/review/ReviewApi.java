package org.disclosureguard.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.disclosureguard.http.HttpRoutes;
import org.disclosureguard.review.auth.Role;
import org.disclosureguard.review.ReviewModel.Action;
import org.disclosureguard.review.ReviewModel.Command;
import org.disclosureguard.review.ReviewModel.Cut;
import org.disclosureguard.review.auth.HttpBasicAuth;
import org.disclosureguard.review.auth.Principal;
import org.disclosureguard.review.auth.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review API (README "Review"), on the app's HTTP port. Every request is authenticated (HTTP Basic against
 * the users file: salted, slow hashes, lock-out); roles decide what it may see. A reviewer's name comes from the
 * login, never from the request. Every look at a record's content is written as a VIEWED decision event. POSTs
 * must be JSON, which a cross-site form cannot send: no CSRF through the API. Logs name ids, never content.
 */
public final class ReviewApi {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewApi.class);
    private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(15);
    /**
     * Largest decision body read, in bytes: a command names at most 100 cuts and fields and a 1,000-character
     * justification, far under this. A larger body is refused unread (a 600 MB POST once ran the HTTP thread out of
     * memory).
     */
    static final int MAX_DECISION_BYTES = 64 * 1024;

    private final ReviewService service;
    private final UserStore users;

    public ReviewApi(ReviewService service, UserStore users) {
        this.service = service;
        this.users = users;
    }

    public void register(HttpRoutes http) {
        http.addContext("/api/review/local/entries", ctx -> {
            String id = HttpRoutes.tail(ctx, "/api/review/local/entries");
            Handler local = (principal, auth) -> {
                if (id.isEmpty()) {
                    return ok(service.localPart()); // what it cannot read yet, it names (unreadable)
                }
                ReviewService.Lookup lookup = service.localEntry(id);
                return lookup.unavailable() != null ? unavailable(lookup.unavailable()) : ok(lookup.entry().orElse(null));
            };
            if (service.fromPeer(ctx.header("Authorization"))) {
                respond(ctx, unchecked(() -> local.answer(null, null))); // another instance answering its console
            } else {
                handle(ctx, Principal::canViewPayloads, local);
            }
        });
        http.addContext("/api/review/records", ctx -> {
            String rest = HttpRoutes.tail(ctx, "/api/review/records");
            if (rest.isEmpty()) {
                handle(ctx, Principal::canViewPayloads, (principal, auth) -> {
                    Map<String, String> q = HttpRoutes.query(ctx);
                    String state = q.getOrDefault("state", "PENDING");
                    TriageQuery query = new TriageQuery(state.equalsIgnoreCase("all") ? null : state, blankToNull(q.get("facility")),
                            blankToNull(q.get("rule")), blankToNull(q.get("disposition")), Long.parseLong(q.getOrDefault("minAgeSeconds", "0")),
                            blankToNull(q.get("q")), TriageQuery.Sort.parse(q.get("sort")), Integer.parseInt(q.getOrDefault("offset", "0")),
                            Integer.parseInt(q.getOrDefault("limit", String.valueOf(TriageQuery.MAX_LIMIT))));
                    ReviewService.Group<TriageQuery.Page> page = service.triage(query);
                    TriageQuery.Page shown = page.value();
                    return group("records", new ReviewService.Group<>(shown.records(), page.unavailable()),
                            Map.of("total", shown.total(), "offset", shown.offset(), "limit", shown.limit()));
                });
            } else if (rest.endsWith("/decisions")) {
                handle(ctx, Principal::canDecide, (principal, auth) -> decide(ctx, rest.substring(0, rest.length() - "/decisions".length()),
                        principal, auth));
            } else {
                handle(ctx, Principal::canViewPayloads, (principal, auth) -> {
                    ReviewService.Lookup lookup = service.entry(rest);
                    if (lookup.unavailable() != null) {
                        return unavailable(lookup.unavailable());
                    }
                    if (lookup.entry().isEmpty()) {
                        return new Answer(404, Map.of("error", "no quarantined record " + rest));
                    }
                    ReviewService.Detail detail = service.detailOf(lookup.entry().get());
                    // The look itself is audited: who, which record, when (answered asynchronously).
                    service.send(new Command(null, rest, Action.VIEW, principal.name(), null, List.of(), List.of(), 0), Duration.ZERO);
                    return ok(detail);
                });
            }
        });
        // Confirm the hold of every pending record a filter matches, if exactly as many match as the caller saw.
        http.addContext("/api/review/bulk/confirm-hold", ctx -> handle(ctx, Principal::canDecide,
                (principal, auth) -> bulkConfirm(ctx, principal)));
        // An admin lifts a reviewer's sign-in lock-out on every instance (each keeps its own).
        http.addContext("/api/review/users", ctx -> handle(ctx, p -> p.role() == Role.ADMIN,
                (principal, auth) -> unlock(ctx, HttpRoutes.tail(ctx, "/api/review/users"), principal)));
        http.addContext("/api/review/local/unlock", ctx -> {
            if (!service.fromPeer(ctx.header("Authorization"))) {
                respond(ctx, new Answer(403, Map.of("error", "for the app's other instances only")));
            } else if (!"POST".equals(ctx.method().name())) {
                respond(ctx, new Answer(405, Map.of("error", "POST")));
            } else {
                respond(ctx, ok(Map.of("wasLocked", users.unlock(HttpRoutes.tail(ctx, "/api/review/local/unlock")))));
            }
        });
        http.addContext("/api/review/history", ctx -> handle(ctx, Principal::canAudit,
                (principal, auth) -> group("events", service.history(Integer.parseInt(HttpRoutes.query(ctx).getOrDefault("limit", "100"))))));
        http.addContext("/api/review/counts", ctx -> handle(ctx, p -> p.canAudit() || p.canDecide(),
                (principal, auth) -> group("counts", service.counts())));
    }

    /**
     * {@code POST /api/review/bulk/confirm-hold} with {@code {"filter": {"facility", "rule", "disposition", "q",
     * "minAgeSeconds"}, "expected": N, "justification": "..."}}: 409 when the pending records that match are not N.
     */
    private Answer bulkConfirm(Context ctx, Principal principal) throws IOException {
        JsonPost post = JsonPost.read(ctx, "bulk confirmation");
        if (post.refusal() != null) {
            return post.refusal();
        }
        JsonNode body = post.body();
        JsonNode filter = body.path("filter");
        if (!body.path("expected").canConvertToInt()) {
            return new Answer(400, Map.of("error", "expected: the number of matching records you saw"));
        }
        TriageQuery query = new TriageQuery(null, text(filter, "facility"), text(filter, "rule"), text(filter, "disposition"),
                filter.path("minAgeSeconds").asLong(0), text(filter, "q"), TriageQuery.Sort.OLDEST, 0, TriageQuery.MAX_LIMIT);
        try {
            int expected = body.path("expected").asInt();
            int sent = service.confirmAll(query, expected, principal.name(), text(body, "justification"));
            LOG.info("Bulk CONFIRM_HOLD of {} records by {}", sent, principal.name());
            return ok(Map.of("sent", sent, "claimedByOthers", expected - sent));
        } catch (ReviewService.StaleSelectionException e) {
            return new Answer(409, Map.of("error", e.getMessage()));
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) && !node.get(field).asText().isBlank() ? node.get(field).asText() : null;
    }

    /** {@code POST /api/review/users/{name}/unlock}: here and on every other instance. */
    private Answer unlock(Context ctx, String rest, Principal principal) {
        if (!"POST".equals(ctx.method().name())) {
            return new Answer(405, Map.of("error", "POST /api/review/users/{name}/unlock"));
        }
        if (!rest.endsWith("/unlock")) {
            return new Answer(404, Map.of("error", "POST /api/review/users/{name}/unlock"));
        }
        String name = rest.substring(0, rest.length() - "/unlock".length());
        if (!users.exists(name)) {
            return new Answer(404, Map.of("error", "no user " + name + " in the users file"));
        }
        boolean wasLocked = users.unlock(name);
        List<String> unreached = service.unlockOnPeers(name);
        LOG.info("Sign-in for {} unlocked by {} (here{}{})", name, principal.name(), unreached.isEmpty() ? " and on every other instance" : "",
                unreached.isEmpty() ? "" : "; not reached: " + String.join(", ", unreached));
        return ok(Map.of("name", name, "wasLockedHere", wasLocked, "complete", unreached.isEmpty(), "unavailable", unreached));
    }

    private Answer decide(Context ctx, String quarantineId, Principal principal, String auth) throws Exception {
        JsonPost post = JsonPost.read(ctx, "decision");
        if (post.refusal() != null) {
            return post.refusal();
        }
        JsonNode body = post.body();
        Action action;
        try {
            action = Action.valueOf(body.path("action").asText("").toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return new Answer(400, Map.of("error", "action must be one of claim, confirm_hold, release_redacted, false_positive, approve, decline"));
        }
        if (action == Action.VIEW) {
            return new Answer(400, Map.of("error", "a view is recorded by reading the record"));
        }
        List<String> remove = new ArrayList<>();
        body.path("removeFields").forEach(f -> remove.add(f.asText()));
        List<Cut> cuts = new ArrayList<>();
        body.path("cuts").forEach(c -> cuts.add(new Cut(c.path("field").asText(), c.path("start").asInt(), c.path("end").asInt())));
        Command command = new Command(null, quarantineId, action, principal.name(),
                body.hasNonNull("justification") ? body.get("justification").asText() : null, remove, cuts, 0,
                body.hasNonNull("approves") ? body.get("approves").asText() : null);
        Optional<ReviewModel.Event> event = service.send(command, DECISION_TIMEOUT);
        LOG.info("Review {} of {} by {}: {}", action, quarantineId, principal.name(), event.map(e -> e.type().name()).orElse("no answer yet"));
        return event.<Answer>map(e -> ok(e)).orElseGet(() -> new Answer(202, Map.of("status", "sent; no decision yet")));
    }

    // ---------------------------------------------------------------- plumbing

    private record Answer(int status, Object body) {}

    /**
     * A POSTed JSON body of at most {@link #MAX_DECISION_BYTES}, read unless it is refused: not a POST (405), not JSON
     * (415), too large (413, the rest unread), not parseable (400). JSON only: a cross-site form cannot send it.
     */
    private record JsonPost(JsonNode body, Answer refusal) {
        static JsonPost read(Context ctx, String what) throws IOException {
            if (!"POST".equals(ctx.method().name())) {
                return refused(405, "POST a " + what);
            }
            String contentType = ctx.header("Content-Type");
            if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                return refused(415, what + "s are JSON (Content-Type: application/json)");
            }
            byte[] raw = ctx.bodyInputStream().readNBytes(MAX_DECISION_BYTES + 1);
            if (raw.length > MAX_DECISION_BYTES) {
                return refused(413, "a " + what + " is at most " + MAX_DECISION_BYTES + " bytes");
            }
            try {
                return new JsonPost(ReviewModel.JSON.readTree(raw), null);
            } catch (IOException e) {
                return refused(400, "the " + what + " is not JSON");
            }
        }

        private static JsonPost refused(int status, String error) {
            return new JsonPost(null, new Answer(status, Map.of("error", error)));
        }
    }

    private interface Handler {
        Answer answer(Principal principal, String authorization) throws Exception;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Answer ok(Object body) {
        return new Answer(200, body);
    }

    /**
     * A group answer: the value under {@code field}, whether every part of the group answered, and which did not.
     * 200 either way (what did answer is worth reading), but a partial answer says so in its body.
     */
    private static Answer group(String field, ReviewService.Group<?> group) {
        return group(field, group, Map.of());
    }

    /** A group answer with more fields beside the value (a page's total, offset and limit). */
    private static Answer group(String field, ReviewService.Group<?> group, Map<String, Object> more) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put(field, group.value());
        body.putAll(more);
        body.put("complete", group.complete());
        body.put("unavailable", group.unavailable());
        return ok(body);
    }

    /** The part of the group that has the answer does not answer now: 503, so a client retries instead of concluding. */
    private static Answer unavailable(String why) {
        return new Answer(503, Map.of("error", "unavailable: " + why, "unavailable", List.of(why)));
    }

    private static Answer unchecked(java.util.concurrent.Callable<Answer> call) {
        try {
            return call.call();
        } catch (Exception e) {
            return new Answer(500, Map.of("error", e.getClass().getSimpleName()));
        }
    }

    private static void respond(Context ctx, Answer answer) throws IOException {
        ctx.status(answer.status()).contentType("application/json").header("Cache-Control", "no-store")
                .result(ReviewModel.write(answer.body()));
    }

    private void handle(Context ctx, Predicate<Principal> allowed, Handler handler) throws IOException {
        String authorization = ctx.header("Authorization");
        Optional<Principal> principal = HttpBasicAuth.authenticate(authorization, users, HttpRoutes.clientAddress(ctx));
        Answer answer;
        if (principal.isEmpty()) {
            ctx.header("WWW-Authenticate", HttpBasicAuth.challenge());
            answer = new Answer(401, Map.of("error", "sign in (HTTP Basic)"));
        } else if (!allowed.test(principal.get())) {
            answer = new Answer(403, Map.of("error", "role " + principal.get().role() + " may not do this"));
        } else {
            try {
                answer = handler.answer(principal.get(), authorization);
            } catch (IllegalArgumentException | com.fasterxml.jackson.core.JacksonException e) {
                answer = new Answer(400, Map.of("error", String.valueOf(e.getMessage())));
            } catch (Exception e) {
                LOG.warn("Review API {} failed: {}", ctx.path(), e.getClass().getSimpleName());
                answer = new Answer(500, Map.of("error", e.getClass().getSimpleName()));
            }
        }
        respond(ctx, answer);
    }
}
