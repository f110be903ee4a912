package org.disclosureguard.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How instances of one guard recognise each other on the review endpoints that serve their own part of the
 * quarantine: a bearer token derived from the users file they all load (its SHA-256 under a fixed label), so no
 * extra secret needs distributing, and whoever cannot read the users file cannot forge it. A console session holds
 * no password, so the console's calls to other instances travel under this token.
 */
public final class PeerToken {
    private static final String LABEL = "disclosure-guard review peer v1\n";
    private final String header;

    private PeerToken(String header) {
        this.header = header;
    }

    public static PeerToken of(Path usersFile) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(LABEL.getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(usersFile));
            return new PeerToken("Bearer " + HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the users file " + usersFile, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The Authorization header an instance sends the others. */
    public String header() {
        return header;
    }

    /** Constant-time: a wrong token learns nothing from the time it takes. */
    public boolean matches(String authorization) {
        return authorization != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8));
    }
}
