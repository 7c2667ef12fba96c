package dev.canopy.engine.process;


/**
 * The reply to a synchronous call, tagged with the call's reference. Delivered only while
 * the caller still waits for that reference, like OTP's process aliases: a reply that
 * arrives after a timeout is dropped, never left in the mailbox.
 */
public record CallReply(Ref ref, Object value) {}
