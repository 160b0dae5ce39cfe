"""The release of broadsheet, in one place: packaging reads it, and so does any module that names it.

Kept apart from the package's ``__init__`` so that code inside ``broadsheet.formats``
can say which release wrote a file without importing the whole package.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
"""The release, as a PEP 440 version string."""
