package dev.canopy.diagrams.sequence;

import java.util.HashMap;

/**
 * A {@link SequenceDiagram} as a standalone SVG: lifelines as columns with a header box and a
 * dashed line, one row per item in time order; calls solid with a filled head, replies dashed,
 * casts and info with an open head, EXIT red and DOWN purple, notes as boxes on their lifeline.
 * Sizes are fixed, so the same diagram always gives the same bytes.
 */
public final class SequenceSvg {
    private SequenceSvg() {
    }

    static final int COLUMN = 170;
    static final int MARGIN = 20;
    static final int HEAD = 36;
    static final int ROW = 30;

    public static String render(SequenceDiagram d) {
        var column = new HashMap<String, Integer>();
        for (int i = 0; i < d.lifelines().size(); i++) column.put(d.lifelines().get(i).id(), i);
        int width = MARGIN * 2 + Math.max(1, d.lifelines().size()) * COLUMN;
        for (var it : d.items()) {
            if (it instanceof SequenceDiagram.Note n && noteWidth(n) > COLUMN - 24) {
                width = Math.max(width, centre(column.get(n.on())) - COLUMN / 2 + 12 + noteWidth(n) + MARGIN);
            }
        }
        int height = MARGIN * 2 + HEAD + (d.items().size() + 1) * ROW;
        var b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        b.append("  <defs>\n")
                .append("    <marker id=\"filled\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#1f2937\"/></marker>\n")
                .append("    <marker id=\"open\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10\" fill=\"none\" stroke=\"#1f2937\"/></marker>\n")
                .append("    <marker id=\"cross\" viewBox=\"0 0 10 10\" refX=\"5\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\"><path d=\"M0,0 L10,10 M10,0 L0,10\" stroke=\"#b91c1c\" stroke-width=\"2\"/></marker>\n")
                .append("  </defs>\n");
        b.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        int bottom = height - MARGIN;
        for (int i = 0; i < d.lifelines().size(); i++) {
            var l = d.lifelines().get(i);
            int x = centre(i);
            b.append("  <g class=\"lifeline\" id=\"").append(l.id()).append("\">\n");
            b.append("    <rect x=\"").append(x - COLUMN / 2 + 8).append("\" y=\"").append(MARGIN).append("\" width=\"").append(COLUMN - 16)
                    .append("\" height=\"26\" rx=\"4\" fill=\"#dbeafe\" stroke=\"#1d4ed8\"/>\n");
            b.append("    <text x=\"").append(x).append("\" y=\"").append(MARGIN + 17).append("\" text-anchor=\"middle\">").append(xml(l.label())).append("</text>\n");
            b.append("    <line x1=\"").append(x).append("\" y1=\"").append(MARGIN + 26).append("\" x2=\"").append(x).append("\" y2=\"").append(bottom)
                    .append("\" stroke=\"#9ca3af\" stroke-dasharray=\"4 4\"/>\n");
            b.append("  </g>\n");
        }
        int row = 0;
        for (var it : d.items()) {
            int y = MARGIN + HEAD + ++row * ROW;
            switch (it) {
                case SequenceDiagram.Message m -> {
                    int x1 = centre(column.get(m.from()));
                    int x2 = centre(column.get(m.to()));
                    String colour = switch (m.kind()) {
                        case EXIT -> "#b91c1c";
                        case DOWN -> "#7c3aed";
                        default -> "#1f2937";
                    };
                    String marker = switch (m.kind()) {
                        case CALL, REPLY -> "filled";
                        case CAST, INFO -> "open";
                        case EXIT, DOWN -> "cross";
                    };
                    b.append("  <line class=\"msg ").append(m.kind().name().toLowerCase(java.util.Locale.ROOT)).append("\" x1=\"").append(x1)
                            .append("\" y1=\"").append(y).append("\" x2=\"").append(x2).append("\" y2=\"").append(y)
                            .append("\" stroke=\"").append(colour).append('"')
                            .append(m.kind() == SequenceDiagram.Kind.REPLY ? " stroke-dasharray=\"6 3\"" : "")
                            .append(" marker-end=\"url(#").append(marker).append(")\"/>\n");
                    b.append("  <text x=\"").append((x1 + x2) / 2).append("\" y=\"").append(y - 5).append("\" text-anchor=\"middle\" fill=\"")
                            .append(colour).append("\">").append(m.atMs()).append(" ms ").append(xml(m.text())).append("</text>\n");
                }
                case SequenceDiagram.Note n -> {
                    int x = centre(column.get(n.on()));
                    boolean wide = noteWidth(n) > COLUMN - 24; // a long note runs right from its lifeline, in a box that fits it
                    b.append("  <rect class=\"note\" x=\"").append(x - COLUMN / 2 + 12).append("\" y=\"").append(y - 14).append("\" width=\"")
                            .append(wide ? noteWidth(n) : COLUMN - 24).append("\" height=\"20\" fill=\"#fef3c7\" stroke=\"#d97706\"/>\n");
                    b.append("  <text x=\"").append(wide ? x - COLUMN / 2 + 18 : x).append("\" y=\"").append(y)
                            .append(wide ? "\" text-anchor=\"start\">" : "\" text-anchor=\"middle\">")
                            .append(n.atMs()).append(" ms ").append(xml(n.text())).append("</text>\n");
                }
            }
        }
        b.append("</svg>\n");
        return b.toString();
    }

    /** A note's box: its text at 12 px sans-serif (6.6 px a character on average) and 6 px either side. */
    static int noteWidth(SequenceDiagram.Note n) {
        return (int) Math.ceil((n.atMs() + " ms " + n.text()).length() * 6.6) + 12;
    }

    private static int centre(int column) {
        return MARGIN + column * COLUMN + COLUMN / 2;
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
