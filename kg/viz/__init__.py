"""Seeing the graph: self-contained, offline HTML views of a built graph.

- :mod:`kg.viz.network` — the entity network (``kg viz``): nodes by class, fact edges with evidence.
- :mod:`kg.viz.timeline` — cooperation events on a time axis (``kg timeline``).
- :mod:`kg.viz.layout` — precomputed node positions, fast enough for thousands of nodes.
- :mod:`kg.viz.evidence` — evidence sentences of facts the projection has no edge for (quotations, events).
- :mod:`kg.viz.page` — one HTML file from a template: inlined scripts and styles, data as safe JSON.
- :mod:`kg.viz.style` — colours and shapes of classes, event types and statuses.
- :mod:`kg.viz.browser` — headless Chromium with the network cut off (screenshots, tests, bench).
- :mod:`kg.viz.notebook` — show a page inside Jupyter, VS Code or Colab.
- :mod:`kg.viz.export` — pages to files: what ``kg viz`` and ``kg timeline`` run.

The pages' own scripts and styles are in ``kg/viz/assets/``; vis-network comes from the pyvis
package, inlined with its license header.

Nothing here imports pyvis or playwright at import time.
"""
