#!/usr/bin/env python3
"""Legibility report for relmap's diagrams, measured as a reader meets them.

For every SVG under a site's diagrams/ folder (or the SVG files given), from the text elements Graphviz
wrote and the advance widths of the font it used (DejaVu Sans, read with fontTools):

- overlapping label pairs: text boxes of two different labels that intersect;
- foreign crossings: an edge drawn through a node, or a label, that it does not connect;
- the smallest text on screen, in CSS pixels, at the size the site first shows the diagram on a 1400-px-wide
  window: fitted to the page's column, but never below the legible scale the site's script starts large maps
  at (templates/site.js, `layout`: three quarters of the natural size);
- the smallest text of the PNG when it is shown 1920 px wide on a slide.

Targets (`--check` exits 1 when one fails): no overlapping labels; at most one foreign crossing per diagram
on average; every label at least 11 px on screen; PNG text at least 14 px at 1920 px wide.

Usage: legibility.py SITE_OR_SVG... [--json FILE] [--check] [--quiet]
"""
import argparse
import glob
import html
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

from fontTools.ttLib import TTFont

SVG_NS = "{http://www.w3.org/2000/svg}"
FONT_FOLDERS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu"]
# The page column a diagram is fitted to on a 1400-px window: `main` is 72rem wide with 1.25rem padding on
# each side, and the picture frame has .5rem padding and a 1px border (templates/style.css).
PAGE_WIDTH = 1400
COLUMN_WIDTH = min(PAGE_WIDTH, 72 * 16) - 2 * 1.25 * 16 - 2 * 0.5 * 16 - 2
SLIDE_WIDTH = 1920
# The least scale site.js opens a diagram at on a window wider than 700 px (`legible` in its `layout`).
LEGIBLE_SCALE = 0.75
TARGETS = {"overlaps": 0, "crossings_per_diagram": 1.0, "screen_px": 11.0, "slide_px": 14.0}
POINT_TO_PX = 4.0 / 3.0


class Font:
    """Advance widths and vertical metrics of one face, in ems."""

    def __init__(self, path):
        font = TTFont(path, lazy=True)
        self.units = font["head"].unitsPerEm
        self.cmap = font.getBestCmap()
        self.advances = font["hmtx"].metrics
        # The typographic ascender and descender bound the ink of letters (the line box of hhea adds room
        # for accents on capitals), so adjacent lines of a caption do not count as overlapping.
        metrics = font["OS/2"]
        self.ascent = metrics.sTypoAscender / self.units
        self.descent = -metrics.sTypoDescender / self.units
        self.fallback = self.advances[self.cmap.get(ord("n"), ".notdef")][0] / self.units

    def width(self, text, size):
        total = 0.0
        for character in text:
            glyph = self.cmap.get(ord(character))
            total += self.advances[glyph][0] / self.units if glyph in self.advances else self.fallback
        return total * size


def find_fonts():
    for folder in FONT_FOLDERS:
        regular = os.path.join(folder, "DejaVuSans.ttf")
        bold = os.path.join(folder, "DejaVuSans-Bold.ttf")
        if os.path.exists(regular) and os.path.exists(bold):
            return Font(regular), Font(bold)
    sys.exit("legibility: DejaVu Sans is not installed (Debian: fonts-dejavu-core)")


def numbers(text):
    return [float(value) for value in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text or "")]


def parse_transform(text):
    """Graphviz writes `scale(sx sy) rotate(0) translate(tx ty)`; returns (sx, sy, tx, ty)."""
    sx = sy = 1.0
    tx = ty = 0.0
    if text:
        scale = re.search(r"scale\(([^)]*)\)", text)
        if scale:
            values = numbers(scale.group(1))
            sx = values[0]
            sy = values[1] if len(values) > 1 else values[0]
        translate = re.search(r"translate\(([^)]*)\)", text)
        if translate:
            values = numbers(translate.group(1))
            tx = values[0]
            ty = values[1] if len(values) > 1 else 0.0
    return sx, sy, tx, ty


def length_in_points(text):
    value = numbers(text)[0]
    if text.endswith("px"):
        return value * 0.75
    return value


def cubic_points(path):
    """Points along an SVG path of M and C commands (what Graphviz writes for edges), 12 per segment."""
    points = []
    for command, body in re.findall(r"([MCLmcl])([^MCLmcl]*)", path):
        values = numbers(body)
        pairs = list(zip(values[0::2], values[1::2]))
        if command in "ML":
            points.extend(pairs)
        elif command == "C" and points:
            for index in range(0, len(pairs) - 2, 3):
                p0 = points[-1]
                p1, p2, p3 = pairs[index:index + 3]
                for step in range(1, 13):
                    t = step / 12
                    u = 1 - t
                    points.append((u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                                   u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1]))
    return points


def shape_box(element):
    tag = element.tag.replace(SVG_NS, "")
    if tag in ("polygon", "polyline"):
        values = numbers(element.get("points"))
        xs, ys = values[0::2], values[1::2]
    elif tag == "ellipse":
        cx, cy = float(element.get("cx")), float(element.get("cy"))
        rx, ry = float(element.get("rx")), float(element.get("ry"))
        xs, ys = [cx - rx, cx + rx], [cy - ry, cy + ry]
    elif tag == "path":
        points = cubic_points(element.get("d"))
        xs, ys = [p[0] for p in points], [p[1] for p in points]
    else:
        return None
    if not xs:
        return None
    return (min(xs), min(ys), max(xs), max(ys))


def union(boxes):
    boxes = [box for box in boxes if box]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def shrink(box, amount):
    return (box[0] + amount, box[1] + amount, box[2] - amount, box[3] - amount)


def overlap_area(a, b):
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def segment_hits_box(p, q, box):
    """Liang–Barsky clipping: whether the segment p→q passes through the box."""
    x0, y0, x1, y1 = box
    if x1 <= x0 or y1 <= y0:
        return False
    dx, dy = q[0] - p[0], q[1] - p[1]
    low, high = 0.0, 1.0
    for edge_p, edge_q in ((-dx, p[0] - x0), (dx, x1 - p[0]), (-dy, p[1] - y0), (dy, y1 - p[1])):
        if edge_p == 0:
            if edge_q < 0:
                return False
            continue
        ratio = edge_q / edge_p
        if edge_p < 0:
            low = max(low, ratio)
        else:
            high = min(high, ratio)
        if low > high:
            return False
    return True


class Shape:
    """A node's outline as drawn: a polygon (box, hexagon, house…), an ellipse, or a path's bounding box (a
    rounded box), shrunk by `inset` points so that a line may graze it."""

    def __init__(self, element, inset=2.0):
        tag = element.tag.replace(SVG_NS, "")
        self.kind = None
        if tag == "polygon":
            values = numbers(element.get("points"))
            points = list(zip(values[0::2], values[1::2]))
            if len(points) >= 3:
                cx = sum(p[0] for p in points) / len(points)
                cy = sum(p[1] for p in points) / len(points)
                def inward(p):
                    dx, dy = p[0] - cx, p[1] - cy
                    length = (dx * dx + dy * dy) ** 0.5 or 1
                    return (p[0] - dx / length * inset, p[1] - dy / length * inset)
                self.kind, self.points = "polygon", [inward(p) for p in points]
        elif tag == "ellipse":
            self.kind = "ellipse"
            self.centre = (float(element.get("cx")), float(element.get("cy")))
            self.radii = (max(float(element.get("rx")) - inset, 0.1), max(float(element.get("ry")) - inset, 0.1))
        elif tag == "path":
            box = shape_box(element)
            if box:
                self.kind, self.points = "polygon", [(box[0] + inset, box[1] + inset), (box[2] - inset, box[1] + inset),
                                                     (box[2] - inset, box[3] - inset), (box[0] + inset, box[3] - inset)]

    def contains(self, point):
        x, y = point
        if self.kind == "ellipse":
            return ((x - self.centre[0]) / self.radii[0]) ** 2 + ((y - self.centre[1]) / self.radii[1]) ** 2 < 1
        inside = False
        points = self.points
        for i in range(len(points)):
            (x1, y1), (x2, y2) = points[i], points[i - 1]
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                inside = not inside
        return inside


def segment_hits_shape(p, q, shape, box):
    """Whether the segment passes through the shape: points every 2 pt along it, inside the shape's box first."""
    if not segment_hits_box(p, q, box):
        return False
    length = ((q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2) ** 0.5
    steps = max(1, int(length / 2))
    return any(shape.contains((p[0] + (q[0] - p[0]) * i / steps, p[1] + (q[1] - p[1]) * i / steps)) for i in range(steps + 1))


def strip_prefix(name, prefix):
    return name[len(prefix):] if prefix and name.startswith(prefix) else name


class Diagram:
    """The labels, nodes and edges of one Graphviz SVG, in the SVG's user units (points)."""

    def __init__(self, path, fonts):
        self.path = path
        self.id = os.path.splitext(os.path.basename(path))[0]
        root = ET.parse(path).getroot()
        viewbox = numbers(root.get("viewBox"))
        # A finished SVG (relmap render) is as wide as its container, its natural size the view box in points.
        width, height = root.get("width") or "", root.get("height") or ""
        self.width_pt = length_in_points(width) if width.endswith("pt") or width.endswith("px") else viewbox[2]
        self.height_pt = length_in_points(height) if height.endswith("pt") or height.endswith("px") else viewbox[3]
        self.units_per_point = (viewbox[2] / self.width_pt) if len(viewbox) == 4 and self.width_pt else 1.0
        self.labels = []  # (owner, box, font size in points, text)
        self.nodes = {}  # name -> box
        self.shapes = {}  # name -> the first outline drawn (the node's shape)
        self.edges = []  # (tail, head, points, own label boxes)
        regular, bold = fonts
        graph = root.find(SVG_NS + "g")
        sx, _, _, _ = parse_transform(graph.get("transform") if graph is not None else None)
        self.scale = sx / self.units_per_point  # points of the picture per user unit
        self.font_sizes = []
        counter = [0]

        def text_box(element):
            text = "".join(element.itertext())
            if not text.strip():
                return None
            size = float(element.get("font-size", "14"))
            font = bold if element.get("font-weight") in ("bold", "700") else regular
            width = font.width(text, size)
            x, y = float(element.get("x", "0")), float(element.get("y", "0"))
            anchor = element.get("text-anchor", "start")
            left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
            self.font_sizes.append(size * self.scale)
            return (left, y - font.ascent * size, left + width, y + font.descent * size), size * self.scale, text

        def walk(element, owner):
            tag = element.tag.replace(SVG_NS, "")
            if tag == "g":
                kind = (element.get("class") or "").split()
                if "node" in kind or "edge" in kind:
                    title = element.find(SVG_NS + "title")
                    name = html.unescape(title.text or "") if title is not None else element.get("id", "")
                    counter[0] += 1
                    if "node" in kind:
                        self.read_node(element, name, text_box, counter[0])
                    else:
                        self.read_edge(element, name, text_box, counter[0])
                    return
                for child in element:
                    walk(child, owner)
                return
            if tag == "text":
                found = text_box(element)
                if found:
                    counter[0] += 1
                    self.labels.append(("graph-%d" % counter[0], found[0], found[1], found[2]))
                return
            for child in element:
                walk(child, owner)

        if graph is not None:
            walk(graph, "graph")

    def read_node(self, element, name, text_box, number):
        boxes = []
        owner = "node:" + name
        for child in element.iter():
            tag = child.tag.replace(SVG_NS, "")
            if tag == "text":
                found = text_box(child)
                if found:
                    self.labels.append((owner, found[0], found[1], found[2]))
            elif tag in ("polygon", "ellipse", "path", "polyline"):
                boxes.append(shape_box(child))
                if name not in self.shapes and tag != "polyline":
                    outline = Shape(child)
                    if outline.kind:
                        self.shapes[name] = outline
        box = union(boxes)
        if box:
            self.nodes[name] = box

    def read_edge(self, element, name, text_box, number):
        ends = re.split(r"->|--", name, maxsplit=1)
        tail, head = (ends[0], ends[1]) if len(ends) == 2 else (name, name)
        owner = "edge:%d" % number
        points = []
        own_labels = []
        for child in element.iter():
            tag = child.tag.replace(SVG_NS, "")
            if tag == "path":
                points.extend(cubic_points(child.get("d")))
            elif tag == "text":
                found = text_box(child)
                if found:
                    self.labels.append((owner, found[0], found[1], found[2]))
                    own_labels.append(found[0])
        self.edges.append((tail, head, points, owner))

    def overlaps(self):
        found = []
        labels = self.labels
        for i in range(len(labels)):
            for j in range(i + 1, len(labels)):
                a, b = labels[i], labels[j]
                if a[0] == b[0]:
                    continue
                # A glancing touch of ascenders and descenders is not an overlap a reader sees.
                if overlap_area(shrink(a[1], 0.5), shrink(b[1], 0.5)) > 0:
                    found.append((a[3], b[3]))
        return found

    def crossings(self):
        found = []
        label_boxes = [(owner, shrink(box, 1.0), text) for owner, box, _, text in self.labels]
        node_boxes = {name: shrink(box, 2.0) for name, box in self.nodes.items()}
        for tail, head, points, owner in self.edges:
            if len(points) < 2:
                continue
            segments = list(zip(points, points[1:]))
            for name, box in node_boxes.items():
                if name in (tail, head):
                    continue
                shape = self.shapes.get(name)
                hits = (lambda p, q: segment_hits_shape(p, q, shape, box)) if shape else (lambda p, q: segment_hits_box(p, q, box))
                if any(hits(p, q) for p, q in segments):
                    found.append((tail + " → " + head, "node " + name))
            for label_owner, box, text in label_boxes:
                # A node's own label lies inside its shape, which the node test above covers.
                if label_owner == owner or (label_owner.startswith("node:") and label_owner[5:] in self.shapes):
                    continue
                if label_owner in ("node:" + tail, "node:" + head):
                    continue
                if any(segment_hits_box(p, q, box) for p, q in segments):
                    found.append((tail + " → " + head, "label " + text))
        return found


def shown_width(natural_px):
    """The width site.js first shows a diagram at: fitted to the column, at least `LEGIBLE_SCALE` of its natural
    size (a larger map opens on its middle, to be panned), never enlarged."""
    return natural_px * min(1.0, max(COLUMN_WIDTH / natural_px, LEGIBLE_SCALE))


def measure(path, fonts):
    diagram = Diagram(path, fonts)
    natural_px = diagram.width_pt * POINT_TO_PX
    shown_px = shown_width(natural_px)
    smallest_pt = min(diagram.font_sizes) if diagram.font_sizes else None
    overlaps = diagram.overlaps()
    crossings = diagram.crossings()
    return {
        "id": diagram.id,
        "width_pt": round(diagram.width_pt, 1),
        "labels": len(diagram.labels),
        "overlapping_label_pairs": len(overlaps),
        "overlaps": [list(pair) for pair in overlaps[:20]],
        "foreign_crossings": len(crossings),
        "crossings": [list(pair) for pair in crossings[:20]],
        "smallest_text_pt": smallest_pt,
        "shown_width_px": round(shown_px, 1),
        "smallest_text_screen_px": round(smallest_pt * POINT_TO_PX * shown_px / natural_px, 2) if smallest_pt else None,
        "smallest_text_slide_px": round(smallest_pt * SLIDE_WIDTH / diagram.width_pt, 2) if smallest_pt else None,
    }


def summarise(results):
    count = len(results)
    screen = [r["smallest_text_screen_px"] for r in results if r["smallest_text_screen_px"] is not None]
    slide = [r["smallest_text_slide_px"] for r in results if r.get("png") and r["smallest_text_slide_px"] is not None]
    crossings = sum(r["foreign_crossings"] for r in results)
    return {
        "diagrams": count,
        "overlapping_label_pairs": sum(r["overlapping_label_pairs"] for r in results),
        "foreign_crossings": crossings,
        "foreign_crossings_per_diagram": round(crossings / count, 2) if count else 0,
        "smallest_text_screen_px": min(screen) if screen else None,
        "smallest_text_slide_px": min(slide) if slide else None,
    }


def failures(summary):
    problems = []
    if summary["overlapping_label_pairs"] > TARGETS["overlaps"]:
        problems.append("%d overlapping label pairs (target: none)" % summary["overlapping_label_pairs"])
    if summary["foreign_crossings_per_diagram"] > TARGETS["crossings_per_diagram"]:
        problems.append("%.2f foreign crossings per diagram (target: at most %.0f)"
                        % (summary["foreign_crossings_per_diagram"], TARGETS["crossings_per_diagram"]))
    if summary["smallest_text_screen_px"] is not None and summary["smallest_text_screen_px"] < TARGETS["screen_px"]:
        problems.append("smallest text %.1f px on a 1400-px page (target: at least 11)" % summary["smallest_text_screen_px"])
    if summary["smallest_text_slide_px"] is not None and summary["smallest_text_slide_px"] < TARGETS["slide_px"]:
        problems.append("smallest PNG text %.1f px at 1920 px wide (target: at least 14)" % summary["smallest_text_slide_px"])
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="+", help="a site folder (its diagrams/*.svg are measured) or SVG files")
    parser.add_argument("--json", help="write every figure to this file")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--quiet", action="store_true", help="print the summary only")
    arguments = parser.parse_args()
    fonts = find_fonts()
    results = []
    for source in arguments.inputs:
        if os.path.isdir(source):
            files = sorted(glob.glob(os.path.join(source, "diagrams", "*.svg")))
        else:
            files = [source]
        for path in files:
            result = measure(path, fonts)
            result["png"] = os.path.exists(path[:-4] + ".png")
            results.append(result)
    summary = summarise(results)
    if not arguments.quiet:
        print("%-34s %8s %8s %9s %9s %9s" % ("diagram", "overlaps", "crossing", "min pt", "screen px", "slide px"))
        for r in results:
            print("%-34s %8d %8d %9s %9s %9s" % (
                r["id"][:34], r["overlapping_label_pairs"], r["foreign_crossings"], r["smallest_text_pt"],
                r["smallest_text_screen_px"], r["smallest_text_slide_px"] if r["png"] else "-"))
    print("legibility: %(diagrams)d diagrams, %(overlapping_label_pairs)d overlapping label pairs, "
          "%(foreign_crossings)d foreign crossings (%(foreign_crossings_per_diagram).2f per diagram), "
          "smallest text %(smallest_text_screen_px)s px on screen, %(smallest_text_slide_px)s px on a 1920-px slide" % summary)
    if arguments.json:
        with open(arguments.json, "w") as handle:
            json.dump({"summary": summary, "targets": TARGETS, "diagrams": results}, handle, indent=1, sort_keys=True)
    problems = failures(summary)
    for problem in problems:
        print("legibility: missed: " + problem, file=sys.stderr)
    if arguments.check and problems:
        sys.exit(1)


if __name__ == "__main__":
    main()
