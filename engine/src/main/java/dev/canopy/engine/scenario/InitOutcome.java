package dev.canopy.engine.scenario;

/** What one run of init does: succeed, raise, or return ignore. */
public enum InitOutcome { OK, CRASH, IGNORE }
