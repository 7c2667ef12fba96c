package dev.canopy.engine.genserver;

import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.Ref;

/** The messages gen_server's own protocol uses ('$gen_call', '$gen_cast', init ack, sys). */
final class Protocol {
    private Protocol() {}

    record Call(From from, Object request) {}

    record Cast(Object request) {}

    record InitAck(Ref ref, Pid pid, StartResult result) {}

    record GetState(From from) {}
}
