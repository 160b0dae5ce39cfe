"""Makes the PDF test helpers (pdf_seed, pdf_checks) importable and shares the documents they build."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
