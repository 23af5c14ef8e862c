"""``kg serve``: the graph of a build folder on the web, for SPARQL clients and for people.

One local server (a Starlette application under uvicorn) over the build's Oxigraph store, opened
read-only:

- :mod:`kg.serve.protocol` reads SPARQL 1.1 Protocol requests and negotiates result formats;
- :mod:`kg.serve.results` writes SELECT/ASK results as JSON, XML, CSV, TSV;
- :mod:`kg.serve.tasks` is what a query worker does, :mod:`kg.serve.pool` runs the workers
  (processes, so a query past its time limit is stopped, not abandoned);
- :mod:`kg.serve.explorer` computes the explorer's search, entity pages and networks;
- :mod:`kg.serve.app` is the application (routes), :mod:`kg.serve.web` its safe defaults,
  :mod:`kg.serve.assets` its files, :mod:`kg.serve.settings` its limits;
- :func:`kg.serve.run.serve` starts it all (``kg serve``).

Nothing here is imported by ``kg`` unless a server is started; Starlette and uvicorn are
imported by the modules that need them.
"""
