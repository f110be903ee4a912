package org.disclosureguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The review CLI: the review API of a running guard, from a terminal. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Triage quarantined records through a running guard's review API: list, show, decide.",
                "Credentials: --user (or DG_REVIEW_USER) and the password from --password-file, DG_REVIEW_PASSWORD, else asked for."},
        subcommands = {ReviewCommand.ListRecords.class, ReviewCommand.Show.class, ReviewCommand.Decide.class, ReviewCommand.Unlock.class})
final class ReviewCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "The guard's HTTP address (default: ${DEFAULT-VALUE}).", scope = picocli.CommandLine.ScopeType.INHERIT)
    String url;

    @Option(names = "--user", description = "Reviewer name (default: DG_REVIEW_USER).", scope = picocli.CommandLine.ScopeType.INHERIT)
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from this file (for scripts).",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    java.nio.file.Path passwordFile;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return FriendlyErrors.USER_ERROR;
    }

    JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
        String name = user != null ? user : System.getenv("DG_REVIEW_USER");
        if (name == null || name.isBlank()) {
            throw new FriendlyErrors.UserError("who is reviewing? --user NAME or DG_REVIEW_USER");
        }
        String password = passwordFile != null ? java.nio.file.Files.readString(passwordFile).strip() : System.getenv("DG_REVIEW_PASSWORD");
        if (password == null) {
            Console console = System.console();
            if (console == null) {
                throw new FriendlyErrors.UserError("no password: set DG_REVIEW_PASSWORD or run in a terminal");
            }
            password = new String(console.readPassword("Password for %s: ", name));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new FriendlyErrors.UserError("no answer from " + url + ": " + e.getMessage());
        }
        JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        if (response.statusCode() >= 400) {
            throw new FriendlyErrors.UserError("HTTP " + response.statusCode() + ": " + json.path("error").asText(response.body()));
        }
        return json;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Quarantined records, oldest first (metadata only).")
    static final class ListRecords implements Callable<Integer> {
        @ParentCommand
        ReviewCommand parent;

        @Option(names = "--state", defaultValue = "PENDING", description = "PENDING, AWAITING_SECOND_APPROVAL, CONFIRMED_HOLD, RELEASED_REDACTED, FALSE_POSITIVE_RELEASED or all (default: ${DEFAULT-VALUE}).")
        String state;

        @Option(names = "--facility", description = "Only facilities whose id contains this (any case).")
        String facility;

        @Option(names = "--rule", description = "Only records held by a rule whose id contains this (any case).")
        String rule;

        @Option(names = "--search", paramLabel = "TEXT", description = "Only records whose case id, child id, event id or quarantine id contains this (any case).")
        String search;

        @Option(names = "--sort", defaultValue = "oldest", description = "oldest, newest, facility, case or rule (default: ${DEFAULT-VALUE}).")
        String sort;

        @Option(names = "--offset", defaultValue = "0", description = "Records to skip, for the next page (default: ${DEFAULT-VALUE}).")
        int offset;

        @Option(names = "--limit", defaultValue = "100", description = "Records to list, 1 to 1000 (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--min-age", defaultValue = "0", paramLabel = "SECONDS", description = "Only records held at least this long.")
        long minAge;

        @Override
        public Integer call() throws Exception {
            StringBuilder path = new StringBuilder("/api/review/records?state=").append(enc(state)).append("&minAgeSeconds=").append(minAge);
            if (facility != null) {
                path.append("&facility=").append(enc(facility));
            }
            if (rule != null) {
                path.append("&rule=").append(enc(rule));
            }
            if (search != null) {
                path.append("&q=").append(enc(search));
            }
            path.append("&sort=").append(enc(sort)).append("&offset=").append(offset).append("&limit=").append(limit);
            JsonNode answer = parent.call("GET", path.toString(), null);
            JsonNode records = answer.path("records");
            PrintWriter out = parent.spec.commandLine().getOut();
            out.printf("%-28s %-8s %-24s %-14s %8s  %s%n", "quarantine id", "kind", "state", "facility", "age (s)", "rules");
            for (JsonNode r : records) {
                out.printf("%-28s %-8s %-24s %-14s %8d  %s%n", r.path("quarantineId").asText(), r.path("disposition").asText(),
                        r.path("state").asText(), r.path("facilityId").asText(""), r.path("ageSeconds").asLong(), r.path("ruleIds"));
            }
            int total = answer.path("total").asInt(records.size());
            out.printf("%d record(s)%s%n", records.size(), total > records.size()
                    ? " of " + total + " (next page: --offset " + (offset + records.size()) + ")" : "");
            out.flush();
            if (!answer.path("complete").asBoolean(false)) {
                // Part of the group did not answer: say so, and exit non-zero so a script does not take this as the queue.
                PrintWriter err = parent.spec.commandLine().getErr();
                err.println("partial: part of the group did not answer, so this is not the whole queue:");
                answer.path("unavailable").forEach(why -> err.println("  " + why.asText()));
                err.flush();
                return 1;
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One record: each reason with its explanation and legal basis, the fields with matched spans in [[...]], its history. The look is audited.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ReviewCommand parent;

        @Parameters(paramLabel = "ID", description = "Quarantine id.")
        String id;

        @Override
        public Integer call() throws Exception {
            JsonNode detail = parent.call("GET", "/api/review/records/" + enc(id), null);
            PrintWriter out = parent.spec.commandLine().getOut();
            JsonNode s = detail.path("summary");
            out.printf("%s  %s  %s  case %s  facility %s  held %d s ago%n", s.path("quarantineId").asText(), s.path("disposition").asText(),
                    s.path("state").asText(), s.path("caseId").asText(""), s.path("facilityId").asText(""), s.path("ageSeconds").asLong());
            out.println("\nReasons:");
            for (JsonNode r : detail.path("reasons")) {
                out.printf("  - %s%s%s%n      %s%n      Legal basis: %s%n", r.path("ruleId").asText(),
                        r.hasNonNull("fieldPath") ? " in " + r.path("fieldPath").asText() : "",
                        r.hasNonNull("matchedTerm") ? " (\"" + r.path("matchedTerm").asText() + "\")" : "",
                        r.path("explanation").asText(""), r.path("legalBasis").asText("-"));
            }
            out.println("\nFields:");
            for (JsonNode f : detail.path("fields")) {
                String text = f.path("text").asText();
                out.printf("  %s: %s%n", f.path("path").asText(), highlighted(text, f.path("highlights")));
                List<int[]> matches = merged(text.length(), f.path("highlights"));
                if (!matches.isEmpty()) {
                    out.printf("    matched at %s%n", String.join(", ", matches.stream().map(m -> m[0] + "-" + m[1]).toList()));
                }
            }
            JsonNode cutsToMake = detail.path("releaseCuts");
            if (!cutsToMake.isEmpty()) {
                List<String> least = new java.util.ArrayList<>();
                cutsToMake.forEach(c -> least.add("--cut " + c.path("field").asText() + ":" + c.path("start").asInt() + ":" + c.path("end").asInt()));
                out.println("\nA redacted release cuts at least (each hit's sentence and all that follows it in its field):");
                out.println("  " + String.join(" ", least));
            }
            JsonNode pending = detail.path("pendingRelease");
            if (pending.isObject()) {
                out.printf("%nAwaiting approval: %s release asked by %s (approve it with --approves %s)%n",
                        pending.path("action").asText(), pending.path("requestedBy").asText(), pending.path("digest").asText());
                for (JsonNode f : pending.path("preview")) {
                    out.printf("  %s would be: %s%n", f.path("path").asText(), f.path("text").isNull() ? "(removed)" : f.path("text").asText());
                }
            }
            out.println("\nHistory:");
            for (JsonNode e : detail.path("history")) {
                out.printf("  %s %s by %s%s%n", java.time.Instant.ofEpochMilli(e.path("at").asLong()), e.path("type").asText(),
                        e.path("reviewer").asText(), e.hasNonNull("justification") ? ": " + e.path("justification").asText() : "");
            }
            out.flush();
            return 0;
        }

        /**
         * The text with its matched spans in [[...]]: overlapping and nested spans ("counseling" inside "counseling
         * session") are merged first, so the markers never interleave.
         */
        static String highlighted(String text, JsonNode spans) {
            StringBuilder out = new StringBuilder(text);
            List<int[]> merged = merged(text.length(), spans);
            for (int i = merged.size() - 1; i >= 0; i--) {
                out.insert(merged.get(i)[1], "]]").insert(merged.get(i)[0], "[[");
            }
            return out.toString();
        }

        /** The spans within the text, sorted and with overlapping or touching ones merged. */
        static List<int[]> merged(int length, JsonNode spans) {
            List<int[]> sorted = new java.util.ArrayList<>();
            for (JsonNode span : spans) {
                int start = span.get(0).asInt();
                int end = span.get(1).asInt();
                if (start >= 0 && end <= length && start < end) {
                    sorted.add(new int[] {start, end});
                }
            }
            sorted.sort(java.util.Comparator.comparingInt((int[] span) -> span[0]));
            List<int[]> merged = new java.util.ArrayList<>();
            for (int[] span : sorted) {
                int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && span[0] <= last[1]) {
                    last[1] = Math.max(last[1], span[1]);
                } else {
                    merged.add(span);
                }
            }
            return merged;
        }
    }

    @Command(name = "decide", mixinStandardHelpOptions = true, description = "Decide on a record; prints the decision (or why it was refused).")
    static final class Decide implements Callable<Integer> {
        @ParentCommand
        ReviewCommand parent;

        @Parameters(paramLabel = "ID", description = "Quarantine id.")
        String id;

        @Option(names = "--action", required = true, description = "confirm-hold, release-redacted, false-positive, approve or decline.")
        String action;

        @Option(names = "--justification", description = "Why (required to confirm or release).")
        String justification;

        @Option(names = "--remove-field", paramLabel = "PATH", description = "A field to remove before a redacted release (repeatable).")
        List<String> removeFields = List.of();

        @Option(names = "--cut", paramLabel = "FIELD:START:END", description = "A text span to cut before a redacted release (repeatable).")
        List<String> cuts = List.of();

        @Option(names = "--approves", paramLabel = "DIGEST", description = "For approve: the release being approved, as review show prints it "
                + "(an approval of a release that changed since is refused).")
        String approves;

        @Override
        public Integer call() throws Exception {
            ObjectNode body = JSON.createObjectNode();
            body.put("action", action);
            if (justification != null) {
                body.put("justification", justification);
            }
            if (approves != null) {
                body.put("approves", approves);
            }
            ArrayNode remove = body.putArray("removeFields");
            removeFields.forEach(remove::add);
            ArrayNode cutArray = body.putArray("cuts");
            for (String cut : cuts) {
                String[] parts = cut.split(":");
                if (parts.length != 3) {
                    throw new FriendlyErrors.UserError("--cut is FIELD:START:END, not " + cut);
                }
                cutArray.addObject().put("field", parts[0]).put("start", Integer.parseInt(parts[1])).put("end", Integer.parseInt(parts[2]));
            }
            JsonNode event = parent.call("POST", "/api/review/records/" + enc(id) + "/decisions", body.toString());
            PrintWriter out = parent.spec.commandLine().getOut();
            out.printf("%s%s%n", event.path("type").asText(event.path("status").asText()),
                    event.path("reasons").isEmpty() ? "" : ": " + String.join("; ", toList(event.path("reasons"))));
            out.flush();
            return "REFUSED".equals(event.path("type").asText()) ? FriendlyErrors.FAILURE : 0;
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true,
            description = "Lift a reviewer's sign-in lock-out on every instance (role admin). Exit 1 if an instance did not confirm.")
    static final class Unlock implements Callable<Integer> {
        @ParentCommand
        ReviewCommand parent;

        @Parameters(paramLabel = "NAME", description = "The reviewer's user name.")
        String name;

        @Override
        public Integer call() throws Exception {
            JsonNode answer = parent.call("POST", "/api/review/users/" + enc(name) + "/unlock", null);
            PrintWriter out = parent.spec.commandLine().getOut(); // an error answer was a UserError already
            out.printf("%s unlocked%s%s%n", name, answer.path("wasLockedHere").asBoolean() ? " (it was locked)" : "",
                    answer.path("complete").asBoolean() ? " on every instance" : "; not reached: " + String.join(", ", toList(answer.path("unavailable"))));
            out.flush();
            return answer.path("complete").asBoolean() ? 0 : FriendlyErrors.FAILURE;
        }
    }

    private static List<String> toList(JsonNode array) {
        List<String> list = new java.util.ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
