package dev.canopy.diagrams.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.DesignValidator;
import dev.canopy.diagrams.design.LoadResult;
import dev.canopy.diagrams.testing.Prerequisite;

/**
 * Proof on real OTP: every sample (and two designs of this test: every node kind, and
 * hostile names) exported to Erlang and to Elixir compiles without warnings, boots as an OTP
 * application, and its running tree read with which_children (canopy_check.erl) has the
 * design's ids, types, restart types, shutdowns, significant flags, strategies and restart
 * intensities, in start order; killing one worker restarts exactly what the strategy says.
 * Skipped where erl/elixir/mix are not installed, except in CI (CI=true), which installs them: there it fails.
 */
@Tag("otp")
class ExportBootTest {

    @TempDir
    Path tmp;

    static List<Design> designs() throws IOException {
        List<Design> out = new ArrayList<>();
        Path samples = Path.of("..", "samples");
        if (Files.isDirectory(samples)) {
            try (Stream<Path> s = Files.list(samples)) {
                for (Path p : s.filter(f -> f.toString().endsWith(DesignFiles.SUFFIX)).sorted().toList()) {
                    LoadResult r = DesignFiles.load(p);
                    if (!(r instanceof LoadResult.Loaded loaded)) {
                        throw new AssertionError("sample does not load: " + p + ": " + r);
                    }
                    assertThat(DesignValidator.validate(loaded.design())).as(p.toString())
                            .noneMatch(dev.canopy.diagrams.design.DesignProblem::isError);
                    out.add(loaded.design());
                }
            }
        }
        out.add(TestDesigns.kitchenSink());
        out.add(TestDesigns.hostile());
        return out;
    }

    @TestFactory
    Stream<DynamicTest> erlang_exports_boot() throws IOException {
        Prerequisite.fromEnvironment().require(OtpBoot.available("erl") && OtpBoot.available("erlc"), "erl/erlc not installed");
        return designs().stream().map(d -> DynamicTest.dynamicTest("erlang: " + d.name().replace('\n', ' '),
                () -> boot(d, ExpectedTree.Target.ERLANG)));
    }

    @TestFactory
    Stream<DynamicTest> elixir_exports_boot() throws IOException {
        Prerequisite.fromEnvironment().require(OtpBoot.available("elixir") && OtpBoot.available("mix"), "elixir/mix not installed");
        return designs().stream().map(d -> DynamicTest.dynamicTest("elixir: " + d.name().replace('\n', ' '),
                () -> boot(d, ExpectedTree.Target.ELIXIR)));
    }

    private void boot(Design design, ExpectedTree.Target target) throws Exception {
        Exporter exporter = target == ExpectedTree.Target.ERLANG ? new ErlangExporter() : new ElixirExporter();
        String app = ExportModel.of(design).app;
        Path dir = Files.createTempDirectory(tmp, app);
        ExportFiles.write(dir, exporter.export(design));

        ExpectedTree expected = new ExpectedTree(design, target);
        ExpectedTree.Line victim = expected.victim();
        List<String> killPath = victim == null ? null : victim.idPath();
        OtpBoot.Result r = target == ExpectedTree.Target.ERLANG
                ? OtpBoot.erlang(dir, app, killPath)
                : OtpBoot.elixir(dir, app, killPath);
        if (target == ExpectedTree.Target.ELIXIR) {
            OtpBoot.checkFormatted(dir);
        }

        assertThat(r.bootLines()).as("booted tree vs design\n" + r.rawOutput())
                .containsExactlyElementsOf(expected.lines.stream().map(ExpectedTree.Line::fields).toList());
        if (victim == null) {
            return;
        }
        Map<String, ExpectedTree.Fate> fates = expected.afterKilling(victim, design.root());
        for (ExpectedTree.Line l : expected.lines) {
            String key = String.join("/", l.idPath().stream().map(ExpectedTree::hex).toList());
            String before = r.bootPids().get(key);
            String after = r.afterPids().get(key);
            String what = "after killing " + victim.path() + ": " + l.path() + "\n" + r.rawOutput();
            switch (fates.get(l.path())) {
                case SAME -> assertThat(after).as(what).isEqualTo(before);
                case NEW_PID -> assertThat(after).as(what).startsWith("<").isNotEqualTo(before);
                case NOT_RUNNING -> assertThat(after).as(what).isEqualTo("undefined");
                case GONE -> assertThat(after).as(what).isNull();
            }
        }
        assertThat(r.app()).as(r.rawOutput()).isEqualTo(fates.get("") == ExpectedTree.Fate.GONE ? "stopped" : "running");
    }
}
