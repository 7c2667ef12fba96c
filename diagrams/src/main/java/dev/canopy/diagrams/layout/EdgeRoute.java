package dev.canopy.diagrams.layout;

import java.util.List;

/**
 * The orthogonal connector from a parent to one child: parent's outer-centre, down (or right)
 * to the bus in the middle of the level gap, along the bus, then to the child's inner-centre.
 * Always four points, even when parent and child are aligned (two then coincide), so that an
 * animation can interpolate routes point by point; six when the family wraps into rows of
 * subtrees ({@link SubtreeRows}): down to the first row's bus, along it to the trunk in the left
 * gutter, down the trunk to the child's row, along that row's bus to the child.
 */
public record EdgeRoute(String parentKey, String childKey, List<Point> points) {

    public EdgeRoute {
        points = List.copyOf(points);
    }
}
