"""Every module of kg.analytics is described in the package docstring (tests/test_docstrings.py runs their examples)."""

from __future__ import annotations

import pkgutil

import kg.analytics

MODULES = sorted(m.name for m in pkgutil.iter_modules(kg.analytics.__path__, "kg.analytics."))


def test_every_module_is_listed_in_the_package_docstring():
    for name in MODULES:
        short = name.rsplit(".", 1)[1]
        if not short.startswith("_"):
            assert f"``{short}``" in kg.analytics.__doc__, f"describe {name} in kg/analytics/__init__.py"

