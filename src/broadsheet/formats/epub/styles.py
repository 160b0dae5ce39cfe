"""The book's stylesheets: the built-in one (``broadsheet.css``) and the user's."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

from broadsheet.errors import OptionError
from broadsheet.formats.epub.options import WriteOptions
from broadsheet.formats.epub.plan import Resource

BUILTIN = "broadsheet.css"
"""The built-in stylesheet's file name in the book."""
USER = "user.css"
"""The user stylesheet's file name in the book."""

# A url() that is not a data: URL would make the book reach outside itself.
_EXTERNAL_URL = re.compile(r"url\(\s*(?![\"']?\s*data:)", re.IGNORECASE)


@cache
def builtin_css() -> bytes:
    """The built-in stylesheet's bytes."""
    return resources.files("broadsheet.formats.epub").joinpath(BUILTIN).read_bytes()


def stylesheets(options: WriteOptions) -> tuple[Resource, ...]:
    """The stylesheet resources the options ask for, in cascade order."""
    out: list[Resource] = []
    if not (options.replace_stylesheet and options.stylesheet):
        out.append(Resource(name=BUILTIN, media_type="text/css", data=builtin_css()))
    if options.stylesheet:
        out.append(Resource(name=USER, media_type="text/css", data=user_css(options.stylesheet)))
    return tuple(out)


def user_css(value: str) -> bytes:
    """A user stylesheet from CSS text or a path to a file; it may not reference outside files."""
    if "{" in value:
        text = value
        where = "the stylesheet option"
    else:
        path = Path(value)
        where = str(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise OptionError(
                f"stylesheet {path}: no such file (pass a path to a .css file or CSS text)"
            ) from None
        except (OSError, UnicodeDecodeError) as error:
            raise OptionError(f"stylesheet {path}: cannot read it as UTF-8 CSS: {error}") from error
    if "@import" in text.lower() or _EXTERNAL_URL.search(text):
        raise OptionError(
            f"{where}: @import and url() of other files cannot work inside an EPUB; "
            "inline them or use data: URLs"
        )
    if "\x00" in text:
        raise OptionError(f"{where}: is not CSS text")
    return text.encode("utf-8")
