package dev.canopy.diagrams.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.TaskSupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.diagrams.testing.Prerequisite;

/**
 * On real OTP: the Erlang export of a DynamicSupervisor (and a Task.Supervisor) keeps the design's
 * max_children the way Elixir's DynamicSupervisor does: the child after the limit is refused with
 * {error, max_children}, and a place frees up when a child goes.
 */
@Tag("otp")
class MaxChildrenBootTest {

    @TempDir
    Path tmp;

    @Test
    void start_child_beyond_max_children_returns_error_max_children() throws Exception {
        Prerequisite.fromEnvironment().require(OtpBoot.available("erl") && OtpBoot.available("erlc"), "erl/erlc not installed");
        DynamicSupervisorNode pool = DynamicSupervisorNode.of("pool").withMaxChildren(2)
                .withChildTemplate(Optional.of(WorkerNode.of("conn")));
        DynamicSupervisorNode open = DynamicSupervisorNode.of("open").withMaxChildren(DynamicSupervisorNode.INFINITY)
                .withChildTemplate(Optional.of(WorkerNode.of("conn")));
        TaskSupervisorNode tasks = TaskSupervisorNode.of("tasks").withMaxChildren(1);
        Design design = Design.of("limits", "", SupervisorNode.of("root", List.<DesignNode>of(pool, open, tasks)));

        ExportModel model = ExportModel.of(design);
        Path dir = Files.createTempDirectory(tmp, model.app);
        ExportFiles.write(dir, new ErlangExporter().export(design));
        String poolMod = module(model, "root/pool");
        String openMod = module(model, "root/open");
        String tasksMod = module(model, "root/tasks");

        Path ebin = Files.createDirectories(dir.resolve("ebin"));
        List<String> erlc = new ArrayList<>(List.of("erlc", "-Werror", "-o", ebin.toString()));
        try (Stream<Path> s = Files.list(dir.resolve("src"))) {
            s.filter(p -> p.toString().endsWith(".erl")).sorted().forEach(p -> erlc.add(p.toString()));
        }
        OtpBoot.run(dir, Map.of(), 120, erlc.toArray(String[]::new));
        Files.copy(dir.resolve("src/" + model.app + ".app.src"), ebin.resolve(model.app + ".app"));
        String script = "{ok, _} = application:ensure_all_started(" + model.app + "),"
                + "R1 = " + poolMod + ":start_child(), R2 = " + poolMod + ":start_child(), R3 = " + poolMod + ":start_child(),"
                + "{ok, P1} = R1,"
                + "ok = supervisor:terminate_child(" + poolMod + ", P1),"
                + "R4 = " + poolMod + ":start_child(),"
                + "O = [element(1, " + openMod + ":start_child()) || _ <- lists:seq(1, 5)],"
                + "T1 = " + tasksMod + ":start_child(fun() -> receive stop -> ok end end),"
                + "T2 = " + tasksMod + ":start_child(fun() -> ok end),"
                + "Tag = fun({ok, P}) when is_pid(P) -> ok; (E) -> E end,"
                + "io:format(\"~p~n\", [{[Tag(R) || R <- [R1, R2, R3, R4]], O, [Tag(T) || T <- [T1, T2]]}]),"
                + "halt().";
        String out = OtpBoot.run(dir, Map.of(), 60, "erl", "-noshell", "-pa", ebin.toString(), "-eval", script);
        assertThat(out.strip()).as(out).endsWith(
                "{[ok,ok,{error,max_children},ok],[ok,ok,ok,ok,ok],[ok,{error,max_children}]}");
    }

    private static String module(ExportModel model, String path) {
        String id = path.substring(path.lastIndexOf('/') + 1);
        return model.nodes.stream().filter(n -> !n.template && n.design.id().equals(id)).findFirst().orElseThrow().erlModule;
    }
}
