#!/usr/bin/env python3
"""Loads every export of a model in the tools analysts use, and checks what they read against the model.

Usage: exports_in_tools.py RELMAP [MODEL]

Exports MODEL (default: the bundled model) with RELMAP in every format, then reads the graphs with networkx
(GraphML and GEXF) and python-igraph (GraphML), the tables with pandas, and validates the model files and
the JSON export against `relmap schema` with jsonschema. The expected nodes, links, directions and dates are
worked out here from the YAML files themselves, not from relmap's output; a model file is read the way
yaml-language-server reads it (YAML 1.2: dates stay text). Round trips (networkx writing what it read, pandas
writing what it read) must keep them. Prints 'N passed, N failed' last; exits 1 when a check failed.
"""
import calendar
import io
import json
import subprocess
import sys
import tempfile
import traceback
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import igraph
import jsonschema
import networkx
import pandas
import yaml

RELMAP = sys.argv[1] if len(sys.argv) > 1 else "relmap"
MODEL = Path(sys.argv[2] if len(sys.argv) > 2 else Path(__file__).resolve().parents[2] / "model")
DIRECTED_TYPES = {"membership", "base-deployment", "dispute", "incident"}
LASTING_TYPES = {"membership", "alliance", "cooperation", "base-deployment", "dispute"}


class CoreLoader(yaml.SafeLoader):
    """YAML 1.2's core schema, as editors read a model: no timestamps, and only true/false are booleans."""


CoreLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for first in "tTfF":
    CoreLoader.yaml_implicit_resolvers.setdefault(first, []).append(
        ("tag:yaml.org,2002:bool", __import__("re").compile(r"^(?:true|True|TRUE|false|False|FALSE)$")))


def model_files():
    return sorted(MODEL.rglob("*.yaml")) + sorted(MODEL.rglob("*.yml")) if MODEL.is_dir() else [MODEL]


def load_model():
    """The model's actors and relations by id, from its YAML files."""
    actors, relations = {}, {}
    for path in model_files():
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=CoreLoader) or {}
        actors.update({actor["id"]: actor for actor in document.get("actors", [])})
        relations.update({relation["id"]: relation for relation in document.get("relations", [])})
    return actors, relations


def is_directed(relation):
    return relation["type"] in DIRECTED_TYPES and str(relation.get("directed", "true")).lower() != "false"


def expected_links(relations, hubs=False, two_arcs=False):
    """(link id, source, target, directed) for every link, as docs/exports.md defines them."""
    links = []
    for relation_id in sorted(relations):
        relation = relations[relation_id]
        people, directed = relation["participants"], is_directed(relation)
        if hubs and len(people) > 2:
            hub = f"relation:{relation_id}"
            pairs = [(people[0], hub)] + [(hub, other) for other in people[1:]] if directed else [(p, hub) for p in people]
        elif directed:
            pairs = [(people[0], other) for other in people[1:]]
        else:
            pairs = [(a, b) for index, a in enumerate(people) for b in people[index + 1:]]
        number = 0
        for source, target in pairs:
            for arc in [(source, target)] + ([(target, source)] if two_arcs and not directed else []):
                number += 1
                links.append((f"{relation_id}.{number}", arc[0], arc[1], directed))
    return links


def year(date):
    return int(str(date)[:4]) if date is not None else None


def first_day(date):
    parts = [int(part) for part in str(date).split("-")]
    return "%04d-%02d-%02d" % (parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(date):
    parts = [int(part) for part in str(date).split("-")]
    month = parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(parts[0], month)[1]
    return "%04d-%02d-%02d" % (parts[0], month, day)


def interval(relation):
    """The days a relation is in force, as GEXF gives them; (None, None) when undated."""
    start, end = relation.get("start"), relation.get("end")
    if relation["type"] in LASTING_TYPES:
        return (first_day(start) if start else None, last_day(end) if end else None)
    when = start or end
    return (first_day(when), last_day(end or when)) if when else (None, None)


class Checks:
    def __init__(self, folder):
        self.folder = folder
        self.actors, self.relations = load_model()
        self.links = expected_links(self.relations)
        self.files = {}
        for name, arguments in {
            "json": ["--format", "json"], "csv": ["--format", "csv"], "actors.csv": ["--format", "actors-csv"],
            "links.csv": ["--format", "links-csv"], "graphml": ["--format", "graphml"], "gexf": ["--format", "gexf"],
            "hubs.graphml": ["--format", "graphml", "--hubs"], "hubs.actors.csv": ["--format", "actors-csv", "--hubs"],
            "two-arcs.gexf": ["--format", "gexf", "--undirected", "two-arcs"],
        }.items():
            path = folder / f"relations.{name}"
            subprocess.run([RELMAP, "export", str(MODEL), *arguments, "--out", str(path)], check=True)
            self.files[name] = path
        self.exported = json.loads(self.files["json"].read_text(encoding="utf-8"))
        self.colors = {}

    def check_graph(self, graph, links, tool):
        """Nodes, edges, direction, attributes and dates of a graph a tool read, against the model."""
        assert graph.is_directed() and graph.is_multigraph(), f"{tool}: {type(graph).__name__}"
        assert set(graph.nodes) >= set(self.actors), f"{tool}: actors missing: {set(self.actors) - set(graph.nodes)}"
        assert graph.number_of_edges() == len(links), f"{tool}: {graph.number_of_edges()} edges, the model has {len(links)} links"
        read = {key: (source, target, data) for source, target, key, data in graph.edges(keys=True, data=True)}
        for link_id, source, target, directed in links:
            got_source, got_target, data = read[link_id]
            relation = self.relations[link_id.rsplit(".", 1)[0]]
            assert (got_source, got_target) == (source, target), f"{tool}: {link_id} is {got_source}->{got_target}"
            assert data["directed"] is directed, f"{tool}: {link_id} directed={data['directed']!r}"
            assert data["relation"] == relation["id"] and data["relation_type"] == relation["type"] and data["status"] == relation["status"]
            assert data.get("start_year") == year(relation.get("start")), f"{tool}: {link_id} start_year {data.get('start_year')}"
            assert data.get("end_year") == year(relation.get("end")), f"{tool}: {link_id} end_year {data.get('end_year')}"
            assert data.get("hedge") == relation.get("hedge") and data.get("according_to") == relation.get("according_to")
            assert json.loads(data["evidence"]) == [f"{e['source']}#{e['paragraph']}" for e in relation["evidence"]]
        for actor_id, actor in self.actors.items():
            node = graph.nodes[actor_id]
            assert node["label"] == str(actor["name"]) and node["kind"] == actor["kind"], f"{tool}: {actor_id} {node}"
            assert json.loads(node.get("aliases", "[]")) == [str(alias) for alias in actor.get("aliases", [])], f"{tool}: {actor_id} aliases"
            assert json.loads(node.get("claimed_by", "[]")) == actor.get("claimed_by", []), f"{tool}: {actor_id} claimed_by"
            if "location" in actor:
                assert abs(node["lat"] - float(actor["location"]["lat"])) < 1e-9, f"{tool}: {actor_id} lat"
        return read

    def test_networkx_reads_the_graphml_directed_with_every_link(self):
        graph = networkx.read_graphml(self.files["graphml"])
        read = self.check_graph(graph, self.links, "networkx GraphML")
        self.colors = {data["relation_type"]: data["color"] for _, _, data in read.values()}
        assert len(set(self.colors.values())) == len(self.colors), f"one colour per type: {self.colors}"
        undirected = graph.to_undirected()
        assert undirected.number_of_edges() == len(self.links)
        assert sum(1 for _, _, _, d in self.links if not d) > 0 and sum(1 for _, _, _, d in self.links if d) > 0

    def test_networkx_graphml_round_trip_keeps_nodes_edges_and_attributes(self):
        graph = networkx.read_graphml(self.files["graphml"])
        again = self.folder / "again.graphml"
        networkx.write_graphml(graph, again)
        self.check_graph(networkx.read_graphml(again), self.links, "networkx GraphML round trip")

    def test_networkx_reads_hubs_as_one_node_per_larger_relation(self):
        graph = networkx.read_graphml(self.files["hubs.graphml"])
        larger = [r for r in self.relations.values() if len(r["participants"]) > 2]
        assert larger, "the model has relations of more than two participants"
        assert graph.number_of_nodes() == len(self.actors) + len(larger)
        self.check_graph(graph, expected_links(self.relations, hubs=True), "networkx GraphML with hubs")
        for relation in larger:
            hub = graph.nodes[f"relation:{relation['id']}"]
            assert hub["kind"] == "relation" and hub["relation_type"] == relation["type"]
            assert graph.degree(f"relation:{relation['id']}") == len(relation["participants"])

    def test_igraph_reads_the_graphml_directed_with_names_and_attributes(self):
        graph = igraph.Graph.Read_GraphML(str(self.files["graphml"]))
        assert graph.is_directed()
        assert graph.vcount() == len(self.actors) and graph.ecount() == len(self.links)
        names = graph.vs["id"]
        read = {edge["link"]: (names[edge.source], names[edge.target], edge) for edge in graph.es}
        for link_id, source, target, directed in self.links:
            got_source, got_target, edge = read[link_id]
            assert (got_source, got_target) == (source, target), f"igraph: {link_id}"
            assert bool(edge["directed"]) is directed, f"igraph: {link_id} directed"
            relation = self.relations[edge["relation"]]
            assert edge["relation_type"] == relation["type"]
            start = edge["start_year"]
            assert (None if start != start else int(start)) == year(relation.get("start")), f"igraph: {link_id} start_year {start}"
        kinds = dict(zip(names, graph.vs["kind"]))
        assert all(kinds[actor_id] == actor["kind"] for actor_id, actor in self.actors.items())

    def test_networkx_reads_the_gexf_with_colours_and_intervals(self):
        graph = networkx.read_gexf(self.files["gexf"])
        assert graph.graph.get("mode") == "dynamic"
        read = self.check_graph(graph, self.links, "networkx GEXF")
        for link_id, (_, _, data) in read.items():
            relation = self.relations[data["relation"]]
            assert (data.get("start"), data.get("end")) == interval(relation), f"GEXF: {link_id} {data.get('start')}..{data.get('end')}"
            assert data.get("start_date") == (str(relation["start"]) if "start" in relation else None)
        for actor_id, actor in self.actors.items():
            color = graph.nodes[actor_id]["viz"]["color"]
            assert all(0 <= color[c] <= 255 for c in "rgb")
        fills = {}
        for actor_id, actor in self.actors.items():
            color = graph.nodes[actor_id]["viz"]["color"]
            fills.setdefault(actor["kind"], set()).add((color["r"], color["g"], color["b"]))
        assert all(len(colors) == 1 for colors in fills.values()), f"one fill per kind: {fills}"
        graphml = networkx.read_graphml(self.files["graphml"])
        for actor_id in self.actors:
            color = graph.nodes[actor_id]["viz"]["color"]
            assert "#%02x%02x%02x" % (color["r"], color["g"], color["b"]) == graphml.nodes[actor_id]["color"], f"{actor_id}: GEXF and GraphML colours"

    def test_gexf_edges_carry_the_type_colour_and_shapes_per_the_schema(self):
        namespace = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
        root = ElementTree.parse(self.files["gexf"]).getroot()
        assert root.get("version") == "1.3"
        graph = root.find("g:graph", namespace)
        assert graph.get("defaultedgetype") == "directed" and graph.get("timeformat") == "date"
        if not self.colors:
            self.colors = {d["relation_type"]: d["color"] for _, _, d in networkx.read_graphml(self.files["graphml"]).edges(data=True)}
        for edge in graph.iterfind("g:edges/g:edge", namespace):
            assert edge.get("type") is None, "no edge overrides the graph's direction"
            color = edge.find("viz:color", namespace)
            relation_type = self.relations[edge.get("id").rsplit(".", 1)[0]]["type"]
            assert "#%02x%02x%02x" % tuple(int(color.get(c)) for c in "rgb") == self.colors[relation_type]
            assert edge.find("viz:shape", namespace).get("value") in {"solid", "dashed", "dotted", "double"}
        shapes = {node.find("viz:shape", namespace).get("value") for node in graph.iterfind("g:nodes/g:node", namespace)}
        assert shapes <= {"disc", "square", "triangle", "diamond"} and len(shapes) > 1, shapes

    def test_networkx_gexf_round_trip_keeps_edges_and_intervals(self):
        graph = networkx.read_gexf(self.files["gexf"])
        again = self.folder / "again.gexf"
        networkx.write_gexf(graph, again)
        read = self.check_graph(networkx.read_gexf(again), self.links, "networkx GEXF round trip")
        for link_id, (_, _, data) in read.items():
            assert (data.get("start"), data.get("end")) == interval(self.relations[data["relation"]]), link_id

    def test_two_arcs_write_each_undirected_link_both_ways(self):
        graph = networkx.read_gexf(self.files["two-arcs.gexf"])
        self.check_graph(graph, expected_links(self.relations, two_arcs=True), "networkx GEXF two arcs")

    def test_pandas_reads_the_links_table_as_gephi_source_target_type(self):
        links = pandas.read_csv(self.files["links.csv"])
        assert list(links.columns[:3]) == ["Source", "Target", "Type"]
        assert len(links) == len(self.links)
        expected = {link_id: (source, target, directed) for link_id, source, target, directed in self.links}
        for row in links.itertuples(index=False):
            source, target, directed = expected[row.Id]
            assert (row.Source, row.Target) == (source, target) and bool(row.directed) is directed, row
            assert row.Type == ("Directed" if directed else "Undirected")
            relation = self.relations[row.relation]
            start = None if pandas.isna(row.start_year) else int(row.start_year)
            assert start == year(relation.get("start")), f"{row.Id}: start_year {row.start_year}"
        assert pandas.api.types.is_numeric_dtype(links["start_year"]) and pandas.api.types.is_numeric_dtype(links["end_year"])

    def test_pandas_reads_the_actors_table_with_lists_that_split_back_exactly(self):
        actors = pandas.read_csv(self.files["actors.csv"], index_col="Id", keep_default_na=False)
        assert sorted(actors.index) == sorted(self.actors)
        for actor_id, actor in self.actors.items():
            row = actors.loc[actor_id]
            assert row["Label"] == str(actor["name"]) and row["kind"] == actor["kind"]
            aliases = json.loads(row["aliases"]) if row["aliases"] else []
            assert aliases == [str(alias) for alias in actor.get("aliases", [])], f"{actor_id}: {row['aliases']}"
        numbers = pandas.read_csv(self.files["actors.csv"])
        assert pandas.api.types.is_float_dtype(numbers["lat"]) and pandas.api.types.is_float_dtype(numbers["lon"])
        hubs = pandas.read_csv(self.files["hubs.actors.csv"], index_col="Id")
        assert len(hubs) == len(self.actors) + sum(1 for r in self.relations.values() if len(r["participants"]) > 2)

    def test_pandas_reads_the_relations_table_with_years_and_json_lists(self):
        table = pandas.read_csv(self.files["csv"], keep_default_na=False)
        assert len(table) == len(self.relations)
        semicolons = 0
        for row in table.to_dict("records"):
            relation = self.relations[row["id"]]
            assert json.loads(row["participant_ids"]) == relation["participants"], row["id"]
            assert row["directed"] == is_directed(relation)
            read_year = lambda cell: int(cell) if cell != "" else None  # noqa: E731
            assert read_year(row["start_year"]) == year(relation.get("start")), row["id"]
            assert read_year(row["end_year"]) == year(relation.get("end")), row["id"]
            assert str(row["start"]) == str(relation.get("start", "")), row["id"]
            if row["quantities"]:
                quantities = json.loads(row["quantities"])
                assert [q["what"] for q in quantities] == [q["what"] for q in relation["quantities"]]
                semicolons += sum(";" in q["what"] for q in quantities)
            if relation.get("claims"):
                assert json.loads(row["conflicting_fields"]) == list(dict.fromkeys(c["field"] for c in relation["claims"]))
        assert semicolons == sum(";" in q["what"] for r in self.relations.values() for q in r.get("quantities", []))
        typed = pandas.read_csv(self.files["csv"])
        assert pandas.api.types.is_numeric_dtype(typed["start_year"]), typed["start_year"].dtype

    def test_pandas_round_trip_keeps_the_tables(self):
        for name in ["csv", "actors.csv", "links.csv"]:
            table = pandas.read_csv(self.files[name], keep_default_na=False, dtype=str)
            buffer = io.StringIO()
            table.to_csv(buffer, index=False)
            buffer.seek(0)
            again = pandas.read_csv(buffer, keep_default_na=False, dtype=str)
            assert table.equals(again), name

    def test_the_json_export_and_the_model_files_validate_against_relmap_schema(self):
        model_schema = json.loads(subprocess.run([RELMAP, "schema", "model"], check=True, capture_output=True).stdout)
        export_schema = json.loads(subprocess.run([RELMAP, "schema", "export"], check=True, capture_output=True).stdout)
        validator = jsonschema.Draft202012Validator
        validator.check_schema(model_schema)
        validator.check_schema(export_schema)
        for path in model_files():
            document = yaml.load(path.read_text(encoding="utf-8"), Loader=CoreLoader)
            errors = [f"{e.json_path}: {e.message}" for e in validator(model_schema).iter_errors(document)]
            assert not errors, f"{path}: {errors[:3]}"
        errors = [f"{e.json_path}: {e.message}" for e in validator(export_schema).iter_errors(self.exported)]
        assert not errors, errors[:3]
        assert len(self.exported["actors"]) == len(self.actors) and len(self.exported["relations"]) == len(self.relations)

    def test_the_model_schema_refuses_what_relmap_refuses(self):
        schema = json.loads(subprocess.run([RELMAP, "schema", "model"], check=True, capture_output=True).stdout)
        validator = jsonschema.Draft202012Validator(schema)
        evidence = [{"source": "s", "paragraph": 1}]
        good = {"id": "r", "type": "membership", "participants": ["a", "b"], "status": "ongoing", "summary": "S", "evidence": evidence}
        assert validator.is_valid({"relations": [good]})
        bad = {
            "unknown kind": {"actors": [{"id": "a", "name": "A", "kind": "stat"}]},
            "a key of another type": {"relations": [dict(good, alliance_type="entente")]},
            "one participant in a membership": {"relations": [dict(good, participants=["a"])]},
            "stated without according_to": {"relations": [dict(good, hedge="stated")]},
            "unknown key": {"relations": [dict(good, strat="2006")]},
            "not a date": {"relations": [dict(good, start="2006-13")]},
            "not a slug": {"relations": [dict(good, id="Manas Air Base")]},
            "country and claimed_by": {"actors": [{"id": "a", "name": "A", "kind": "place", "country": "b", "claimed_by": ["b", "c"]}]},
            "paragraph 0": {"relations": [dict(good, evidence=[{"source": "s", "paragraph": 0}])]},
            "an empty file": {},
        }
        accepted = [name for name, document in bad.items() if validator.is_valid(document)]
        assert not accepted, f"the schema accepts: {accepted}"
        incident = dict(good, type="incident", participants=["a"], directed="false", category="fight", start=2006)
        assert validator.is_valid({"relations": [incident]}), list(validator.iter_errors({"relations": [incident]}))[:1]


def main():
    passed, failed = 0, 0
    with tempfile.TemporaryDirectory(prefix="relmap-exports-") as folder:
        checks = Checks(Path(folder))
        for name in sorted(name for name in dir(checks) if name.startswith("test_")):
            try:
                getattr(checks, name)()
                passed += 1
                print(f"ok   {name}")
            except Exception:
                failed += 1
                print(f"FAIL {name}")
                traceback.print_exc()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
