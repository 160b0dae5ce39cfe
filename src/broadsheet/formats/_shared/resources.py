"""One loader for the images every writer embeds, with one rule for what it may read.

Documents come from strangers, and the files a writer makes are shared, so
a reference in a document must never pull the user's own files into them.
The rule, the same for every chapter, cover and translation of every writer:

- ``data:`` URLs are decoded (bounded by the size limit);
- ``http(s)`` images are downloaded only when the caller allows it
  (``fetch_images``), with its timeout and size limit, checked to be images
  and kept in a disk cache (:mod:`.downloads`); a copy in an image folder is
  used first;
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
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

import attrs

from broadsheet.formats._shared.image_cache import ImageCache, default_folder
from broadsheet.formats._shared.image_options import ImageOptions
from broadsheet.formats._shared.unavailable import Unavailable

__all__ = ["Loader", "Policy", "Unavailable", "folders_option", "is_web", "load", "policy"]


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
    fetch_images: bool = False
    """Whether ``http(s)`` images may be downloaded."""
    max_bytes: int = 20_000_000
    """The largest image read, from any source."""
    timeout: float = 20.0
    """Seconds to wait for each download."""
    cache: ImageCache | None = None
    """Where downloads are kept between builds (``None``: nowhere)."""


def policy(options: ImageOptions) -> Policy:
    """The loading rule for a writer's images, from its options (``network`` is the old name of
    ``fetch_images``)."""
    fetching = options.fetch_images or options.network
    cache = None
    if fetching and options.image_cache:
        cache = ImageCache(
            folder=default_folder(options.cache_dir),
            max_age=options.cache_max_age,
            max_bytes=options.cache_max_bytes,
        )
    return Policy(
        folders=folders_option(options.image_dir),
        fetch_images=fetching,
        max_bytes=options.max_image_bytes,
        timeout=options.timeout,
        cache=cache,
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
    return Loader(policy).load(url, base_url=base_url)


class Loader:
    """The loader of one document's images: downloads each at most once, several at a time.

    :meth:`prefetch` downloads every remote image a document names before
    layout, in parallel (:mod:`.downloads`); :meth:`load` then serves them.
    A failed download is remembered, so that a writer laying out its pages
    several times does not wait for it again. With a disk cache the bytes
    wait there rather than in memory.
    """

    def __init__(self, policy: Policy) -> None:
        """A loader following ``policy``."""
        self.policy = policy
        self._fetched: dict[str, bytes | Unavailable | None] = {}  # None: in the disk cache

    def load(self, url: str, *, base_url: str | None = None) -> bytes:
        """The bytes of the resource at ``url`` in a document published at ``base_url``, or
        :class:`Unavailable` with a reason a user can act on."""
        target = _target(url, base_url)
        if isinstance(target, _Remote):
            return self._remote(target)
        if isinstance(target, bytes):
            return _data_url(url.strip(), self.policy.max_bytes)
        return _local(target, self.policy)

    def prefetch(self, references: Iterable[tuple[str, str | None]]) -> None:
        """Download, in parallel, the remote images among ``references`` (URL, base URL) that are
        not found in an image folder (nothing when fetching is off)."""
        if not self.policy.fetch_images:
            return
        wanted: dict[str, None] = {}
        for url, base_url in references:
            try:
                target = _target(url, base_url)
            except Unavailable:
                continue
            if (
                isinstance(target, _Remote)
                and target.url not in self._fetched
                and not _beside(target.path, self.policy.folders)
            ):
                wanted[target.url] = None
        from broadsheet.formats._shared.downloads import download_all

        policy = self.policy
        results = download_all(
            list(wanted), max_bytes=policy.max_bytes, timeout=policy.timeout, cache=policy.cache
        )
        for url, result in results.items():
            cached = policy.cache is not None and not isinstance(result, Unavailable)
            self._fetched[url] = None if cached else result

    def _remote(self, target: _Remote) -> bytes:
        # A saved page's images lie beside it, whatever its canonical URL says.
        beside = _beside(target.path, self.policy.folders)
        if beside:
            return _read_regular(beside[0], self.policy.max_bytes)
        if not self.policy.fetch_images:
            raise Unavailable("a remote image, and fetching is off (fetch_images=True)")
        from broadsheet.formats._shared.downloads import download

        known = self._fetched.get(target.url)
        if isinstance(known, Unavailable):
            raise known
        if isinstance(known, bytes):
            # Handed out once: a writer keeps what it made of it, and the bytes need not stay in memory.
            del self._fetched[target.url]
            return known
        policy = self.policy
        try:
            return download(
                target.url, max_bytes=policy.max_bytes, timeout=policy.timeout, cache=policy.cache
            )
        except Unavailable as error:
            self._fetched[target.url] = error
            raise


@attrs.frozen
class _Remote:
    url: str
    """The absolute ``http(s)`` URL."""
    path: str
    """Its path, unquoted, by which a copy is looked for in the image folders."""


def _target(url: str, base_url: str | None) -> _Remote | bytes | Path:
    """What ``url`` names: a remote image, a ``data:`` URL (``b""``: decoded later), or a local path."""
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError as error:  # e.g. "http://[::1"
        raise Unavailable(f"not a usable URL ({error})") from error
    scheme = parts.scheme.lower()
    if scheme == "data":
        return b""
    if scheme in ("http", "https"):
        return _Remote(url, urllib.parse.unquote(parts.path))
    if scheme == "file":
        if parts.netloc not in ("", "localhost"):
            raise Unavailable("file: URLs naming another host are not read")
        return Path(urllib.request.url2pathname(parts.path))
    if len(scheme) > 1:
        raise Unavailable(f"{scheme}: URLs are not supported")
    if is_web(base_url):
        base = "https:" + base_url.strip() if base_url and base_url.strip().startswith("//") else base_url
        try:
            absolute = urllib.parse.urljoin(base or "", url)
        except ValueError as error:
            raise Unavailable(f"not a usable URL ({error})") from error
        return _Remote(absolute, urllib.parse.unquote(parts.path))
    return Path(urllib.parse.unquote(url))


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
