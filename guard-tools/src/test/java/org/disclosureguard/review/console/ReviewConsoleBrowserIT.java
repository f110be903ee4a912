package org.disclosureguard.review.console;

import org.disclosureguard.testsupport.Guards;
import org.disclosureguard.testsupport.ReviewUsers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.disclosureguard.pipeline.ClientSettings;
import org.disclosureguard.app.GuardApp;
import org.disclosureguard.app.HttpEndpoints;
import org.disclosureguard.app.TopicPlan;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.contract.InformationSource;
import org.disclosureguard.embedded.EmbeddedKafka;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.GuardDriver;
import org.disclosureguard.pipeline.TestEvents;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.pipeline.PayloadSeal;
import org.disclosureguard.review.ReviewModel;
import org.disclosureguard.review.ReviewService;
import org.disclosureguard.review.ReviewTopology;
import org.disclosureguard.review.auth.Role;
import org.disclosureguard.review.auth.UserStore;
import org.disclosureguard.verify.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reviewer works through the quarantine in the web console, in headless Chromium: signs in through the form,
 * finds the two held records, sees the matched therapy term highlighted, releases a redacted version by cutting
 * the prefilled span, confirms the other hold; an auditor sees the history but no record. The enforcement topic
 * then has the release without the therapy text, the decisions topic every step.
 *
 * <p>Needs {@code /usr/bin/chromedriver} (Debian: {@code chromium-driver}) and {@code /usr/bin/chromium}; skipped
 * without them unless {@code DG_REQUIRE_BROWSER=1}.
 */
class ReviewConsoleBrowserIT {
    private static final String NOTES = "Moved to cottage 3. Per the therapist, the boy described the crossing at night.";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static EmbeddedKafka broker;

    @BeforeAll
    static void start() {
        boolean present = new File(CHROMEDRIVER).canExecute() && new File(CHROMIUM).canExecute();
        if ("1".equals(System.getenv("DG_REQUIRE_BROWSER"))) {
            assertTrue(present, CHROMEDRIVER + " and " + CHROMIUM + " are required (DG_REQUIRE_BROWSER=1): apt-get install chromium chromium-driver");
        } else {
            assumeTrue(present, "no " + CHROMEDRIVER + " or " + CHROMIUM + ": apt-get install chromium chromium-driver");
        }
        broker = EmbeddedKafka.start();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aReviewerReleasesOneRecordAndConfirmsAnotherInTheBrowser(@TempDir Path dir) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Topics topics = topics(suffix);
        Map<String, Object> settings = guardSettings(dir, ReviewUsers.write(dir));
        settings.put(GuardConfig.REVIEW_SEAL_KEY, PayloadSeal.newKey("k1"));
        Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());

        try (GuardApp app = Guards.start("guard-console-" + suffix, broker.bootstrapServers(), topics,
                Policy.bundled(), settings)) {
            assertTrue(app.awaitRunning(Duration.ofSeconds(60)));
            String url = "http://localhost:" + app.httpPort();
            send(client, topics.input(), TestEvents.benign().setCaseId("case-notes").setCaseNotes(NOTES).build());
            send(client, topics.input(), TestEvents.benign().setCaseId("case-source")
                    .setInformationSource(InformationSource.INDIVIDUAL_COUNSELING).build());

            WebDriver browser = chromium(dir);
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                signIn(browser, url, "rita", "rita-password-1");
                wait.until(d -> d.getCurrentUrl().endsWith("/review/records"));

                // Both held records appear in the list (oldest first); find each by its case id.
                awaitListed(browser, 2);
                assertEquals("Records 1–2 of 2, oldest first.", browser.findElement(By.id("record-count")).getText());
                String notesUrl = recordLink(browser, "case-notes");
                String sourceUrl = recordLink(browser, "case-source");

                // The queue is searched by part of a case id, in any case, and sorted: one record left, the search kept.
                browser.findElement(By.id("f-q")).sendKeys("CASE-SOU");
                new Select(browser.findElement(By.id("f-sort"))).selectByValue("newest");
                browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
                wait.until(d -> d.getCurrentUrl().contains("q=CASE-SOU"));
                assertEquals("Records 1–1 of 1, newest first.", browser.findElement(By.id("record-count")).getText());
                assertEquals(sourceUrl, recordLink(browser, "case-source"));
                assertEquals("CASE-SOU", browser.findElement(By.id("f-q")).getAttribute("value"));

                // The therapy record opens without its text: the reasons, the fields' sizes, and confirming only. The
                // text is shown when asked, and then the matched term is highlighted; release a redacted version
                // cutting the prefilled span.
                browser.get(notesUrl);
                assertEquals("PENDING", browser.findElement(By.id("state")).getText());
                assertFalse(browser.getPageSource().contains("crossing"), "no text before the reveal");
                assertTrue(browser.findElements(By.id("submit-release-redacted")).isEmpty(), "no release without reading");
                assertFalse(browser.findElements(By.id("submit-confirm-hold")).isEmpty(), "a hold can be confirmed unread");
                browser.findElement(By.id("reveal")).click();
                wait.until(d -> d.getCurrentUrl().endsWith("?reveal=text"));
                List<WebElement> marks = browser.findElements(By.cssSelector("#field-caseNotes mark"));
                assertFalse(marks.isEmpty(), "the matched span is marked");
                assertTrue(marks.stream().anyMatch(m -> m.getText().toLowerCase().contains("therapist")),
                        "marked: " + marks.stream().map(WebElement::getText).toList());
                assertTrue(browser.getPageSource().contains("Legal basis:"));
                String prefilled = browser.findElement(By.id("cut-0")).getAttribute("value");
                assertEquals("caseNotes " + NOTES.indexOf("Per the therapist") + " " + NOTES.length(), prefilled,
                        "prefilled: the matched term's sentence and all that follows it");
                // A release that cuts only the word is refused; the form comes back with what was typed in it.
                int word = NOTES.indexOf("therapist");
                String tooLittle = "caseNotes " + word + " " + (word + "therapist".length());
                browser.findElement(By.id("cut-0")).clear();
                browser.findElement(By.id("cut-0")).sendKeys(tooLittle);
                browser.findElement(By.id("release-justification")).sendKeys("only the word");
                browser.findElement(By.id("submit-release-redacted")).click();
                WebElement refusal = wait.until(d -> d.findElements(By.id("outcome")).stream().findFirst().orElse(null));
                assertTrue(refusal.getText().contains("REFUSED"), refusal.getText());
                assertEquals("only the word", browser.findElement(By.id("release-justification")).getAttribute("value"));
                assertEquals(tooLittle, browser.findElement(By.id("cut-0")).getAttribute("value"));
                browser.findElement(By.id("cut-0")).clear();
                browser.findElement(By.id("cut-0")).sendKeys(prefilled);
                browser.findElement(By.id("release-justification")).clear();
                browser.findElement(By.id("release-justification")).sendKeys("therapy reference cut");
                browser.findElement(By.id("submit-release-redacted")).click();
                // The refusal's notice is on the page until the next one loads: wait for this outcome's.
                WebElement outcome = wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElements(By.id("outcome")).stream()
                        .filter(e -> !e.getText().contains("REFUSED")).findFirst().orElse(null));
                assertTrue(outcome.getText().contains("RELEASED_REDACTED"), outcome.getText());
                assertEquals("RELEASED_REDACTED", browser.findElement(By.id("state")).getText());

                // The provenance record: confirm the hold and go on to the next pending record (there is none left).
                browser.get(sourceUrl);
                assertTrue(browser.getPageSource().contains("provenance."), "the provenance rule is named");
                browser.findElement(By.id("confirm-justification")).sendKeys("counseling source");
                browser.findElement(By.id("submit-confirm-hold-next")).click();
                outcome = wait.until(d -> d.findElements(By.id("outcome")).stream().findFirst().orElse(null));
                assertTrue(outcome.getText().contains("CONFIRMED_HOLD") && outcome.getText().contains("No other pending record is free"),
                        outcome.getText());
                browser.get(sourceUrl);
                assertEquals("CONFIRMED_HOLD", browser.findElement(By.id("state")).getText());

                // Bulk: two more counseling-source holds, confirmed at once from the filtered list with one
                // justification. A form whose count went stale (a third arrived since) is refused and sends nothing.
                send(client, topics.input(), TestEvents.benign().setCaseId("case-bulk-1")
                        .setInformationSource(InformationSource.INDIVIDUAL_COUNSELING).build());
                send(client, topics.input(), TestEvents.benign().setCaseId("case-bulk-2")
                        .setInformationSource(InformationSource.INDIVIDUAL_COUNSELING).build());
                browser.get(url + "/review/records?q=case-bulk");
                awaitListed(browser, 2);
                assertEquals("Records 1–2 of 2, oldest first.", browser.findElement(By.id("record-count")).getText());
                assertTrue(browser.getPageSource().contains("Confirm the hold of all 2 record(s)"), "the bulk form names its count");
                send(client, topics.input(), TestEvents.benign().setCaseId("case-bulk-3")
                        .setInformationSource(InformationSource.INDIVIDUAL_COUNSELING).build());
                String listTab = browser.getWindowHandle();
                browser.switchTo().newWindow(WindowType.TAB);
                browser.get(url + "/review/records?q=case-bulk");
                awaitListed(browser, 3);
                browser.close();
                browser.switchTo().window(listTab);
                browser.findElement(By.id("bulk-justification")).sendKeys("counseling-source holds, all of them");
                browser.findElement(By.id("submit-bulk-confirm")).click();
                WebElement stale = wait.until(d -> d.findElements(By.id("outcome")).stream().findFirst().orElse(null));
                assertTrue(stale.getText().contains("3 pending records match now, not 2"), stale.getText());
                browser.get(url + "/review/records?q=case-bulk");
                assertEquals("Records 1–3 of 3, oldest first.", browser.findElement(By.id("record-count")).getText(),
                        "the refused form confirmed nothing");
                browser.findElement(By.id("bulk-justification")).sendKeys("counseling-source holds, all of them");
                browser.findElement(By.id("submit-bulk-confirm")).click();
                outcome = wait.until(d -> d.findElements(By.id("outcome")).stream().findFirst().orElse(null));
                assertEquals("3 confirmation(s) sent; each record's history shows it.", outcome.getText());
                browser.get(url + "/review/records?q=case-bulk&state=CONFIRMED_HOLD");
                awaitListed(browser, 3);
                // The API's bulk confirmation is bound to the count the same way: none pending match now, not 3.
                java.net.http.HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/api/review/bulk/confirm-hold"))
                                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                        .encodeToString("rita:rita-password-1".getBytes(StandardCharsets.UTF_8)))
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "{\"filter\": {\"q\": \"case-bulk\"}, \"expected\": 3, \"justification\": \"again\"}"))
                                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(409, refused.statusCode(), refused.body());
                assertTrue(refused.body().contains("0 pending records match now, not 3"), refused.body());

                // Sign out; the auditor sees the history, not the records.
                browser.findElement(By.id("sign-out")).click();
                wait.until(d -> d.getCurrentUrl().contains("/review/login"));
                signIn(browser, url, "ada", "ada-password-12");
                wait.until(d -> d.getCurrentUrl().endsWith("/review/history"));
                String history = browser.findElement(By.tagName("main")).getText();
                assertTrue(history.contains("RELEASED_REDACTED") && history.contains("CONFIRMED_HOLD") && history.contains("VIEWED"), history);
                assertFalse(history.contains("crossing") || history.contains("therapist"), "no record text for auditors");
                browser.get(notesUrl);
                assertEquals("Forbidden", browser.findElement(By.tagName("h1")).getText());
            } finally {
                browser.quit();
            }
        }

        // The enforcement topic has the redacted release without the therapy text; the decisions topic every step.
        List<ConsumerRecord<byte[], byte[]>> enforcement = TopicReader.readAll(client, topics.enforcement(), Duration.ofSeconds(30));
        List<String> releasedNotes = enforcement.stream()
                .filter(r -> r.headers().lastHeader(ReviewTopology.RELEASED_FROM_HEADER) != null)
                .map(r -> new GuardDriver.EnforcementReader().caseNotes(r.value())).toList();
        assertEquals(1, releasedNotes.size(), releasedNotes.toString());
        assertEquals("Moved to cottage 3. ", releasedNotes.get(0), "nothing of the hit's sentence, nor what followed it, crossed");
        List<String> decisions = TopicReader.readAll(client, topics.reviewDecisions(), Duration.ofSeconds(30)).stream()
                .map(r -> ReviewModel.read(r.value(), ReviewModel.Event.class).type().name()).toList();
        assertTrue(decisions.containsAll(List.of("VIEWED", "RELEASED_REDACTED", "CONFIRMED_HOLD")), decisions.toString());
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(client, topics.reviewDecisions(), Duration.ofSeconds(30))) {
            assertFalse(new String(r.value(), StandardCharsets.UTF_8).contains("crossing"), "no record text in decisions");
        }
    }

    /**
     * Four eyes in the browser: rita asks for a redacted release with the prefilled cut (the hit's sentence and what
     * follows it); sam, a second reviewer, sees its kind and a preview of what it forwards, and approves it. The
     * enforcement topic then has the record without anything from the hit's sentence on; the release event is sam's.
     */
    @Test
    void aSecondReviewerApprovesTheReleaseTheySawPreviewed(@TempDir Path dir) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Topics topics = topics(suffix);
        Path users = ReviewUsers.write(dir);
        UserStore.addOrReplace(users, "sam", Role.REVIEWER, "sam-password-12".toCharArray());
        Map<String, Object> settings = guardSettings(dir, users);
        settings.put(GuardConfig.REVIEW_FOUR_EYES, true);
        Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());

        try (GuardApp app = Guards.start("guard-four-eyes-" + suffix, broker.bootstrapServers(), topics, Policy.bundled(), settings)) {
            assertTrue(app.awaitRunning(Duration.ofSeconds(60)));
            String url = "http://localhost:" + app.httpPort();
            send(client, topics.input(), TestEvents.benign().setCaseId("case-4eyes").setCaseNotes(NOTES).build());
            WebDriver browser = chromium(dir);
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                signIn(browser, url, "rita", "rita-password-1");
                wait.until(d -> d.getCurrentUrl().endsWith("/review/records"));
                awaitListed(browser, 1);
                String recordUrl = recordLink(browser, "case-4eyes") + "?reveal=text";
                // Opening the record claims it for rita; sam, in a browser of his own, sees who has it.
                browser.get(recordUrl);
                assertTrue(browser.findElement(By.id("claim")).getText().startsWith("This record is yours until"),
                        browser.findElement(By.id("claim")).getText());
                WebDriver second = chromium(dir);
                try {
                    WebDriverWait secondWait = new WebDriverWait(second, Duration.ofSeconds(30));
                    signIn(second, url, "sam", "sam-password-12");
                    secondWait.until(d -> d.getCurrentUrl().endsWith("/review/records"));
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (!"rita".equals(claimedBy(second, "case-4eyes")) && System.nanoTime() < deadline) {
                        Thread.sleep(200); // the claim is a command: it is on the entry a moment after rita's page loaded
                        second.navigate().refresh();
                    }
                    assertEquals("rita", claimedBy(second, "case-4eyes"));
                    screenshot(second, "review-queue.png");
                    second.get(recordUrl);
                    assertTrue(second.findElement(By.id("claim")).getText().startsWith("rita is working on this record until"),
                            second.findElement(By.id("claim")).getText());

                    browser.findElement(By.id("release-justification")).sendKeys("the therapist's sentence cut");
                    browser.findElement(By.id("submit-release-redacted")).click();
                    wait.until(d -> d.findElements(By.id("outcome")).stream().findFirst().orElse(null));
                    assertEquals("AWAITING_SECOND_APPROVAL", browser.findElement(By.id("state")).getText());

                    second.get(recordUrl);
                    assertEquals("redacted", second.findElement(By.id("pending-kind")).getText());
                    String preview = second.findElement(By.id("pending-preview")).getText();
                    assertTrue(preview.contains("caseNotes") && preview.contains("Moved to cottage 3."), preview);
                    assertFalse(preview.contains("therapist") || preview.contains("crossing"), "the preview is what crosses: " + preview);
                    second.get(recordUrl + "#decide-h"); // the screenshot shows what the approver decides on
                    screenshot(second, "review-record.png");
                    second.findElement(By.id("approve-justification")).sendKeys("preview read");
                    second.findElement(By.id("submit-approve")).click();
                    WebElement outcome = secondWait.until(d -> d.findElements(By.id("outcome")).stream().findFirst().orElse(null));
                    assertTrue(outcome.getText().contains("RELEASED_REDACTED"), outcome.getText());
                } finally {
                    second.quit();
                }
            } finally {
                browser.quit();
            }
        }
        List<String> releasedNotes = TopicReader.readAll(client, topics.enforcement(), Duration.ofSeconds(30)).stream()
                .filter(r -> r.headers().lastHeader(ReviewTopology.RELEASED_FROM_HEADER) != null)
                .map(r -> new GuardDriver.EnforcementReader().caseNotes(r.value())).toList();
        assertEquals(List.of("Moved to cottage 3. "), releasedNotes, "nothing of the hit's sentence, nor what followed it, crossed");
        List<ReviewModel.Event> events = TopicReader.readAll(client, topics.reviewDecisions(), Duration.ofSeconds(30)).stream()
                .map(r -> ReviewModel.read(r.value(), ReviewModel.Event.class)).toList();
        ReviewModel.Event released = events.stream().filter(e -> e.type() == ReviewModel.EventType.RELEASED_REDACTED).findFirst().orElseThrow();
        assertEquals("sam", released.reviewer());
        assertEquals("preview read", released.justification(), "the approver's own justification");
    }

    /** Fresh topics on the broker for one test. */
    private static Topics topics(String suffix) {
        Topics topics = new Topics("in-" + suffix, "out-" + suffix, "rev-" + suffix, "aud-" + suffix);
        broker.createTopics(TopicPlan.newTopics(topics, 2, (short) 1));
        return topics;
    }

    /** A guard with its state in {@code dir}, HTTP on any free port and the review users of {@code users}. */
    private static Map<String, Object> guardSettings(Path dir, Path users) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
        settings.put(GuardConfig.HTTP_PORT, 0);
        settings.put(GuardConfig.REVIEW_USERS_FILE, users.toString());
        return settings;
    }

    /** Reloads the list until it shows {@code rows} records (a minute at most: the records are held asynchronously). */
    private static void awaitListed(WebDriver browser, int rows) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (browser.findElements(By.cssSelector("#records tbody tr")).size() < rows && System.nanoTime() < deadline) {
            Thread.sleep(500);
            browser.navigate().refresh();
        }
    }

    private static WebDriver chromium(Path dir) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1366,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void signIn(WebDriver browser, String url, String user, String password) {
        browser.get(url + "/review/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    private static String recordLink(WebDriver browser, String caseId) {
        for (WebElement row : browser.findElements(By.cssSelector("#records tbody tr"))) {
            if (row.findElements(By.tagName("td")).get(4).getText().equals(caseId)) {
                return row.findElement(By.cssSelector("td a")).getAttribute("href");
            }
        }
        throw new AssertionError("no listed record of case " + caseId);
    }

    /** The "Claimed by" cell of the listed record of {@code caseId}. */
    private static String claimedBy(WebDriver browser, String caseId) {
        for (WebElement row : browser.findElements(By.cssSelector("#records tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            if (cells.get(4).getText().equals(caseId)) {
                return cells.get(2).getText();
            }
        }
        throw new AssertionError("no listed record of case " + caseId);
    }

    /** Saves what the browser shows as {@code target/NAME} (the README's screenshots are these). */
    private static void screenshot(WebDriver browser, String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target"));
        Files.copy(shot, Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void send(Map<String, Object> client, String topic, CaseRecordEvent event) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ClientSettings.idempotentProducer(client),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, event.getCaseId().getBytes(StandardCharsets.UTF_8), GuardDriver.encode(event))).get();
        }
    }
}
