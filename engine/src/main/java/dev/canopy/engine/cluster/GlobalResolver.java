package dev.canopy.engine.cluster;

import dev.canopy.engine.process.Pid;

import java.util.List;

/**
 * How {@code global} resolves a name registered on both sides of a healed partition: it keeps
 * one pid for the name and kills the other ({@code exit(Pid, kill)}).
 */
public enum GlobalResolver {
    /**
     * {@code global:random_exit_name/3}, the default. Despite its name it is not random: OTP's
     * {@code minmax/2} keeps the pid on the node whose name is smaller (atom order) and kills the other.
     */
    DEFAULT,
    /**
     * The conformance scenarios' stated resolver: keep the pid on the node whose name sorts
     * first (ties: the first pid), kill the other.
     */
    KEEP_FIRST_NODE;

    /** The pid to keep of two registrations of one name; nodes names the nodes by number. */
    public Pid keep(Pid first, Pid second, List<String> nodes) {
        int c = nodes.get(first.node()).compareTo(nodes.get(second.node()));
        return switch (this) {
            case DEFAULT -> c < 0 ? first : second;
            case KEEP_FIRST_NODE -> c <= 0 ? first : second;
        };
    }
}
