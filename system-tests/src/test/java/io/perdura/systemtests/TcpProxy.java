package io.perdura.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of MariaDB, so that a test can take the database away from the services and
 * give it back: {@link #cut()} drops every connection and refuses new ones — to the services exactly
 * what a stopped database is — without stopping the machine's shared MariaDB.
 */
final class TcpProxy implements AutoCloseable {

    private final int port;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    TcpProxy(int targetPort) {
        this.targetPort = targetPort;
        listen(0);
        this.port = server.getLocalPort();
    }

    int port() {
        return port;
    }

    /** Drops every connection and refuses new ones until {@link #restore()}. */
    synchronized void cut() {
        closeQuietly(server);
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    /** Accepts connections again, on the same port. */
    synchronized void restore() {
        listen(port);
    }

    @Override
    public synchronized void close() {
        cut();
    }

    private void listen(int onPort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
            server = socket;
            Thread.ofVirtual().start(() -> accept(socket));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + onPort, e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client = null;
            Socket target = null;
            try {
                client = socket.accept();
                target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            } catch (IOException e) {
                // closed by cut(), or the target refused: the client sees its connection fail
                closeQuietly(client);
                continue;
            }
            if (!admit(socket, client, target)) {
                closeQuietly(client);
                closeQuietly(target);
                continue;
            }
            Socket from = client;
            Socket to = target;
            Thread.ofVirtual().start(() -> pump(from, to));
            Thread.ofVirtual().start(() -> pump(to, from));
        }
    }

    /**
     * Registers a relayed pair unless {@link #cut()} ran since it was accepted: a connection accepted
     * just before a cut must not outlive it.
     */
    private synchronized boolean admit(ServerSocket listening, Socket client, Socket target) {
        if (listening.isClosed() || listening != server) {
            return false;
        }
        sockets.add(client);
        sockets.add(target);
        return true;
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // a side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            // already closed
        }
    }
}
