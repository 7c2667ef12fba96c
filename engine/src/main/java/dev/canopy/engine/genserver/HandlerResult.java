package dev.canopy.engine.genserver;

import dev.canopy.engine.term.Term;

/** What a handle_* callback returns: the Java form of {reply,...}, {noreply,...} and {stop,...}. */
public sealed interface HandlerResult<S> {
    record Reply<S>(Object reply, S state, Next next) implements HandlerResult<S> {}
    record NoReply<S>(S state, Next next) implements HandlerResult<S> {}
    record StopReply<S>(Term reason, Object reply, S state) implements HandlerResult<S> {}
    record Stop<S>(Term reason, S state) implements HandlerResult<S> {}

    static <S> HandlerResult<S> reply(Object reply, S state) { return new Reply<>(reply, state, Next.NONE); }

    static <S> HandlerResult<S> noreply(S state) { return new NoReply<>(state, Next.NONE); }

    static <S> HandlerResult<S> noreply(S state, Next next) { return new NoReply<>(state, next); }

    static <S> HandlerResult<S> stop(Term reason, S state) { return new Stop<>(reason, state); }
}
