package dev.canopy.diagrams.attach;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the bridge's JSON lines into {@link BridgeMessage}s. A line that is not JSON is not a message. */
final class BridgeJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private BridgeJson() {}

    static Optional<BridgeMessage> parse(String line) {
        if (!line.startsWith("{")) return Optional.empty();
        JsonNode j;
        try {
            j = MAPPER.readTree(line);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        String type = text(j, "type");
        return Optional.ofNullable(switch (type) {
            case "hello" -> new BridgeMessage.Hello(text(j, "otp"));
            case "connected" -> new BridgeMessage.Connected(text(j, "node"), text(j, "probe"));
            case "failed" -> new BridgeMessage.Failed(AttachFailure.Kind.of(text(j, "kind")), text(j, "message"));
            case "snapshot" -> new BridgeMessage.Snapshot(snapshot(j));
            case "exit" -> new BridgeMessage.Exit(text(j, "node"), strings(j.path("path")), text(j, "pid"),
                    text(j, "reason"), j.path("t").asLong(0));
            case "nodeup" -> new BridgeMessage.NodeUp(text(j, "node"), j.path("t").asLong(0));
            case "nodedown" -> new BridgeMessage.NodeDown(text(j, "node"), j.path("t").asLong(0));
            case "disconnected" -> new BridgeMessage.Disconnected(text(j, "node"), j.path("t").asLong(0));
            case "info" -> new BridgeMessage.Info(text(j, "message"));
            default -> null;
        });
    }

    private static LiveSnapshot snapshot(JsonNode j) {
        List<LiveNode> nodes = new ArrayList<>();
        for (JsonNode n : j.path("nodes").values()) {
            List<LiveApp> apps = new ArrayList<>();
            for (JsonNode a : n.path("apps").values()) {
                JsonNode root = a.path("root");
                Optional<LiveProcess> tree = root.isObject()
                        ? Optional.of(process(root, text(root, "registered").isEmpty() ? text(root, "module") : text(root, "registered")))
                        : Optional.empty();
                apps.add(new LiveApp(text(a, "name"), text(a, "description"), text(a, "vsn"), tree));
            }
            nodes.add(new LiveNode(text(n, "node"), "up".equals(text(n, "status")), apps));
        }
        return new LiveSnapshot(j.path("t").asLong(0), nodes);
    }

    /** The top supervisor has no child id of its own: it is named after its registered name (or module). */
    private static LiveProcess process(JsonNode p, String idIfTop) {
        List<LiveProcess> children = new ArrayList<>();
        for (JsonNode c : p.path("children").values()) children.add(process(c, null));
        JsonNode start = p.path("start");
        boolean specRead = !p.has("spec") && p.has("restart");
        return new LiveProcess(idIfTop != null ? idIfTop : text(p, "id"), text(p, "kind"), text(p, "pid"),
                text(p, "status"), text(p, "registered"), p.path("mq").asLong(-1), p.path("memory").asLong(-1),
                text(p, "module"), text(start, "module"), text(start, "function"), strings(start.path("args")),
                text(p, "restart"), p.path("shutdown").isNull() ? "" : p.path("shutdown").asString(""),
                p.path("significant").asBoolean(false), specRead, text(p, "type"), strings(p.path("modules")),
                text(p, "strategy"), p.path("intensity").asInt(-1), p.path("period").asInt(-1),
                text(p, "auto_shutdown"), p.path("max_children").isMissingNode() ? "" : p.path("max_children").asString(""),
                children, p.path("template").isObject() ? Optional.of(process(p.path("template"), null)) : Optional.empty());
    }

    private static String text(JsonNode j, String field) {
        JsonNode v = j.path(field);
        return v.isNull() || v.isMissingNode() ? "" : v.asString("");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array.values()) out.add(v.asString(""));
        return out;
    }
}
