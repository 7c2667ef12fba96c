package dev.canopy.engine.genserver;

import dev.canopy.engine.term.Term;

/** The outcome of init/1: {ok,State}, ignore or {stop,Reason}. */
public sealed interface InitResult<S> {
    record Ok<S>(S state, Next next) implements InitResult<S> {}
    record Ignore<S>() implements InitResult<S> {}
    record Stop<S>(Term reason) implements InitResult<S> {}

    static <S> InitResult<S> ok(S state) { return new Ok<>(state, Next.NONE); }

    static <S> InitResult<S> ok(S state, Next next) { return new Ok<>(state, next); }

    static <S> InitResult<S> ignore() { return new Ignore<>(); }

    static <S> InitResult<S> stop(Term reason) { return new Stop<>(reason); }
}
