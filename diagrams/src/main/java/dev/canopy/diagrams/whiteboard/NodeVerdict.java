package dev.canopy.diagrams.whiteboard;

/**
 * One row of a prediction-against-outcome table: what was predicted for the node at
 * {@code path}, what the simulator did, and (when they differ) why OTP did what it did.
 */
public record NodeVerdict(String path, Fate predicted, Fate simulated, String why) {
    public boolean agrees() {
        return predicted == simulated;
    }
}
