"""Analytics of the built graph: a networkx projection and pure functions of it.

The flow is one way: an RDF dataset (``kg.store.load_dataset``) is projected once into a typed
``networkx.MultiDiGraph`` (:func:`kg.analytics.project.to_networkx`); every analytic is then a
plain function of that graph, networkx style.

- ``project``: RDF dataset -> ``MultiDiGraph`` (entities as nodes, facts as typed edges with evidence).
- ``views``: the simple undirected weighted view (``simple_view``) and ego networks (``ego``).
- ``lookup``: an entity by its label or alias (``find_node``), with a "did you mean" suggestion.
- ``centrality``: degree, betweenness and PageRank; ``central_entities`` ranks them.
- ``communities``: Louvain communities with a fixed seed.
- ``paths``: the shortest chains of facts between two entities (``shortest_fact_paths``).
- ``stats``: figures of a projection (nodes, edges by relation, components, density, facts).
- ``explain``: what the graph says about one entity, each fact with its evidence sentence.
- ``evidence``: the ``Evidence`` record that edges and facts carry.
- ``wording``: facts as short English sentences (shared by ``explain`` and ``paths``).
- ``report``: the compositions the ``kg stats``, ``kg explain`` and ``kg path`` commands call.

Nothing here imports networkx at import time; each function imports what it needs.
"""
