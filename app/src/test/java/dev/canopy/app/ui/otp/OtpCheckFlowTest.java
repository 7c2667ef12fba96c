package dev.canopy.app.ui.otp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.canopy.app.ui.FxFlows;
import dev.canopy.app.ui.main.MainViewModel;
import dev.canopy.diagrams.sim.TraceCheck;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Simulate › Check against real OTP, headless, with a stand-in run-otp that traces one line differently. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class OtpCheckFlowTest {
    @TempDir
    Path tmp;
    private MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        vm = FxFlows.showMainWindow(stage, "canopy-otp-home");
    }

    private static Stage window() {
        return FxFlows.windowTitled("Check against real OTP");
    }

    private Path executable(Path file, String script) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void the_menu_runs_both_and_marks_the_line_otp_traced_differently(FxRobot robot) throws Exception {
        Path sample = FxFlows.sample("strategies.canopy.json");
        WaitForAsyncUtils.asyncFx(() -> vm.openFile(sample)).get();
        WaitForAsyncUtils.waitForFxEvents();
        List<String> otp = new ArrayList<>(TraceCheck.ourTrace(vm.activeProperty().get().design(), 1));
        int i = otp.indexOf(otp.stream().filter(l -> l.startsWith("exit ")).findFirst().orElseThrow());
        otp.set(i, otp.get(i).replaceAll(" [a-z_]+$", " shutdown_on_otp"));
        Path trace = tmp.resolve("otp.trace");
        Files.write(trace, otp);
        executable(tmp.resolve("bin/erl"), "#!/bin/sh\nexit 0\n");
        Path run = executable(tmp.resolve("run-otp"), "#!/bin/sh\nexec /bin/cat " + trace + "\n");
        vm.simulations().setOtpRunner(() -> new OtpRunner(Map.of("PATH", tmp.resolve("bin").toString(),
                "CANOPY_RUN_OTP", run.toString()), List.of(), 10));

        MenuItem item = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(m -> "menu-check-otp".equals(m.getId())).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(item::fire).get();
        FxFlows.waitUntil(() -> window() != null);
        Stage w = window();
        assertThat(w.getTitle()).isEqualTo("Check against real OTP — strategies (seed 1)");
        Label verdict = (Label) w.getScene().lookup("#otp-verdict");
        FxFlows.waitUntil(() -> verdict.getText().contains("differs"));
        assertThat(verdict.getText()).isEqualTo("1 line differs from real OTP");
        @SuppressWarnings("unchecked")
        TableView<TraceCheck.Row> table = (TableView<TraceCheck.Row>) w.getScene().lookup("#otp-rows");
        assertThat(table.getItems()).filteredOn(r -> r.kind() == TraceCheck.Kind.CHANGED).singleElement()
                .satisfies(r -> assertThat(r.otp()).endsWith("shutdown_on_otp"));
        WaitForAsyncUtils.asyncFx(() -> {
            table.scrollTo(Math.max(0, i - 5));
            table.layout();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(w.getScene().getRoot().lookupAll(".otp-changed")).as("the differing row is marked").isNotEmpty();
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> image[0] = dev.canopy.app.ui.Screenshots.snapshot(w.getScene())).get();
        dev.canopy.app.ui.Screenshots.writePng(image[0], Path.of("target", "screenshots", "otp-check.png"));

        robot.clickOn("#otp-close");
        FxFlows.waitUntil(() -> window() == null);
        assertThat(vm.simulations().otpChecks()).isEmpty();
    }

    @Test
    void without_erlang_the_check_says_what_to_install(FxRobot robot) throws Exception {
        Path sample = FxFlows.sample("strategies.canopy.json");
        WaitForAsyncUtils.asyncFx(() -> vm.openFile(sample)).get();
        vm.simulations().setOtpRunner(() -> new OtpRunner(Map.of("PATH", tmp.toString()), List.of(), 10));
        WaitForAsyncUtils.asyncFx(vm::checkAgainstOtp).get();
        FxFlows.waitUntil(() -> window() != null);
        Stage w = window();
        var status = (org.controlsfx.control.StatusBar) w.getScene().lookup("#otp-status");
        FxFlows.waitUntil(() -> status.getText().contains("not installed"));
        assertThat(status.getText()).contains("apt-get install erlang");
        assertThat(((Label) w.getScene().lookup("#otp-verdict")).getText()).isEqualTo("Not checked");
        WaitForAsyncUtils.asyncFx(w::requestFocus).get();
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        FxFlows.waitUntil(() -> window() == null);
    }
}
