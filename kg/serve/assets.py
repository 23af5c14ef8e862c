"""The explorer's files (``kg/serve/static/``), the shared ``kg viz`` scripts, and example queries.

Only the files listed in :data:`FILES` are served (no path from a request reaches the file
system). ``dom.js`` and ``common.css`` are ``kg viz``'s own (``kg/viz/assets``), so the explorer
shows evidence and classes as the network page does; ``types.css`` gives each class its ``kg
viz`` colour (``kg.viz.style``).
"""

from __future__ import annotations

import functools
import html
import re
from importlib import resources

from kg.errors import DataError

FILES = {
    "explorer.js": ("serve", "application/javascript; charset=utf-8"),
    "explorer.css": ("serve", "text/css; charset=utf-8"),
    "dom.js": ("viz", "application/javascript; charset=utf-8"),
    "common.css": ("viz", "text/css; charset=utf-8"),
    "types.css": ("generated", "text/css; charset=utf-8"),
}

EXAMPLES = [
    {
        "title": "People and their posts",
        "query": """PREFIX kgo: <https://w3id.org/usru-space/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?person ?title ?organization WHERE {
  GRAPH ?g {
    ?post a kgo:Position ; kgo:holder ?h ; kgo:title ?title .
    ?h rdfs:label ?person .
    OPTIONAL { ?post kgo:organization ?o . ?o rdfs:label ?organization . }
  }
}
ORDER BY ?person
LIMIT 100""",
    },
    {
        "title": "Meetings, with their dates and evidence",
        "query": """PREFIX kgo: <https://w3id.org/usru-space/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?date ?label ?sentence WHERE {
  GRAPH ?g {
    ?m a kgo:Meeting ; rdfs:label ?label ; kgo:evidence ?ev .
    OPTIONAL { ?m kgo:date ?date . }
    ?ev kgo:sentence ?sentence .
  }
}
ORDER BY ?date
LIMIT 100""",
    },
    {
        "title": "Entities by class",
        "query": """PREFIX kgo: <https://w3id.org/usru-space/ontology#>
SELECT ?class (COUNT(DISTINCT ?e) AS ?entities) WHERE {
  GRAPH ?g { ?e a ?class . }
  FILTER(?class IN (kgo:Person, kgo:Agency, kgo:Country, kgo:Program, kgo:Spacecraft, kgo:Facility, kgo:Place))
}
GROUP BY ?class
ORDER BY DESC(?entities)""",
    },
    {
        "title": "Named graphs and their sizes",
        "query": """SELECT ?graph (COUNT(*) AS ?triples) WHERE {
  GRAPH ?graph { ?s ?p ?o . }
}
GROUP BY ?graph
ORDER BY DESC(?triples)""",
    },
    {
        "title": "Entities with a Wikidata link",
        "query": """PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?label ?wikidata WHERE {
  ?e owl:sameAs ?wikidata ; rdfs:label ?label .
  FILTER(STRSTARTS(STR(?wikidata), "http://www.wikidata.org/entity/"))
}
ORDER BY ?label
LIMIT 100""",
    },
]
"""Example queries offered in the SPARQL box (the default graph is the union of every graph)."""


def read(name: str) -> bytes:
    """One of the explorer's own files."""
    path = resources.files("kg.serve") / "static" / name
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise DataError(f"{path}: shipped explorer file is missing (reinstall kg: `pip install -e .`)") from exc


@functools.lru_cache(maxsize=None)
def asset(name: str) -> tuple[bytes, str] | None:
    """``(body, media type)`` of a file the explorer loads, or None if there is no such file."""
    if name not in FILES:
        return None
    origin, media = FILES[name]
    if origin == "serve":
        return read(name), media
    if origin == "viz":
        from kg.viz.page import asset as viz_asset

        return viz_asset(name).encode("utf-8"), media
    return types_css().encode("utf-8"), media


def types_css() -> str:
    """A colour per entity class, as ``kg viz`` draws them (``.kg-chip.t-Person`` ...)."""
    from kg.ontology import ENTITY_TYPES
    from kg.viz.style import node_style

    rules = [f".kg-chip.t-{name} {{ background: {node_style(name).color}; }}" for name in ENTITY_TYPES]
    return "/* generated from kg.viz.style: the colour of each class */\n.kg-chip { background: #7F7F7F; }\n" + "\n".join(rules) + "\n"


_META_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def page_policy(page: str) -> str:
    """The Content-Security-Policy a ``kg viz`` page declares in its ``<meta>`` (sent as a header too)."""
    found = _META_POLICY.search(page)
    if not found:
        return "default-src 'none'"
    return html.unescape(found.group(1))
