"""The JSON Schema of the native format, generated from the model itself.

The shipped copy (``broadsheet-1.schema.json`` beside this module, also in the
docs) is regenerated with ``python -m broadsheet.formats.json.schema``; a test
checks it matches the model.
"""

from __future__ import annotations

import ast
import datetime as dt
import enum
import inspect
import json
import sys
import textwrap
import types
import typing
from pathlib import Path
from typing import Any

import attrs

from broadsheet.formats.json import FORMAT_NAME, FORMAT_VERSION
from broadsheet.formats.json.codec import NODE_TYPES, tag_of
from broadsheet.model import Article, Edition, values
from broadsheet.model.comments import MAX_COMMENT_DEPTH
from broadsheet.model.quotes import quoted_words

SCHEMA_ID = f"https://broadsheet.readthedocs.io/schema/broadsheet-{FORMAT_VERSION}.schema.json"
SHIPPED = Path(__file__).with_name(f"broadsheet-{FORMAT_VERSION}.schema.json")

# Constraints that validators enforce and the type hints do not show.
_EXTRA: dict[tuple[str, str], dict[str, Any]] = {
    ("Heading", "level"): {"minimum": 1, "maximum": 6},
    ("Image", "width"): {"minimum": 1},
    ("Image", "height"): {"minimum": 1},
    ("TableCell", "colspan"): {"minimum": 1, "maximum": 1000},
    ("TableCell", "rowspan"): {"minimum": 1, "maximum": 1000},
    ("Table", "header_rows"): {"minimum": 0},
    ("RelatedBox", "links"): {"minItems": 1},
    ("Edition", "sections"): {"minItems": 1},
    ("Comment", "depth"): {"minimum": 0, "maximum": MAX_COMMENT_DEPTH},
}
_NON_EMPTY = (
    values.required_line,
    values.required_lines,
    quoted_words,
    values.language_tag,
    values.url,
    values.image_url,
)


def _field_docs(cls: type[Any]) -> dict[str, str]:
    """Attribute docstrings (a string right after a field) of an attrs class."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    body = ast.parse(source).body[0]
    docs: dict[str, str] = {}
    assert isinstance(body, ast.ClassDef)
    for first, second in zip(body.body, body.body[1:], strict=False):
        if (
            isinstance(first, ast.AnnAssign)
            and isinstance(first.target, ast.Name)
            and isinstance(second, ast.Expr)
            and isinstance(second.value, ast.Constant)
            and isinstance(second.value.value, str)
        ):
            docs[first.target.id] = " ".join(second.value.value.split())
    return docs


def _doc(cls: type[Any]) -> str:
    return " ".join((inspect.getdoc(cls) or "").split("\n\n")[0].split())


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, cls: type[Any]) -> dict[str, Any]:
        if cls.__name__ not in self.defs:
            self.defs[cls.__name__] = {}  # placeholder: recursion stops here
            self.defs[cls.__name__] = self.object_schema(cls)
        return {"$ref": f"#/$defs/{cls.__name__}"}

    def object_schema(self, cls: type[Any]) -> dict[str, Any]:
        attrs.resolve_types(cls)
        docs = _field_docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if cls in NODE_TYPES:
            properties["type"] = {"const": tag_of(cls)}
            required.append("type")
        for field in attrs.fields(cls):
            schema = self.hint(field.type)
            if field.converter in _NON_EMPTY and schema.get("type") == "string":
                schema["minLength"] = 1
            schema.update(_EXTRA.get((cls.__name__, field.name), {}))
            if field.name in docs:
                schema = {"description": docs[field.name], **schema}
            if field.default is not attrs.NOTHING and field.default not in (None, ()):
                default = field.default.value if isinstance(field.default, enum.Enum) else field.default
                schema["default"] = default
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        out: dict[str, Any] = {"title": cls.__name__, "description": _doc(cls), "type": "object"}
        out["properties"] = properties
        if required:
            out["required"] = required
        out["additionalProperties"] = False
        return out

    def hint(self, hint: Any) -> dict[str, Any]:
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if hint is str:
            return {"type": "string"}
        if hint is bool:
            return {"type": "boolean"}
        if hint is int:
            return {"type": "integer"}
        if hint is dt.datetime:
            return {"type": "string", "format": "date-time"}
        if hint is dt.date:
            return {"type": "string", "format": "date"}
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return {"enum": [member.value for member in hint]}
        if origin is tuple:
            return {"type": "array", "items": self.hint(args[0])}
        if origin in (typing.Union, types.UnionType):
            members = [arg for arg in args if arg is not type(None)]
            if len(members) == 1:
                inner = self.hint(members[0])
            else:
                inner = {"oneOf": [self.ref(member) for member in members]}
            if type(None) in args:
                # Optional fields are simply left out; null is accepted too.
                return {"anyOf": [inner, {"type": "null"}]}
            return inner
        if attrs.has(hint):
            return self.ref(hint)
        raise TypeError(f"no JSON Schema for {hint!r}")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of native broadsheet documents."""
    builder = _Builder()
    article = builder.ref(Article)
    edition = builder.ref(Edition)
    envelope = {
        "format": {"const": FORMAT_NAME},
        "version": {"const": FORMAT_VERSION},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"broadsheet native JSON, version {FORMAT_VERSION}",
        "description": "A news article or an edition of articles in broadsheet's lossless JSON form.",
        "oneOf": [
            {
                "type": "object",
                "properties": {**envelope, "article": article},
                "required": ["format", "version", "article"],
                "additionalProperties": False,
            },
            {
                "type": "object",
                "properties": {**envelope, "edition": edition},
                "required": ["format", "version", "edition"],
                "additionalProperties": False,
            },
        ],
        "$defs": dict(sorted(builder.defs.items())),
    }


def schema_text() -> str:
    """The schema as the shipped file holds it."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the schema to the paths given, or to standard output."""
    paths = sys.argv[1:] if argv is None else argv
    text = schema_text()
    if not paths:
        sys.stdout.write(text)
    for path in paths:
        Path(path).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
