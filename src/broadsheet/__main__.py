"""``python -m broadsheet``: the command line, for machines where scripts are not on PATH."""

import sys

from broadsheet.cli import main

sys.exit(main())
