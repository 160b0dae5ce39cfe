"""The image options every image-embedding writer (EPUB, PDF) takes, declared once.

Both writers' option records inherit :class:`ImageOptions`, so the names, defaults, checks and
documentation of where images may come from cannot drift apart between them;
:func:`broadsheet.formats._shared.resources.policy` turns them into the loader's rules.
"""

from __future__ import annotations

from typing import Any

import attrs

from broadsheet.errors import OptionError

__all__ = ["ImageOptions"]


def _positive(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise OptionError(f"{attribute.name} must be a positive number, got {value!r}")


@attrs.frozen(kw_only=True)
class ImageOptions:
    """Where a writer may load its images from, and within which limits."""

    image_dir: str | None = None
    """The folder local images are read from (several joined by ``os.pathsep``); relative paths resolve
    against it and nothing outside it is read. ``None``: no local file is read (the command line names
    each local input's folder). A web article's images are looked for here first, by path and name."""
    fetch_images: bool = False
    """Download ``http(s)`` images (``--fetch-images``): in parallel, each within ``timeout`` and ``max_image_bytes``,
    kept only if the server calls it an image and its bytes are one. Off: such figures keep their captions only."""
    network: bool = False
    """The former name of ``fetch_images`` (deprecated; either turns fetching on)."""
    image_cache: bool = True
    """Keep downloaded images on disk for the next build (``--no-cache``: neither read nor write it)."""
    cache_dir: str | None = None
    """The folder of broadsheet's cache (images go in its ``images`` folder). ``None``:
    ``$BROADSHEET_CACHE_DIR``, else the user's cache folder (``~/.cache/broadsheet`` on Linux)."""
    cache_max_age: float = attrs.field(default=86_400.0, converter=float, validator=_positive)
    """Seconds a cached image is used before it is downloaded again."""
    cache_max_bytes: int = attrs.field(default=256 * 1024 * 1024, validator=_positive)
    """The cache's size; past it the oldest images are removed."""
    max_image_bytes: int = attrs.field(default=20_000_000, validator=_positive)
    """Images larger than this are left out (their captions stay)."""
    timeout: float = attrs.field(default=20.0, validator=_positive)
    """Seconds to wait for each image download."""
