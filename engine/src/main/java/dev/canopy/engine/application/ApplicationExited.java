package dev.canopy.engine.application;

import dev.canopy.engine.term.Term;

/**
 * Sent to the process that started the application when its top supervisor ends on its
 * own (for example, it gave up restarting). A temporary application: the exit is reported,
 * nothing else is stopped (OTP's application_controller logs it the same way).
 */
public record ApplicationExited(String name, Term reason) {}
