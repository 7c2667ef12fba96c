package dev.canopy.engine.runtime;

import dev.canopy.engine.process.Pid;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The watchdog's rule, on made-up samples (no real time): one report per run that lasts the limit. */
class WatchdogTest {
    private static final class FakeRunner implements Watchdog.Runner {
        ProcessState running;
        long runs;

        @Override public ProcessState running() { return running; }

        @Override public long runs() { return runs; }

        @Override public String where() { return "a test runner"; }
    }

    private static ProcessState process(long id) { return new ProcessState(null, new Pid(id), new Pid(0), c -> {}); }

    @Test
    void a_run_that_lasts_the_limit_is_named_once() {
        var r = new FakeRunner();
        var o = new Watchdog.Observation(r);
        r.running = process(7);
        r.runs = 1;
        assertThat(o.observe(r, 0, 10_000)).isEmpty();
        assertThat(o.observe(r, 9_999, 10_000)).isEmpty();
        assertThat(o.observe(r, 10_000, 10_000)).contains(new Pid(7));
        assertThat(o.observe(r, 11_000, 10_000)).isEmpty();
    }

    @Test
    void short_runs_one_after_another_are_never_named() {
        var r = new FakeRunner();
        var o = new Watchdog.Observation(r);
        for (int i = 0; i < 100; i++) {
            r.running = process(i);
            r.runs = i;
            assertThat(o.observe(r, i * 5_000L, 10_000)).isEmpty();
        }
    }

    @Test
    void an_idle_runner_is_never_named() {
        var r = new FakeRunner();
        var o = new Watchdog.Observation(r);
        assertThat(o.observe(r, 0, 10_000)).isEmpty();
        assertThat(o.observe(r, 60_000, 10_000)).isEmpty();
    }

    @Test
    void the_message_names_the_process_and_the_place() {
        assertThat(Watchdog.message(new Pid(12), "carrier canopy-carrier-0", 10_500))
                .contains("<0.12.0>", "carrier canopy-carrier-0", "10500 ms", "without waiting", "pre-empt");
    }
}
