package dev.canopy.diagrams.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.Naming;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;

/** Hostile names: every literal reads back as the same text and nothing in it can become code. */
class NamesTest {

    @Test
    void erlang_atoms_are_bare_only_when_plain() {
        assertThat(Names.erlangAtom("cache")).isEqualTo("cache");
        assertThat(Names.erlangAtom("end")).isEqualTo("'end'");
        assertThat(Names.erlangAtom("Cache")).isEqualTo("'Cache'");
        assertThat(Names.erlangAtom("it's")).isEqualTo("'it\\'s'");
        assertThat(Names.erlangAtom("a\nb")).isEqualTo("'a\\nb'");
        assertThat(Names.erlangAtom("caf\u00e9")).isEqualTo("'caf\\x{E9}'");
        assertThat(Names.erlangAtom("back\\slash")).isEqualTo("'back\\\\slash'");
        assertThat(Names.erlangString("\"q\" ~p")).isEqualTo("\"\\\"q\\\" ~p\"");
    }

    @Test
    void elixir_atoms_and_strings_never_interpolate() {
        assertThat(Names.elixirAtom("cache")).isEqualTo(":cache");
        assertThat(Names.elixirAtom("end")).isEqualTo(":end");
        assertThat(Names.elixirAtom("#{System.halt()}")).isEqualTo(":\"\\#{System.halt()}\"");
        assertThat(Names.elixirString("a\"b\n\u65e5")).isEqualTo("\"a\\\"b\\n\\u{65E5}\"");
        assertThat(Names.elixirString("\"\"\"")).isEqualTo("\"\\\"\\\"\\\"\"");
    }

    @Test
    void java_strings_cannot_be_broken_by_unicode_escapes() {
        // A literal backslash-u in the name is doubled, so javac never sees a unicode escape.
        assertThat(Names.javaString("\\u0022")).isEqualTo("\"\\\\u0022\"");
        assertThat(Names.javaString("a\nb\u0001")).isEqualTo("\"a\\nb\\001\"");
        assertThat(Names.javaString("\u00e9")).isEqualTo("\"\\u00E9\"");
    }

    @Test
    void diagram_labels_escape_their_syntax() {
        assertThat(Names.dotString("a\"b\\c&d\n\u00e9")).isEqualTo("\"a\\\"b\\\\c&#38;d\\n&#233;\"");
        assertThat(Names.mermaidLabel("a\"]-->x[\"<b>")).isEqualTo("\"a#34;#93;--#62;x#91;#34;#60;b#62;\"");
    }

    @Test
    void identifiers_are_reduced_to_safe_characters() {
        assertThat(Names.snake("My Shop", "x")).isEqualTo("my_shop");
        assertThat(Names.snake("caf\u00e9 \u00fcber", "x")).isEqualTo("cafe_uber");
        assertThat(Names.snake("\u65e5\u672c", "node")).isEqualTo("node");
        assertThat(Names.snake("42abc", "n")).isEqualTo("n_42abc");
        assertThat(Names.snake("fooBar", "x")).isEqualTo("foo_bar");
        assertThat(Names.camel("my_shop", "X")).isEqualTo("MyShop");
    }

    @Test
    void overlong_names_cannot_be_atoms() {
        assertThatThrownBy(() -> Names.erlangAtom("a".repeat(256))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Names.fitsInAtom("\u00e9".repeat(255))).isTrue();
    }

    @Property
    void literals_are_ascii_one_line_and_closed(@ForAll String s) {
        if (!Names.fitsInAtom(s)) {
            return;
        }
        for (String lit : List.of(Names.erlangAtom(s), Names.erlangString(s), Names.elixirAtom(s),
                Names.elixirString(s), Names.javaString(s), Names.dotString(s), Names.mermaidLabel(s))) {
            assertThat(lit.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
            assertThat(lit).doesNotContain("#{").doesNotContain("\\u000a");
        }
        // the quote that opens a literal appears unescaped only at its end
        String body = Names.elixirString(s);
        assertThat(body.substring(1, body.length() - 1).replace("\\\\", "").replace("\\\"", "")).doesNotContain("\"");
        String erl = Names.erlangString(s);
        assertThat(erl.substring(1, erl.length() - 1).replace("\\\\", "").replace("\\\"", "")).doesNotContain("\"");
        String java = Names.javaString(s);
        assertThat(java.substring(1, java.length() - 1).replace("\\\\", "").replace("\\\"", "")).doesNotContain("\"");
    }

    @Test
    void args_must_be_plain_terms() throws Exception {
        assertThat(TermText.elixir(TermText.parse("name: MyApp.PubSub"))).isEqualTo("[name: MyApp.PubSub]");
        assertThat(TermText.erlang(TermText.parse("name: MyApp.PubSub"))).isEqualTo("[{name, 'Elixir.MyApp.PubSub'}]");
        assertThat(TermText.erlang(TermText.parse("{:a, \"b\", [1, 2.5]}"))).isEqualTo("{a, <<\"b\"/utf8>>, [1, 2.5]}");
        for (String code : List.of("System.cmd(\"rm\", [])", "\"#{File.rm!(x)}\"", "fn -> 1 end", "1 + 1", "x.y",
                "apply(m, f, a)", "[1, 2", "\"open", "'x' ++ 'y'", "%{a: 1}", "1; halt()")) {
            assertThatThrownBy(() -> TermText.parse(code)).as(code).isInstanceOf(TermText.BadTerm.class);
        }
    }

    @Test
    void exporters_reject_code_in_args_with_the_json_path() {
        WorkerNode w = WorkerNode.of("w");
        w = w.withSpec(w.spec().withStart("", "start_link", List.of("System.halt()")));
        Design d = Design.of("app", "", SupervisorNode.of("root", List.of(w)));
        for (Exporter e : Exporters.all()) {
            assertThatThrownBy(() -> e.export(d)).isInstanceOf(ExportException.class)
                    .satisfies(ex -> assertThat(((ExportException) ex).problems().getFirst().jsonPath())
                            .isEqualTo("$.tree.children[0].start.args[0]"));
        }
    }

    @Test
    void via_names_need_a_registry_of_the_design() {
        WorkerNode w = WorkerNode.of("w").withNaming(new Naming.Via("nope", "k"));
        Design d = Design.of("app", "", SupervisorNode.of("root", List.of(w)));
        assertThatThrownBy(() -> new ElixirExporter().export(d)).isInstanceOf(ExportException.class)
                .hasMessageContaining("$.tree.children[0].name.registry");
    }

    @Test
    void hostile_design_keeps_every_id_exactly_in_every_export() throws Exception {
        Design d = TestDesigns.hostile();
        String elixir = String.join("\n", new ElixirExporter().export(d).stream().map(ExportedFile::content).toList());
        String erlang = String.join("\n", new ErlangExporter().export(d).stream().map(ExportedFile::content).toList());
        String java = String.join("\n", new JavaExporter().export(d).stream().map(ExportedFile::content).toList());
        for (var n : d.root().children()) {
            assertThat(elixir).contains("id: " + Names.elixirAtom(n.id()) + ",");
            assertThat(erlang).contains("#{id => " + Names.erlangAtom(n.id()) + ",");
            assertThat(java).contains("new ChildSpec(" + Names.javaString(n.id()) + ",");
        }
        // every #{ in the Elixir export is escaped (\#{), so nothing is interpolated
        assertThat(elixir).doesNotContainPattern("(?<!\\\\)#\\{");
    }
}
