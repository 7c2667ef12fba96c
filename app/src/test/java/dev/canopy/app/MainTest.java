package dev.canopy.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @Test
    void one_existing_design_file_opens_the_app_anything_else_is_the_command_line(@TempDir Path dir) throws Exception {
        Path design = Files.writeString(dir.resolve("shop.canopy.json"), "{}");
        assertThat(Main.opensADesign(new String[] {design.toString()})).isTrue();
        assertThat(Main.opensADesign(new String[] {dir.resolve("missing.canopy.json").toString()})).isFalse();
        assertThat(Main.opensADesign(new String[] {"trace"})).isFalse();
        assertThat(Main.opensADesign(new String[] {"validate", design.toString()})).isFalse();
    }
}
