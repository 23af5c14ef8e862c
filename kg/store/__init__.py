"""The store-and-query layer: where a built graph lives and how it is read.

- ``folder``: the build folder and its layout, lock and whole-build switch (``BuildFolder``);
- ``files``: atomic writes of the files kg produces;
- ``oxigraph``: the Oxigraph store, N-Quads in, TriG and Turtle out;
- ``backends``: one interface over a store, an rdflib dataset or a SPARQL endpoint (``endpoint``);
- ``queries`` (with ``queries/*.rq``), ``query_text``, ``listings``: named queries, their text and
  their stored results; ``listing_rows``: those results computed from each document's graph as a
  build streams; ``history``: the timeline's events of different documents that tell one event, merged;
- ``inference``, ``validate``, ``export``: RDFS closure, SHACL validation, other formats.
"""
