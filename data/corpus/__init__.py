"""The default input corpus, shipped inside kg as ``kg._corpus`` (see kg/resources.py)."""
