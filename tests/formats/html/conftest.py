"""Makes the HTML tests' shared modules (html_cases, html_outline) importable.

Not a package: a package here would be named ``html`` and shadow the standard library's.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
