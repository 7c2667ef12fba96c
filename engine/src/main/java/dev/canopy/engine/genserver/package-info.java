/**
 * gen_server: a generic loop (GenServerLoop) plus callbacks returning sealed results.
 * Semantics follow gen_server.erl / gen.erl of OTP 25: synchronous start with init ack,
 * terminate on stop tuples, exceptions and a trapped parent exit; calls monitor the server,
 * time out as exits the caller receives as a value, and drop late replies.
 */
package dev.canopy.engine.genserver;
