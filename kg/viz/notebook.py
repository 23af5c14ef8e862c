"""Showing a page inside a notebook: Jupyter, VS Code and Colab alike.

pyvis's notebook mode writes the page into the output cell, which VS Code and Colab leave blank
(their output cells do not run such scripts). An ``<iframe srcdoc="...">`` with the whole page as
its (attribute-escaped) source works in all three, and keeps the page's script and styles apart
from the notebook's. The iframe is sandboxed: scripts run, but in an opaque origin.

>>> shown = show("<p>NASA & Roscosmos</p>", height=300)
>>> markup = shown._repr_html_()
>>> '<iframe srcdoc="&lt;p&gt;NASA &amp; Roscosmos&lt;/p&gt;"' in markup
True
"""

from __future__ import annotations

import html as html_lib
from typing import Any


def iframe(html: str, *, height: int = 600) -> str:
    """The markup of an iframe whose ``srcdoc`` is the page ``html``, escaped for the attribute."""
    return (
        f'<div class="kg-viz"><iframe srcdoc="{html_lib.escape(html, quote=True)}" sandbox="allow-scripts" '
        f'style="width: 100%; height: {int(height)}px; border: 0;" loading="eager"></iframe></div>'
    )


def show(html: str, height: int = 600) -> Any:
    """An object a notebook displays as the page (``IPython.display.HTML`` of an iframe).

    The iframe is wrapped in a ``<div>``: IPython warns about bare iframes in ``HTML``.

    Examples
    --------
    In a notebook cell::

        from kg.store.oxigraph import load_dataset
        from kg.viz.network import dataset_network_html
        from kg.viz.notebook import show
        show(dataset_network_html(load_dataset(Path("out"))), height=700)
    """
    from IPython.display import HTML

    return HTML(iframe(html, height=height))
