package dev.canopy.diagrams.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PrerequisiteTest {

    @Test
    void a_missing_tool_skips_on_a_developer_machine() {
        assertThatThrownBy(() -> new Prerequisite(Map.<String, String>of()::get).require(false, "erl is not installed"))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("erl is not installed");
    }

    @Test
    void a_missing_tool_fails_in_ci() {
        assertThatThrownBy(() -> new Prerequisite(Map.of("CI", "true")::get).require(false, "erl is not installed"))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("CI=true but erl is not installed");
    }

    @Test
    void a_present_tool_neither_skips_nor_fails() {
        assertThatCode(() -> new Prerequisite(Map.of("CI", "true")::get).require(true, "erl")).doesNotThrowAnyException();
    }
}
