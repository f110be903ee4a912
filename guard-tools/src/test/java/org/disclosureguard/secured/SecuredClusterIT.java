package org.disclosureguard.secured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.disclosureguard.app.RunSettings;
import org.disclosureguard.cli.Main;
import org.disclosureguard.demo.EventFeeder;
import org.disclosureguard.embedded.EmbeddedKafka;
import org.disclosureguard.embedded.JvmProcess;
import org.disclosureguard.embedded.SecuredListener;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.synthetic.CaseEventGenerator;
import org.disclosureguard.verify.ConservationChecker;
import org.disclosureguard.verify.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard on a secured cluster: an embedded broker with a SASL_SSL listener (SCRAM-SHA-512, a certificate made
 * at test time), and every client of the test and of the guard connecting to that listener with the settings of
 * the documented example, examples/secured-sasl-ssl.properties, its placeholders substituted. The topics are
 * created with the `topics` command and the guard runs as the production `run` command in its own JVM (pre-flight
 * check, then GuardApp), its secrets given through DG_* environment variables as the example recommends.
 */
@Timeout(120)
class SecuredClusterIT {
    private static final Path EXAMPLE = Path.of("examples", "secured-sasl-ssl.properties");
    private static final String USER = "disclosure-guard";
    private static final Pattern JAAS_USERNAME = Pattern.compile("username=\"[^\"]*\"");
    private static final Pattern JAAS_PASSWORD = Pattern.compile("password=\"[^\"]*\"");

    @TempDir
    static Path dir;
    private static TestCertificates certificates;
    private static EmbeddedKafka broker;
    private static String password;

    @BeforeAll
    static void startSecuredBroker() throws Exception {
        long start = System.nanoTime();
        certificates = TestCertificates.generate(dir);
        long certified = System.nanoTime();
        broker = EmbeddedKafka.start(dir.resolve("broker"),
                SecuredListener.pkcs12(certificates.keystore(), certificates.keystorePassword()));
        password = "pw-" + UUID.randomUUID();
        broker.createScramUser(USER, password);
        broker.awaitAccepted(exampleSettings(USER, password));
        System.out.printf("SecuredClusterIT: certificates %d ms, broker and SCRAM user %d ms%n",
                (certified - start) / 1_000_000, (System.nanoTime() - certified) / 1_000_000);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theGuardScreensOverSaslSslWithTheDocumentedSettings() throws Exception {
        Map<String, String> settings = exampleSettings(USER, password);
        assertEquals(broker.securedBootstrapServers(), settings.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
        assertEquals("SASL_SSL", settings.get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG));
        Path config = write(settings, dir.resolve("secured.properties"));
        Map<String, Object> clientSettings = new HashMap<>(RunSettings.load(config, Map.of()));
        Topics topics = GuardConfig.fromStreamsConfig(clientSettings).topics();

        // The topics, created through the secured listener by the documented command.
        int[] exit = new int[1];
        String printed = captureStdout(() -> exit[0] = Main.commandLine().execute("topics", "--config",
                config.toString(), "--partitions", "2", "--replication-factor", "1"));
        assertEquals(0, exit[0], printed);
        assertTrue(printed.contains("created all topics"), printed);

        // `run` with the secrets left as placeholders in its file and given through the environment instead.
        Map<String, String> runFileSettings = new HashMap<>(settings);
        Map<String, String> template = RunSettings.load(EXAMPLE, Map.of());
        runFileSettings.put(SaslConfigs.SASL_JAAS_CONFIG, template.get(SaslConfigs.SASL_JAAS_CONFIG));
        runFileSettings.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, template.get(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG));
        Path runConfig = write(runFileSettings, dir.resolve("run.properties"));
        int events = 600;
        JvmProcess app = JvmProcess.builder(Main.class)
                .jvmArgs("-Xmx512m")
                .env(RunSettings.environmentVariable(SaslConfigs.SASL_JAAS_CONFIG), settings.get(SaslConfigs.SASL_JAAS_CONFIG))
                .env(RunSettings.environmentVariable(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG),
                        settings.get(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG))
                .args("run", "--config", runConfig.toString(), "--state-dir", dir.resolve("state").toString(),
                        "--startup-timeout", "20")
                .logFile(dir.resolve("app.log"))
                .start();
        try {
            // Synthetic events (1% poison pills) from an idempotent producer over SASL_SSL.
            new EventFeeder(clientSettings, topics.input(), 3000, 0.01, 29, events).run();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long decided = 0;
            while ((decided = TopicReader.readAll(clientSettings, topics.audit(), Duration.ofSeconds(20)).size()) < events) {
                assertTrue(app.isAlive(), "the guard exited: " + app.logTail(40));
                assertTrue(System.nanoTime() < deadline, "decisions: " + decided + " of " + events + "; " + app.logTail(40));
                Thread.sleep(500);
            }
            assertTrue(app.isAlive(), "the guard exited: " + app.logTail(40));
        } finally {
            boolean clean = app.stop(Duration.ofSeconds(30));
            app.close();
            assertTrue(clean, "the guard did not stop on SIGTERM: " + app.logTail(40));
        }

        ConservationChecker.Report report = ConservationChecker.check(clientSettings, topics,
                CaseEventGenerator.therapyDerivedTexts(), Duration.ofSeconds(30));
        assertTrue(report.clean(), report.summary() + "\n" + String.join("\n", report.problems()));
        assertEquals(events, report.inputs(), report.summary());
        assertEquals(events, report.decided(), report.summary());
    }

    @Test
    void aWrongPasswordIsOneClearLineNotAHang() throws Exception {
        String wrong = "not-" + password;
        Path config = write(exampleSettings(USER, wrong), dir.resolve("wrong-password.properties"));
        long start = System.nanoTime();
        String[] result = run("run", "--config", config.toString(), "--startup-timeout", "30");
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        System.out.println("SecuredClusterIT: a wrong password gave, in " + seconds + " s: " + result[1].trim());
        assertEquals("2", result[0], result[1]);
        assertTrue(result[1].contains("authentication failed at " + broker.securedBootstrapServers())
                && result[1].contains("sasl.jaas.config"), result[1]);
        assertTrue(seconds < 15, "took " + seconds + " s: the failure must not wait out the 30 s start-up timeout");
        assertFalse(result[1].contains(wrong) || result[1].contains(password), "no password in the message: " + result[1]);
        assertFalse(result[1].contains("\tat "), "no stack trace: " + result[1]);
    }

    @Test
    void anUntrustedBrokerCertificateIsOneClearLine() throws Exception {
        Map<String, String> settings = exampleSettings(USER, password);
        // The JVM's own CAs, which did not sign the test broker's certificate.
        settings.remove(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG);
        settings.remove(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG);
        settings.remove(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG);
        Path config = write(settings, dir.resolve("untrusted.properties"));
        long start = System.nanoTime();
        String[] result = run("run", "--config", config.toString(), "--startup-timeout", "30");
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        System.out.println("SecuredClusterIT: an untrusted certificate gave, in " + seconds + " s: " + result[1].trim());
        assertEquals("2", result[0], result[1]);
        assertTrue(result[1].contains("TLS handshake with the Kafka cluster at " + broker.securedBootstrapServers() + " failed")
                && result[1].contains("ssl.truststore"), result[1]);
        assertTrue(seconds < 15, "took " + seconds + " s: the failure must not wait out the 30 s start-up timeout");
        assertFalse(result[1].contains("\tat "), "no stack trace: " + result[1]);
    }

    @Test
    void aMissingTruststoreIsOneClearLine() throws Exception {
        Map<String, String> settings = exampleSettings(USER, password);
        Path missing = dir.resolve("no-such-truststore.p12");
        settings.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, missing.toString());
        Path config = write(settings, dir.resolve("missing-truststore.properties"));
        String[] result = run("run", "--config", config.toString(), "--startup-timeout", "30");
        System.out.println("SecuredClusterIT: a missing truststore gave: " + result[1].trim());
        assertEquals("2", result[0], result[1]);
        assertTrue(result[1].contains("cannot create a Kafka client") && result[1].contains(missing.toString()), result[1]);
        assertFalse(result[1].contains("\tat "), "no stack trace: " + result[1]);
    }

    /**
     * The settings of the documented example with its placeholders substituted: the secured listener's address,
     * the test's truststore, and {@code user} and {@code password} in its sasl.jaas.config.
     */
    static Map<String, String> exampleSettings(String user, String password) throws IOException {
        Map<String, String> settings = new HashMap<>(RunSettings.load(EXAMPLE, Map.of()));
        replace(settings, CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.securedBootstrapServers());
        replace(settings, SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, certificates.truststore().toString());
        replace(settings, SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, certificates.truststorePassword());
        String jaas = settings.get(SaslConfigs.SASL_JAAS_CONFIG);
        assertTrue(jaas != null && JAAS_USERNAME.matcher(jaas).find() && JAAS_PASSWORD.matcher(jaas).find(),
                "the example's sasl.jaas.config has username and password placeholders: " + jaas);
        jaas = JAAS_USERNAME.matcher(jaas).replaceFirst(Matcher.quoteReplacement("username=\"" + user + "\""));
        jaas = JAAS_PASSWORD.matcher(jaas).replaceFirst(Matcher.quoteReplacement("password=\"" + password + "\""));
        settings.put(SaslConfigs.SASL_JAAS_CONFIG, jaas);
        return settings;
    }

    private static void replace(Map<String, String> settings, String key, String value) {
        assertTrue(settings.containsKey(key), EXAMPLE + " documents " + key);
        settings.put(key, value);
    }

    private static Path write(Map<String, String> settings, Path file) throws IOException {
        Properties properties = new Properties();
        properties.putAll(settings);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "from " + EXAMPLE + ", placeholders substituted");
        }
        return file;
    }

    /** Runs a command in this JVM: {exit code, what it printed on stderr}. */
    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new String[] {Integer.toString(exit), err.toString()};
    }

    private static String captureStdout(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
