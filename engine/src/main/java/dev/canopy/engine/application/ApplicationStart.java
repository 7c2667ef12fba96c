package dev.canopy.engine.application;

import dev.canopy.engine.term.Term;

/** The outcome of Application.start: :ok with a handle, or {:error, reason}. */
public sealed interface ApplicationStart {
    record Started(ApplicationHandle handle) implements ApplicationStart {}
    record Failed(Term reason) implements ApplicationStart {}
}
