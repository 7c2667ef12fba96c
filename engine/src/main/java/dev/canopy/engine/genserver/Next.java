package dev.canopy.engine.genserver;

/** What a gen_server does after a callback: wait normally, time out, hibernate or continue. */
public sealed interface Next {
    record None() implements Next {}
    /** handle_info(timeout) runs if no message arrives within ms. */
    record Timeout(long ms) implements Next {}
    record Hibernate() implements Next {}
    /** handle_continue(arg) runs before any message is read. */
    record Continue(Object arg) implements Next {}

    Next NONE = new None();
}
