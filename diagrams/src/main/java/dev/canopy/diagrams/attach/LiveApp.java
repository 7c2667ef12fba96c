package dev.canopy.diagrams.attach;

import java.util.Optional;

/** One application running on a node; {@code root} is its top supervisor (none for library applications). */
public record LiveApp(String name, String description, String version, Optional<LiveProcess> root) {}
