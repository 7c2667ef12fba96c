/**
 * The sequence diagram view of a run: {@link dev.canopy.diagrams.sequence.SequenceBuilder} turns
 * the engine's event stream (calls, replies, casts, other messages, exit signals, DOWN messages,
 * exits, calls left without a reply) into a {@link dev.canopy.diagrams.sequence.SequenceDiagram};
 * {@link dev.canopy.diagrams.sequence.MermaidSequence} writes it as a Mermaid
 * {@code sequenceDiagram} and {@link dev.canopy.diagrams.sequence.SequenceSvg} as SVG. No UI.
 */
package dev.canopy.diagrams.sequence;
