package dev.canopy.diagrams.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.canopy.diagrams.testing.Prerequisite;
import dev.canopy.engine.scenario.Scenario;
import dev.canopy.engine.scenario.ScenarioRunner;

/**
 * The live scheduler (real threads, the real clock: what a person's simulation runs on outside
 * replay) against the traces recorded on real OTP, for the conformance scenarios whose outcome
 * does not depend on timing: OTP's causal orders decide them, not who wins a race against a
 * timer. Scenarios about intensity windows, call and shutdown timeouts are left to the
 * deterministic scheduler, where virtual time makes them exact. Only the engine's public API
 * (ScenarioRunner.traceLive on Node.live()) is used, so the test survives a rewrite of the runtime.
 */
class LiveSchedulerConformanceTest {

    private static final Path SCENARIOS = Path.of("../../shared/conformance/scenarios");

    /**
     * Decided by causal order alone; each passed 10 live runs of 10 when chosen. Not here: the
     * scenarios about windows and timeouts. start_fail_init_crash is back: it differed on 5 of 20
     * live runs on the runtime of c7a9341 (a server whose init failed acked the failure and its
     * starter went on before the server's exit; GenServers.start now waits for that exit) and
     * matched on 40 of 40 there with the fix.
     */
    static final List<String> TIMING_FREE = List.of(
            "dynsup_basic", "dynsup_child_restarts", "dynsup_intensity_escalates", "dynsup_start_errors", "exit_normal_trapping", "init_ignore",
            "intensity_escalation", "intensity_escalation_to_top", "intensity_exceeded_root", "intensity_zero",
            "kill_vs_shutdown_trapping", "nested_supervisors", "one_for_all_order", "one_for_all_temporary_sibling",
            "one_for_one_permanent_reasons", "rest_for_one_order", "restart_init_crash_recovers",
            "restart_init_crash_retry", "shutdown_brutal_kill", "shutdown_infinity", "shutdown_order_stop_tree",
            "significant_all", "significant_any", "significant_crash_restarted", "start_fail_init_crash",
            "static_child_api", "supervisor_outside_signals", "temporary_never_restarted", "transient_reasons");

    @TestFactory
    Stream<DynamicTest> timing_free_scenarios_give_otps_trace_on_the_live_scheduler() {
        Prerequisite.fromEnvironment().require(Files.isDirectory(SCENARIOS),
                "shared conformance scenarios not found at " + SCENARIOS.toAbsolutePath());
        return TIMING_FREE.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Scenario scenario = ConformanceScenariosTest.ok(ScenarioReader.read(SCENARIOS.resolve(name + ".json")));
            List<String> expected = expected(SCENARIOS.resolve(name + ".expected"));
            assertThat(ScenarioRunner.traceLive(scenario, 60_000, SPACING)).as(name + " on Node.live()").isEqualTo(expected);
        }));
    }

    /**
     * Steps 3× further apart in real time than the files say (markers keep the files' times): at a
     * load average of 20 on 2 cores a carrier waited more than 100 ms for a core and the next
     * step's marker came before the last step's effects. Causal order alone decides these
     * scenarios, so the spacing must not change their traces.
     */
    static final int SPACING = 3;

    static List<String> expected(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file).stream().map(l -> l.replace("\r", "")).toList();
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) end--;
        return lines.subList(0, end);
    }
}
