"""What the ninjs tests share: the official schema validators and the round-trip projection.

The seed article comes from ``seed_story`` (the one seed of all tests)."""

from __future__ import annotations

import functools
import json
from typing import Any

import attrs
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from referencing import Registry, Resource

from broadsheet.model import Article, Person
from data_paths import NINJS

EXAMPLES = NINJS / "examples"
GEOJSON_URI = "https://geojson.org/schema/GeoJSON.json"


@functools.cache
def validator(version: str) -> Validator:
    """A validator for one ninjs schema, formats checked, GeoJSON resolved from the local copy (no network)."""
    schema = json.loads((NINJS / "schemas" / f"ninjs-schema_{version}.json").read_text("utf-8"))
    geojson = Resource.from_contents(json.loads((NINJS / "schemas" / "GeoJSON.json").read_text("utf-8")))
    registry: Registry[Any] = Registry().with_resource(GEOJSON_URI, geojson)
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)  # type: ignore[no-any-return]


def schema_errors(document: Any, version: str) -> list[str]:
    """Every schema violation, as ``path: message`` lines (empty when valid)."""
    return [
        f"{error.json_path}: {error.message}"
        for error in sorted(validator(version).iter_errors(document), key=lambda e: e.json_path)
    ]


def _drop_author_roles(people: tuple[Person, ...]) -> tuple[Person, ...]:
    return tuple(attrs.evolve(person, role=None) for person in people)


def projection(article: Article) -> Article:
    """The part of ``article`` that ninjs holds: what ``read(write(a))`` must give back exactly.

    ninjs has no place for the role of an author (``by`` and ``infoSources`` hold
    a name and a link): authors of the article, of its ``see_also`` links and of
    full translations lose ``role``. Authors inside the body (related boxes,
    mentions, quote speakers) keep it in the HTML markup. Readers' comments are not
    part of a news item and ninjs has no place for them: they are lost. Everything else survives.
    """
    return attrs.evolve(
        article,
        comments=(),
        authors=_drop_author_roles(article.authors),
        see_also=tuple(
            attrs.evolve(link, authors=_drop_author_roles(link.authors)) for link in article.see_also
        ),
        translations=tuple(
            attrs.evolve(t, article=projection(t.article) if t.article is not None else None)
            for t in article.translations
        ),
    )
