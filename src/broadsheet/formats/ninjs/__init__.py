"""IPTC ninjs (News in JSON): write an article as ninjs 3.1 (or 3.0, 2.2, 2.1) and read ninjs 1.x to 3.x.

The mapping between the model and ninjs is documented in docs/formats/ninjs.md.
"""

from broadsheet.formats.ninjs.options import ReadOptions, Version, WriteOptions
from broadsheet.formats.ninjs.reader import read
from broadsheet.formats.ninjs.writer import write

__all__ = ["ReadOptions", "Version", "WriteOptions", "read", "write"]
