package dev.attache.local.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Resolves the "0 = any free port" convention of the command line for servers that must be told a concrete port
 * before they start (a child JVM, the KRaft controller whose address is part of its own configuration).
 *
 * <p>The port is free when asked, not reserved: another process could take it before the server binds. That window
 * is milliseconds on a developer machine, and the server then fails loudly with "address in use".
 */
public final class FreePort {

    private FreePort() {
    }

    /** {@code port} itself, or a port the OS considers free on the loopback interface if it is 0. */
    public static int orPick(int port) {
        return port != 0 ? port : pick();
    }

    public static int pick() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on the loopback interface", e);
        }
    }
}
