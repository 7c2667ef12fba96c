package dev.canopy.engine.supervisor;

import dev.canopy.engine.process.Pid;

/**
 * A supervisor's record of one child: its spec and its current state. pid is null when
 * not running (OTP's undefined); restarting is set while a failed restart awaits its retry.
 */
final class Child {
    final ChildSpec spec;
    Pid pid;
    boolean restarting;

    Child(ChildSpec spec) { this.spec = spec; }

    String id() { return spec.id(); }

    boolean running() { return pid != null; }

    boolean temporary() { return spec.restart() == Restart.TEMPORARY; }
}
