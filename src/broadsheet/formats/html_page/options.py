"""The HTML writer's options (apart from the package so that the site module can name them)."""

from __future__ import annotations

import attrs

__all__ = ["WriteOptions"]


@attrs.frozen(kw_only=True)
class WriteOptions:
    """Options of the HTML writer."""

    stylesheet: bool = True
    """Include the built-in stylesheet (readable measure, light and dark, print rules)."""
