package dev.canopy.app.ui.whiteboard;

import dev.canopy.app.ui.Dispatch;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.whiteboard.ExitKind;
import dev.canopy.diagrams.whiteboard.SimulatorCheck;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * "What if this dies?" checked in the app: plays the same exit in the simulator (in the
 * background, fixed seed) and holds the node-by-node comparison. A check for another node or
 * exit replaces the last one; a result that arrives for a question no longer asked is dropped.
 */
public final class WhatIfCheckViewModel {
    private final Dispatch dispatch;
    private final ReadOnlyObjectWrapper<SimulatorCheck.Check> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private long asked;

    public WhatIfCheckViewModel(Dispatch dispatch) {
        this.dispatch = dispatch;
    }

    public void check(Design design, String path, ExitKind kind) {
        long ticket = ++asked;
        result.set(null);
        busy.set(true);
        dispatch.async(() -> SimulatorCheck.whatIf(design, path, kind, GuidedWhiteboardViewModel.SEED), r -> {
            if (ticket != asked) return;
            busy.set(false);
            result.set(r);
        });
    }

    /** Forgets the last check (the panel shows another question). */
    public void clear() {
        asked++;
        busy.set(false);
        result.set(null);
    }

    public ReadOnlyObjectProperty<SimulatorCheck.Check> resultProperty() { return result.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
}
