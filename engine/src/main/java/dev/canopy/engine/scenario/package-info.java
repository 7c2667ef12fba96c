/**
 * Conformance scenarios (shared/conformance/FORMAT.md): the records, the driver process that
 * plays the steps, and the trace recorder and normalizer. ScenarioRunner is the entry point.
 */
package dev.canopy.engine.scenario;
