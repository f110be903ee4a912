package org.disclosureguard.review.console;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.disclosureguard.http.HttpRoutes;
import org.disclosureguard.policy.FieldPlan;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.review.ReviewModel.Action;
import org.disclosureguard.review.ReviewModel.Command;
import org.disclosureguard.review.ReviewModel.Cut;
import org.disclosureguard.review.ReviewModel.Entry;
import org.disclosureguard.review.ReviewModel.Event;
import org.disclosureguard.review.ReviewModel.State;
import org.disclosureguard.review.ReviewDecider;
import org.disclosureguard.review.ReviewService;
import org.disclosureguard.review.TriageQuery;
import org.disclosureguard.review.auth.Principal;
import org.disclosureguard.review.auth.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.disclosureguard.review.ReviewModel;

/**
 * The review web console (README "Review"): server-rendered HTML under {@code /review}, no script. Form sign-in
 * against the users file gives a session ({@link ConsoleSessions}); every form carries the session's CSRF token,
 * checked on every POST. Reviewers (and admins) list the held records, read one (the look is recorded as a VIEW
 * command, so every look is audited) and decide; auditors see the decision history and counts, never a payload.
 * Everything from the data is HTML-escaped; URLs and logs carry ids only.
 *
 * <p>In a group of several instances the console sees what this instance's review service returns without
 * credentials to forward: the other instances' parts need the API's HTTP Basic credentials.
 */
public final class ReviewConsole {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewConsole.class);
    private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    private static final String CSS = "web/review/console.css";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final ReviewService service;
    private final UserStore users;
    private final ConsoleSessions sessions;

    public ReviewConsole(ReviewService service, UserStore users) {
        this(service, users, new ConsoleSessions());
    }

    public ReviewConsole(ReviewService service, UserStore users, ConsoleSessions sessions) {
        this.service = service;
        this.users = users;
        this.sessions = sessions;
    }

    /** Serves the console under {@code /review}. */
    public void register(HttpRoutes http) {
        http.addContext(ConsoleSessions.SESSION_PATH, this::handle);
    }

    // ---------------------------------------------------------------- routing

    private record Page(int status, String title, String body, String location) {
        static Page redirect(String location) {
            return new Page(303, null, null, location);
        }
    }

    private void handle(Context ctx) {
        Page page;
        try {
            page = route(ctx);
        } catch (IllegalArgumentException e) {
            page = new Page(400, "Bad request", "<p>" + Html.escape(e.getMessage()) + "</p>", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            page = new Page(503, "Unavailable", "<p>The request was interrupted.</p>", null);
        } catch (Exception e) {
            LOG.warn("Review console {} failed: {}", ctx.path(), e.getClass().getSimpleName());
            page = new Page(500, "Error", "<p>Something went wrong. The error was logged.</p>", null);
        }
        send(ctx, page, currentSession(ctx).orElse(null));
    }

    /** The request's Cookie headers, as the session helpers read them. */
    private static List<String> cookies(Context ctx) {
        return Collections.list(ctx.req().getHeaders("Cookie"));
    }

    private Page route(Context ctx) throws Exception {
        String path = ctx.path();
        String method = ctx.method().name();
        boolean get = "GET".equals(method) || "HEAD".equals(method);
        boolean post = "POST".equals(method);
        if (path.equals("/review/console.css") && get) {
            return css(ctx);
        }
        if (path.equals(ConsoleSessions.LOGIN_PATH)) {
            if (get) {
                return loginForm(ctx, null, 200);
            }
            if (post) {
                return login(ctx);
            }
            return methodNotAllowed();
        }
        Optional<ConsoleSessions.Session> found = currentSession(ctx);
        if (found.isEmpty()) {
            return Page.redirect(ConsoleSessions.LOGIN_PATH);
        }
        ConsoleSessions.Session session = found.get();
        Principal principal = session.principal();
        Form form = null;
        if (post) {
            form = Form.read(ctx.bodyInputStream());
            if (!session.csrfMatches(form.get("csrf"))) {
                return new Page(403, "Forbidden", "<p>The form expired or did not come from this console. Go back, reload the page "
                        + "and try again.</p>", null);
            }
        } else if (!get) {
            return methodNotAllowed();
        }
        if (path.equals("/review/logout")) {
            if (!post) {
                return methodNotAllowed();
            }
            ConsoleSessions.cookieValue(cookies(ctx), ConsoleSessions.SESSION_COOKIE).ifPresent(sessions::invalidate);
            ctx.res().addHeader("Set-Cookie", ConsoleSessions.expiredCookie(ConsoleSessions.SESSION_COOKIE, ConsoleSessions.SESSION_PATH));
            return Page.redirect(ConsoleSessions.LOGIN_PATH + "?signedOut");
        }
        if (path.equals("/review") || path.equals("/review/")) {
            return Page.redirect(principal.canViewPayloads() ? "/review/records" : "/review/history");
        }
        if (path.equals("/review/history")) {
            if (!principal.canAudit()) {
                return forbidden(principal);
            }
            return get ? history(ctx) : methodNotAllowed();
        }
        if (path.equals("/review/records") || path.equals("/review/records/")) {
            if (!principal.canViewPayloads()) {
                return forbidden(principal);
            }
            return get ? records(ctx, session) : methodNotAllowed();
        }
        if (path.equals("/review/bulk-confirm")) {
            if (!principal.canDecide()) {
                return forbidden(principal);
            }
            return post ? bulkConfirm(session, form) : methodNotAllowed();
        }
        if (path.startsWith("/review/records/")) {
            String rest = path.substring("/review/records/".length());
            boolean decide = rest.endsWith("/decide");
            String id = decide ? rest.substring(0, rest.length() - "/decide".length()) : rest;
            if (!ID.matcher(id).matches()) {
                return notFound();
            }
            if (decide) {
                if (!principal.canDecide()) {
                    return forbidden(principal);
                }
                return post ? decide(session, id, form) : methodNotAllowed();
            }
            if (!principal.canViewPayloads()) {
                return forbidden(principal);
            }
            return get ? record(session, id, "text".equals(Form.parse(ctx.queryString()).nonBlank("reveal"))) : methodNotAllowed();
        }
        return notFound();
    }

    private Optional<ConsoleSessions.Session> currentSession(Context ctx) {
        return ConsoleSessions.cookieValue(cookies(ctx), ConsoleSessions.SESSION_COOKIE)
                .flatMap(sessions::find);
    }

    // ---------------------------------------------------------------- sign-in

    private Page loginForm(Context ctx, String message, int status) {
        if (message == null && currentSession(ctx).isPresent()) {
            return Page.redirect("/review");
        }
        String token = sessions.newToken();
        ctx.res().addHeader("Set-Cookie", ConsoleSessions.loginCookie(token));
        StringBuilder body = new StringBuilder();
        String query = ctx.queryString();
        if (message != null) {
            body.append("<p class=\"notice error\" role=\"alert\" id=\"login-error\">").append(Html.escape(message)).append("</p>");
        } else if ("signedOut".equals(query)) {
            body.append("<p class=\"notice\" role=\"status\">You have signed out.</p>");
        }
        body.append("<form method=\"post\" action=\"/review/login\" class=\"login\">")
                .append(hidden("csrf", token))
                .append("<p><label for=\"username\">User name</label>")
                .append("<input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus></p>")
                .append("<p><label for=\"password\">Password</label>")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required></p>")
                .append("<p><button type=\"submit\" id=\"sign-in\">Sign in</button></p></form>");
        return new Page(status, "Sign in", body.toString(), null);
    }

    private Page login(Context ctx) throws IOException {
        Form form = Form.read(ctx.bodyInputStream());
        Optional<String> cookie = ConsoleSessions.cookieValue(cookies(ctx), ConsoleSessions.LOGIN_COOKIE);
        if (!ConsoleSessions.loginCsrfMatches(cookie.orElse(null), form.get("csrf"))) {
            return loginForm(ctx, "The sign-in form expired. Please try again.", 403);
        }
        String name = form.nonBlank("username");
        String given = form.get("password");
        char[] password = given == null ? new char[0] : given.toCharArray();
        Optional<Principal> principal;
        try {
            principal = name == null ? Optional.empty() : users.authenticate(name, password, HttpRoutes.clientAddress(ctx));
        } finally {
            Arrays.fill(password, '\0');
        }
        if (principal.isEmpty()) {
            // The same answer for an unknown name, a wrong password and a locked account.
            return loginForm(ctx, "Sign-in failed.", 401);
        }
        ConsoleSessions.Created created = sessions.create(principal.get());
        ctx.res().addHeader("Set-Cookie", ConsoleSessions.sessionCookie(created.token()));
        ctx.res().addHeader("Set-Cookie", ConsoleSessions.expiredCookie(ConsoleSessions.LOGIN_COOKIE, ConsoleSessions.LOGIN_PATH));
        LOG.info("Review console: {} signed in ({})", principal.get().name(), principal.get().role().configName());
        return Page.redirect("/review");
    }

    // ---------------------------------------------------------------- pages

    /**
     * The queue's filter as the list's query and the bulk form carry it: parts of a facility and a rule id, HOLD or
     * REJECT (anything else: either), a minimum age in minutes, and a search by case, event or record id.
     */
    private record QueueFilter(String facility, String rule, String decision, long minAgeMinutes, String search) {
        static QueueFilter of(Form q) {
            String decision = q.nonBlank("decision");
            if (decision != null && !decision.equals("HOLD") && !decision.equals("REJECT")) {
                decision = null;
            }
            long minAgeMinutes = Math.max(0, q.wholeNumber("minAge", 0, Long.MIN_VALUE, Long.MAX_VALUE,
                    "the minimum age is a whole number of minutes"));
            return new QueueFilter(q.nonBlank("facility"), q.nonBlank("rule"), decision, minAgeMinutes, q.nonBlank("q"));
        }

        TriageQuery query(String state, TriageQuery.Sort sort, int offset, int limit) {
            return new TriageQuery(state, facility, rule, decision, minAgeMinutes * 60, search, sort, offset, limit);
        }
    }

    private Page records(Context ctx, ConsoleSessions.Session session) {
        Form q = Form.parse(ctx.queryString());
        QueueFilter filter = QueueFilter.of(q);
        String facility = filter.facility();
        String rule = filter.rule();
        String decision = filter.decision();
        String state = q.nonBlank("state") == null ? State.PENDING.name() : q.nonBlank("state");
        if (!state.equals("ALL") && Arrays.stream(State.values()).noneMatch(s -> s.name().equals(state))) {
            throw new IllegalArgumentException("unknown state");
        }
        long minAgeMinutes = filter.minAgeMinutes();
        String search = filter.search();
        TriageQuery.Sort sort = TriageQuery.Sort.parse(q.nonBlank("sort"));
        int page = (int) Math.max(1, q.wholeNumber("page", 1, Integer.MIN_VALUE, Integer.MAX_VALUE,
                "the page is a whole number"));
        if ((long) (page - 1) * TriageQuery.DEFAULT_PAGE > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("no such page");
        }
        ReviewService.Group<TriageQuery.Page> group = service.triage(filter.query(state.equals("ALL") ? null : state, sort,
                (page - 1) * TriageQuery.DEFAULT_PAGE, TriageQuery.DEFAULT_PAGE));
        TriageQuery.Page shown = group.value();
        List<ReviewService.Summary> list = shown.records();
        StringBuilder body = new StringBuilder(partialBanner(group));
        body.append("<form method=\"get\" action=\"/review/records\" class=\"filters\" aria-label=\"Filter records\">")
                .append("<fieldset><legend>Find and filter</legend>")
                .append(textInput("q", "Case, event or record id", search, "search"))
                .append(textInput("facility", "Facility", facility, "text", shown.facilities()))
                .append(textInput("rule", "Rule id", rule, "text", shown.rules()))
                .append(select("decision", "Decision type", decision == null ? "" : decision,
                        new String[][] {{"", "Any"}, {"HOLD", "HOLD"}, {"REJECT", "REJECT"}}))
                .append(textInput("minAge", "Minimum age (minutes)", minAgeMinutes == 0 ? null : Long.toString(minAgeMinutes), "number"));
        List<String[]> states = new ArrayList<>();
        for (State s : State.values()) {
            states.add(new String[] {s.name(), s.name()});
        }
        states.add(new String[] {"ALL", "Any state"});
        List<String[]> sorts = new ArrayList<>();
        for (TriageQuery.Sort s : TriageQuery.Sort.values()) {
            sorts.add(new String[] {s.name().toLowerCase(Locale.ROOT), s.label()});
        }
        body.append(select("state", "State", state, states.toArray(new String[0][])))
                .append(select("sort", "Order", sort.name().toLowerCase(Locale.ROOT), sorts.toArray(new String[0][])))
                .append("<p class=\"actions\"><button type=\"submit\">Apply</button> <a href=\"/review/records\">Clear</a></p>")
                .append("</fieldset></form>");
        body.append("<p role=\"status\" id=\"record-count\">");
        if (list.isEmpty()) {
            body.append(shown.total()).append(" record(s)").append(shown.total() > 0 ? " (none on this page)" : "").append(".</p>");
        } else {
            body.append("Records ").append(shown.offset() + 1).append("–").append(shown.offset() + list.size()).append(" of ")
                    .append(shown.total()).append(", ").append(Html.escape(sort.label())).append(".</p>");
        }
        if (!list.isEmpty()) {
            body.append("<div class=\"table-wrap\"><table id=\"records\"><caption>Quarantined records</caption><thead><tr>")
                    .append("<th scope=\"col\">Record</th><th scope=\"col\">State</th><th scope=\"col\">Claimed by</th><th scope=\"col\">Decision</th>")
                    .append("<th scope=\"col\">Case</th><th scope=\"col\">Facility</th><th scope=\"col\">Event</th>")
                    .append("<th scope=\"col\">Rules</th><th scope=\"col\">Held at</th><th scope=\"col\">Age</th></tr></thead><tbody>");
            for (ReviewService.Summary s : list) {
                body.append("<tr><td><a href=\"").append(recordUrl(s.quarantineId())).append("\">").append(Html.escape(s.quarantineId()))
                        .append("</a></td><td>").append(Html.escape(s.state())).append("</td><td>").append(Html.escape(s.claimedBy()))
                        .append("</td><td>").append(Html.escape(s.disposition()))
                        .append("</td><td>").append(Html.escape(s.caseId())).append("</td><td>").append(Html.escape(s.facilityId()))
                        .append("</td><td>").append(Html.escape(s.eventType())).append("</td><td>")
                        .append(Html.escape(String.join(", ", s.ruleIds()))).append("</td><td>").append(time(s.heldAt()))
                        .append("</td><td>").append(Html.escape(age(s.ageSeconds()))).append("</td></tr>");
            }
            body.append("</tbody></table></div>");
        }
        body.append(pager(q, page, shown));
        if (session.principal().canDecide() && state.equals(State.PENDING.name()) && shown.total() > 0
                && shown.total() <= TriageQuery.MAX_LIMIT) {
            // One justification for every pending record the filter matches; bound to the count shown here.
            String fields = hidden("q", search) + hidden("facility", facility) + hidden("rule", rule) + hidden("decision", decision)
                    + hidden("minAge", minAgeMinutes == 0 ? null : Long.toString(minAgeMinutes))
                    + hidden("expected", Integer.toString(shown.total()))
                    + "<p>Every one of the " + shown.total() + " pending record(s) this filter matches, on every page, stays held;"
                    + " each gets its own decision in the history.</p>" + justification("bulk-justification", true);
            body.append(form(session, "/review/bulk-confirm", "confirm_hold", "Confirm the hold of all " + shown.total() + " record(s)",
                    fields, "bulk-confirm"));
        }
        return new Page(200, "Held records", body.toString(), null);
    }

    /**
     * A record's page. Its text is shown only when asked ({@code ?reveal=text}), and that look is the audited view:
     * a reviewer can read why it was held and confirm the hold without reading what the child said; releasing it,
     * or approving a release, needs the text on screen.
     */
    private Page record(ConsoleSessions.Session session, String id, boolean reveal) throws InterruptedException {
        Principal principal = session.principal();
        ReviewService.Lookup found = service.entry(id);
        if (found.unavailable() != null) {
            return new Page(503, "Record unavailable", "<p class=\"notice error\" role=\"alert\" id=\"partial\">This record's part of the group "
                    + "does not answer now: " + Html.escape(found.unavailable()) + ". Try again in a minute.</p>", null);
        }
        if (found.entry().isEmpty()) {
            return notFound();
        }
        if (reveal) {
            // The look itself is audited: who, which record, when (answered asynchronously).
            service.send(new Command(null, id, Action.VIEW, principal.name(), null, List.of(), List.of(), 0), Duration.ZERO);
        }
        ReviewService.Detail detail = service.detailOf(found.entry().get());
        ReviewService.Summary s = detail.summary();
        StringBuilder body = new StringBuilder();
        session.takeNotice(id).ifPresent(body::append);
        if (principal.canDecide()) {
            body.append(claim(found.entry().get(), principal.name()));
        }
        body.append("<dl class=\"summary\">")
                .append(term("State", "<span id=\"state\">" + Html.escape(s.state()) + "</span>"))
                .append(term("Decision", Html.escape(s.disposition())))
                .append(term("Case", Html.escape(s.caseId())))
                .append(term("Facility", Html.escape(s.facilityId())))
                .append(term("Event type", Html.escape(s.eventType())))
                .append(term("Held at", time(s.heldAt())))
                .append(term("Age", Html.escape(age(s.ageSeconds()))))
                .append("</dl>");
        body.append("<section aria-labelledby=\"reasons-h\"><h2 id=\"reasons-h\">Why it was held</h2><ol class=\"reasons\">");
        for (ReviewService.ReasonView r : detail.reasons()) {
            body.append("<li><p><strong>Rule <code>").append(Html.escape(r.ruleId())).append("</code></strong> (")
                    .append(Html.escape(r.kind())).append(")");
            if (r.fieldPath() != null) {
                body.append(" in <code>").append(Html.escape(r.fieldPath())).append("</code>");
                if (r.spanStart() != null && r.spanEnd() != null) {
                    body.append(", characters ").append(r.spanStart()).append("–").append(r.spanEnd());
                }
            }
            body.append("</p><p>").append(Html.escape(r.explanation())).append("</p>");
            if (r.legalBasis() != null) {
                body.append("<p class=\"legal\"><span class=\"label\">Legal basis:</span> ").append(Html.escape(r.legalBasis())).append("</p>");
            }
            body.append("</li>");
        }
        body.append("</ol></section>");
        body.append("<section aria-labelledby=\"fields-h\"><h2 id=\"fields-h\">The record</h2>");
        if (reveal) {
            body.append("<p class=\"hint\">Matched text is <mark>highlighted</mark>. This view is recorded in the history.</p><dl class=\"fields\">");
            for (ReviewService.FieldView f : detail.fields()) {
                body.append("<dt><code>").append(Html.escape(f.path())).append("</code></dt><dd><div class=\"field-text\" id=\"field-")
                        .append(Html.escape(f.path())).append("\">").append(Html.highlight(f.text(), f.highlights())).append("</div></dd>");
            }
        } else {
            body.append("<p id=\"text-hidden\">The text is not shown: what a child said is read only when a decision needs it. ")
                    .append("<a id=\"reveal\" href=\"").append(Html.escape(recordUrl(id) + "?reveal=text"))
                    .append("\">Show the text</a> (recorded in the history as your view).</p><dl class=\"fields\">");
            for (ReviewService.FieldView f : detail.fields()) {
                body.append("<dt><code>").append(Html.escape(f.path())).append("</code></dt><dd>")
                        .append(f.text() == null ? 0 : f.text().length()).append(" characters, ").append(f.highlights().size())
                        .append(" match(es)</dd>");
            }
        }
        body.append("</dl></section>");
        if (principal.canDecide()) {
            body.append(decisionForms(session, id, detail, reveal, session.takeDraft(id).orElse(null)));
        }
        body.append("<section aria-labelledby=\"history-h\"><h2 id=\"history-h\">History</h2>")
                .append(historyTable(detail.history() == null ? List.of() : detail.history(), false)).append("</section>");
        return new Page(200, "Record " + id, body.toString(), null);
    }

    /**
     * A pending record is the opening reviewer's for {@link ReviewDecider#CLAIM}: claimed (again, once half of it has
     * passed) unless another reviewer has it, in which case the page says who and until when. The claim is a command
     * like any other, so two reviewers who open the record at once are ordered by its partition: the second is refused,
     * and so are that reviewer's decisions while the claim lasts.
     */
    private String claim(Entry entry, String reviewer) throws InterruptedException {
        if (entry.state() != State.PENDING) {
            return "";
        }
        long now = service.now();
        Optional<ReviewModel.Claim> claim = entry.liveClaim(now);
        if (claim.isPresent() && !claim.get().reviewer().equals(reviewer)) {
            return "<p class=\"notice\" role=\"status\" id=\"claim\">" + Html.escape(claim.get().reviewer()) + " is working on this record until "
                    + time(claim.get().until()) + ". Your decisions on it are refused until then; you may still read it.</p>";
        }
        long until = claim.map(ReviewModel.Claim::until).orElse(0L);
        if (until - now < ReviewDecider.CLAIM.toMillis() / 2) {
            service.send(new Command(null, entry.quarantineId(), Action.CLAIM, reviewer, null, List.of(), List.of(), 0), Duration.ZERO);
            until = now + ReviewDecider.CLAIM.toMillis();
        }
        return "<p class=\"notice\" role=\"status\" id=\"claim\">This record is yours until " + time(until)
                + ": the other reviewers see that you are working on it.</p>";
    }

    private String decisionForms(ConsoleSessions.Session session, String id, ReviewService.Detail detail, boolean revealed,
                                 ConsoleSessions.Draft draft) {
        State state = State.valueOf(detail.summary().state());
        StringBuilder out = new StringBuilder("<section aria-labelledby=\"decide-h\"><h2 id=\"decide-h\">Decide</h2>");
        if (state.decided()) {
            return out.append("<p>This record has been decided: ").append(Html.escape(state.name())).append(".</p></section>").toString();
        }
        String action = recordUrl(id) + "/decide";
        if (state == State.AWAITING_SECOND_APPROVAL && detail.pendingRelease() != null) {
            ReviewService.PendingRelease pending = detail.pendingRelease();
            out.append("<p>A release awaits a second reviewer (not the one who asked for it): <strong id=\"pending-kind\">")
                    .append(Html.escape(pending.action().equals("FALSE_POSITIVE") ? "unchanged, as a false positive" : "redacted"))
                    .append("</strong>, asked by ").append(Html.escape(pending.requestedBy())).append(" (release <code id=\"pending-digest\">")
                    .append(Html.escape(pending.digest())).append("</code>).</p>");
            if (!revealed) {
                // Declining keeps the record held; approving forwards text, so the approver reads it first.
                return out.append("<p id=\"reveal-to-approve\">To approve it, <a href=\"").append(Html.escape(recordUrl(id) + "?reveal=text"))
                        .append("\">show the text and the preview</a> of what it forwards.</p>")
                        .append(form(session, action, "decline", "Decline the release", justification("decline-justification", false), "decline"))
                        .append("</section>").toString();
            }
            if (!pending.preview().isEmpty()) {
                out.append("<h3>What it forwards of the fields it changes</h3><dl id=\"pending-preview\">");
                for (ReviewService.FieldView f : pending.preview()) {
                    out.append("<dt><code>").append(Html.escape(f.path())).append("</code></dt><dd>")
                            .append(f.text() == null ? "<em>removed</em>" : "<pre>" + Html.escape(f.text()) + "</pre>").append("</dd>");
                }
                out.append("</dl>");
            }
            out.append(form(session, action, "approve", "Approve the release",
                            hidden("approves", pending.digest()) + justification("approve-justification", false,
                                    typed(draft, Action.APPROVE)), "approve"))
                    .append(form(session, action, "decline", "Decline the release",
                            justification("decline-justification", false), "decline"));
            return out.append("</section>").toString();
        }
        out.append(form(session, action, "confirm_hold", "Confirm the hold", justification("confirm-justification", true,
                typed(draft, Action.CONFIRM_HOLD)), "confirm-hold"));
        if (!revealed) {
            return out.append("<p id=\"reveal-to-release\">To release this record, <a href=\"").append(Html.escape(recordUrl(id) + "?reveal=text"))
                    .append("\">show its text</a> first.</p></section>").toString();
        }
        if (detail.fields().stream().anyMatch(f -> f.path().equals("(payload)"))) {
            // Not kept, sealed with a key this guard does not have, or undecodable: no release could succeed.
            return out.append("<p id=\"no-release\">This record's content cannot be opened here, so it cannot be released; it can be "
                    + "confirmed.</p></section>").toString();
        }
        StringBuilder release = new StringBuilder();
        List<String> removable = removableFields(detail);
        if (!removable.isEmpty()) {
            release.append("<fieldset><legend>Fields to remove</legend>");
            for (int i = 0; i < removable.size(); i++) {
                release.append("<p class=\"check\"><input type=\"checkbox\" name=\"remove\" id=\"remove-").append(i).append("\" value=\"")
                        .append(Html.escape(removable.get(i))).append("\"> <label for=\"remove-").append(i).append("\"><code>")
                        .append(Html.escape(removable.get(i))).append("</code></label></p>");
            }
            release.append("</fieldset>");
        }
        release.append("<fieldset><legend>Text to cut</legend><p class=\"hint\" id=\"cut-hint\">One span per box: field, start and end "
                + "offsets, e.g. <code>caseNotes 20 37</code>; the end is exclusive. Prefilled with the least a release must cut: from the "
                + "sentence of each match to the end of its field (what follows a therapy reference is what was retold). You may cut "
                + "more, or remove the field, never less.</p>");
        List<String> cuts = new ArrayList<>();
        if (draft != null && draft.action().equals(Action.RELEASE_REDACTED.name()) && !draft.cuts().isEmpty()) {
            draft.cuts().stream().filter(c -> !c.isBlank()).forEach(cuts::add); // as typed before the refusal
        } else {
            for (Cut cut : detail.releaseCuts()) {
                cuts.add(cut.field() + " " + cut.start() + " " + cut.end());
            }
        }
        cuts.add("");
        cuts.add("");
        for (int i = 0; i < cuts.size(); i++) {
            release.append("<p><label for=\"cut-").append(i).append("\">Cut ").append(i + 1).append("</label>")
                    .append("<input name=\"cut\" id=\"cut-").append(i).append("\" aria-describedby=\"cut-hint\" value=\"")
                    .append(Html.escape(cuts.get(i))).append("\"></p>");
        }
        release.append("</fieldset>").append(justification("release-justification", true, typed(draft, Action.RELEASE_REDACTED)));
        out.append(form(session, action, "release_redacted", "Release a redacted version", release.toString(), "release-redacted"));
        out.append(form(session, action, "false_positive", "Release unchanged as a false positive",
                justification("false-positive-justification", true, typed(draft, Action.FALSE_POSITIVE)), "false-positive"));
        return out.append("</section>").toString();
    }

    private static String form(ConsoleSessions.Session session, String action, String value, String heading, String fields, String id) {
        return "<form method=\"post\" action=\"" + action + "\" class=\"decision\" id=\"form-" + id + "\" aria-labelledby=\"" + id
                + "-h\"><h3 id=\"" + id + "-h\">" + Html.escape(heading) + "</h3>" + hidden("csrf", session.csrfToken())
                + hidden("action", value) + fields + "<p><button type=\"submit\" id=\"submit-" + id + "\">" + Html.escape(heading)
                + "</button> <button type=\"submit\" name=\"then\" value=\"next\" id=\"submit-" + id + "-next\">"
                + Html.escape(heading) + ", then the next record</button></p></form>";
    }

    private static String justification(String id, boolean required) {
        return justification(id, required, null);
    }

    private static String justification(String id, boolean required, String typed) {
        return "<p><label for=\"" + id + "\">Justification" + (required ? " (required)" : " (optional)") + "</label>"
                + "<textarea name=\"justification\" id=\"" + id + "\" rows=\"2\"" + (required ? " required" : "") + ">"
                + Html.escape(typed) + "</textarea></p>";
    }

    /** The draft's justification when the draft is of {@code action}, else null. */
    private static String typed(ConsoleSessions.Draft draft, Action action) {
        return draft != null && draft.action().equals(action.name()) ? draft.justification() : null;
    }

    /**
     * Fields that are present and may be null in the case-record schema, nested ones by their path, each record
     * before its fields ("incident", then "incident.summary").
     */
    static List<String> removableFields(ReviewService.Detail detail) {
        Schema schema = CaseRecordEvent.getClassSchema();
        LinkedHashSet<String> removable = new LinkedHashSet<>();
        for (ReviewService.FieldView f : detail.fields()) {
            Schema record = schema;
            StringBuilder path = new StringBuilder();
            for (String part : f.path().split("\\.")) {
                Schema.Field field = record == null ? null : record.getField(part);
                if (field == null) {
                    break;
                }
                path.append(path.length() == 0 ? "" : ".").append(part);
                if (field.schema().isNullable()) {
                    removable.add(path.toString());
                }
                Schema value = FieldPlan.nonNull(field.schema());
                record = value.getType() == Schema.Type.RECORD ? value : null;
            }
        }
        return List.copyOf(removable);
    }

    private Page bulkConfirm(ConsoleSessions.Session session, Form form) {
        TriageQuery query = QueueFilter.of(form).query(State.PENDING.name(), TriageQuery.Sort.OLDEST, 0, TriageQuery.MAX_LIMIT);
        int expected;
        try {
            expected = Integer.parseInt(form.nonBlank("expected") == null ? "" : form.nonBlank("expected"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the form lost the number of records it showed");
        }
        try {
            int sent = service.confirmAll(query, expected, session.principal().name(), form.nonBlank("justification"));
            LOG.info("Review console: bulk CONFIRM_HOLD of {} records by {}", sent, session.principal().name());
            return new Page(200, "Holds confirmed", notice("ok", sent + " confirmation(s) sent; each record's history shows it.",
                    List.of()) + "<p><a href=\"/review/records\">Back to the queue</a></p>", null);
        } catch (ReviewService.StaleSelectionException e) {
            return new Page(409, "The queue changed", notice("error", e.getMessage(), List.of())
                    + "<p><a href=\"/review/records\">Back to the queue</a></p>", null);
        }
    }

    private Page decide(ConsoleSessions.Session session, String id, Form form) throws InterruptedException {
        Principal principal = session.principal();
        Action action;
        try {
            action = Action.valueOf(String.valueOf(form.get("action")).toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            action = null;
        }
        if (action == null || action == Action.VIEW) {
            throw new IllegalArgumentException("unknown action");
        }
        List<Cut> cuts = new ArrayList<>();
        if (action == Action.RELEASE_REDACTED) {
            for (String text : form.all("cut")) {
                if (text.isBlank()) {
                    continue;
                }
                Optional<Cut> cut = parseCut(text);
                if (cut.isEmpty()) {
                    session.notice(id, notice("error", "Not sent: a cut must be a field name and two offsets, like caseNotes 20 37.", List.of()));
                    session.draft(id, new ConsoleSessions.Draft(action.name(), form.get("justification"), form.all("cut")));
                    return Page.redirect(recordUrl(id) + "?reveal=text");
                }
                cuts.add(cut.get());
            }
        }
        List<String> remove = action == Action.RELEASE_REDACTED ? form.all("remove") : List.of();
        Command command = new Command(null, id, action, principal.name(), form.nonBlank("justification"), remove, cuts, 0,
                action == Action.APPROVE ? form.nonBlank("approves") : null);
        Optional<Event> event = service.send(command, DECISION_TIMEOUT);
        LOG.info("Review console {} of {} by {}: {}", action, id, principal.name(), event.map(e -> e.type().name()).orElse("no answer yet"));
        if (event.isEmpty()) {
            session.notice(id, notice("", "Sent; no decision yet. Reload the page in a moment.", List.of()));
        } else if (event.get().type() == ReviewModel.EventType.REFUSED) {
            session.notice(id, notice("error", "Outcome: REFUSED", event.get().reasons() == null ? List.of() : event.get().reasons()));
            // What the reviewer typed is kept for the form they come back to.
            session.draft(id, new ConsoleSessions.Draft(action.name(), form.get("justification"), form.all("cut")));
        } else {
            session.notice(id, notice("success", "Outcome: " + event.get().type().name(), List.of()));
            if ("next".equals(form.nonBlank("then"))) {
                Optional<String> next = nextRecord(id, principal.name());
                String outcome = notice("success", "Record " + id + ": " + event.get().type().name()
                        + (next.isPresent() ? ". This is the next pending record." : ". No other pending record is free."), List.of());
                session.takeNotice(id);
                if (next.isPresent()) {
                    session.notice(next.get(), outcome);
                    return Page.redirect(recordUrl(next.get()));
                }
                return new Page(200, "Queue done", outcome + "<p><a href=\"/review/records\">Back to the queue</a></p>", null);
            }
        }
        // Back to the page the form was on: a release or an approval was made with the text shown.
        boolean neededText = action == Action.RELEASE_REDACTED || action == Action.FALSE_POSITIVE || action == Action.APPROVE;
        return Page.redirect(recordUrl(id) + (neededText ? "?reveal=text" : ""));
    }

    /** The oldest pending record after {@code current} that no other reviewer has claimed ("save and next"). */
    private Optional<String> nextRecord(String current, String reviewer) {
        TriageQuery.Page page = service.triage(new TriageQuery(State.PENDING.name(), null, null, null, 0, null,
                TriageQuery.Sort.OLDEST, 0, TriageQuery.MAX_LIMIT)).value();
        return page.records().stream().filter(r -> !r.quarantineId().equals(current))
                .filter(r -> r.claimedBy() == null || r.claimedBy().equals(reviewer)).map(ReviewService.Summary::quarantineId).findFirst();
    }

    /** "field start end" (or "field:start:end"), offsets non-negative and start before end. */
    static Optional<Cut> parseCut(String text) {
        String[] parts = text.strip().split("[\\s:]+");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            int start = Integer.parseInt(parts[1]);
            int end = Integer.parseInt(parts[2]);
            return start >= 0 && end > start ? Optional.of(new Cut(parts[0], start, end)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String notice(String kind, String message, List<String> reasons) {
        StringBuilder out = new StringBuilder("<div class=\"notice ").append(kind).append("\" role=\"status\" id=\"outcome\"><p>")
                .append(Html.escape(message)).append("</p>");
        if (!reasons.isEmpty()) {
            out.append("<ul>");
            reasons.forEach(r -> out.append("<li>").append(Html.escape(r)).append("</li>"));
            out.append("</ul>");
        }
        return out.append("</div>").toString();
    }

    private Page history(Context ctx) {
        Form q = Form.parse(ctx.queryString());
        int limit = (int) Math.max(1, Math.min(10_000, q.wholeNumber("limit", 100, Integer.MIN_VALUE, Integer.MAX_VALUE,
                "the limit is a whole number")));
        // Counts and history of the same entries: the group is asked once for the page.
        ReviewService.Group<List<ReviewModel.Entry>> group = service.allEntries();
        StringBuilder body = new StringBuilder(partialBanner(group))
                .append("<section aria-labelledby=\"counts-h\"><h2 id=\"counts-h\">Counts</h2>");
        Map<String, Long> counts = ReviewService.counts(group.value());
        body.append("<table id=\"counts\"><caption>Records by state and decisions by type</caption><thead><tr><th scope=\"col\">What</th>")
                .append("<th scope=\"col\">Count</th></tr></thead><tbody>");
        counts.forEach((k, v) -> body.append("<tr><th scope=\"row\">").append(Html.escape(k)).append("</th><td>").append(v).append("</td></tr>"));
        body.append("</tbody></table></section>");
        body.append("<section aria-labelledby=\"decisions-h\"><h2 id=\"decisions-h\">Decisions, newest first</h2>")
                .append(historyTable(ReviewService.history(group.value(), limit), true)).append("</section>");
        return new Page(200, "Decision history", body.toString(), null);
    }

    /** A visible banner when part of the group did not answer, so smaller numbers are never read as the whole. */
    private static String partialBanner(ReviewService.Group<?> group) {
        if (group.complete()) {
            return "";
        }
        StringBuilder banner = new StringBuilder("<div class=\"notice error\" role=\"alert\" id=\"partial\"><p><strong>Partial: ")
                .append(group.unavailable().size()).append(" part(s) of the group did not answer.</strong> What follows is not the whole queue.</p><ul>");
        group.unavailable().forEach(why -> banner.append("<li>").append(Html.escape(why)).append("</li>"));
        return banner.append("</ul></div>").toString();
    }

    private static String historyTable(List<Event> events, boolean withRecord) {
        if (events.isEmpty()) {
            return "<p>No decisions yet.</p>";
        }
        StringBuilder out = new StringBuilder("<div class=\"table-wrap\"><table class=\"history\"><caption>Decision events</caption><thead><tr>")
                .append("<th scope=\"col\">When</th>").append(withRecord ? "<th scope=\"col\">Record</th>" : "")
                .append("<th scope=\"col\">Event</th><th scope=\"col\">Reviewer</th><th scope=\"col\">Justification</th>")
                .append("<th scope=\"col\">Removed fields</th><th scope=\"col\">Cuts</th><th scope=\"col\">Reasons</th>")
                .append("<th scope=\"col\">Policy</th></tr></thead><tbody>");
        for (Event e : events) {
            out.append("<tr><td>").append(time(e.at())).append("</td>");
            if (withRecord) {
                out.append("<td>").append(Html.escape(e.quarantineId())).append("</td>");
            }
            List<String> cuts = new ArrayList<>();
            (e.cuts() == null ? List.<Cut>of() : e.cuts()).forEach(c -> cuts.add(c.field() + " " + c.start() + "–" + c.end()));
            out.append("<td>").append(Html.escape(e.type())).append("</td><td>").append(Html.escape(e.reviewer())).append("</td><td>")
                    .append(Html.escape(e.justification())).append("</td><td>")
                    .append(Html.escape(e.removedFields() == null ? "" : String.join(", ", e.removedFields()))).append("</td><td>")
                    .append(Html.escape(String.join("; ", cuts))).append("</td><td>")
                    .append(Html.escape(e.reasons() == null ? "" : String.join("; ", e.reasons()))).append("</td><td>")
                    .append(Html.escape(e.policyVersion())).append("</td></tr>");
        }
        return out.append("</tbody></table></div>").toString();
    }

    // ---------------------------------------------------------------- plumbing

    private Page css(Context ctx) throws IOException {
        try (InputStream in = ReviewConsole.class.getClassLoader().getResourceAsStream(CSS)) {
            if (in == null) {
                return notFound();
            }
            setSecurityHeaders(ctx);
            ctx.contentType("text/css; charset=utf-8").result(in.readAllBytes());
            return null;
        }
    }

    private static Page methodNotAllowed() {
        return new Page(405, "Method not allowed", "<p>This page does not take that request.</p>", null);
    }

    private static Page notFound() {
        return new Page(404, "Not found", "<p>There is no such page or record. <a href=\"/review\">Back to the console</a>.</p>", null);
    }

    private static Page forbidden(Principal principal) {
        return new Page(403, "Forbidden", "<p>Your role (" + Html.escape(principal.role().configName()) + ") may not see this page.</p>", null);
    }

    /** The security headers every console response has. */
    static void setSecurityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
    }

    private void send(Context ctx, Page page, ConsoleSessions.Session session) {
        if (page == null) {
            return; // already answered (the style sheet)
        }
        setSecurityHeaders(ctx);
        if (page.location() != null) {
            ctx.status(page.status()).header("Location", page.location());
            return;
        }
        ctx.status(page.status()).contentType("text/html; charset=utf-8").result(layout(page, session).getBytes(StandardCharsets.UTF_8));
    }

    private static String layout(Page page, ConsoleSessions.Session session) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.escape(page.title())).append(" · Disclosure Guard review</title>")
                .append("<link rel=\"stylesheet\" href=\"/review/console.css\"></head><body>")
                .append("<a class=\"skip-link\" href=\"#main\">Skip to main content</a>")
                .append("<header class=\"top\"><p class=\"brand\">Disclosure Guard · compliance review</p>");
        if (session != null) {
            Principal p = session.principal();
            out.append("<nav aria-label=\"Console\"><ul>");
            if (p.canViewPayloads()) {
                out.append("<li><a href=\"/review/records\">Held records</a></li>");
            }
            if (p.canAudit()) {
                out.append("<li><a href=\"/review/history\">Decision history</a></li>");
            }
            out.append("</ul><p class=\"who\">Signed in as <strong>").append(Html.escape(p.name())).append("</strong> (")
                    .append(Html.escape(p.role().configName())).append(")</p>")
                    .append("<form method=\"post\" action=\"/review/logout\" class=\"logout\">").append(hidden("csrf", session.csrfToken()))
                    .append("<button type=\"submit\" id=\"sign-out\">Sign out</button></form></nav>");
        }
        out.append("</header><main id=\"main\" tabindex=\"-1\"><h1>").append(Html.escape(page.title())).append("</h1>")
                .append(page.body()).append("</main></body></html>\n");
        return out.toString();
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + Html.escape(value) + "\">";
    }

    /** Previous and next links that keep the filters, search and order. */
    private static String pager(Form q, int page, TriageQuery.Page shown) {
        if (page == 1 && !shown.hasNext()) {
            return "";
        }
        StringBuilder keep = new StringBuilder();
        for (String name : List.of("q", "facility", "rule", "decision", "minAge", "state", "sort")) {
            String value = q.nonBlank(name);
            if (value != null) {
                keep.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        StringBuilder out = new StringBuilder("<nav class=\"pager\" aria-label=\"Pages\"><p>");
        if (page > 1) {
            out.append("<a rel=\"prev\" id=\"page-prev\" href=\"").append(Html.escape("/review/records?page=" + (page - 1) + keep))
                    .append("\">Previous page</a> ");
        }
        out.append("Page ").append(page).append(" of ").append(Math.max(1, (shown.total() + shown.limit() - 1) / shown.limit()));
        if (shown.hasNext()) {
            out.append(" <a rel=\"next\" id=\"page-next\" href=\"").append(Html.escape("/review/records?page=" + (page + 1) + keep))
                    .append("\">Next page</a>");
        }
        return out.append("</p></nav>").toString();
    }

    private static String textInput(String name, String label, String value, String type) {
        return textInput(name, label, value, type, List.of());
    }

    /** A text input with a pick-list of {@code choices} (the browser offers them as the reviewer types; any text goes). */
    private static String textInput(String name, String label, String value, String type, List<String> choices) {
        StringBuilder out = new StringBuilder("<p><label for=\"f-").append(name).append("\">").append(Html.escape(label))
                .append("</label><input type=\"").append(type).append("\" name=\"").append(name).append("\" id=\"f-").append(name)
                .append("\"").append("number".equals(type) ? " min=\"0\"" : "");
        if (!choices.isEmpty()) {
            out.append(" list=\"f-").append(name).append("-choices\"");
        }
        out.append(" value=\"").append(Html.escape(value)).append("\">");
        if (!choices.isEmpty()) {
            out.append("<datalist id=\"f-").append(name).append("-choices\">");
            choices.forEach(c -> out.append("<option value=\"").append(Html.escape(c)).append("\">"));
            out.append("</datalist>");
        }
        return out.append("</p>").toString();
    }

    private static String select(String name, String label, String selected, String[][] options) {
        StringBuilder out = new StringBuilder("<p><label for=\"f-").append(name).append("\">").append(Html.escape(label))
                .append("</label><select name=\"").append(name).append("\" id=\"f-").append(name).append("\">");
        for (String[] option : options) {
            out.append("<option value=\"").append(Html.escape(option[0])).append("\"").append(option[0].equals(selected) ? " selected" : "")
                    .append(">").append(Html.escape(option[1])).append("</option>");
        }
        return out.append("</select></p>").toString();
    }

    private static String term(String name, String valueHtml) {
        return "<div><dt>" + Html.escape(name) + "</dt><dd>" + valueHtml + "</dd></div>";
    }

    private static String recordUrl(String id) {
        return "/review/records/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static String time(long epochMillis) {
        return "<time datetime=\"" + Instant.ofEpochMilli(epochMillis) + "\">" + Html.escape(Instant.ofEpochMilli(epochMillis)
                .toString().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z")) + "</time>";
    }

    static String age(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
        }
        return seconds / 86_400 + " d " + seconds % 86_400 / 3600 + " h";
    }
}
