/**
 * The node: process table, signals, names, and the two schedulers (deterministic baton on
 * virtual time; live threads on real time). See docs/decisions/0002 and 0003.
 * Rules: process state is touched only with Node.lock held; user code runs without it.
 */
package dev.canopy.engine.runtime;
