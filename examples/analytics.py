#!/usr/bin/python3
"""analytics.py - who acts on whom in an ekg graph.

    examples/analytics.py out/graph.jsonld [--top N]

Loads an ekg export (JSON-LD, or Turtle/N-Triples by extension) with rdflib, builds an
actor-to-actor networkx DiGraph from the shortcut triples (ekg:opposes, ekg:supports ...
between entities), and prints the most opposed targets (incoming conflict relations:
CAMEO roots 11-20) and the most active actors (outgoing relations of any kind).

Uses Debian's /usr/bin/python3 with python3-rdflib and python3-networkx. The graph's
@context is inlined, so nothing is fetched from the network.
"""
import argparse
import sys
from collections import Counter

import networkx as nx
from rdflib import Graph, Namespace, RDF, RDFS, SKOS, URIRef

EKG = Namespace("https://w3id.org/ekg/ontology#")
ENTITY_BASE = "https://w3id.org/ekg/id/"
FORMATS = {".jsonld": "json-ld", ".json": "json-ld", ".ttl": "turtle", ".nt": "nt"}


def load(path):
    fmt = next((f for ext, f in FORMATS.items() if path.endswith(ext)), None)
    if fmt is None:
        sys.exit(f"analytics: {path}: unknown format (want .jsonld, .ttl or .nt)")
    g = Graph()
    g.parse(path, format=fmt)
    return g


def relation_info(g):
    """Each relation property the graph's events use, with its CAMEO root if any."""
    info = {}
    for event, rel in g.subject_objects(EKG.relation):
        root = g.value(event, EKG.cameoRoot)
        info.setdefault(rel, str(root) if root is not None else None)
    return info


def is_entity(node):
    return isinstance(node, URIRef) and str(node).startswith(ENTITY_BASE) \
        and not str(node).startswith(ENTITY_BASE + "event-")


def label(g, node):
    """The canonical label, with an acronym among the alternative labels: "... (NATO)"."""
    value = g.value(node, RDFS.label)
    text = str(value) if value is not None else str(node).rsplit("/", 1)[-1]
    acronyms = sorted(str(a) for a in g.objects(node, SKOS.altLabel)
                      if 2 <= len(str(a)) <= 6 and str(a).isalpha() and str(a).isupper())
    return f"{text} ({acronyms[0]})" if acronyms and acronyms[0] not in text else text


def build(g):
    """A DiGraph actor -> target, one edge per shortcut triple, keyed by relation."""
    rels = relation_info(g)
    dg = nx.MultiDiGraph()
    for rel, root in sorted(rels.items()):
        name = str(rel).rsplit("#", 1)[-1]
        conflict = root is not None and root.isdigit() and 11 <= int(root) <= 20
        for s, o in g.subject_objects(rel):
            if is_entity(s) and is_entity(o):
                dg.add_node(s, label=label(g, s))
                dg.add_node(o, label=label(g, o))
                dg.add_edge(s, o, key=name, relation=name, conflict=conflict)
    return dg


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("graph", help="an ekg export: graph.jsonld (or .ttl, .nt)")
    ap.add_argument("--top", type=int, default=5, help="how many to list (default 5)")
    args = ap.parse_args()

    g = load(args.graph)
    dg = build(g)
    events = len(set(g.subjects(RDF.type, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event"))))
    print(f"{args.graph}: {len(g)} triples, {events} events, "
          f"{dg.number_of_nodes()} actors and targets, {dg.number_of_edges()} relations")

    opposed = Counter()
    for s, o, data in dg.edges(data=True):
        if data["conflict"]:
            opposed[o] += 1
    print("\nMost opposed targets (conflict relations received, from whom):")
    for node, n in sorted(opposed.items(), key=lambda kv: (-kv[1], dg.nodes[kv[0]]["label"]))[:args.top]:
        by = sorted({dg.nodes[s]["label"] for s, _, d in dg.in_edges(node, data=True) if d["conflict"]})
        print(f"  {n:3d}  {dg.nodes[node]['label']}  <- {', '.join(by)}")

    print("\nMost active actors (relations started, distinct targets):")
    active = sorted(dg.nodes, key=lambda n: (-dg.out_degree(n), dg.nodes[n]["label"]))
    for node in [n for n in active if dg.out_degree(n) > 0][:args.top]:
        rels = Counter(d["relation"] for _, _, d in dg.out_edges(node, data=True))
        detail = ", ".join(f"{r} {c}" if c > 1 else r for r, c in sorted(rels.items()))
        print(f"  {dg.out_degree(node):3d}  {dg.nodes[node]['label']}  "
              f"({len(set(dg.successors(node)))} targets: {detail})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
