"""Where the tests' data lives: everything is inside the repository (nothing read from ``../shared``)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"

STANDARDS = DATA / "standards"
"""Byte-for-byte copies of the official IPTC files the tests need (see its README.md)."""
NEWSML_G2 = STANDARDS / "newsml-g2"
NINJS = STANDARDS / "ninjs"

SEED_TEXT = DATA / "seeds" / "000_5d8bebfd66070adc.txt"
"""The seed story as the ZN.ua page showed it: plain text, site chrome and misprints included."""

EXAMPLE = REPO / "examples" / "zn-blinken.json"
"""The seed story built by hand (``examples/seed_article.py``): the one seed article."""
