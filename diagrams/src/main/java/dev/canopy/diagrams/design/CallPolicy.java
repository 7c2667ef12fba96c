package dev.canopy.diagrams.design;

import java.util.Locale;

/**
 * What a caller does with an {@code {:error, reason}} from the service it calls (lesson "callers
 * decide"): call again later, keep the request and send it once the service answers, drop it, or
 * raise an alarm (cleared by the next success).
 */
public enum CallPolicy {
    RETRY, QUEUE, IGNORE, ALERT;

    public String word() { return name().toLowerCase(Locale.ROOT); }
}
