package dev.canopy.diagrams.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.canopy.diagrams.design.Design;

/** The Java export compiles against the engine, for every sample and the test designs (hostile names too). */
class JavaExportCompileTest {

    @TempDir
    Path tmp;

    @Test
    void java_exports_compile_against_the_engine() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int i = 0;
        for (Design d : ExportBootTest.designs()) {
            Path dir = tmp.resolve("d" + i++);
            List<Path> written = ExportFiles.write(dir, new JavaExporter().export(d));
            List<String> args = new ArrayList<>(List.of("-proc:none", "-d", dir.resolve("classes").toString(),
                    "-cp", System.getProperty("java.class.path")));
            written.forEach(p -> args.add(p.toString()));
            StringWriter diagnostics = new StringWriter();
            int rc = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
                @Override public void write(int b) { diagnostics.write(b); }
            }), args.toArray(String[]::new));
            assertThat(rc).as(d.name() + ":\n" + diagnostics + "\n" + Files.readString(written.getFirst())).isZero();
        }
    }
}
