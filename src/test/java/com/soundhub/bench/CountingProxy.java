package com.soundhub.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of the object store that counts what clients send through it. It passes
 * every byte on unchanged (the Host header included, which presigned URLs sign), and reads the
 * requests' head lines on the way to tell PUT bodies from the rest: HTTP/1.1 requests with a
 * {@code Content-Length}, one after another on a connection. A request it cannot follow (chunked)
 * is still passed on and counted in the total, and noted in {@link #unparsedConnections()}.
 */
final class CountingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "counting-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong clientToServer = new AtomicLong();
    private final AtomicLong serverToClient = new AtomicLong();
    private final AtomicLong putBodies = new AtomicLong();
    private final AtomicLong puts = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong unparsed = new AtomicLong();

    private CountingProxy(ServerSocket server, String targetHost, int targetPort) {
        this.server = server;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    static CountingProxy start(String targetHost, int targetPort) throws IOException {
        CountingProxy proxy = new CountingProxy(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()), targetHost, targetPort);
        proxy.threads.submit(proxy::accept);
        return proxy;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Every byte clients sent, request lines and headers included. */
    long clientToServer() {
        return clientToServer.get();
    }

    long serverToClient() {
        return serverToClient.get();
    }

    /** Bytes of PUT request bodies. */
    long putBodyBytes() {
        return putBodies.get();
    }

    long putRequests() {
        return puts.get();
    }

    long requests() {
        return requests.get();
    }

    long unparsedConnections() {
        return unparsed.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                threads.submit(() -> requests(client, upstream));
                threads.submit(() -> responses(client, upstream));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    e.printStackTrace();
                }
            }
        }
    }

    /** Client to store: request heads parsed, bodies copied by their length. */
    private void requests(Socket client, Socket upstream) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = new BufferedInputStream(client.getInputStream(), 64 * 1024)) {
            OutputStream out = upstream.getOutputStream();
            while (true) {
                byte[] head = head(in);
                if (head == null) {
                    break;
                }
                out.write(head);
                clientToServer.addAndGet(head.length);
                requests.incrementAndGet();
                String text = new String(head, StandardCharsets.ISO_8859_1);
                String method = text.substring(0, Math.max(0, text.indexOf(' ')));
                String lower = text.toLowerCase(Locale.ROOT);
                if (lower.contains("\ntransfer-encoding:")) {
                    unparsed.incrementAndGet();
                    for (int read; (read = in.read(buffer)) != -1; ) {
                        out.write(buffer, 0, read);
                        clientToServer.addAndGet(read);
                    }
                    break;
                }
                long length = contentLength(lower);
                boolean put = method.equals("PUT");
                if (put) {
                    puts.incrementAndGet();
                }
                while (length > 0) {
                    int read = in.read(buffer, 0, (int) Math.min(buffer.length, length));
                    if (read == -1) {
                        break;
                    }
                    out.write(buffer, 0, read);
                    length -= read;
                    clientToServer.addAndGet(read);
                    if (put) {
                        putBodies.addAndGet(read);
                    }
                }
                out.flush();
            }
            upstream.shutdownOutput();
        } catch (IOException closed) {
            close(client, upstream);
        }
    }

    /** Store to client: copied as it comes. */
    private void responses(Socket client, Socket upstream) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = upstream.getInputStream()) {
            OutputStream out = client.getOutputStream();
            for (int read; (read = in.read(buffer)) != -1; ) {
                out.write(buffer, 0, read);
                out.flush();
                serverToClient.addAndGet(read);
            }
        } catch (IOException closed) {
            // the other side went away
        }
        close(client, upstream);
    }

    /** A request's line and headers up to the empty line, or null at the connection's end. */
    private static byte[] head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(1024);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b == -1) {
                if (head.size() > 0) {
                    throw new IOException("Connection ended inside a request head");
                }
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1
                    : b == '\r' ? 1 : 0;
        }
        return head.toByteArray();
    }

    private static long contentLength(String lowerHead) {
        int at = lowerHead.indexOf("\ncontent-length:");
        if (at < 0) {
            return 0;
        }
        int end = lowerHead.indexOf('\r', at + 1);
        return Long.parseLong(lowerHead.substring(at + "\ncontent-length:".length(), end).trim());
    }

    private static void close(Socket client, Socket upstream) {
        try {
            client.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            upstream.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
