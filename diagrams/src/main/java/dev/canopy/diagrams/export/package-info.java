/**
 * Exporting a design as code that boots (Elixir mix project, Erlang/OTP application, Java on
 * the Canopy engine) and as diagrams for docs (Mermaid, Graphviz DOT).
 *
 * <p>Rules: every exporter is a pure, deterministic function of the design
 * ({@link dev.canopy.diagrams.export.Exporter}); every default is written out (Erlang's
 * supervisor defaults are intensity 1 / period 5, Elixir's 3 / 5, so leaving one out would
 * change the meaning between targets); design text reaches generated files only through
 * {@link dev.canopy.diagrams.export.Names} (literals) or as reduced identifiers, and start
 * arguments only after {@link dev.canopy.diagrams.export.TermText} has parsed them as plain
 * terms. {@link dev.canopy.diagrams.export.ExportFiles} writes all files or none.
 *
 * <p>Proof: {@code ExportBootTest} compiles every sample's Erlang and Elixir export, boots it
 * on real OTP, compares the running tree (which_children, recursively) with the design and
 * checks what a killed worker restarts.
 */
package dev.canopy.diagrams.export;
