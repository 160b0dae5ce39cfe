"""One loader for the images every writer embeds, with one rule for what it may read.

Documents come from strangers, and the files a writer makes are shared, so
a reference in a document must never pull the user's own files into them.
The rule, the same for every chapter, cover and translation of every writer:

- ``data:`` URLs are decoded (bounded by the size limit);
- ``http(s)`` images are downloaded only when the caller allows the network
  (with its timeout and size limit); a copy in an image folder is used first;
- local files are read only from under the image folders the caller names
  (the command line names the folder of each local input), only when they
  are regular files there once symbolic links are followed, and never past
  the size limit; ``file:`` URLs and absolute paths obey the same rule.
  An article published on the web (its URL is ``http(s)`` or ``//host``)
  resolves its relative references against that URL, but a file of that
  name in an image folder (a saved page's ``photo.jpg`` beside it) wins.
"""

from __future__ import annotations

import base64
import binascii
import os
import stat
import urllib.parse
import urllib.request
from pathlib import Path, PurePosixPath
from typing import Protocol

import attrs

from broadsheet.errors import BroadsheetError


class Unavailable(Exception):
    """Why a resource cannot be loaded; writers catch it and leave the image out with a warning."""


def folders_option(value: str | None) -> tuple[Path, ...]:
    """The folders an ``image_dir`` option names: one path, or several joined by :data:`os.pathsep`."""
    if not value:
        return ()
    return tuple(Path(part) for part in value.split(os.pathsep) if part)


@attrs.frozen(kw_only=True)
class Policy:
    """What a writer may load for the images of one document."""

    folders: tuple[Path, ...] = ()
    """Local files are read only from under these folders (none: no local file is read)."""
    network: bool = False
    """Whether ``http(s)`` images may be downloaded."""
    max_bytes: int = 20_000_000
    """The largest image read, from any source."""
    timeout: float = 20.0
    """Seconds to wait for each download."""


class ImageOptions(Protocol):
    """The writer options every image-embedding writer has (EPUB, PDF), named alike."""

    @property
    def image_dir(self) -> str | None: ...
    @property
    def network(self) -> bool: ...
    @property
    def max_image_bytes(self) -> int: ...
    @property
    def timeout(self) -> float: ...


def policy(options: ImageOptions) -> Policy:
    """The loading rule for a writer's images, from its options."""
    return Policy(
        folders=folders_option(options.image_dir),
        network=options.network,
        max_bytes=options.max_image_bytes,
        timeout=options.timeout,
    )


def is_web(url: str | None) -> bool:
    """Whether ``url`` names a page on the web (``http(s)``, or scheme-relative ``//host/…``)."""
    if not url:
        return False
    url = url.strip()
    return url.startswith("//") or urllib.parse.urlsplit(url).scheme.lower() in ("http", "https")


def load(url: str, policy: Policy, *, base_url: str | None = None) -> bytes:
    """The bytes of the resource at ``url`` in a document published at ``base_url``.

    Raises :class:`Unavailable` with a reason a user can act on.
    """
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError as error:  # e.g. "http://[::1"
        raise Unavailable(f"not a usable URL ({error})") from error
    scheme = parts.scheme.lower()
    if scheme == "data":
        return _data_url(url, policy.max_bytes)
    if scheme in ("http", "https"):
        return _remote(url, urllib.parse.unquote(parts.path), policy)
    if scheme == "file":
        if parts.netloc not in ("", "localhost"):
            raise Unavailable("file: URLs naming another host are not read")
        return _local(Path(urllib.request.url2pathname(parts.path)), policy)
    if len(scheme) > 1:
        raise Unavailable(f"{scheme}: URLs are not supported")
    if is_web(base_url):
        base = "https:" + base_url.strip() if base_url and base_url.strip().startswith("//") else base_url
        try:
            absolute = urllib.parse.urljoin(base or "", url)
        except ValueError as error:
            raise Unavailable(f"not a usable URL ({error})") from error
        return _remote(absolute, urllib.parse.unquote(parts.path), policy)
    return _local(Path(urllib.parse.unquote(url)), policy)


def _remote(url: str, path: str, policy: Policy) -> bytes:
    # A saved page's images lie beside it, whatever its canonical URL says.
    beside = _beside(path, policy.folders)
    if beside:
        return _read_regular(beside[0], policy.max_bytes)
    if not policy.network:
        raise Unavailable("a remote image, and fetching is off (--network, or network=True)")
    from broadsheet.formats._shared.fetch import fetch

    try:
        return fetch(url, max_bytes=policy.max_bytes, timeout=policy.timeout).data
    except BroadsheetError as error:
        raise Unavailable(str(error)) from error


def _beside(path: str, folders: tuple[Path, ...]) -> list[Path]:
    relative = PurePosixPath(path.replace("\\", "/").lstrip("/"))
    names = [str(relative), relative.name] if relative.parts else []
    found = []
    for folder in folders:
        for name in names:
            candidate = _under(folder, Path(name))
            if candidate is not None:
                found.append(candidate)
    return found


def _under(folder: Path, path: Path) -> Path | None:
    """``path`` (relative to ``folder`` unless absolute), once links are followed, if it lies inside."""
    try:
        root = folder.resolve()
        resolved = (path if path.is_absolute() else root / path).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    if not resolved.is_relative_to(root) or not os.path.lexists(resolved):
        return None
    return resolved


def _local(path: Path, policy: Policy) -> bytes:
    if not policy.folders:
        raise Unavailable(f"{path}: local files are read only from a named image folder (image_dir)")
    for folder in policy.folders:
        inside = _under(folder, path)
        if inside is not None:
            return _read_regular(inside, policy.max_bytes)
    named = ", ".join(str(folder) for folder in policy.folders)
    if all(_escapes(folder, path) for folder in policy.folders):
        raise Unavailable(f"{path} is outside the image folder ({named})")
    raise Unavailable(f"{path}: no such file in the image folder ({named})")


def _escapes(folder: Path, path: Path) -> bool:
    try:
        root = folder.resolve()
        return not (path if path.is_absolute() else root / path).resolve().is_relative_to(root)
    except (OSError, RuntimeError, ValueError):
        return True


def _read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes`` (never a device or FIFO)."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise Unavailable(f"{path}: {error.strerror or error}") from error
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise Unavailable(f"{path} is not a regular file")
        if info.st_size > max_bytes:
            raise Unavailable(f"{path} is larger than {max_bytes:,} bytes")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew while we read
        raise Unavailable(f"{path} is larger than {max_bytes:,} bytes")
    return data


def _data_url(url: str, max_bytes: int) -> bytes:
    header, comma, payload = url[5:].partition(",")
    if not comma:
        raise Unavailable("a data: URL without a comma")
    if len(payload) > 3 * max_bytes + 1024:  # decoding only shrinks: "%41" is one byte, base64 is 4 for 3
        raise Unavailable(f"a data: URL larger than {max_bytes:,} bytes")
    try:
        if header.lower().endswith(";base64"):
            data = base64.b64decode(urllib.parse.unquote(payload), validate=False)
        else:
            data = urllib.parse.unquote_to_bytes(payload)
    except (binascii.Error, ValueError) as error:
        raise Unavailable(f"a data: URL that cannot be decoded ({error})") from error
    if len(data) > max_bytes:
        raise Unavailable(f"a data: URL larger than {max_bytes:,} bytes")
    return data
