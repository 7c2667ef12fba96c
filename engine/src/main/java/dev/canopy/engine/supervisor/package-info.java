/**
 * Static supervisors, following supervisor.erl of OTP 25: children start in order and stop
 * in reverse order; only exits of current children count; restart type x reason decides;
 * every restart attempt counts against intensity/period in whole seconds; one_for_one,
 * one_for_all, rest_for_one; failed restarts retry via a message to self; significant
 * children and auto_shutdown; the child management API. Defaults are OTP's (1 / 5 s).
 */
package dev.canopy.engine.supervisor;
