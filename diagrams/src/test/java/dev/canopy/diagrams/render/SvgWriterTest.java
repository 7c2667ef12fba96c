package dev.canopy.diagrams.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

import dev.canopy.diagrams.layout.Layout;
import dev.canopy.diagrams.layout.LayoutOptions;
import dev.canopy.diagrams.layout.Orientation;
import dev.canopy.diagrams.layout.TreeLayout;

/**
 * Golden SVG files under src/test/resources/render/. After an intended change, regenerate them
 * with {@code -Dcanopy.updateGoldens=true} and review the diff.
 */
class SvgWriterTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "render");

    static Stream<Arguments> goldens() {
        return Stream.of(
                Arguments.of(Orientation.TOP_DOWN, Theme.light(), 1.0),
                Arguments.of(Orientation.LEFT_RIGHT, Theme.dark(), 1.0),
                Arguments.of(Orientation.TOP_DOWN, Theme.light(), 0.4));
    }

    private static String render(Orientation o, Theme theme, double scale) {
        SampleTree t = SampleTree.build();
        Layout layout = TreeLayout.layout(t.tree(), LayoutOptions.defaults().withOrientation(o));
        Viewport whole = Viewport.whole(layout.bounds(), 16);
        Viewport vp = new Viewport(whole.x(), whole.y(), Math.ceil(whole.widthPx() * scale),
                Math.ceil(whole.heightPx() * scale), scale);
        return SvgWriter.write(DisplayListBuilder.build(layout, t.visuals(), vp), theme);
    }

    @ParameterizedTest
    @MethodSource("goldens")
    void matches_the_golden_file(Orientation o, Theme theme, double scale) throws IOException {
        String name = "small-" + o.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + theme.name()
                + (scale == 1 ? "" : "-zoom-" + scale) + ".svg";
        String svg = render(o, theme, scale);
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("canopy.updateGoldens")) Files.writeString(file, svg, StandardCharsets.UTF_8);
        assertThat(svg).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void is_byte_stable_and_well_formed_xml() throws Exception {
        String a = render(Orientation.TOP_DOWN, Theme.light(), 1);
        String b = render(Orientation.TOP_DOWN, Theme.light(), 1);
        assertThat(a.getBytes(StandardCharsets.UTF_8)).isEqualTo(b.getBytes(StandardCharsets.UTF_8));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(a.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(a).contains("session_cache &amp; &lt;store&gt;").contains("id=\"n1\" data-key=\"app_sup\"")
                .contains(".node-worker{fill:#f4f5f7;stroke:#8a93a3;stroke-width:1;stroke-linecap:square}");
    }

    @Test
    void escapes_markup_and_drops_control_characters() {
        assertThat(SvgWriter.escape("a<b>&\"c'\u0001")).isEqualTo("a&lt;b&gt;&amp;&quot;c&apos;");
        assertThat(SvgWriter.escape("plain")).isEqualTo("plain");
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "-0.001, 0", "12.5, 12.5", "3.14159, 3.14", "-2.5, -2.5", "10000000, 10000000",
        "0.105, 0.11", "7.999, 8", "0.1, 0.1"})
    void numbers_have_at_most_two_decimals(double value, String expected) {
        assertThat(SvgNumbers.format(value)).isEqualTo(expected);
    }

    @Test
    void lines_of_one_token_share_one_path() {
        DisplayList list = new DisplayList(10, 10, List.of(new Layer(LayerName.EDGES, List.of(
                new Line(0, 0, 0, 5, StyleToken.EDGE), new Line(0, 5, 5, 5, StyleToken.EDGE)))));
        assertThat(SvgWriter.write(list, Theme.light())).contains("<path class=\"edge\" d=\"M0 0L0 5 M0 5L5 5\"/>");
    }
}
