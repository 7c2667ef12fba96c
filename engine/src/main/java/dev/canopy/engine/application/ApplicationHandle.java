package dev.canopy.engine.application;

import dev.canopy.engine.process.Pid;

/** A started application: its master process and the top supervisor the master started. */
public record ApplicationHandle(String name, Pid master, Pid topSupervisor) {}
