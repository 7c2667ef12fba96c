package dev.canopy.app.cli;

import java.io.PrintWriter;

import dev.canopy.diagrams.attach.LiveApp;
import dev.canopy.diagrams.attach.LiveEvent;
import dev.canopy.diagrams.attach.LiveNode;
import dev.canopy.diagrams.attach.LiveProcess;
import dev.canopy.diagrams.attach.LiveSnapshot;

/** The live trees and events as plain text for the command line. */
final class LiveTreeText {

    private LiveTreeText() {}

    static void print(LiveSnapshot s, PrintWriter out) {
        for (LiveNode n : s.nodes()) {
            out.println("node " + n.name() + (n.up() ? "" : "  (gone)"));
            for (LiveApp a : n.apps()) {
                out.println("  app " + a.name() + " " + a.version() + (a.root().isEmpty() ? "  (library, no tree)" : ""));
                a.root().ifPresent(r -> process(r, "    ", out));
            }
        }
    }

    private static void process(LiveProcess p, String indent, PrintWriter out) {
        StringBuilder b = new StringBuilder(indent).append(p.id()).append("  ").append(p.kind());
        if (p.isSupervisor() && !p.strategy().isEmpty()) {
            b.append(' ').append(p.strategy()).append(' ').append(p.intensity()).append('/').append(p.period()).append('s');
        }
        if (!p.restart().isEmpty()) b.append("  ").append(p.restart());
        b.append("  ").append(p.running() ? p.pid() : p.status());
        if (!p.registered().isEmpty()) b.append("  registered ").append(p.registered());
        if (p.messageQueue() >= 0) b.append("  mq ").append(p.messageQueue());
        if (p.memory() >= 0) b.append("  mem ").append(p.memory()).append(" B");
        out.println(b);
        for (LiveProcess c : p.children()) process(c, indent + "  ", out);
    }

    static String event(LiveEvent e) {
        return switch (e) {
            case LiveEvent.Exit x -> "exit     " + x.node() + " " + String.join("/", x.path()) + " " + x.pid() + " reason " + x.reason();
            case LiveEvent.Restart r -> "restart  " + r.node() + " " + String.join("/", r.path()) + " " + r.oldPid() + " -> " + r.newPid();
            case LiveEvent.NodeGone g -> "nodedown " + g.node();
            case LiveEvent.NodeJoined j -> "nodeup   " + j.node();
        };
    }
}
