package dev.canopy.engine.scenario;

import dev.canopy.diagrams.scenario.ReadResult;
import dev.canopy.diagrams.scenario.ScenarioReader;
import dev.canopy.engine.event.EventRecord;
import dev.canopy.engine.runtime.Node;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * bench/event-streams: prints the full event stream (every record: sequence number, virtual
 * times, event) of each scenario for each seed, so two engines can be compared line by line.
 * It lives in the engine's scenario package to reach the package-private driver and recorder,
 * and runs the scenario exactly as {@link ScenarioRunner#trace} does, with one more listener.
 * Identity hash codes in messages (lambdas, objects without toString) are masked.
 */
public final class EventStreams {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EventStreams SEEDS(e.g. 1-8) SCENARIO.json...");
            System.exit(2);
        }
        String[] range = args[0].split("-");
        long from = Long.parseLong(range[0]);
        long to = range.length > 1 ? Long.parseLong(range[1]) : from;
        var out = new PrintWriter(System.out, false);
        for (int i = 1; i < args.length; i++) {
            Path file = Path.of(args[i]);
            if (!(ScenarioReader.read(file) instanceof ReadResult.Ok ok)) {
                System.err.println("event-streams: " + file + ": not a valid scenario");
                System.exit(1);
                return;
            }
            for (long seed = from; seed <= to; seed++) {
                out.println("## " + file.getFileName() + " seed " + seed);
                for (String line : stream(ok.scenario(), seed)) out.println(line);
                out.flush();
            }
        }
        out.flush();
    }

    static List<String> stream(Scenario scenario, long seed) {
        var lines = new ArrayList<String>();
        try (var node = Node.deterministic(seed)) {
            node.events().addListener(r -> lines.add(render(r)));
            var trace = new TraceRecorder();
            node.events().addListener(trace::onEvent);
            var driverPid = node.spawn(new ScenarioDriver(scenario, trace)::run);
            var sim = node.simulation();
            while (true) {
                sim.runUntilIdle();
                if (!node.isAlive(driverPid)) break;
                if (node.clock().monotonicMillis() > ScenarioRunner.VIRTUAL_TIME_LIMIT_MS) {
                    lines.add("!! did not finish within a virtual day");
                    break;
                }
                if (!sim.advanceToNextTimer()) {
                    lines.add("!! stuck");
                    break;
                }
            }
            lines.add("-- trace");
            lines.addAll(trace.lines());
        }
        return lines;
    }

    private static String render(EventRecord r) {
        return (r.seq() + " " + r.monotonicMillis() + " " + r.systemMillis() + " " + r.event())
                .replaceAll("\\$\\$Lambda/0x[0-9a-f]+@[0-9a-f]+", "\\$\\$Lambda")
                .replaceAll("@[0-9a-f]{4,}", "@#");
    }
}
