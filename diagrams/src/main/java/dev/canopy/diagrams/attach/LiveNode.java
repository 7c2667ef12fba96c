package dev.canopy.diagrams.attach;

import java.util.List;
import java.util.Optional;

/** One node of the attached cluster: up with its applications, or gone (down or away). */
public record LiveNode(String name, boolean up, List<LiveApp> apps) {

    public LiveNode {
        apps = List.copyOf(apps);
    }

    public Optional<LiveApp> app(String appName) {
        return apps.stream().filter(a -> a.name().equals(appName)).findFirst();
    }
}
