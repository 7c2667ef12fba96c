package dev.canopy.engine.application;

import dev.canopy.engine.term.Term;

/** The outcome of Application.stop: stopped (with the top supervisor's exit reason), or not running. */
public sealed interface ApplicationStop {
    record Stopped(Term topSupervisorReason) implements ApplicationStop {}
    /** {:error, {:not_started, app}}: already stopped, by a stop or because its top supervisor died. */
    record NotRunning() implements ApplicationStop {}
}
