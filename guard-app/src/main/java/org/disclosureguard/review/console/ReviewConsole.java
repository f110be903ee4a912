package org.disclosureguard.review.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * This class routes and decides what a page shows ({@link ConsoleViews}, plain values); the jte templates of
 * {@code src/main/jte/review} lay it out, and the template engine escapes every value for where it stands. URLs and
 * logs carry ids only.
 *
 * <p>In a group of several instances the console sees what this instance's review service returns without
 * credentials to forward: the other instances' parts need the API's HTTP Basic credentials.
 */
public final class ReviewConsole {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewConsole.class);
    private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(15);
    /** How long a record's page waits to know whether its claim was taken (a commit interval or two). */
    private static final Duration CLAIM_ANSWER = Duration.ofSeconds(2);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    private static final String CSS = "web/review/console.css";
    /** The pages, compiled from src/main/jte/review at build time. */
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
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

    /** A page to answer with: a template and its view (see {@link ConsoleViews}), or a redirect. */
    private record Page(int status, String title, String template, Object view, String location) {
        static Page redirect(String location) {
            return new Page(303, null, null, null, location);
        }

        static Page of(int status, String title, String template, Object view) {
            return new Page(status, title, template, view, null);
        }

        static Page message(int status, String title, ConsoleViews.Message message) {
            return of(status, title, "message", message);
        }

        static Page text(int status, String title, String text) {
            return message(status, title, ConsoleViews.Message.text(text));
        }
    }

    private void handle(Context ctx) {
        Page page;
        try {
            page = route(ctx);
        } catch (IllegalArgumentException e) {
            page = Page.text(400, "Bad request", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            page = Page.text(503, "Unavailable", "The request was interrupted.");
        } catch (Exception e) {
            LOG.warn("Review console {} failed: {}", ctx.path(), e.getClass().getSimpleName());
            page = Page.text(500, "Error", "Something went wrong. The error was logged.");
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
                return Page.text(403, "Forbidden", "The form expired or did not come from this console. Go back, reload the page "
                        + "and try again.");
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
        ConsoleViews.Notice notice = null;
        if (message != null) {
            notice = new ConsoleViews.Notice("login-error", "error", "alert", message, List.of());
        } else if ("signedOut".equals(ctx.queryString())) {
            notice = new ConsoleViews.Notice(null, "", "status", "You have signed out.", List.of());
        }
        return Page.of(status, "Sign in", "login", new ConsoleViews.Login(token, notice));
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
     * REJECT (anything else: either), a minimum age in minutes, and a search by case, child, event or record id.
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
        List<ConsoleViews.Option> states = new ArrayList<>();
        for (State s : State.values()) {
            states.add(new ConsoleViews.Option(s.name(), s.name()));
        }
        states.add(new ConsoleViews.Option("ALL", "Any state"));
        List<ConsoleViews.Option> sorts = new ArrayList<>();
        for (TriageQuery.Sort s : TriageQuery.Sort.values()) {
            sorts.add(new ConsoleViews.Option(s.name().toLowerCase(Locale.ROOT), s.label()));
        }
        String countLine = list.isEmpty()
                ? shown.total() + " record(s)" + (shown.total() > 0 ? " (none on this page)" : "") + "."
                : "Records " + (shown.offset() + 1) + "–" + (shown.offset() + list.size()) + " of " + shown.total() + ", " + sort.label() + ".";
        List<ConsoleViews.Row> rows = new ArrayList<>();
        for (ReviewService.Summary s : list) {
            rows.add(new ConsoleViews.Row(s.quarantineId(), recordUrl(s.quarantineId()), s.state(), s.claimedBy(), s.disposition(),
                    s.caseId(), s.facilityId(), s.eventType(), String.join(", ", s.ruleIds()), ConsoleViews.Time.of(s.heldAt()),
                    age(s.ageSeconds())));
        }
        ConsoleViews.Bulk bulk = null;
        if (session.principal().canDecide() && state.equals(State.PENDING.name()) && shown.total() > 0
                && shown.total() <= TriageQuery.MAX_LIMIT) {
            // One justification for every pending record the filter matches; bound to the count shown here.
            bulk = new ConsoleViews.Bulk(List.of(new ConsoleViews.Option("q", search), new ConsoleViews.Option("facility", facility),
                    new ConsoleViews.Option("rule", rule), new ConsoleViews.Option("decision", decision),
                    new ConsoleViews.Option("minAge", minAgeMinutes == 0 ? null : Long.toString(minAgeMinutes))), shown.total());
        }
        return Page.of(200, "Held records", "records", new ConsoleViews.Queue(partial(group), search, facility, rule,
                decision == null ? "" : decision, minAgeMinutes == 0 ? null : Long.toString(minAgeMinutes), state,
                sort.name().toLowerCase(Locale.ROOT), shown.facilities(), shown.rules(),
                List.of(new ConsoleViews.Option("", "Any"), new ConsoleViews.Option("HOLD", "HOLD"), new ConsoleViews.Option("REJECT", "REJECT")),
                states, sorts, countLine, rows, pager(q, page, shown), bulk));
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
            return Page.message(503, "Record unavailable", new ConsoleViews.Message(new ConsoleViews.Notice("partial", "error", "alert",
                    "This record's part of the group does not answer now: " + found.unavailable() + ". Try again in a minute.",
                    List.of()), null, null, null));
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
        ConsoleViews.Notice notice = session.takeNotice(id).orElse(null);
        ConsoleViews.Notice claim = principal.canDecide() ? claim(found.entry().get(), principal.name()) : null;
        List<ConsoleViews.Reason> reasons = new ArrayList<>();
        for (ReviewService.ReasonView r : detail.reasons()) {
            reasons.add(new ConsoleViews.Reason(r.ruleId(), r.kind(), r.fieldPath(),
                    r.spanStart() != null && r.spanEnd() != null ? r.spanStart() + "–" + r.spanEnd() : null, r.explanation(), r.legalBasis()));
        }
        List<ConsoleViews.FieldShown> fields = new ArrayList<>();
        for (ReviewService.FieldView f : detail.fields()) {
            fields.add(new ConsoleViews.FieldShown(f.path(), reveal ? ConsoleViews.segments(f.text(), f.highlights()) : List.of(),
                    f.text() == null ? 0 : f.text().length(), f.highlights().size()));
        }
        ConsoleViews.Decide decide = principal.canDecide() ? decisions(id, detail, session.takeDraft(id).orElse(null)) : null;
        return Page.of(200, "Record " + id, "record", new ConsoleViews.RecordPage(notice, claim, s.state(), s.disposition(), s.caseId(),
                s.facilityId(), s.eventType(), ConsoleViews.Time.of(s.heldAt()), age(s.ageSeconds()), reasons, reveal,
                recordUrl(id) + "?reveal=text", fields, decide, historyRows(detail.history() == null ? List.of() : detail.history())));
    }

    /**
     * A pending record is the opening reviewer's for {@link ReviewDecider#CLAIM}: claimed (again, once half of it has
     * passed) unless another reviewer has it, in which case the page says who and until when. The claim is a command
     * like any other, so two reviewers who open the record at once are ordered by its partition: the second is refused,
     * and so are that reviewer's decisions while the claim lasts.
     */
    private ConsoleViews.Notice claim(Entry entry, String reviewer) throws InterruptedException {
        if (entry.state() != State.PENDING) {
            return null;
        }
        long now = service.now();
        Optional<ReviewModel.Claim> claim = entry.liveClaim(now);
        if (claim.isPresent() && !claim.get().reviewer().equals(reviewer)) {
            return claimedByOther(claim.get());
        }
        long until = claim.map(ReviewModel.Claim::until).orElse(0L);
        if (until - now < ReviewDecider.CLAIM.toMillis() / 2) {
            // Waited for (briefly): a reviewer who lost the race is told who has the record, not that it is theirs.
            Optional<Event> answer = service.send(new Command(null, entry.quarantineId(), Action.CLAIM, reviewer, null, List.of(),
                    List.of(), 0), CLAIM_ANSWER);
            if (answer.isEmpty()) {
                return new ConsoleViews.Notice("claim", "", "status", "Claiming this record for you (no answer yet): if another "
                        + "reviewer claimed it first, reload the page to see who.", List.of());
            }
            if (answer.get().type() == ReviewModel.EventType.REFUSED) {
                Optional<ReviewModel.Claim> holder = service.entry(entry.quarantineId()).entry().flatMap(e -> e.liveClaim(service.now()));
                if (holder.isPresent() && !holder.get().reviewer().equals(reviewer)) {
                    return claimedByOther(holder.get());
                }
                return new ConsoleViews.Notice("claim", "error", "status", "This record could not be claimed.",
                        answer.get().reasons() == null ? List.of() : answer.get().reasons());
            }
            until = now + ReviewDecider.CLAIM.toMillis();
        }
        return new ConsoleViews.Notice("claim", "", "status", "This record is yours until " + ConsoleViews.Time.of(until).text()
                + ": the other reviewers see that you are working on it.", List.of());
    }

    private static ConsoleViews.Notice claimedByOther(ReviewModel.Claim claim) {
        return new ConsoleViews.Notice("claim", "", "status", claim.reviewer() + " is working on this record until "
                + ConsoleViews.Time.of(claim.until()).text() + ". Your decisions on it are refused until then; you may still read it.",
                List.of());
    }

    /** The decisions open on the record now, with what the reviewer typed into a refused form. */
    private static ConsoleViews.Decide decisions(String id, ReviewService.Detail detail, ConsoleSessions.Draft draft) {
        State state = State.valueOf(detail.summary().state());
        String action = recordUrl(id) + "/decide";
        ConsoleViews.PendingRelease pending = null;
        if (state == State.AWAITING_SECOND_APPROVAL && detail.pendingRelease() != null) {
            ReviewService.PendingRelease p = detail.pendingRelease();
            List<ConsoleViews.Preview> preview = new ArrayList<>();
            p.preview().forEach(f -> preview.add(new ConsoleViews.Preview(f.path(), f.text())));
            pending = new ConsoleViews.PendingRelease(p.action().equals("FALSE_POSITIVE") ? "unchanged, as a false positive" : "redacted",
                    p.requestedBy(), p.digest(), preview);
        }
        // Not kept, sealed with a key this guard does not have, or undecodable: no release could succeed.
        boolean unopenable = detail.fields().stream().anyMatch(f -> f.path().equals("(payload)"));
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
        return new ConsoleViews.Decide(state.decided(), action, pending, unopenable, removableFields(detail), cuts,
                typed(draft, Action.CONFIRM_HOLD), typed(draft, Action.RELEASE_REDACTED), typed(draft, Action.FALSE_POSITIVE),
                typed(draft, Action.APPROVE));
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
            String left = sent < expected ? " " + (expected - sent) + " record(s) another reviewer is working on were left to them." : "";
            return Page.message(200, "Holds confirmed", new ConsoleViews.Message(ConsoleViews.Notice.outcome("ok",
                    sent + " confirmation(s) sent; each record's history shows it." + left, List.of()), null, "/review/records",
                    "Back to the queue"));
        } catch (ReviewService.StaleSelectionException e) {
            return Page.message(409, "The queue changed", new ConsoleViews.Message(ConsoleViews.Notice.outcome("error", e.getMessage(),
                    List.of()), null, "/review/records", "Back to the queue"));
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
                    session.notice(id, ConsoleViews.Notice.outcome("error", "Not sent: a cut must be a field name and two offsets, like caseNotes 20 37.", List.of()));
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
            session.notice(id, ConsoleViews.Notice.outcome("", "Sent; no decision yet. Reload the page in a moment.", List.of()));
        } else if (event.get().type() == ReviewModel.EventType.REFUSED) {
            session.notice(id, ConsoleViews.Notice.outcome("error", "Outcome: REFUSED", event.get().reasons() == null ? List.of() : event.get().reasons()));
            // What the reviewer typed is kept for the form they come back to.
            session.draft(id, new ConsoleSessions.Draft(action.name(), form.get("justification"), form.all("cut")));
        } else {
            session.notice(id, ConsoleViews.Notice.outcome("success", "Outcome: " + event.get().type().name(), List.of()));
            if ("next".equals(form.nonBlank("then"))) {
                Optional<String> next = nextRecord(id, principal.name());
                ConsoleViews.Notice outcome = ConsoleViews.Notice.outcome("success", "Record " + id + ": " + event.get().type().name()
                        + (next.isPresent() ? ". This is the next pending record." : ". No other pending record is free."), List.of());
                session.takeNotice(id);
                if (next.isPresent()) {
                    session.notice(next.get(), outcome);
                    return Page.redirect(recordUrl(next.get()));
                }
                return Page.message(200, "Queue done", new ConsoleViews.Message(outcome, null, "/review/records", "Back to the queue"));
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

    private Page history(Context ctx) {
        Form q = Form.parse(ctx.queryString());
        int limit = (int) Math.max(1, Math.min(10_000, q.wholeNumber("limit", 100, Integer.MIN_VALUE, Integer.MAX_VALUE,
                "the limit is a whole number")));
        // Counts and history of the same entries: the group is asked once for the page.
        ReviewService.Group<List<ReviewModel.Entry>> group = service.allEntries();
        return Page.of(200, "Decision history", "history", new ConsoleViews.History(partial(group), ReviewService.counts(group.value()),
                historyRows(ReviewService.history(group.value(), limit))));
    }

    /** A visible banner when part of the group did not answer, so smaller numbers are never read as the whole. */
    private static ConsoleViews.Notice partial(ReviewService.Group<?> group) {
        if (group.complete()) {
            return null;
        }
        return new ConsoleViews.Notice("partial", "error", "alert", "Partial: " + group.unavailable().size()
                + " part(s) of the group did not answer. What follows is not the whole queue.", group.unavailable());
    }

    private static List<ConsoleViews.HistoryRow> historyRows(List<Event> events) {
        List<ConsoleViews.HistoryRow> rows = new ArrayList<>();
        for (Event e : events) {
            List<String> cuts = new ArrayList<>();
            (e.cuts() == null ? List.<Cut>of() : e.cuts()).forEach(c -> cuts.add(c.field() + " " + c.start() + "–" + c.end()));
            rows.add(new ConsoleViews.HistoryRow(ConsoleViews.Time.of(e.at()), e.quarantineId(), e.type() == null ? null : e.type().name(),
                    e.reviewer(), e.justification(), e.removedFields() == null ? "" : String.join(", ", e.removedFields()),
                    String.join("; ", cuts), e.reasons() == null ? "" : String.join("; ", e.reasons()), e.policyVersion()));
        }
        return rows;
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
        return Page.text(405, "Method not allowed", "This page does not take that request.");
    }

    private static Page notFound() {
        return Page.message(404, "Not found", new ConsoleViews.Message(null, "There is no such page or record.", "/review",
                "Back to the console"));
    }

    private static Page forbidden(Principal principal) {
        return Page.text(403, "Forbidden", "Your role (" + principal.role().configName() + ") may not see this page.");
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
        ConsoleViews.Chrome chrome = session == null ? ConsoleViews.Chrome.signedOut(page.title())
                : new ConsoleViews.Chrome(page.title(), session.principal().name(), session.principal().role().configName(),
                        session.csrfToken(), session.principal().canViewPayloads(), session.principal().canAudit());
        StringOutput html = new StringOutput();
        TEMPLATES.render("review/" + page.template() + ".jte", Map.of("chrome", chrome, "view", page.view()), html);
        ctx.status(page.status()).contentType("text/html; charset=utf-8").result(html.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Previous and next links that keep the filters, search and order; null when everything is on one page. */
    private static ConsoleViews.Pager pager(Form q, int page, TriageQuery.Page shown) {
        if (page == 1 && !shown.hasNext()) {
            return null;
        }
        StringBuilder keep = new StringBuilder();
        for (String name : List.of("q", "facility", "rule", "decision", "minAge", "state", "sort")) {
            String value = q.nonBlank(name);
            if (value != null) {
                keep.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return new ConsoleViews.Pager(page > 1 ? "/review/records?page=" + (page - 1) + keep : null, page,
                Math.max(1, (shown.total() + shown.limit() - 1) / shown.limit()),
                shown.hasNext() ? "/review/records?page=" + (page + 1) + keep : null);
    }

    private static String recordUrl(String id) {
        return "/review/records/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
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
