package dev.canopy.diagrams.attach;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The hidden Erlang node Canopy talks through: started with the user's own {@code erl}
 * ({@code -hidden}), it compiles the bridge ({@code canopy_bridge.erl}, a resource of this
 * package) in memory, connects to the node and reports JSON lines on its standard output; Canopy
 * sends commands (Erlang terms) on its standard input. When Canopy closes its standard input the
 * hidden node stops by itself.
 */
public final class NodeBridge implements AutoCloseable {

    private static final String SOURCE = "canopy_bridge.erl";
    private static final Pattern ATOM_TEXT = Pattern.compile("[a-z][A-Za-z0-9_@]*");

    private final Process process;
    private final OutputStream in;
    private final BlockingQueue<BridgeMessage> handshake = new LinkedBlockingQueue<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private volatile Consumer<BridgeMessage> listener = m -> {};
    private volatile boolean attached;

    private NodeBridge(Process process) {
        this.process = process;
        this.in = process.getOutputStream();
    }

    /**
     * Starts the hidden node and connects it to {@code options.target()}. Every message after the
     * connection goes to {@code listener}, on the bridge's reading thread.
     */
    public static AttachResult attach(AttachOptions options, Consumer<BridgeMessage> listener) {
        Optional<Path> erl = ErlLocator.find(options.environment());
        if (erl.isEmpty()) {
            return failed(AttachFailure.Kind.NO_ERL, "Canopy attaches through Erlang's own `erl`, which is not on the PATH: "
                    + "install Erlang/OTP (e.g. `apt-get install erlang-base`) or add its bin directory to the PATH.");
        }
        if (!options.target().contains("@")) {
            return failed(AttachFailure.Kind.USAGE, options.target() + " is not a node name: give it as name@host.");
        }
        Path dir = null;
        NodeBridge bridge = null;
        try {
            dir = Files.createTempDirectory("canopy-bridge");
            Path source = dir.resolve(SOURCE);
            try (InputStream res = NodeBridge.class.getResourceAsStream(SOURCE)) {
                Files.write(source, res.readAllBytes());
            }
            String file = source.toString().replace("\\", "\\\\").replace("\"", "\\\"");
            String eval = "{ok,M,B}=compile:file(\"" + file + "\",[binary,return_errors]),"
                    + "{module,_}=code:load_binary(M,\"" + SOURCE + "\",B),canopy_bridge:main().";
            ProcessBuilder pb = new ProcessBuilder(erl.get().toString(), "-hidden", "-noshell", "-eval", eval);
            pb.environment().clear();
            pb.environment().putAll(options.environment());
            bridge = new NodeBridge(pb.start());
            bridge.startReading();
            // Each handshake step (the hidden node's hello, then its connect) gets the whole timeout:
            // waiting on the queue needs no reading of the machine's clock.
            BridgeMessage hello = bridge.next(options.connectTimeout());
            if (!(hello instanceof BridgeMessage.Hello)) {
                return bridge.giveUp(hello, "Erlang's `erl` (" + erl.get() + ") did not start Canopy's hidden node");
            }
            bridge.send("{connect, " + binary(options.target()) + ", "
                    + options.cookie().map(NodeBridge::binary).orElse("default") + ", " + binary(options.probeName())
                    + ", " + Math.max(50, options.intervalMs()) + "}.");
            BridgeMessage reply = bridge.next(options.connectTimeout());
            switch (reply) {
                case BridgeMessage.Connected c -> {
                    bridge.listener = listener;
                    bridge.attached = true;
                    bridge.handshake.drainTo(new java.util.ArrayList<>());
                    return new AttachResult.Attached(bridge, c.node());
                }
                case BridgeMessage.Failed f -> {
                    bridge.close();
                    return failed(f.kind(), f.sentence());
                }
                default -> {
                    return bridge.giveUp(reply, "Canopy's hidden node did not connect to " + options.target());
                }
            }
        } catch (IOException e) {
            if (bridge != null) bridge.close();
            return failed(AttachFailure.Kind.BRIDGE, "Canopy could not start " + erl.get() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (bridge != null) bridge.close();
            return failed(AttachFailure.Kind.BRIDGE, "Attaching was interrupted.");
        } finally {
            deleteQuietly(dir);
        }
    }

    private AttachResult giveUp(BridgeMessage got, String what) {
        close();
        String detail = got == null ? " within the time allowed" : got instanceof BridgeMessage.Stopped s ? ": " + s.why() : "";
        return failed(AttachFailure.Kind.BRIDGE, what + detail + ".");
    }

    private static AttachResult failed(AttachFailure.Kind kind, String sentence) {
        return new AttachResult.NotAttached(new AttachFailure(kind, sentence));
    }

    /** Sends {@code exit(Pid, Reason)} to a process of an attached node; the bridge reports the result as Info. */
    public void sendExit(String pid, String reason) {
        if (!pid.matches("<\\d+\\.\\d+\\.\\d+>") || !ATOM_TEXT.matcher(reason).matches()) {
            throw new IllegalArgumentException("not a pid and an atom: " + pid + " " + reason);
        }
        send("{exit, " + binary(pid) + ", " + binary(reason) + "}.");
    }

    /** Asks the bridge to connect again to the node after it went away. */
    public void reconnect() {
        send("{reconnect}.");
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        attached = false;
        try {
            send("{quit}.");
            in.close();
        } catch (RuntimeException | IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void send(String term) {
        try {
            in.write((term + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the hidden node is gone", e);
        }
    }

    private BridgeMessage next(java.time.Duration timeout) throws InterruptedException {
        return handshake.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void startReading() {
        Thread out = Thread.ofPlatform().daemon().name("canopy-bridge-out").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    BridgeJson.parse(line).ifPresent(this::deliver);
                }
            } catch (IOException e) {
                // the stream closed: reported below
            }
            String why;
            try {
                why = process.waitFor(2, TimeUnit.SECONDS) ? "erl exited with status " + process.exitValue() : "erl closed its output";
            } catch (InterruptedException e) {
                why = "interrupted";
            }
            synchronized (stderrTail) {
                if (!stderrTail.isEmpty()) why += " (" + String.join(" ", stderrTail) + ")";
            }
            deliver(new BridgeMessage.Stopped(why));
        });
        Thread.ofPlatform().daemon().name("canopy-bridge-err").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (stderrTail) {
                        stderrTail.addLast(line.length() > 300 ? line.substring(0, 300) : line);
                        while (stderrTail.size() > 5) stderrTail.removeFirst();
                    }
                }
            } catch (IOException e) {
                // closed
            }
        });
        out.setUncaughtExceptionHandler((t, e) -> deliver(new BridgeMessage.Stopped("bridge reader failed: " + e)));
    }

    private void deliver(BridgeMessage m) {
        if (attached) {
            listener.accept(m);
        } else {
            handshake.add(m);
        }
    }

    /** An Erlang binary of the UTF-8 bytes, e.g. {@code <<104,105>>}: needs no escaping. */
    static String binary(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder("<<");
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) b.append(',');
            b.append(bytes[i] & 0xff);
        }
        return b.append(">>").toString();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try {
            Files.deleteIfExists(dir.resolve(SOURCE));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary file left behind holds no secret
        }
    }
}
