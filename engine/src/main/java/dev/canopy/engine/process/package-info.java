/**
 * What a process sees: pids, references, messages ({@code ExitMessage}, {@code Down},
 * {@code CallReply}) and {@link dev.canopy.engine.process.ProcessContext}, the Java form of
 * the BIFs that act on the calling process (send, receive, spawn, link, monitor, exit, timers).
 */
package dev.canopy.engine.process;
