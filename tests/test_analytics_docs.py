"""The examples in the docstrings of kg.analytics run and give what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import kg.analytics

MODULES = sorted(m.name for m in pkgutil.iter_modules(kg.analytics.__path__, "kg.analytics."))


def test_every_module_is_listed_in_the_package_docstring():
    for name in MODULES:
        short = name.rsplit(".", 1)[1]
        if not short.startswith("_"):
            assert f"``{short}``" in kg.analytics.__doc__, f"describe {name} in kg/analytics/__init__.py"


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
