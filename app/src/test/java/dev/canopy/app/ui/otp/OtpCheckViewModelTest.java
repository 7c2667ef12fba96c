package dev.canopy.app.ui.otp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.LoadResult;
import dev.canopy.diagrams.sim.TraceCheck;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Check against real OTP", toolkit-free and inline: what is missing, and the two traces side by side. */
class OtpCheckViewModelTest {
    @TempDir
    Path tmp;

    static Design strategies() {
        Path dir = Files.isDirectory(Path.of("../samples")) ? Path.of("../samples") : Path.of("samples");
        return ((LoadResult.Loaded) DesignFiles.load(dir.resolve("strategies.canopy.json"))).design();
    }

    private Path executable(Path file, String script) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void without_erl_it_says_what_to_install() {
        var runner = new OtpRunner(Map.of("PATH", tmp.toString()), List.of(tmp), 10);
        var vm = new OtpCheckViewModel(strategies(), 1, runner, Runnable::run, Runnable::run);
        vm.run();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.verdictProperty().get()).isEqualTo("Not checked");
        assertThat(vm.statusProperty().get()).contains("Erlang/OTP is not installed").contains("apt-get install erlang");
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void without_the_runner_it_says_where_to_point() throws Exception {
        executable(tmp.resolve("bin/erl"), "#!/bin/sh\nexit 0\n");
        var runner = new OtpRunner(Map.of("PATH", tmp.resolve("bin").toString()), List.of(tmp.resolve("nowhere")), 10);
        assertThat(runner.locate()).isInstanceOf(OtpRunner.Located.Missing.class);
        assertThat(((OtpRunner.Located.Missing) runner.locate()).whatToDo()).contains("CANOPY_RUN_OTP");
    }

    @Test
    void finds_the_runner_in_the_shared_folder_above_and_marks_the_line_otp_traced_differently() throws Exception {
        Design design = strategies();
        List<String> otp = new ArrayList<>(TraceCheck.ourTrace(design, 1));
        int changed = otp.indexOf(otp.stream().filter(l -> l.startsWith("exit ")).findFirst().orElseThrow());
        otp.set(changed, otp.get(changed) + "_on_otp");
        Path trace = tmp.resolve("otp.trace");
        Files.write(trace, otp);
        executable(tmp.resolve("bin/erl"), "#!/bin/sh\nexit 0\n");
        executable(tmp.resolve("checkout/shared/conformance/otp/run-otp"), "#!/bin/sh\n[ -f \"$1\" ] || exit 3\nexec /bin/cat " + trace + "\n");
        Files.createDirectories(tmp.resolve("checkout/canopy/app"));
        var runner = new OtpRunner(Map.of("PATH", tmp.resolve("bin").toString()), List.of(tmp.resolve("checkout/canopy/app")), 10);
        assertThat(runner.locate()).isEqualTo(new OtpRunner.Located.Found(tmp.resolve("checkout/shared/conformance/otp/run-otp")));

        var vm = new OtpCheckViewModel(design, 1, runner, Runnable::run, Runnable::run);
        vm.run();
        assertThat(vm.verdictProperty().get()).isEqualTo("1 line differs from real OTP");
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.rows()).filteredOn(r -> r.kind() != TraceCheck.Kind.SAME).singleElement()
                .satisfies(r -> assertThat(r.otp()).endsWith("_on_otp"));
    }

    @Test
    void a_failing_runner_is_reported_with_its_message() throws Exception {
        executable(tmp.resolve("bin/erl"), "#!/bin/sh\nexit 0\n");
        Path run = executable(tmp.resolve("run-otp"), "#!/bin/sh\necho erlc: harness broke >&2\nexit 2\n");
        var runner = new OtpRunner(Map.of("PATH", tmp.resolve("bin").toString(), "CANOPY_RUN_OTP", run.toString()), List.of(), 10);
        var vm = new OtpCheckViewModel(strategies(), 1, runner, Runnable::run, Runnable::run);
        vm.run();
        assertThat(vm.verdictProperty().get()).isEqualTo("Not checked");
        assertThat(vm.statusProperty().get()).contains("status 2").contains("harness broke");
    }

    @Test
    void on_real_otp_the_strategies_sample_traces_as_our_engine_does() {
        var runner = OtpRunner.forThisApp();
        Assumptions.assumeTrue(runner.locate() instanceof OtpRunner.Located.Found, "Erlang and the conformance suite are here");
        var vm = new OtpCheckViewModel(strategies(), 1, runner, Runnable::run, Runnable::run);
        vm.run();
        assertThat(vm.verdictProperty().get()).as(vm.statusProperty().get()).isEqualTo("Same as real OTP");
        assertThat(vm.rows()).isNotEmpty();
    }
}
