"""The reason an image cannot be had, shared by the loader, the downloader and the decoder."""

from __future__ import annotations


class Unavailable(Exception):
    """Why a resource cannot be loaded; writers catch it and leave the image out with a warning."""
