package dev.canopy.diagrams.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shapes' written-out equals and hashCode (see {@link Shape}) mean what a record's generated
 * ones do: equal exactly when every component is, doubles compared as {@link Double#compare}
 * (so 0.0 and -0.0 differ and NaN equals NaN).
 */
class ShapeEqualityTest {

    @ParameterizedTest
    @ValueSource(classes = {Rect.class, RoundRect.class, Line.class, Text.class, Badge.class, Gauge.class})
    void equal_exactly_when_every_component_is(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] base = new Object[components.length];
        for (int i = 0; i < components.length; i++) base[i] = value(components[i].getType(), 0);

        Object shape = make(type, base);
        Object same = make(type, base.clone());
        assertThat(shape).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(shape).isNotEqualTo(null).isNotEqualTo("a shape");

        for (int i = 0; i < components.length; i++) {
            Object[] changed = base.clone();
            changed[i] = value(components[i].getType(), 1);
            assertThat(make(type, changed)).as("%s with %s changed", type.getSimpleName(), components[i].getName())
                    .isNotEqualTo(shape);
        }
    }

    @ParameterizedTest
    @ValueSource(classes = {Rect.class, Line.class, Text.class})
    void doubles_compare_as_Double_compare(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] zero = new Object[components.length];
        for (int i = 0; i < components.length; i++) zero[i] = value(components[i].getType(), 0);
        Object[] negativeZero = zero.clone();
        Object[] nan = zero.clone();
        Object[] nanAgain = zero.clone();
        int first = firstDouble(components);
        negativeZero[first] = -0.0;
        zero[first] = 0.0;
        nan[first] = Double.NaN;
        nanAgain[first] = Double.NaN;
        assertThat(make(type, zero)).isNotEqualTo(make(type, negativeZero));
        assertThat(make(type, nan)).isEqualTo(make(type, nanAgain)).hasSameHashCodeAs(make(type, nanAgain));
    }

    private static int firstDouble(RecordComponent[] components) {
        for (int i = 0; i < components.length; i++) if (components[i].getType() == double.class) return i;
        throw new AssertionError("no double component");
    }

    /** A value of a component's type: two different ones, by variant 0 or 1 (fractions stay within 0..1). */
    private static Object value(Class<?> t, int variant) {
        if (t == double.class) return variant == 0 ? 0.25 : 0.75;
        if (t == String.class) return variant == 0 ? "a" : "b";
        if (t.isEnum()) return t.getEnumConstants()[variant];
        throw new AssertionError("no sample value for " + t);
    }

    private static Object make(Class<?> type, Object[] args) throws Exception {
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<?> c = type.getDeclaredConstructor(types);
        return c.newInstance(args);
    }

    @org.junit.jupiter.api.Test
    void every_kind_of_shape_is_checked() {
        assertThat(List.of(Shape.class.getPermittedSubclasses()))
                .containsExactlyInAnyOrder(Rect.class, RoundRect.class, Line.class, Text.class, Badge.class, Gauge.class);
    }
}
