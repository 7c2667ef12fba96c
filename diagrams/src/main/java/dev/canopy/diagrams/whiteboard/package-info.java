/**
 * Whiteboard tools: pure logic (no UI) that explains and improves a design.
 *
 * <ul>
 * <li>{@link dev.canopy.diagrams.whiteboard.WhatIf#predict}: "what if this dies?" as a
 *     {@link dev.canopy.diagrams.whiteboard.Prediction} (restarted / started again / stopped /
 *     untouched nodes, one explanation per affected node, escalation, restart budget), checked
 *     against the simulator by {@link dev.canopy.diagrams.whiteboard.PredictionCheck#compare}.</li>
 * <li>{@link dev.canopy.diagrams.whiteboard.GuidedExercise}: the guided whiteboard exercise (answers → strategies
 *     with reasons → every process crashed in the simulator, expectation against outcome node by
 *     node, surprises explained); {@link dev.canopy.diagrams.whiteboard.SimulatorCheck} plays any
 *     prediction in the simulator the same way.</li>
 * <li>{@link dev.canopy.diagrams.whiteboard.StrategyWizard}: questions per child, a strategy (and
 *     child order) per supervisor from the answers, applied to a new design.</li>
 * <li>{@link dev.canopy.diagrams.whiteboard.DesignAdvisor#review}: advice with reasons and fixes.</li>
 * </ul>
 * OTP rules followed: shared/conformance/SEMANTICS.md §6, §7, §11.
 */
package dev.canopy.diagrams.whiteboard;
