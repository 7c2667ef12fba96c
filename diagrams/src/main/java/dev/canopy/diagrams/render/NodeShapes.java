package dev.canopy.diagrams.render;

import java.util.Locale;

/** The shapes of one node box, at full or reduced detail, in screen pixels. */
final class NodeShapes {
    /** Room the state stripe takes at the left of a box, in layout pixels. */
    static final double STRIPE_ALLOWANCE_PX = 8;
    /** Below this on-screen width a box is too small for a stripe; it is painted in its state colour. */
    static final double MIN_STRIPED_BOX_PX = 8;

    private NodeShapes() {
    }

    /** Rounded box, state stripe, label, sublabel, badges, gauge and selection outline. */
    static void full(FrameSink f, RenderOptions o, NodeVisual v, double x, double y, double w, double h,
            int hiddenDescendants) {
        double s = f.scale;
        double arc = o.cornerRadiusPx() * s;
        f.add(LayerName.BODIES, new RoundRect(x, y, w, h, arc, v.kind(), v.key()));
        f.add(LayerName.DECORATIONS, new Rect(x + 3 * s, y + 6 * s, 3 * s, Math.max(0, h - 12 * s), v.state(), ""));

        double textX = x + (o.paddingPx() + STRIPE_ALLOWANCE_PX / 2) * s;
        double textW = w - textX + x - o.paddingPx() * s;
        double labelSize = o.labelSizePx() * s;
        double sublabelSize = o.sublabelSizePx() * s;
        double labelBaseline = y + (o.paddingPx() + o.labelSizePx()) * s;
        String label = shownLabel(o, v.label(), w / s, s);
        f.add(LayerName.TEXT, new Text(textX, labelBaseline, label, labelSize, TextAnchor.START, StyleToken.LABEL));
        if (!v.sublabel().isEmpty()) {
            double sublabelBaseline = labelBaseline + (o.sublabelSizePx() + 4) * s;
            String sublabel = fit(v.sublabel(), textW, sublabelSize, RenderOptions.AVERAGE_CHAR_EM);
            f.add(LayerName.TEXT, new Text(textX, sublabelBaseline, sublabel, sublabelSize, TextAnchor.START,
                    StyleToken.SUBLABEL));
        }
        v.intensity().ifPresent(fraction -> f.add(LayerName.DECORATIONS,
                new Gauge(textX, y + h - 8 * s, textW, 3 * s, fraction, StyleToken.GAUGE_TRACK, StyleToken.GAUGE_FILL)));
        if (v.restarts() > 0) cornerBadge(f, x + w, y, count(v.restarts()), StyleToken.RESTARTS);
        if (v.mailboxDepth() > 0) cornerBadge(f, x + w, y + h, count(v.mailboxDepth()), StyleToken.MAILBOX);
        if (hiddenDescendants > 0) badge(f, x + w / 2, y + h, "+" + count(hiddenDescendants), StyleToken.COLLAPSED);
        if (v.selected()) {
            f.add(LayerName.OVERLAY, new RoundRect(x - 3 * s, y - 3 * s, w + 6 * s, h + 6 * s, arc + 3 * s,
                    StyleToken.SELECTION, v.key()));
        }
    }

    /**
     * Under a collapsed node, beside its "+N" badge: how many hidden nodes are restarting and how
     * many are down, so that a storm below it shows without expanding it.
     */
    static void hiddenStates(FrameSink f, double x, double y, double w, double h, int restarting, int down) {
        double s = f.scale;
        double cx = x + w / 2 + 30 * s;
        if (restarting > 0) {
            badge(f, cx, y + h, count(restarting) + " ↻", StyleToken.RESTARTS);
            cx += 36 * s;
        }
        if (down > 0) badge(f, cx, y + h, count(down) + " ✕", StyleToken.DOWN);
    }

    /**
     * A plain box with a state stripe. A box too small for a stripe shows its kind while running
     * and its state colour otherwise, so that failures stand out in a crowd of healthy nodes.
     */
    static void reduced(FrameSink f, NodeVisual v, double x, double y, double w, double h) {
        double bw = Math.max(w, 1);
        double bh = Math.max(h, 1);
        if (bw < MIN_STRIPED_BOX_PX) {
            StyleToken token = v.state() == StyleToken.STATE_RUNNING ? v.kind() : v.state();
            f.add(LayerName.BODIES, new Rect(x, y, bw, bh, token, v.key()));
        } else {
            f.add(LayerName.BODIES, new Rect(x, y, bw, bh, v.kind(), v.key()));
            f.add(LayerName.DECORATIONS, new Rect(x, y, Math.max(2, 4 * f.scale), bh, v.state(), ""));
        }
        if (v.selected()) f.add(LayerName.OVERLAY, new Rect(x - 2, y - 2, bw + 4, bh + 4, StyleToken.SELECTION, v.key()));
    }

    /** How far a corner badge may reach past its node's right edge (into the gap between boxes). */
    static final double CORNER_OVERHANG_PX = 4;

    private static void badge(FrameSink f, double cx, double cy, String text, StyleToken token) {
        f.add(LayerName.DECORATIONS, new Badge(cx, cy, badgeWidth(f.scale, text), 14 * f.scale, text, 9 * f.scale, token));
    }

    /**
     * A badge on a node's right-hand corner, grown leftwards: a long count ("1234", "12k") stays
     * over its own node instead of running into the next box or off the drawing's edge.
     */
    private static void cornerBadge(FrameSink f, double rightX, double cy, String text, StyleToken token) {
        double w = badgeWidth(f.scale, text);
        badge(f, rightX + CORNER_OVERHANG_PX * f.scale - w / 2, cy, text, token);
    }

    /** Wide enough for the text as drawn: bold, with room on both sides. */
    static double badgeWidth(double s, String text) {
        double size = 9 * s;
        double h = 14 * s;
        return Math.max(h, text.length() * RenderOptions.AVERAGE_BOLD_CHAR_EM * size + 10 * s);
    }

    private static String count(int n) {
        return n > 9999 ? String.format(Locale.ROOT, "%dk", n / 1000) : Integer.toString(n);
    }

    /** The label as a full-detail box {@code boxWidth} layout px wide draws it at {@code scale}. */
    static String shownLabel(RenderOptions o, String label, double boxWidth, double scale) {
        double textW = (boxWidth - o.paddingPx() * 2 - STRIPE_ALLOWANCE_PX / 2) * scale;
        return fit(label, textW, o.labelSizePx() * scale, RenderOptions.AVERAGE_BOLD_CHAR_EM);
    }

    /** Shortens text with an ellipsis to fit a width, estimating glyph advances (no measuring). */
    static String fit(String text, double widthPx, double sizePx, double charEm) {
        int max = (int) Math.floor(widthPx / (charEm * sizePx));
        if (text.length() <= max) return text;
        if (max <= 1) return "";
        return text.substring(0, max - 1) + "…";
    }
}
