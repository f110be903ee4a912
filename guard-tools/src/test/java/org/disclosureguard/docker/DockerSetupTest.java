package org.disclosureguard.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.disclosureguard.app.RunSettings;
import org.disclosureguard.cli.Main;
import org.disclosureguard.pipeline.GuardConfig;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import picocli.CommandLine;

/**
 * The container set-up (docker/Dockerfile, docker/compose.yaml and the files it mounts, .dockerignore) and the
 * example configurations in examples/, checked without a Docker engine: no engine runs on the development
 * machines, so a typo in a setting, a path or a command would otherwise only show on someone else's machine.
 */
class DockerSetupTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path DOCKER = ROOT.resolve("docker");
    private static final Path COMPOSE = DOCKER.resolve("compose.yaml");
    private static final Path DOCKERFILE = DOCKER.resolve("Dockerfile");
    private static final Path PROMETHEUS = DOCKER.resolve("prometheus/prometheus.yml");
    private static final Path GRAFANA_PROVISIONING = DOCKER.resolve("grafana/provisioning");
    private static final Path CONFIG_DIR = ROOT.resolve("examples");
    private static final String MAIN_CLASS = Main.class.getName();
    /** The contract of guard.http.port: its default, used when compose does not set DG_GUARD_HTTP_PORT. */
    private static final String DEFAULT_HTTP_PORT = "8080";
    private static final List<String> EXPECTED_SERVICES = List.of("kafka", "topics", "guard", "producer", "prometheus", "grafana");
    private static final Set<String> DEPENDS_ON_CONDITIONS =
            Set.of("service_started", "service_healthy", "service_completed_successfully");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    // ---------------------------------------------------------------- compose.yaml

    @Test
    void composeHasTheExpectedServices() throws IOException {
        Set<String> services = services().keySet();
        for (String expected : EXPECTED_SERVICES) {
            assertTrue(services.contains(expected), COMPOSE + " has no service '" + expected + "' (services: " + services + ")");
        }
        Set<String> ours = ourServices().keySet();
        for (String name : List.of("topics", "guard", "producer")) {
            assertTrue(ours.contains(name), "service '" + name + "' is not built from docker/Dockerfile (our services: " + ours + ")");
        }
    }

    @Test
    void kafkaIsTheOfficialImageASingleCombinedKraftNodeReachableFromContainersAndHost() throws Exception {
        JsonNode kafka = service("kafka");
        String image = kafka.path("image").asText("");
        assertTrue(image.startsWith("apache/kafka:"), "service kafka must use the official apache/kafka image, not '" + image + "'");
        String tag = image.substring("apache/kafka:".length());
        assertTrue(tag.matches("\\d+\\.\\d+\\.\\d+"), "pin apache/kafka to a release (x.y.z), not '" + tag + "'");
        String pomKafka = pomProperty("kafka.version");
        assertEquals(pomKafka.split("\\.")[0], tag.split("\\.")[0],
                "apache/kafka:" + tag + " is not the same major version as the Kafka the guard is built and tested with (" + pomKafka + ")");

        Map<String, String> env = environment("kafka", kafka);
        String clusterId = env.get("CLUSTER_ID");
        if (clusterId != null) {
            assertEquals(clusterId, Uuid.fromString(clusterId).toString(),
                    "CLUSTER_ID '" + clusterId + "' is not a base64url-encoded UUID (kafka-storage format would refuse it)");
        }
        Set<String> roles = Set.of(required(env, "KAFKA_PROCESS_ROLES", "kafka").replace(" ", "").split(","));
        assertEquals(Set.of("broker", "controller"), roles, "kafka must be one combined node: KAFKA_PROCESS_ROLES=broker,controller");
        String nodeId = required(env, "KAFKA_NODE_ID", "kafka");
        assertTrue(required(env, "KAFKA_CONTROLLER_QUORUM_VOTERS", "kafka").startsWith(nodeId + "@kafka:"),
                "KAFKA_CONTROLLER_QUORUM_VOTERS must name node " + nodeId + " at kafka:<controller port>");
        for (String internal : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")) {
            assertEquals("1", env.get(internal), "a single node needs " + internal + "=1 (exactly-once uses the transaction log)");
        }

        Map<String, String> listeners = listeners(required(env, "KAFKA_LISTENERS", "kafka"));
        Map<String, String> advertised = listeners(required(env, "KAFKA_ADVERTISED_LISTENERS", "kafka"));
        Set<String> protocolMap = Arrays.stream(required(env, "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "kafka").split(","))
                .map(entry -> entry.split(":")[0].trim()).collect(Collectors.toSet());
        for (String name : listeners.keySet()) {
            assertTrue(protocolMap.contains(name), "listener " + name + " is missing from KAFKA_LISTENER_SECURITY_PROTOCOL_MAP");
        }
        for (Map.Entry<String, String> listener : advertised.entrySet()) {
            String port = listener.getValue().substring(listener.getValue().lastIndexOf(':') + 1);
            assertTrue(listeners.containsKey(listener.getKey()), "advertised listener " + listener.getKey() + " is not in KAFKA_LISTENERS");
            assertTrue(listeners.get(listener.getKey()).endsWith(":" + port),
                    "advertised listener " + listener + " does not use the port its listener binds (" + listeners.get(listener.getKey()) + ")");
        }
        assertTrue(advertised.containsValue("localhost:9092"), "no listener is advertised as localhost:9092 for the host: " + advertised);
        assertTrue(publishedPorts(kafka).contains("9092"), "kafka does not publish port 9092 to the host (ports: " + kafka.path("ports") + ")");
        assertTrue(advertised.values().stream().anyMatch(address -> address.startsWith("kafka:")),
                "no listener is advertised as kafka:<port> for the other containers: " + advertised);
        assertTrue(hasHealthcheck(kafka), "kafka needs a healthcheck (the topic set-up waits for service_healthy)");

        // Every bootstrap address our containers use is one that kafka advertises under its service name.
        for (Map.Entry<String, JsonNode> ours : ourServices().entrySet()) {
            String bootstrap = bootstrapServers(ours.getKey(), ours.getValue());
            assertNotNull(bootstrap, "service " + ours.getKey() + " sets no bootstrap servers (DG_BOOTSTRAP_SERVERS or --bootstrap-servers)");
            for (String address : bootstrap.split(",")) {
                assertTrue(advertised.containsValue(address.trim()) && !address.trim().startsWith("localhost:"),
                        "service " + ours.getKey() + " connects to " + address + ", which kafka does not advertise to containers " + advertised);
            }
        }
    }

    @Test
    void buildContextsAndDockerfilesExist() throws IOException {
        List<String> problems = new ArrayList<>();
        services().forEach((name, service) -> {
            JsonNode build = service.get("build");
            if (build == null) {
                return;
            }
            String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
            Path contextDir = DOCKER.resolve(context).normalize();
            if (!Files.isDirectory(contextDir)) {
                problems.add("service " + name + ": build context '" + context + "' (" + contextDir + ") is not a directory");
                return;
            }
            String dockerfile = build.isTextual() ? "Dockerfile" : build.path("dockerfile").asText("Dockerfile");
            Path file = contextDir.resolve(dockerfile).normalize();
            if (!Files.isRegularFile(file)) {
                problems.add("service " + name + ": dockerfile '" + dockerfile + "' (" + file + ") does not exist");
            } else if (!file.equals(DOCKERFILE)) {
                problems.add("service " + name + ": builds " + file + ", expected " + DOCKERFILE);
            }
        });
        assertNoProblems(problems);
    }

    @Test
    void everyBindMountAndEnvFileExists() throws IOException {
        List<String> problems = new ArrayList<>();
        services().forEach((name, service) -> {
            for (JsonNode volume : service.path("volumes")) {
                String source = null;
                if (volume.isTextual()) {
                    String spec = volume.asText();
                    String first = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : null;
                    if (first != null && (first.startsWith(".") || first.startsWith("/") || first.startsWith("~"))) {
                        source = first;
                    }
                } else if ("bind".equals(volume.path("type").asText())) {
                    source = volume.path("source").asText();
                }
                if (source != null && !Files.exists(DOCKER.resolve(source).normalize())) {
                    problems.add("service " + name + ": bind-mounted host path '" + source + "' does not exist (relative to docker/)");
                }
            }
            for (String envFile : envFiles(service)) {
                if (!Files.isRegularFile(DOCKER.resolve(envFile).normalize())) {
                    problems.add("service " + name + ": env_file '" + envFile + "' does not exist (relative to docker/)");
                }
            }
        });
        assertNoProblems(problems);
    }

    @Test
    void everyDependencyIsADefinedServiceWithAValidCondition() throws IOException {
        Map<String, JsonNode> services = services();
        List<String> problems = new ArrayList<>();
        services.forEach((name, service) -> {
            JsonNode dependsOn = service.path("depends_on");
            Map<String, String> conditions = new LinkedHashMap<>();
            if (dependsOn.isArray()) {
                dependsOn.forEach(dependency -> conditions.put(dependency.asText(), "service_started"));
            } else if (dependsOn.isObject()) {
                dependsOn.properties().forEach(dependency ->
                        conditions.put(dependency.getKey(), dependency.getValue().path("condition").asText("service_started")));
            }
            conditions.forEach((dependency, condition) -> {
                if (!services.containsKey(dependency)) {
                    problems.add("service " + name + " depends on '" + dependency + "', which is not a service " + services.keySet());
                } else if (!DEPENDS_ON_CONDITIONS.contains(condition)) {
                    problems.add("service " + name + ": depends_on " + dependency + " has an unknown condition '" + condition + "'");
                } else if (condition.equals("service_healthy") && !hasHealthcheck(services.get(dependency))) {
                    problems.add("service " + name + " waits for " + dependency + " to be healthy, but " + dependency + " has no healthcheck");
                }
            });
        });
        assertNoProblems(problems);
        assertEquals("service_completed_successfully", service("guard").path("depends_on").path("topics").path("condition").asText(),
                "the guard must start only after the topic set-up completed successfully");
        assertTrue(hasHealthcheck(service("guard")), "the guard service needs a healthcheck");
    }

    @Test
    void everyDgVariableIsAKnownSetting() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> ours : ourServices().entrySet()) {
            environment(ours.getKey(), ours.getValue()).keySet().forEach(variable ->
                    checkVariable(variable, "service " + ours.getKey(), problems));
        }
        for (Instruction env : dockerfile().stream().filter(i -> i.is("ENV")).collect(Collectors.toList())) {
            envAssignments(env.arguments).keySet().forEach(variable -> checkVariable(variable, "Dockerfile ENV", problems));
        }
        assertNoProblems(problems);
    }

    @Test
    void ourServicesAgreeOnTheTopicsAndTheirValuesAreValid() throws IOException {
        Map<String, Map<String, String>> settingsByService = new TreeMap<>();
        for (Map.Entry<String, JsonNode> ours : ourServices().entrySet()) {
            Map<String, String> settings = new TreeMap<>();
            environment(ours.getKey(), ours.getValue()).forEach((variable, value) -> {
                if (variable.startsWith(RunSettings.ENV_PREFIX)) {
                    settings.put(RunSettings.propertyName(variable), value);
                }
            });
            settingsByService.put(ours.getKey(), settings);
            try {
                GuardConfig.CONFIG_DEF.parse(settings);
            } catch (ConfigException e) {
                fail("service " + ours.getKey() + ": invalid guard setting: " + e.getMessage());
            }
        }
        for (String topicKey : List.of(GuardConfig.TOPIC_INPUT, GuardConfig.TOPIC_ENFORCEMENT, GuardConfig.TOPIC_REVIEW, GuardConfig.TOPIC_AUDIT)) {
            Map<String, String> values = new TreeMap<>();
            settingsByService.forEach((service, settings) -> values.put(service, settings.getOrDefault(topicKey, "(default)")));
            assertEquals(1, new TreeSet<>(values.values()).size(),
                    "our services disagree on " + topicKey + ": " + values + " (set it in docker/guard.env, shared by all)");
        }
    }

    @Test
    void everyCommandOurContainersRunIsARealCommandWithRealOptions() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> ours : ourServices().entrySet()) {
            JsonNode command = ours.getValue().get("command");
            if (command != null) {
                checkCommandLine(words(command), "service " + ours.getKey() + " command", problems);
            }
            JsonNode test = ours.getValue().path("healthcheck").path("test");
            if (!test.isMissingNode()) {
                checkCommandLine(afterMainClass(words(test), "service " + ours.getKey() + " healthcheck", problems),
                        "service " + ours.getKey() + " healthcheck", problems);
            }
        }
        List<Instruction> runtime = runtimeStage();
        Instruction cmd = last(runtime, "CMD");
        assertNotNull(cmd, "the runtime stage has no CMD (default command)");
        checkCommandLine(execForm(cmd), "Dockerfile CMD", problems);
        Instruction healthcheck = last(runtime, "HEALTHCHECK");
        if (healthcheck != null && healthcheck.arguments.contains("CMD")) {
            String exec = healthcheck.arguments.substring(healthcheck.arguments.indexOf("CMD") + 3).trim();
            checkCommandLine(afterMainClass(jsonArray(exec, "HEALTHCHECK"), "Dockerfile HEALTHCHECK", problems),
                    "Dockerfile HEALTHCHECK", problems);
        }
        assertNoProblems(problems);
    }

    // ---------------------------------------------------------------- Dockerfile

    @Test
    void dockerfileCopiesOnlyWhatExistsAndIsNotIgnored() throws IOException {
        List<String> ignore = Files.exists(ROOT.resolve(".dockerignore"))
                ? Files.readAllLines(ROOT.resolve(".dockerignore")) : List.of();
        Set<String> stages = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (Instruction instruction : dockerfile()) {
            if (instruction.is("FROM")) {
                String[] words = instruction.arguments.split("\\s+");
                if (words.length == 3 && words[1].equalsIgnoreCase("AS")) {
                    stages.add(words[2]);
                }
            } else if (instruction.is("COPY") || instruction.is("ADD")) {
                Copy copy = Copy.parse(instruction);
                if (copy.from != null) {
                    if (!stages.contains(copy.from)) {
                        problems.add("line " + instruction.line + ": COPY --from=" + copy.from + " names no earlier stage " + stages);
                    }
                    continue;
                }
                for (String source : copy.sources) {
                    Path path = ROOT.resolve(source).normalize();
                    if (!Files.exists(path)) {
                        problems.add("line " + instruction.line + ": " + instruction.keyword + " source '" + source
                                + "' does not exist in the build context (the repository root)");
                    } else if (ignored(ROOT.relativize(path).toString(), ignore)) {
                        problems.add("line " + instruction.line + ": " + instruction.keyword + " source '" + source
                                + "' is excluded by .dockerignore");
                    }
                }
            }
        }
        assertNoProblems(problems);
        for (String needed : List.of("pom.xml", "schemas", "guard-core", "guard-app", "guard-tools")) {
            assertTrue(dockerfile().stream().filter(i -> i.is("COPY")).map(Copy::parse)
                            .anyMatch(copy -> copy.from == null && copy.sources.stream().anyMatch(s -> trimSlash(s).equals(needed))),
                    "the build stage does not COPY " + needed + " (the Maven build needs it)");
        }
    }

    @Test
    void dockerignoreKeepsBuildOutputAndGitOutOfTheContext() throws IOException {
        Path file = ROOT.resolve(".dockerignore");
        assertTrue(Files.isRegularFile(file), ".dockerignore is missing at the repository root (the build context)");
        List<String> ignore = Files.readAllLines(file);
        for (String path : List.of("target", "target/disclosure-guard.jar", ".git", ".git/config")) {
            assertTrue(ignored(path, ignore), ".dockerignore does not exclude " + path);
        }
    }

    @Test
    void dockerfileIsMultiStageWithJava17AndARuntimeThatIsNotRoot() throws Exception {
        List<List<Instruction>> stages = stages();
        assertTrue(stages.size() >= 2, "the Dockerfile must be multi-stage (a Maven build stage and a JRE runtime stage)");
        String release = pomProperty("maven.compiler.release");
        String buildImage = stages.get(0).get(0).arguments.split("\\s+")[0];
        String runtimeImage = runtimeStage().get(0).arguments.split("\\s+")[0];
        assertTrue(buildImage.startsWith("maven:") && buildImage.contains(release),
                "the build stage must be an official Maven image with JDK " + release + ", not " + buildImage);
        assertTrue(runtimeImage.startsWith("eclipse-temurin:" + release) && runtimeImage.contains("jre"),
                "the runtime stage must be a Java " + release + " JRE image (eclipse-temurin:" + release + "-jre), not " + runtimeImage);

        Instruction user = last(runtimeStage(), "USER");
        assertNotNull(user, "the runtime stage has no USER line: the guard would run as root");
        String name = user.arguments.split(":")[0].trim();
        assertFalse(name.equals("root") || name.equals("0"), "the runtime stage runs as root (USER " + user.arguments + ")");

        Instruction healthcheck = last(runtimeStage(), "HEALTHCHECK");
        assertNotNull(healthcheck, "the runtime stage has no HEALTHCHECK");
        assertFalse(healthcheck.arguments.trim().equalsIgnoreCase("NONE"), "HEALTHCHECK NONE disables the health check");

        Instruction expose = last(runtimeStage(), "EXPOSE");
        assertNotNull(expose, "the runtime stage EXPOSEs no port");
        String port = guardHttpPort();
        assertTrue(Arrays.stream(expose.arguments.split("\\s+")).anyMatch(p -> p.replace("/tcp", "").equals(port)),
                "EXPOSE " + expose.arguments + " does not include the guard's HTTP port " + port);
        assertTrue(publishedPorts(service("guard")).contains(port), "compose does not publish the guard's HTTP port " + port);
        List<String> check = words(service("guard").path("healthcheck").path("test"));
        int url = check.indexOf("--url");
        String checked = url >= 0 && url + 1 < check.size() ? check.get(url + 1) : "http://localhost:" + DEFAULT_HTTP_PORT + "/health/ready";
        assertTrue(checked.startsWith("http://localhost:" + port + "/"),
                "the guard's healthcheck asks " + checked + ", but the guard listens on port " + port + " (pass --url to `health`)");
    }

    @Test
    void theJarInTheImageIsTheOnePomBuilds() throws Exception {
        Element shade = shadePlugin();
        String jar = shadedJarName(shade);
        String mainClass = textOf(shade, "mainClass");
        assertEquals(MAIN_CLASS, mainClass, "the shaded jar's Main-Class (pom.xml) is not " + MAIN_CLASS);

        List<Instruction> build = stages().get(0);
        String workdir = build.stream().filter(i -> i.is("WORKDIR")).map(i -> i.arguments.trim()).reduce((a, b) -> b).orElse("/");
        String built = (workdir.endsWith("/") ? workdir : workdir + "/") + "target/" + jar;

        Copy copy = runtimeStage().stream().filter(i -> i.is("COPY")).map(Copy::parse)
                .filter(c -> c.from != null && c.sources.stream().anyMatch(s -> s.endsWith(".jar")))
                .findFirst().orElseThrow(() -> new AssertionError("the runtime stage copies no jar from the build stage"));
        assertEquals(List.of(built), copy.sources,
                "the runtime stage copies " + copy.sources + ", but pom.xml's shade plugin builds " + built);
        String imageJar = copy.destination;
        assertEquals("/app/disclosure-guard.jar", imageJar, "the jar must be at /app/disclosure-guard.jar in the image");

        List<String> entrypoint = execForm(last(runtimeStage(), "ENTRYPOINT"));
        assertTrue(entrypoint.size() >= 3 && entrypoint.subList(0, 3).equals(List.of("java", "-jar", imageJar)),
                "ENTRYPOINT must be [\"java\", \"-jar\", \"" + imageJar + "\", ...], not " + entrypoint);
        Instruction healthcheck = last(runtimeStage(), "HEALTHCHECK");
        assertNotNull(healthcheck, "the runtime stage has no HEALTHCHECK");
        int cmd = healthcheck.arguments.indexOf("CMD");
        assertTrue(cmd >= 0, "HEALTHCHECK has no CMD: " + healthcheck.arguments);
        List<String> check = jsonArray(healthcheck.arguments.substring(cmd + 3).trim(), "HEALTHCHECK CMD");
        int classpath = check.indexOf("-cp");
        assertTrue(classpath >= 0 && classpath + 1 < check.size() && check.get(classpath + 1).equals(imageJar),
                "HEALTHCHECK does not run java -cp " + imageJar + ": " + check);
    }

    // ---------------------------------------------------------------- Prometheus and Grafana

    @Test
    void prometheusScrapesTheGuardService() throws IOException {
        JsonNode prometheus = YAML.readTree(PROMETHEUS.toFile());
        assertNotNull(prometheus, PROMETHEUS + " is empty");
        Map<String, JsonNode> services = services();
        List<String> targets = new ArrayList<>();
        for (JsonNode job : prometheus.path("scrape_configs")) {
            for (JsonNode staticConfig : job.path("static_configs")) {
                staticConfig.path("targets").forEach(target -> targets.add(target.asText()));
            }
        }
        assertFalse(targets.isEmpty(), PROMETHEUS + " has no static scrape targets");
        for (String target : targets) {
            String host = target.split(":")[0];
            assertTrue(services.containsKey(host), "Prometheus scrapes '" + target + "', but '" + host + "' is not a compose service " + services.keySet());
        }
        assertTrue(targets.contains("guard:" + guardHttpPort()), "Prometheus does not scrape guard:" + guardHttpPort() + " (targets: " + targets + ")");
        JsonNode mounts = service("prometheus").path("volumes");
        assertTrue(mounts.toString().contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml"),
                "the prometheus service does not mount ./prometheus/prometheus.yml at /etc/prometheus/prometheus.yml");
    }

    @Test
    void grafanaIsProvisionedWithThePrometheusDatasourceAndTheDashboardsFolder() throws IOException {
        JsonNode grafana = service("grafana");
        Map<String, String> mounts = new TreeMap<>();
        for (JsonNode volume : grafana.path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts.length >= 2) {
                mounts.put(parts[1], parts[0]);
            }
        }
        assertEquals("./grafana/provisioning", mounts.get("/etc/grafana/provisioning"),
                "grafana must mount ./grafana/provisioning at /etc/grafana/provisioning (mounts: " + mounts + ")");

        List<String> urls = new ArrayList<>();
        List<String> dashboardPaths = new ArrayList<>();
        try (Stream<Path> files = Files.walk(GRAFANA_PROVISIONING)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).collect(Collectors.toList())) {
                JsonNode document = YAML.readTree(file.toFile());
                assertNotNull(document, file + " is empty");
                document.path("datasources").forEach(datasource -> urls.add(datasource.path("url").asText()));
                document.path("providers").forEach(provider -> dashboardPaths.add(provider.path("options").path("path").asText()));
            }
        }
        Set<String> services = services().keySet();
        assertTrue(urls.stream().anyMatch(url -> url.startsWith("http://prometheus:")),
                "no Grafana datasource points at the prometheus service (urls: " + urls + ")");
        for (String url : urls) {
            String host = url.replaceFirst("^https?://", "").split("[:/]")[0];
            assertTrue(services.contains(host), "Grafana datasource url " + url + " names no compose service");
        }
        assertFalse(dashboardPaths.isEmpty(), "no Grafana dashboards provider under " + GRAFANA_PROVISIONING);
        for (String path : dashboardPaths) {
            String source = mounts.get(path);
            assertNotNull(source, "the dashboards provider reads " + path + ", which grafana does not mount (mounts: " + mounts + ")");
            Path folder = DOCKER.resolve(source).normalize();
            assertTrue(Files.isDirectory(folder), "the dashboards folder " + folder + " does not exist");
            try (Stream<Path> dashboards = Files.list(folder)) {
                for (Path dashboard : dashboards.filter(f -> f.toString().endsWith(".json")).collect(Collectors.toList())) {
                    JsonNode json = JSON.readTree(dashboard.toFile());
                    assertTrue(json.has("panels") || json.has("rows"), dashboard + " is not a Grafana dashboard (no panels)");
                }
            }
        }
    }

    // ---------------------------------------------------------------- examples/*.properties

    @Test
    void everyKeyOfEveryExampleConfigIsAKnownSetting() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(CONFIG_DIR)) {
            files = list.filter(f -> f.toString().endsWith(".properties")).sorted().collect(Collectors.toList());
        }
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("local.properties")),
                "examples/local.properties is missing (found " + files + ")");
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            if (properties.isEmpty()) {
                problems.add(ROOT.relativize(file) + " sets nothing");
            }
            for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                String problem = unknownSetting(key);
                if (problem != null) {
                    problems.add(ROOT.relativize(file) + ": " + problem);
                }
            }
            try {
                Map<String, String> settings = new TreeMap<>();
                properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key).trim()));
                GuardConfig.CONFIG_DEF.parse(settings);
            } catch (ConfigException e) {
                problems.add(ROOT.relativize(file) + ": invalid guard setting: " + e.getMessage());
            }
        }
        assertNoProblems(problems);
    }

    // ---------------------------------------------------------------- known settings

    private static void checkVariable(String variable, String where, List<String> problems) {
        if (!variable.startsWith(RunSettings.ENV_PREFIX)) {
            return;
        }
        String problem = unknownSetting(RunSettings.propertyName(variable));
        if (problem != null) {
            problems.add(where + ": " + variable + " -> " + problem);
        }
    }

    /** Null when {@code key} is a setting the guard or one of its Kafka clients knows; else what is wrong. */
    static String unknownSetting(String key) {
        if (knownSettings().contains(key)) {
            return null;
        }
        for (Map.Entry<String, Set<String>> prefix : CLIENT_PREFIXES.entrySet()) {
            if (key.startsWith(prefix.getKey()) && prefix.getValue().contains(key.substring(prefix.getKey().length()))) {
                return null;
            }
        }
        String closest = knownSettings().stream().min((a, b) -> Integer.compare(distance(key, a), distance(key, b))).orElse("");
        return "unknown setting '" + key + "' (not a guard, Kafka Streams, consumer, producer or admin setting"
                + (distance(key, closest) <= 3 ? "; did you mean '" + closest + "'?" : "") + ")";
    }

    /** Kafka Streams' per-client prefixes: e.g. consumer.max.poll.records. */
    private static final Map<String, Set<String>> CLIENT_PREFIXES = Map.of(
            StreamsConfig.CONSUMER_PREFIX, ConsumerConfig.configNames(),
            StreamsConfig.MAIN_CONSUMER_PREFIX, ConsumerConfig.configNames(),
            StreamsConfig.RESTORE_CONSUMER_PREFIX, ConsumerConfig.configNames(),
            StreamsConfig.GLOBAL_CONSUMER_PREFIX, ConsumerConfig.configNames(),
            StreamsConfig.PRODUCER_PREFIX, ProducerConfig.configNames(),
            StreamsConfig.ADMIN_CLIENT_PREFIX, AdminClientConfig.configNames());

    private static Set<String> knownSettings() {
        Set<String> known = new TreeSet<>();
        for (ConfigDef.ConfigKey key : GuardConfig.CONFIG_DEF.configKeys().values()) {
            if (!key.internalConfig) {
                known.add(key.name);
            }
        }
        known.addAll(StreamsConfig.configDef().names());
        known.addAll(ConsumerConfig.configNames());
        known.addAll(ProducerConfig.configNames());
        known.addAll(AdminClientConfig.configNames());
        return known;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    // ---------------------------------------------------------------- commands

    private static void checkCommandLine(List<String> args, String where, List<String> problems) {
        if (args.isEmpty()) {
            problems.add(where + ": no command");
            return;
        }
        CommandLine commandLine = Main.commandLine();
        if (!commandLine.getSubcommands().containsKey(args.get(0))) {
            problems.add(where + ": '" + args.get(0) + "' is not a disclosure-guard command " + commandLine.getSubcommands().keySet());
            return;
        }
        try {
            commandLine.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            problems.add(where + ": `" + String.join(" ", args) + "` does not parse: " + e.getMessage());
        }
    }

    private static List<String> afterMainClass(List<String> words, String where, List<String> problems) {
        int index = words.indexOf(MAIN_CLASS);
        if (index < 0) {
            problems.add(where + " does not run " + MAIN_CLASS + ": " + words);
            return List.of("?");
        }
        return words.subList(index + 1, words.size());
    }

    private static List<String> words(JsonNode command) {
        List<String> words = new ArrayList<>();
        if (command.isArray()) {
            command.forEach(word -> words.add(word.asText()));
        } else {
            words.addAll(Arrays.asList(command.asText().trim().split("\\s+")));
        }
        return words;
    }

    // ---------------------------------------------------------------- compose helpers

    private static Map<String, JsonNode> services() throws IOException {
        JsonNode compose = YAML.readTree(COMPOSE.toFile());
        assertNotNull(compose, COMPOSE + " is empty");
        JsonNode services = compose.path("services");
        assertTrue(services.isObject(), COMPOSE + " has no services mapping");
        Map<String, JsonNode> result = new LinkedHashMap<>();
        services.properties().forEach(entry -> result.put(entry.getKey(), entry.getValue()));
        return result;
    }

    private static JsonNode service(String name) throws IOException {
        JsonNode service = services().get(name);
        assertNotNull(service, COMPOSE + " has no service '" + name + "'");
        return service;
    }

    /** The services that run our image: built from docker/Dockerfile, or using the image such a service builds. */
    private static Map<String, JsonNode> ourServices() throws IOException {
        Map<String, JsonNode> services = services();
        Set<String> images = new TreeSet<>();
        services.values().stream().filter(s -> s.has("build") && s.has("image")).forEach(s -> images.add(s.get("image").asText()));
        Map<String, JsonNode> ours = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            if (service.has("build") || images.contains(service.path("image").asText())) {
                ours.put(name, service);
            }
        });
        return ours;
    }

    private static List<String> envFiles(JsonNode service) {
        List<String> files = new ArrayList<>();
        JsonNode envFile = service.path("env_file");
        if (envFile.isTextual()) {
            files.add(envFile.asText());
        } else {
            envFile.forEach(entry -> files.add(entry.isTextual() ? entry.asText() : entry.path("path").asText()));
        }
        return files;
    }

    /** The service's environment: its env_file(s), then its environment (list or mapping form). */
    private static Map<String, String> environment(String name, JsonNode service) {
        Map<String, String> environment = new TreeMap<>();
        for (String envFile : envFiles(service)) {
            Path file = DOCKER.resolve(envFile).normalize();
            assertTrue(Files.isRegularFile(file), "service " + name + ": env_file " + envFile + " does not exist");
            try {
                for (String line : Files.readAllLines(file)) {
                    String trimmed = line.trim();
                    if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                        int equals = trimmed.indexOf('=');
                        environment.put(equals < 0 ? trimmed : trimmed.substring(0, equals), equals < 0 ? "" : trimmed.substring(equals + 1));
                    }
                }
            } catch (IOException e) {
                throw new AssertionError("cannot read " + file, e);
            }
        }
        JsonNode env = service.path("environment");
        if (env.isArray()) {
            env.forEach(entry -> {
                String text = entry.asText();
                int equals = text.indexOf('=');
                environment.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            });
        } else if (env.isObject()) {
            env.properties().forEach(entry -> environment.put(entry.getKey(), entry.getValue().isNull() ? "" : entry.getValue().asText()));
        }
        return environment;
    }

    private static String bootstrapServers(String name, JsonNode service) {
        JsonNode command = service.get("command");
        if (command != null) {
            List<String> words = words(command);
            for (int i = 0; i < words.size(); i++) {
                if (words.get(i).equals("--bootstrap-servers") && i + 1 < words.size()) {
                    return words.get(i + 1);
                }
                if (words.get(i).startsWith("--bootstrap-servers=")) {
                    return words.get(i).substring("--bootstrap-servers=".length());
                }
            }
        }
        return environment(name, service).get(RunSettings.environmentVariable("bootstrap.servers"));
    }

    private static boolean hasHealthcheck(JsonNode service) {
        JsonNode healthcheck = service.path("healthcheck");
        if (healthcheck.path("disable").asBoolean(false)) {
            return false;
        }
        if (!healthcheck.path("test").isMissingNode()) {
            return true;
        }
        try {
            // our image brings its own HEALTHCHECK
            return service.has("build") && last(runtimeStage(), "HEALTHCHECK") != null;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> publishedPorts(JsonNode service) {
        Set<String> ports = new TreeSet<>();
        for (JsonNode port : service.path("ports")) {
            if (port.isObject()) {
                ports.add(port.path("target").asText());
            } else {
                String[] parts = port.asText().split(":");
                ports.add(parts[parts.length - 1].replace("/tcp", ""));
            }
        }
        return ports;
    }

    private static String guardHttpPort() throws IOException {
        return environment("guard", service("guard")).getOrDefault(RunSettings.environmentVariable("guard.http.port"), DEFAULT_HTTP_PORT);
    }

    /** LISTENER_NAME://host:port,... -> name -> host:port */
    private static Map<String, String> listeners(String spec) {
        Map<String, String> listeners = new LinkedHashMap<>();
        for (String listener : spec.split(",")) {
            String[] parts = listener.trim().split("://", 2);
            assertEquals(2, parts.length, "malformed listener '" + listener + "' (expected NAME://host:port)");
            listeners.put(parts[0], parts[1]);
        }
        return listeners;
    }

    private static String required(Map<String, String> environment, String variable, String service) {
        String value = environment.get(variable);
        assertNotNull(value, "service " + service + " does not set " + variable);
        return value;
    }

    // ---------------------------------------------------------------- Dockerfile helpers

    /** One Dockerfile instruction, continuation lines joined and comments dropped. */
    private static final class Instruction {
        final int line;
        final String keyword;
        final String arguments;

        Instruction(int line, String keyword, String arguments) {
            this.line = line;
            this.keyword = keyword;
            this.arguments = arguments;
        }

        boolean is(String name) {
            return keyword.equals(name);
        }
    }

    private static final class Copy {
        String from;
        final List<String> sources = new ArrayList<>();
        String destination;

        static Copy parse(Instruction instruction) {
            Copy copy = new Copy();
            List<String> words = instruction.arguments.trim().startsWith("[")
                    ? jsonArray(instruction.arguments, instruction.keyword)
                    : new ArrayList<>(Arrays.asList(instruction.arguments.trim().split("\\s+")));
            List<String> paths = new ArrayList<>();
            for (String word : words) {
                if (word.startsWith("--from=")) {
                    copy.from = word.substring("--from=".length());
                } else if (!word.startsWith("--")) {
                    paths.add(word);
                }
            }
            assertTrue(paths.size() >= 2, "line " + instruction.line + ": " + instruction.keyword + " needs a source and a destination");
            copy.sources.addAll(paths.subList(0, paths.size() - 1));
            copy.destination = paths.get(paths.size() - 1);
            return copy;
        }
    }

    private static List<Instruction> dockerfile() throws IOException {
        assertTrue(Files.isRegularFile(DOCKERFILE), DOCKERFILE + " is missing");
        List<String> lines = Files.readAllLines(DOCKERFILE);
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (current == null && trimmed.isEmpty())) {
                continue; // comments (parser directives included) and blank lines
            }
            if (current == null) {
                current = new StringBuilder();
                start = i + 1;
            }
            boolean continues = trimmed.endsWith("\\");
            current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continues) {
                String text = current.toString().trim();
                int space = text.indexOf(' ');
                instructions.add(new Instruction(start, text.substring(0, space < 0 ? text.length() : space).toUpperCase(Locale.ROOT),
                        space < 0 ? "" : text.substring(space + 1).trim()));
                current = null;
            }
        }
        return instructions;
    }

    private static List<List<Instruction>> stages() throws IOException {
        List<List<Instruction>> stages = new ArrayList<>();
        for (Instruction instruction : dockerfile()) {
            if (instruction.is("FROM")) {
                stages.add(new ArrayList<>());
            }
            assertFalse(stages.isEmpty(), "the Dockerfile does not start with FROM (line " + instruction.line + ")");
            stages.get(stages.size() - 1).add(instruction);
        }
        assertFalse(stages.isEmpty(), "the Dockerfile has no FROM");
        return stages;
    }

    private static List<Instruction> runtimeStage() throws IOException {
        List<List<Instruction>> stages = stages();
        return stages.get(stages.size() - 1);
    }

    private static Instruction last(List<Instruction> instructions, String keyword) {
        Instruction found = null;
        for (Instruction instruction : instructions) {
            if (instruction.is(keyword)) {
                found = instruction;
            }
        }
        return found;
    }

    private static List<String> execForm(Instruction instruction) {
        assertNotNull(instruction, "missing instruction");
        assertTrue(instruction.arguments.startsWith("["),
                "line " + instruction.line + ": " + instruction.keyword + " must use the exec (JSON) form so that signals reach java");
        return jsonArray(instruction.arguments, instruction.keyword);
    }

    private static List<String> jsonArray(String text, String what) {
        try {
            List<String> words = new ArrayList<>();
            JSON.readTree(text).forEach(word -> words.add(word.asText()));
            return words;
        } catch (IOException e) {
            throw new AssertionError(what + " is not a JSON array: " + text, e);
        }
    }

    private static Map<String, String> envAssignments(String arguments) {
        Map<String, String> assignments = new TreeMap<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)").matcher(arguments);
        while (matcher.find()) {
            assignments.put(matcher.group(1), matcher.group(2));
        }
        return assignments;
    }

    /** Docker's rule: the last matching pattern wins; a pattern that matches a folder excludes what is inside. */
    private static boolean ignored(String path, List<String> patterns) {
        String normalized = trimSlash(path.replace('\\', '/'));
        boolean ignored = false;
        for (String raw : patterns) {
            String pattern = raw.trim();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            boolean negated = pattern.startsWith("!");
            String glob = trimSlash(negated ? pattern.substring(1).trim() : pattern);
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            String prefix = normalized;
            while (!prefix.isEmpty()) {
                if (matcher.matches(Path.of(prefix))) {
                    ignored = !negated;
                    break;
                }
                prefix = prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "";
            }
        }
        return ignored;
    }

    private static String trimSlash(String path) {
        String result = path.startsWith("./") ? path.substring(2) : path;
        while (result.startsWith("/")) {
            result = result.substring(1);
        }
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    // ---------------------------------------------------------------- pom.xml helpers

    private static Element pom() throws Exception {
        return pom("pom.xml");
    }

    /** guard-tools builds the jar for users (its shade plugin writes target/disclosure-guard.jar at the root). */
    private static Element toolsPom() throws Exception {
        return pom("guard-tools/pom.xml");
    }

    private static Element pom(String path) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        Document document = factory.newDocumentBuilder().parse(ROOT.resolve(path).toFile());
        return document.getDocumentElement();
    }

    private static String pomProperty(String name) throws Exception {
        Element properties = child(pom(), "properties");
        assertNotNull(properties, "pom.xml has no <properties>");
        String value = textOf(properties, name);
        assertNotNull(value, "pom.xml does not define the property " + name);
        return value;
    }

    private static Element shadePlugin() throws Exception {
        Element build = child(toolsPom(), "build");
        assertNotNull(build, "pom.xml has no <build>");
        Element plugins = child(build, "plugins");
        assertNotNull(plugins, "pom.xml has no <build><plugins>");
        for (Node node = plugins.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && "maven-shade-plugin".equals(textOf((Element) node, "artifactId"))) {
                return (Element) node;
            }
        }
        throw new AssertionError("pom.xml has no maven-shade-plugin: nothing builds the jar the image runs");
    }

    /** The file the shade plugin writes into target/: outputFile, or finalName[-classifier].jar. */
    private static String shadedJarName(Element shade) throws Exception {
        String outputFile = textOf(shade, "outputFile");
        if (outputFile != null) {
            assertTrue(outputFile.startsWith("${project.basedir}/../target/"),
                    "guard-tools' shade plugin must write the jar into target/ at the repository root, not " + outputFile);
            return Path.of(outputFile).getFileName().toString();
        }
        Element project = pom();
        String finalName = textOf(child(project, "build"), "finalName");
        if (finalName == null || finalName.contains("${")) {
            assertTrue(finalName == null, "pom.xml's <finalName> uses a property (" + finalName + "); extend this test to resolve it");
            finalName = textOf(project, "artifactId") + "-" + textOf(project, "version");
        }
        if ("true".equals(textOf(shade, "shadedArtifactAttached"))) {
            String classifier = textOf(shade, "shadedClassifierName");
            return finalName + "-" + (classifier == null ? "shaded" : classifier) + ".jar";
        }
        return finalName + ".jar";
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && node.getNodeName().equals(name)) {
                return (Element) node;
            }
        }
        return null;
    }

    /** Text of the first descendant element named {@code name} (a direct child first), or null. */
    private static String textOf(Element parent, String name) {
        Element direct = child(parent, name);
        if (direct != null) {
            return direct.getTextContent().trim();
        }
        var nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static void assertNoProblems(List<String> problems) {
        Supplier<String> message = () -> problems.size() + " problem(s):\n  " + String.join("\n  ", problems);
        assertTrue(problems.isEmpty(), message);
    }
}
