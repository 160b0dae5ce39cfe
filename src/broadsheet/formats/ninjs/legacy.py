"""Reading ninjs 1.x: its flat keys (``headline``, ``body_html``, ``byline``) reshaped as 2.x arrays.

ninjs 1.x names one headline, body or description per key (``body_text``,
``description_richtext``) and keys associations by name; 2.0 turned these
into arrays with roles. Rewriting a 1.x object into the 2.x shape lets one
reader serve every version.
"""

from __future__ import annotations

from typing import Any

_PLURALS = {
    "subject": "subjects",
    "person": "people",
    "place": "places",
    "organisation": "organisations",
    "object": "objects",
    "event": "events",
    "genre": "genres",
    "infosource": "infosources",
    "trustindicator": "trustindicators",
    "byline": "by",
    "embargoed": "embargoed",
}


def looks_legacy(data: dict[str, Any]) -> bool:
    """Whether an object uses the 1.x keys rather than the 2.x/3.x arrays."""
    keys = {key.lower() for key in data}
    if keys & {"headlines", "bodies", "descriptions"}:
        return False
    return bool(keys & {"headline", "byline"}) or any(
        key.startswith(("body_", "description_", "headline_")) for key in keys
    )


def _content_type(suffix: str) -> str:
    return "text/html" if any(word in suffix for word in ("html", "richtext", "xhtml")) else "text/plain"


def _rendition(item: dict[str, Any]) -> dict[str, Any]:
    return {("contenttype" if key.lower() == "mimetype" else key): value for key, value in item.items()}


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """The 2.x-shaped equivalent of a 1.x object (nested associations too)."""
    out: dict[str, Any] = {}
    headlines: list[dict[str, Any]] = []
    bodies: list[dict[str, Any]] = []
    descriptions: list[dict[str, Any]] = []
    for key, value in data.items():
        lower = key.lower()
        if lower == "headline":
            headlines.insert(0, {"role": "main", "value": value})
        elif lower.startswith("headline_"):
            headlines.append({"role": lower[9:], "value": value})
        elif lower.startswith("body_"):
            bodies.append({"role": lower[5:], "contenttype": _content_type(lower[5:]), "value": value})
        elif lower.startswith("description_"):
            suffix = lower[12:]
            descriptions.append({"role": suffix, "contenttype": _content_type(suffix), "value": value})
        elif lower == "associations" and isinstance(value, dict):
            out["associations"] = [
                {"name": name, **upgrade(item)} if isinstance(item, dict) else item
                for name, item in value.items()
            ]
        elif lower == "renditions" and isinstance(value, dict):
            out["renditions"] = [
                {"name": name, **_rendition(item)} if isinstance(item, dict) else item
                for name, item in value.items()
            ]
        elif lower == "altids" and isinstance(value, dict):
            out["altids"] = [{"role": role, "value": str(item)} for role, item in value.items()]
        else:
            out[_PLURALS.get(lower, lower)] = value
    if headlines:
        out["headlines"] = headlines
    if bodies:
        out["bodies"] = bodies
    if descriptions:
        out["descriptions"] = descriptions
    return out
