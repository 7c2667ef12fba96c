package dev.canopy.diagrams.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The network lab steps (partition, heal, delay_link, call_from): read, written back, validated with JSON paths and lines. */
class NetworkLabStepsTest {
    private static String design(int nodes, String labSteps) {
        return """
                {"format": 1, "name": "x", "cluster_nodes": %d,
                 "tree": {"id": "root", "children": [{"id": "s", "name": {"scope": "global", "name": "S"}}]},
                 "lab_steps": %s}
                """.formatted(nodes, labSteps);
    }

    private static LoadResult.Loaded loaded(String json) {
        var r = DesignReader.parse(json, "f.canopy.json");
        assertThat(r).as("%s", r).isInstanceOf(LoadResult.Loaded.class);
        return (LoadResult.Loaded) r;
    }

    private static List<String> invalid(String json) {
        var l = loaded(json);
        return l.lines().locate(DesignValidator.validate(l.design())).stream().filter(DesignProblem::isError)
                .map(DesignProblem::describe).toList();
    }

    @Test
    void networkSteps_areReadWrittenBackAndReadAgainUnchanged() {
        var d = loaded(design(3, """
                [{"at_ms": 100, "do": "partition", "groups": [["a"], ["b", "c"]]},
                 {"at_ms": 200, "do": "delay_link", "between": ["a", "c"], "ms": 400},
                 {"at_ms": 300, "do": "call_from", "node": "c", "target": "root/s"},
                 {"at_ms": 350, "do": "call_from", "node": "c", "target": "root/s", "to_node": "a"},
                 {"at_ms": 400, "do": "heal"},
                 {"at_ms": 500, "do": "stop_node", "node": "b"},
                 {"at_ms": 600, "do": "start_node", "node": "b"}]""")).design();
        assertThat(d.labSteps()).extracting(LabStep::action).containsExactly(
                new LabAction.Partition("root", List.of(List.of("a"), List.of("b", "c"))),
                new LabAction.DelayLink("root", "a", "c", 400),
                new LabAction.CallFrom("root/s", "c", 5000),
                new LabAction.CallFrom("root/s", "c", 5000, "a"),
                new LabAction.Heal("root"),
                new LabAction.StopNode("root", "b"),
                new LabAction.StartNode("root", "b"));
        assertThat(DesignValidator.validate(d)).noneMatch(DesignProblem::isError);
        var again = loaded(DesignWriter.write(d)).design();
        assertThat(again.labSteps()).isEqualTo(d.labSteps());
    }

    @Test
    void aPartitionMustPutEveryNodeOfTheClusterInExactlyOneGroup() {
        assertThat(invalid(design(3, """
                [{"at_ms": 100, "do": "partition",
                  "groups": [["a", "x"], ["a"]]}]"""))).containsExactlyInAnyOrder(
                "f.canopy.json:4: at $.lab_steps[0].groups: error: every node must be in a group; missing: b, c",
                "f.canopy.json:4: at $.lab_steps[0].groups[0][1]: error: there is no node 'x': this design's nodes are a, b, c",
                "f.canopy.json:4: at $.lab_steps[0].groups[1][0]: error: node 'a' is in two groups: each node is in exactly one");
    }

    @Test
    void networkStepsNeedACluster() {
        assertThat(invalid(design(1, """
                [{"at_ms": 100, "do": "heal"}]"""))).containsExactly(
                "f.canopy.json:3: at $.lab_steps[0].do: error: a heal step acts on the network between nodes: set cluster_nodes to 2 or more");
    }

    @Test
    void aCallFromNamesANodeOfTheClusterAndAWorker() {
        assertThat(invalid(design(2, """
                [{"at_ms": 100, "do": "call_from", "node": "c", "target": "root/nope"}]"""))).containsExactlyInAnyOrder(
                "f.canopy.json:3: at $.lab_steps[0].node: error: there is no node 'c': this design's nodes are a, b",
                "f.canopy.json:3: at $.lab_steps[0].target: error: there is no node 'root/nope' in the tree");
    }

    @Test
    void aCallFromsToNodeNamesANodeOfTheCluster() {
        assertThat(invalid(design(2, """
                [{"at_ms": 100, "do": "call_from", "node": "a", "target": "root/s", "to_node": "z"}]"""))).containsExactly(
                "f.canopy.json:3: at $.lab_steps[0].to_node: error: there is no node 'z': this design's nodes are a, b");
    }

    @Test
    void shapeErrorsAreTheReadersWithTheirPath() {
        var r = DesignReader.parse(design(3, """
                [{"at_ms": 100, "do": "partition", "groups": [["a", "b", "c"]]},
                 {"at_ms": 200, "do": "delay_link", "between": ["a", "a"], "ms": 10},
                 {"at_ms": 300, "do": "heal", "groups": []}]"""), "f.canopy.json");
        assertThat(r).isInstanceOf(LoadResult.Failed.class);
        assertThat(((LoadResult.Failed) r).problems()).extracting(DesignProblem::describe).contains(
                "f.canopy.json:3: at $.lab_steps[0].groups: error: groups must list at least two groups of nodes, such as [[\"a\"], [\"b\", \"c\"]]",
                "f.canopy.json:4: at $.lab_steps[1].between: error: between must name two different nodes, such as [\"a\", \"b\"], not [a, a]",
                "f.canopy.json:5: at $.lab_steps[2].groups: error: 'groups' does not apply to a heal step");
    }

    @Test
    void theSimulatorPlaysAtMostTwentySixNodes() {
        var d = loaded(design(27, "[]")).design();
        assertThat(DesignValidator.validate(d)).extracting(DesignProblem::message)
                .contains("the simulator plays at most 26 nodes (a to z), not 27");
        assertThat(ClusterNodes.names(3)).containsExactly("a", "b", "c");
    }
}
