package org.disclosureguard.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks currently free TCP ports on the loopback interface.
 *
 * <p>Ports come from below the kernel's ephemeral range where possible. A broker that is restarted on the
 * same port after a kill -9 must find it free again; an ephemeral-range port could meanwhile be handed to an
 * outgoing client connection (even a client reconnecting to that very port, which then connects to itself).
 */
public final class FreePorts {

    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 200;
    /** Linux's default when /proc is not readable. */
    private static final int DEFAULT_EPHEMERAL_LOW = 32_768;

    private FreePorts() {
    }

    /**
     * Returns {@code count} distinct free loopback ports. All sockets are held open until every port is
     * picked, so the same port is never returned twice. The ports are free when this returns; another
     * process could still take one before the caller binds it, which is unlikely on a test machine.
     */
    public static int[] pick(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = bindBelowEphemeralRange();
                if (socket == null) {
                    socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                }
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free loopback port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Closing a listening socket that never accepted anything does not fail in practice.
                }
            }
        }
    }

    /** One free loopback port. */
    public static int pick() {
        return pick(1)[0];
    }

    private static ServerSocket bindBelowEphemeralRange() {
        int highest = ephemeralLow() - 1;
        if (highest - LOWEST < 1_000) {
            return null;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < ATTEMPTS; i++) {
            int port = random.nextInt(LOWEST, highest + 1);
            try {
                return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
            } catch (IOException taken) {
                // Someone listens there; try another.
            }
        }
        return null;
    }

    /** The first port of the kernel's ephemeral (outgoing connection) range. */
    static int ephemeralLow() {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        try {
            if (Files.isReadable(range)) {
                // One buffered read: sysctl files answer a second read at a non-zero offset with EOF,
                // which Files.readString (it starts with the reported size 0) runs into.
                try (var reader = Files.newBufferedReader(range)) {
                    String[] parts = reader.readLine().trim().split("\\s+");
                    return Integer.parseInt(parts[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Fall through to the default.
        }
        return DEFAULT_EPHEMERAL_LOW;
    }
}
