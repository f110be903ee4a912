package org.disclosureguard.secured;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed broker certificate made at test time with the JDK's {@code keytool}: a PKCS12 keystore for
 * the broker (CN=localhost, SAN dns:localhost and ip:127.0.0.1, so hostname verification passes for either
 * name) and a PKCS12 truststore holding just that certificate, for clients.
 *
 * @param keystore           the broker's key and certificate
 * @param keystorePassword   the keystore's (and key's) password
 * @param truststore         the broker's certificate, trusted
 * @param truststorePassword the truststore's password
 */
record TestCertificates(Path keystore, String keystorePassword, Path truststore, String truststorePassword) {
    private static final String ALIAS = "broker";

    /** Writes {@code broker.keystore.p12}, {@code broker.crt} and {@code client.truststore.p12} into {@code dir}. */
    static TestCertificates generate(Path dir) throws IOException, InterruptedException {
        String keystorePassword = "ks-" + UUID.randomUUID();
        String truststorePassword = "ts-" + UUID.randomUUID();
        Path keystore = dir.resolve("broker.keystore.p12");
        Path certificate = dir.resolve("broker.crt");
        Path truststore = dir.resolve("client.truststore.p12");
        keytool(dir, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", keystorePassword, "-keypass", keystorePassword);
        keytool(dir, "-exportcert", "-rfc", "-alias", ALIAS, "-file", certificate.toString(),
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", keystorePassword);
        keytool(dir, "-importcert", "-noprompt", "-alias", ALIAS, "-file", certificate.toString(),
                "-keystore", truststore.toString(), "-storetype", "PKCS12", "-storepass", truststorePassword);
        return new TestCertificates(keystore, keystorePassword, truststore, truststorePassword);
    }

    private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "keytool", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("keytool " + args[0] + " did not finish within 60 s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed with exit code " + process.exitValue()
                    + ": " + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    /** Without the passwords. */
    @Override
    public String toString() {
        return "TestCertificates{keystore=" + keystore + ", truststore=" + truststore + "}";
    }
}
