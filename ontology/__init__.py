"""The ontology and SHACL shapes, shipped inside kg as ``kg._ontology`` (see kg/resources.py)."""
