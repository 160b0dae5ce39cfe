"""Links to other stories in a ninjs body: ``aside class="related"`` boxes and ``cite class="mention"``."""

from __future__ import annotations

import json
from functools import partial
from typing import Any

from broadsheet.formats.ninjs import vocabulary as v
from broadsheet.formats.ninjs.body_elements import class_names, element_name
from broadsheet.formats.ninjs.model_values import has_text, safe
from broadsheet.model import Inline, Mention, Person, RelatedBox, RelatedLink, Relation


def related_box(el: Any) -> RelatedBox | None:
    """An ``aside class="related"`` as a RelatedBox (``None`` when it has no links)."""
    label: str | None = None
    links: list[RelatedLink] = []
    for node in el.iter():
        name = element_name(node)
        if name == "p" and v.RELATED_LABEL_CLASS in class_names(node):
            label = node.xpath("string()")
        elif name == "li":
            link = _related_item(node)
            if link is not None:
                links.append(link)
    if not links:
        return None
    return RelatedBox(links=tuple(links), label=label)


def _related_item(li: Any) -> RelatedLink | None:
    """One ``li`` of a related box as a RelatedLink."""
    target = next((n for n in li if element_name(n) in ("a", "cite")), None)
    title = (target if target is not None else li).xpath("string()")
    url = target.get("href") if target is not None and element_name(target) == "a" else None
    authors = []
    for span in li.iter():
        if element_name(span) == "span" and v.AUTHOR_CLASS in class_names(span):
            person = safe(
                partial(Person, name=span.xpath("string()"), role=span.get(v.ROLE), url=span.get(v.URL))
            )
            if person is not None:
                authors.append(person)
    return related_link(title, url, tuple(authors), li.get(v.RELATION))


def related_link(
    title: str | None, url: str | None, authors: tuple[Person, ...], relation: str | None
) -> RelatedLink | None:
    """A RelatedLink, leaving out a URL the model refuses; ``None`` without a title."""
    if not has_text(title):
        return None
    kind = _relation(relation)
    return safe(lambda: RelatedLink(title=title, url=url, authors=authors, relation=kind)) or safe(
        lambda: RelatedLink(title=title, authors=authors, relation=kind)
    )


def read_mention(el: Any, children: tuple[Inline, ...]) -> Mention | None:
    """A ``cite class="mention"`` as a Mention of the article its data attributes describe."""
    authors: list[Person] = []
    raw = el.get(v.AUTHORS)
    if raw:
        try:
            records = json.loads(raw)
        except ValueError:
            records = []
        for record in records if isinstance(records, list) else []:
            if isinstance(record, dict) and isinstance(record.get("name"), str):
                person = safe(
                    partial(Person, name=record["name"], role=record.get("role"), url=record.get("url"))
                )
                if person is not None:
                    authors.append(person)
    title = el.get(v.TITLE) or el.xpath("string()")
    link = related_link(title, el.get(v.URL), tuple(authors), el.get(v.RELATION))
    if link is None:
        return None
    return Mention(link=link, children=children)


def _relation(value: str | None) -> Relation:
    try:
        return Relation(value)
    except ValueError:
        return Relation.READ_ALSO
