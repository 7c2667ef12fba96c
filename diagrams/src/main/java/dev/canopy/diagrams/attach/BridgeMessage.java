package dev.canopy.diagrams.attach;

import java.util.List;

/** What the bridge (the hidden Erlang node) reports, one JSON line each. Times are the bridge's, in ms. */
public sealed interface BridgeMessage {

    /** The hidden node runs the bridge; {@code otpRelease} is its OTP release. */
    record Hello(String otpRelease) implements BridgeMessage {}

    record Connected(String node, String probe) implements BridgeMessage {}

    /** Connecting failed; {@code sentence} says why in words a user understands. */
    record Failed(AttachFailure.Kind kind, String sentence) implements BridgeMessage {}

    record Snapshot(LiveSnapshot snapshot) implements BridgeMessage {}

    /** A watched process exited ('DOWN' of a monitor): {@code path} is app name then child ids. */
    record Exit(String node, List<String> path, String pid, String reason, long atMs) implements BridgeMessage {
        public Exit {
            path = List.copyOf(path);
        }
    }

    record NodeUp(String node, long atMs) implements BridgeMessage {}

    record NodeDown(String node, long atMs) implements BridgeMessage {}

    /** The node Canopy attached to went away; reconnecting may bring it back. */
    record Disconnected(String node, long atMs) implements BridgeMessage {}

    record Info(String text) implements BridgeMessage {}

    /** The hidden node itself stopped (its output ended). */
    record Stopped(String why) implements BridgeMessage {}
}
