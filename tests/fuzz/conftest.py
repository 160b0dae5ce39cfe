"""Puts the harness beside its tests on the import path (as the EPUB tests do with their samples)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
