package dev.canopy.engine.process;

/**
 * A position in the calling process's mailbox (OTP's receive marker): what had been appended
 * to it and removed from it when the mark was taken. A receive after the mark whose pattern
 * needs something made after the mark (a fresh reference, a new pid) skips the older messages
 * instead of scanning them again on every call.
 */
public record MailboxMark(long appended, long removed) {}
