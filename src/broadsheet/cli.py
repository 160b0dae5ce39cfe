"""The ``broadsheet`` command line (filled in below)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    return 0


if __name__ == "__main__":
    sys.exit(main())
