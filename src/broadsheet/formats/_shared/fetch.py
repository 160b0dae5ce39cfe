"""Fetching a document over HTTP(S), with a timeout and a size limit."""

from __future__ import annotations

import urllib.error
import urllib.request

from broadsheet import __version__
from broadsheet.errors import LimitError, SourceError
from broadsheet.formats._shared.sources import Loaded

USER_AGENT = f"broadsheet/{__version__} (+https://pypi.org/project/broadsheet/)"


def fetch(url: str, *, max_bytes: int, timeout: float = 30.0) -> Loaded:
    """GET ``url`` and return its body and headers.

    Redirects are followed; a non-2xx status, a timeout, a body over
    ``max_bytes`` or any network failure raises :class:`SourceError` (or
    :class:`LimitError` for size).
    """
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise LimitError(f"{url} is {int(declared):,} bytes; the limit is {max_bytes:,}")
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise LimitError(f"{url} is larger than the limit of {max_bytes:,} bytes")
            headers = {key.lower(): value for key, value in response.headers.items()}
            final_url = response.geturl()
    except urllib.error.HTTPError as error:
        raise SourceError(f"{url}: HTTP {error.code} {error.reason}") from error
    except urllib.error.URLError as error:
        raise SourceError(f"{url}: {error.reason}") from error
    except TimeoutError as error:
        raise SourceError(f"{url}: no answer within {timeout:g} s") from error
    except OSError as error:
        raise SourceError(f"{url}: {error}") from error
    return Loaded(data=data, name=url, url=final_url, headers=headers)
