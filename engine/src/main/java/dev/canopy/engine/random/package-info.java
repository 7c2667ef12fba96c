/** The only source of randomness: seeded, splittable, so a seed replays a simulation. */
package dev.canopy.engine.random;
