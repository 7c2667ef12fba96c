package dev.canopy.diagrams.sequence;

/**
 * A {@link SequenceDiagram} as a Mermaid {@code sequenceDiagram}: calls as solid arrows, replies
 * dashed, casts and other messages as open (async) arrows, EXIT and DOWN as crossed arrows, notes
 * over their lifeline; every item is prefixed with its virtual time.
 */
public final class MermaidSequence {
    private MermaidSequence() {
    }

    public static String render(SequenceDiagram d) {
        var b = new StringBuilder("sequenceDiagram\n");
        for (var l : d.lifelines()) b.append("    participant ").append(l.id()).append(" as ").append(text(l.label())).append('\n');
        for (var it : d.items()) {
            switch (it) {
                case SequenceDiagram.Message m -> b.append("    ").append(m.from()).append(arrow(m.kind())).append(m.to())
                        .append(": ").append(m.atMs()).append(" ms ").append(text(m.text())).append('\n');
                case SequenceDiagram.Note n -> b.append("    Note over ").append(n.on()).append(": ")
                        .append(n.atMs()).append(" ms ").append(text(n.text())).append('\n');
            }
        }
        return b.toString();
    }

    static String arrow(SequenceDiagram.Kind kind) {
        return switch (kind) {
            case CALL -> "->>";
            case REPLY -> "-->>";
            case CAST, INFO -> "-)";
            case EXIT, DOWN -> "-x";
        };
    }

    /** Plain characters stay; anything Mermaid might parse (; # < > { } quotes, ...) becomes an entity code. */
    static String text(String s) {
        var b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                    || " _.,:()=-/".indexOf(cp) >= 0) {
                b.append((char) cp);
            } else if (cp < 0x20 || cp == 0x7f) {
                b.append(' ');
            } else {
                b.append('#').append(cp).append(';');
            }
        });
        return b.toString();
    }
}
