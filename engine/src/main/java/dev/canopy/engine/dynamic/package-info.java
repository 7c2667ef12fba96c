/**
 * Elixir 1.14 DynamicSupervisor: children by pid, one_for_one, max_children,
 * extra_arguments, defaults 3 / 5 s, and parallel shutdown of all children at once.
 */
package dev.canopy.engine.dynamic;
