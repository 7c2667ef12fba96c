/** Clocks: the only code that reads the machine time (SystemClock) and the virtual clock of simulations. */
package dev.canopy.engine.time;
