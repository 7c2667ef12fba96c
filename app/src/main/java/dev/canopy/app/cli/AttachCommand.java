package dev.canopy.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.canopy.diagrams.attach.AttachOptions;
import dev.canopy.diagrams.attach.AttachResult;
import dev.canopy.diagrams.attach.BridgeMessage;
import dev.canopy.diagrams.attach.LiveApp;
import dev.canopy.diagrams.attach.LiveEvent;
import dev.canopy.diagrams.attach.LiveImport;
import dev.canopy.diagrams.attach.LiveSnapshot;
import dev.canopy.diagrams.attach.LiveWatch;
import dev.canopy.diagrams.attach.NodeBridge;
import dev.canopy.diagrams.design.DesignFiles;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code canopy attach NODE}: attaches to a running BEAM node through a hidden Erlang node
 * started with the user's own erl, prints the supervision trees of every connected node and then
 * the exits and restarts as they happen; with {@code --import FILE} writes one application's
 * live tree as a design and exits. Every failure is one sentence and exit status 2.
 */
@Command(
        name = "attach",
        mixinStandardHelpOptions = true,
        description = {
            "Attach to a running Erlang/Elixir node (read-only) and show its live supervision trees.",
            "Needs Erlang's erl on the PATH; nothing is loaded onto the node."})
public final class AttachCommand implements Callable<Integer> {

    /** OTP's own applications: --import without --app picks among the others. */
    private static final Set<String> OTP_APPS = Set.of("kernel", "stdlib", "sasl", "compiler", "crypto", "ssl",
            "public_key", "inets", "mnesia", "runtime_tools", "os_mon", "logger", "elixir", "iex", "mix", "asn1");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NODE", description = "The node, as name@host (e.g. myapp@localhost).")
    String node;

    static final class CookieSource {
        @Option(names = "--cookie", paramLabel = "C", description = "The node's cookie (default: ~/.erlang.cookie).")
        String cookie;

        @Option(names = "--cookie-file", paramLabel = "F", description = "A file holding the node's cookie.")
        Path cookieFile;
    }

    @ArgGroup(exclusive = true)
    CookieSource cookieSource;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = AttachOptions.DEFAULT_PROBE,
            description = "Name prefix of Canopy's hidden node (default: ${DEFAULT-VALUE}).")
    String probeName;

    @Option(names = "--import", paramLabel = "FILE", description = "Write the live tree as a design (*.canopy.json) and exit.")
    Path importFile;

    @Option(names = "--app", paramLabel = "APP", description = "The application to import (default: the only one not part of OTP).")
    String app;

    @Option(names = "--once", description = "Print the trees once and exit instead of following exits and restarts.")
    boolean once;

    @Option(names = "--follow-seconds", paramLabel = "S", defaultValue = "0",
            description = "Stop following after S seconds (default 0: until interrupted).")
    long followSeconds;

    /** The environment erl runs in; tests replace it (e.g. a PATH without erl). */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> cookie;
        try {
            cookie = cookie();
        } catch (IOException e) {
            err.println("canopy: cannot read the cookie file " + cookieSource.cookieFile + ": " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        if (importFile != null && !importFile.getFileName().toString().endsWith(DesignFiles.SUFFIX)) {
            err.println("canopy: the design to write must end in " + DesignFiles.SUFFIX + ": " + importFile);
            return CommandLine.ExitCode.USAGE;
        }
        LiveWatch watch = new LiveWatch();
        BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        watch.onSnapshot(seen::add);
        watch.onEvent(seen::add);
        watch.onConnection(seen::add);
        AttachOptions options = AttachOptions.of(node, cookie).withProbeName(probeName).withEnvironment(environment);
        switch (NodeBridge.attach(options, watch)) {
            case AttachResult.NotAttached n -> {
                err.println("canopy: " + n.failure().sentence());
                return CommandLine.ExitCode.USAGE;
            }
            case AttachResult.Attached a -> {
                try (NodeBridge bridge = a.bridge()) {
                    return attached(a.node(), watch, seen, out, err);
                }
            }
        }
    }

    /** How long to wait for the first report and how long to follow: the machine's monotonic clock. */
    private final dev.canopy.app.ui.time.Ticker ticker = dev.canopy.app.ui.time.Ticker.system();

    private int attached(String target, LiveWatch watch, BlockingQueue<Object> seen, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        LiveSnapshot first = null;
        long end = ticker.nanos() + TimeUnit.SECONDS.toNanos(30);
        while (first == null && ticker.nanos() < end) {
            Object o = seen.poll(200, TimeUnit.MILLISECONDS);
            if (o instanceof LiveSnapshot s) first = s;
            if (o instanceof BridgeMessage.Stopped st) {
                err.println("canopy: Canopy's hidden node stopped: " + st.why());
                return CommandLine.ExitCode.USAGE;
            }
        }
        if (first == null) {
            err.println("canopy: " + target + " did not report its applications within 30 seconds.");
            return CommandLine.ExitCode.USAGE;
        }
        if (importFile != null) {
            return importTree(first, target, out, err);
        }
        LiveTreeText.print(first, out);
        out.flush();
        if (once) return CommandLine.ExitCode.OK;
        out.println("-- following exits and restarts (Ctrl-C to stop) --");
        out.flush();
        long stop = followSeconds > 0 ? ticker.nanos() + TimeUnit.SECONDS.toNanos(followSeconds) : Long.MAX_VALUE;
        while (ticker.nanos() < stop) {
            Object o = seen.poll(200, TimeUnit.MILLISECONDS);
            switch (o) {
                case LiveEvent e -> out.println(LiveTreeText.event(e));
                case BridgeMessage.Disconnected d -> out.println(d.node() + " went away (connection lost)");
                case BridgeMessage.Stopped st -> {
                    err.println("canopy: Canopy's hidden node stopped: " + st.why());
                    return CommandLine.ExitCode.USAGE;
                }
                case null, default -> { }
            }
            out.flush();
        }
        return CommandLine.ExitCode.OK;
    }

    private int importTree(LiveSnapshot snapshot, String target, PrintWriter out, PrintWriter err) {
        var node = snapshot.node(target).orElseThrow();
        List<LiveApp> withTrees = node.apps().stream().filter(a -> a.root().isPresent()).toList();
        Optional<LiveApp> chosen;
        if (app != null) {
            chosen = withTrees.stream().filter(a -> a.name().equals(app)).findFirst();
            if (chosen.isEmpty()) {
                err.println("canopy: " + target + " runs no application " + app + " with a supervision tree (it runs: "
                        + String.join(", ", withTrees.stream().map(LiveApp::name).toList()) + ").");
                return CommandLine.ExitCode.USAGE;
            }
        } else {
            List<LiveApp> own = withTrees.stream().filter(a -> !OTP_APPS.contains(a.name())).toList();
            if (own.size() != 1) {
                err.println("canopy: " + target + " runs " + (own.isEmpty() ? "no application of its own" : "several applications ("
                        + String.join(", ", own.stream().map(LiveApp::name).toList()) + ")") + ": choose one with --app.");
                return CommandLine.ExitCode.USAGE;
            }
            chosen = Optional.of(own.getFirst());
        }
        LiveImport.Imported imported = LiveImport.of(chosen.get()).orElseThrow();
        try {
            DesignFiles.save(importFile, imported.design());
        } catch (IOException e) {
            err.println("canopy: cannot write " + importFile + ": " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        out.println("canopy: wrote " + importFile + " (" + chosen.get().name() + " on " + target + ", "
                + imported.design().nodeCount() + " nodes)");
        out.println("Not read from the node (left at Canopy's defaults):");
        imported.unread().forEach(u -> out.println("  - " + u));
        return CommandLine.ExitCode.OK;
    }

    private Optional<String> cookie() throws IOException {
        if (cookieSource == null) return Optional.empty();
        if (cookieSource.cookie != null) return Optional.of(cookieSource.cookie);
        return Optional.of(Files.readString(cookieSource.cookieFile, StandardCharsets.UTF_8).strip());
    }
}
