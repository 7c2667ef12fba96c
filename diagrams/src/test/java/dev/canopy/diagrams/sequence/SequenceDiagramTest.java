package dev.canopy.diagrams.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.LoadResult;
import dev.canopy.diagrams.sim.SimInput;
import dev.canopy.diagrams.sim.SimulationSession;
import org.junit.jupiter.api.Test;

/**
 * The sequence view of a simulated run, from the engine's events: calls with their replies, a
 * call that times out on a hung server, a crash and the one_for_all group restart (EXIT signals
 * from the supervisor). Mermaid and SVG output are compared with golden files; after an intended
 * change regenerate them with {@code -Dcanopy.updateGoldens=true}.
 */
class SequenceDiagramTest {
    static final Path GOLDEN = Path.of("src/test/resources/sequence/golden");

    static Design strategies() {
        return ((LoadResult.Loaded) DesignFiles.load(Path.of("../samples/strategies.canopy.json"))).design();
    }

    /** A call answered, a call timing out on a hung b, then b crashes under one_for_all. */
    static SequenceDiagram run() {
        try (var s = ((SimulationSession.Start.Running) SimulationSession.start(strategies(), 5)).session()) {
            s.advance(100);
            s.inject(new SimInput.Call("root/one_for_all/b", 1000));
            s.advance(100);
            s.inject(new SimInput.Hang("root/one_for_all/b", 2000));
            s.inject(new SimInput.Call("root/one_for_all/b", 300));
            s.advance(2500);
            s.inject(new SimInput.Raise("root/one_for_all/b"));
            s.advance(500);
            return s.sequence();
        }
    }

    @Test
    void callsRepliesTimeoutsAndExitsAreOnTheRightLifelines() {
        var d = run();
        var labels = d.lifelines().stream().map(SequenceDiagram.Lifeline::label).toList();
        assertThat(labels).containsExactlyInAnyOrder("you", "caller 1", "caller 2", "one_for_all", "one_for_all/a", "one_for_all/b",
                "one_for_all/c", "one_for_all/a (2)", "one_for_all/b (2)", "one_for_all/c (2)");
        assertThat(d.items()).filteredOn(i -> i instanceof SequenceDiagram.Note n && n.text().equals("restarted by one_for_all")).hasSize(3);
        var id = new java.util.HashMap<String, String>();
        d.lifelines().forEach(l -> id.put(l.label(), l.id()));
        var messages = d.items().stream().filter(i -> i instanceof SequenceDiagram.Message).map(i -> (SequenceDiagram.Message) i).toList();
        // The first call is answered: a call arrow from caller 1 to b and a reply back.
        assertThat(messages).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo(SequenceDiagram.Kind.CALL);
            assertThat(m.from()).isEqualTo(id.get("caller 1"));
            assertThat(m.to()).isEqualTo(id.get("one_for_all/b"));
        });
        assertThat(messages).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo(SequenceDiagram.Kind.REPLY);
            assertThat(m.from()).isEqualTo(id.get("one_for_all/b"));
            assertThat(m.to()).isEqualTo(id.get("caller 1"));
        });
        // The hang is a cast; the second call gets no reply: a timeout note on caller 2 at 300 ms after it.
        assertThat(messages).anySatisfy(m -> assertThat(m.kind()).isEqualTo(SequenceDiagram.Kind.CAST));
        var timeout = d.items().stream().filter(i -> i instanceof SequenceDiagram.Note n && n.text().startsWith("timeout"))
                .map(i -> (SequenceDiagram.Note) i).findFirst().orElseThrow();
        assertThat(timeout.on()).isEqualTo(id.get("caller 2"));
        assertThat(timeout.text()).isEqualTo("timeout: no reply from one_for_all/b");
        assertThat(timeout.atMs()).isEqualTo(200 + 300);
        // The crash: one_for_all stops a and c with EXIT shutdown, then starts them again.
        assertThat(messages).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo(SequenceDiagram.Kind.EXIT);
            assertThat(m.from()).isEqualTo(id.get("one_for_all"));
            assertThat(m.to()).isEqualTo(id.get("one_for_all/c"));
            assertThat(m.text()).isEqualTo("EXIT shutdown");
        });
        // Time never goes backwards.
        for (int i = 1; i < d.items().size(); i++) assertThat(d.items().get(i).atMs()).isGreaterThanOrEqualTo(d.items().get(i - 1).atMs());
    }

    @Test
    void theSameRunGivesTheSameDiagram() {
        assertThat(run()).isEqualTo(run());
    }

    @Test
    void mermaidMatchesTheGoldenFile() throws Exception {
        golden("strategies_call_timeout_crash.mmd", MermaidSequence.render(run()));
    }

    @Test
    void svgMatchesTheGoldenFile() throws Exception {
        var svg = SequenceSvg.render(run());
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n");
        // well-formed XML
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        golden("strategies_call_timeout_crash.svg", svg);
    }

    @Test
    void mermaidTextIsEscaped() {
        assertThat(MermaidSequence.text("{a;b}#<c>")).isEqualTo("#123;a#59;b#125;#35;#60;c#62;");
    }

    private static void golden(String name, String actual) throws Exception {
        var file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("canopy.updateGoldens")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
        }
        assertThat(file).as("golden file (run with -Dcanopy.updateGoldens=true)").exists();
        assertThat(actual).isEqualTo(Files.readString(file));
    }
}
