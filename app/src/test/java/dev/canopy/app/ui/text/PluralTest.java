package dev.canopy.app.ui.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralTest {

    @Test
    void counts_read_as_words() {
        assertThat(Plural.of(1, "node")).isEqualTo("1 node");
        assertThat(Plural.of(3, "node")).isEqualTo("3 nodes");
        assertThat(Plural.of(0, "problem")).isEqualTo("0 problems");
        assertThat(Plural.of(2, "process")).isEqualTo("2 processes");
        assertThat(Plural.of(2, "dependency")).isEqualTo("2 dependencies");
        assertThat(Plural.of(4, "child")).isEqualTo("4 children");
    }
}
