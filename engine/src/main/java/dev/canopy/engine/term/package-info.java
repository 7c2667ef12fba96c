/** Erlang-like terms for exit reasons and errors, rendered as the conformance traces print them. */
package dev.canopy.engine.term;
