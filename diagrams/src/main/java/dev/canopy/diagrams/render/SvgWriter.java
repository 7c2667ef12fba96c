package dev.canopy.diagrams.render;

import java.util.Map;

/**
 * Writes a display list as a standalone SVG document. Byte-stable: the same list and theme give
 * the same bytes (fixed precision, "\n" line ends, ids numbered in paint order, no dates).
 * Shapes carry CSS classes named after their {@link StyleToken}; the stylesheet inside the
 * document comes from the same {@link Theme} the app's CSS is generated from.
 */
public final class SvgWriter {
    private static final String FONT_FAMILY = "'DejaVu Sans','Segoe UI',Helvetica,Arial,sans-serif";

    private final StringBuilder out = new StringBuilder(1 << 16);
    private int nodeIds;
    private int blockIds;

    private SvgWriter() {
    }

    public static String write(DisplayList list, Theme theme) {
        SvgWriter w = new SvgWriter();
        w.document(list, theme);
        return w.out.toString();
    }

    private void document(DisplayList list, Theme theme) {
        String width = n(list.widthPx());
        String height = n(list.heightPx());
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n");
        styleSheet(theme);
        out.append("<rect class=\"background\" x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\"/>\n");
        for (Layer layer : list.layers()) {
            if (layer.shapes().isEmpty()) continue;
            out.append("<g id=\"layer-").append(layer.name().name().toLowerCase(java.util.Locale.ROOT)).append("\">\n");
            layerBody(layer);
            out.append("</g>\n");
        }
        out.append("</svg>\n");
    }

    private void styleSheet(Theme theme) {
        out.append("<style>\n");
        out.append("text{font-family:").append(FONT_FAMILY).append("}\n");
        for (Map.Entry<StyleToken, TokenStyle> e : theme.styles().entrySet()) {
            String cls = e.getKey().cssName();
            TokenStyle s = e.getValue();
            if (e.getKey().group() == StyleToken.Group.TEXT) {
                textRule(cls, s);
                continue;
            }
            out.append('.').append(cls).append("{fill:").append(s.fill().map(Rgb::toHex).orElse("none"));
            s.stroke().ifPresent(c -> out.append(";stroke:").append(c.toHex()).append(";stroke-width:").append(n(s.strokeWidthPx()))
                    .append(";stroke-linecap:square"));
            out.append("}\n");
            if (e.getKey().group() == StyleToken.Group.BADGE) textRule(cls + "-text", s);
        }
        out.append("</style>\n");
    }

    private void textRule(String cls, TokenStyle s) {
        out.append('.').append(cls).append("{fill:").append(s.ink().orElseThrow().toHex());
        if (s.bold()) out.append(";font-weight:bold");
        out.append("}\n");
    }

    /** Runs of lines with one token become one path: far smaller and faster to parse. */
    private void layerBody(Layer layer) {
        StyleToken pathToken = null;
        for (Shape shape : layer.shapes()) {
            if (shape instanceof Line l) {
                if (pathToken != l.token()) {
                    if (pathToken != null) out.append("\"/>\n");
                    out.append("<path class=\"").append(l.token().cssName()).append("\" d=\"");
                    pathToken = l.token();
                } else {
                    out.append(' ');
                }
                out.append('M').append(n(l.x1())).append(' ').append(n(l.y1()))
                        .append('L').append(n(l.x2())).append(' ').append(n(l.y2()));
                continue;
            }
            if (pathToken != null) {
                out.append("\"/>\n");
                pathToken = null;
            }
            shape(shape, layer.name());
        }
        if (pathToken != null) out.append("\"/>\n");
    }

    private void shape(Shape shape, LayerName layer) {
        switch (shape) {
            case RoundRect r -> {
                rectOpen(r.token(), r.nodeKey(), layer, r.x(), r.y(), r.w(), r.h());
                out.append(" rx=\"").append(n(r.arcPx())).append("\"/>\n");
            }
            case Rect r -> {
                rectOpen(r.token(), r.nodeKey(), layer, r.x(), r.y(), r.w(), r.h());
                out.append("/>\n");
            }
            case Text t -> text(t.token().cssName(), t.x(), t.y(), t.sizePx(), t.anchor(), t.text());
            case Badge b -> {
                rectOpen(b.token(), "", layer, b.centreX() - b.w() / 2, b.centreY() - b.h() / 2, b.w(), b.h());
                out.append(" rx=\"").append(n(b.h() / 2)).append("\"/>\n");
                text(b.token().cssName() + "-text", b.centreX(), b.centreY() + b.textSizePx() * 0.35, b.textSizePx(),
                        TextAnchor.MIDDLE, b.text());
            }
            case Gauge g -> {
                rectOpen(g.trackToken(), "", layer, g.x(), g.y(), g.w(), g.h());
                out.append("/>\n");
                if (g.fraction() > 0) {
                    rectOpen(g.token(), "", layer, g.x(), g.y(), g.w() * g.fraction(), g.h());
                    out.append("/>\n");
                }
            }
            case Line l -> throw new IllegalStateException("lines are written as paths: " + l);
        }
    }

    /** Node bodies and blocks get ids in paint order and their node's key, for scripts and tests. */
    private void rectOpen(StyleToken token, String nodeKey, LayerName layer, double x, double y, double w, double h) {
        out.append("<rect");
        if (!nodeKey.isEmpty() && layer == LayerName.BODIES) {
            out.append(" id=\"n").append(++nodeIds).append("\" data-key=\"").append(escape(nodeKey)).append('"');
        } else if (!nodeKey.isEmpty() && layer == LayerName.BLOCKS) {
            out.append(" id=\"b").append(++blockIds).append("\" data-key=\"").append(escape(nodeKey)).append('"');
        }
        out.append(" class=\"").append(token.cssName()).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h)).append('"');
    }

    private void text(String cls, double x, double y, double size, TextAnchor anchor, String text) {
        out.append("<text class=\"").append(cls).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" font-size=\"").append(n(size)).append('"');
        if (anchor == TextAnchor.MIDDLE) out.append(" text-anchor=\"middle\"");
        out.append('>').append(escape(text)).append("</text>\n");
    }

    private static String n(double v) {
        return SvgNumbers.format(v);
    }

    /** XML text and attribute escaping; drops control characters XML 1.0 cannot carry. */
    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff ? "" : null;
            };
            if (rep == null) {
                if (b != null) b.append(c);
            } else {
                if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
                b.append(rep);
            }
        }
        return b == null ? s : b.toString();
    }
}
