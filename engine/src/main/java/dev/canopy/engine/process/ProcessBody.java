package dev.canopy.engine.process;

/**
 * The code a process runs. Returning ends the process with reason {@code normal}; an
 * exception ends it with a {@link dev.canopy.engine.term.Term.Crash} reason; {@link ProcessContext#exit(dev.canopy.engine.term.Term)}
 * ends it with the given reason.
 */
@FunctionalInterface
public interface ProcessBody {
    void run(ProcessContext ctx) throws Exception;
}
