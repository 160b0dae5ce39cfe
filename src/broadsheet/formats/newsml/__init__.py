"""NewsML-G2 2.35 with NITF 3.6 bodies: IPTC's XML exchange format for news, written and read.

An article is one ``newsItem``; an edition is a ``newsMessage`` holding a
``packageItem`` and the items. See ``docs/formats/newsml.md`` for the mapping.
"""

from broadsheet.formats.newsml.options import ReadOptions, WriteOptions
from broadsheet.formats.newsml.reader import read
from broadsheet.formats.newsml.writer import write

__all__ = ["ReadOptions", "WriteOptions", "read", "write"]
