"""One article file on disk: YAML front matter + Markdown body, read and written in one way.

Every stage that reads or writes docs files comes through here, with libyaml's
C loader and dumper when present (PyYAML's pure-Python emitter costs ~3 ms an
article, which a year of articles notices).
"""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import yaml

from .body import render_body
from .errors import UserError
from .model import BodyBlock

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump_front_matter(meta: dict) -> str:
    try:
        node = _node(meta, set())
    except _NotPlain:
        return yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    stream = io.StringIO()
    dumper = _Dumper(stream, allow_unicode=True, sort_keys=False, width=1000)
    try:
        dumper.open()
        dumper.serialize(node)
        dumper.close()
    finally:
        dumper.dispose()
    return stream.getvalue()


class _NotPlain(Exception):
    """A front matter ``_node`` leaves to yaml.dump."""


_TAG = "tag:yaml.org,2002:"


def _node(value, seen: set[int]):
    """The YAML node yaml.dump's safe representer makes of ``value`` (what front matters hold:
    str, None, bool, int, date, and lists and dicts of them), made here: the representer's
    look-ups per value were a fifth of writing a front matter. Anything else, a subclass of
    one of these, or a list, dict or date met twice (yaml.dump writes an anchor) raises
    ``_NotPlain``."""
    kind = type(value)
    if kind is str:
        return yaml.ScalarNode(_TAG + "str", value)
    if value is None:
        return yaml.ScalarNode(_TAG + "null", "null")
    if kind is bool:
        return yaml.ScalarNode(_TAG + "bool", "true" if value else "false")
    if kind is int:
        return yaml.ScalarNode(_TAG + "int", str(value))
    if kind is not list and kind is not dict and kind is not dt.date:
        raise _NotPlain
    if id(value) in seen:
        raise _NotPlain
    seen.add(id(value))
    if kind is dt.date:
        return yaml.ScalarNode(_TAG + "timestamp", value.isoformat())
    if kind is list:
        return yaml.SequenceNode(_TAG + "seq", [_node(v, seen) for v in value], flow_style=False)
    return yaml.MappingNode(_TAG + "map", [(_node(k, seen), _node(v, seen)) for k, v in value.items()],
                            flow_style=False)


def render_document(meta: dict, body: list[BodyBlock] | str) -> str:
    """``---`` front matter ``---`` then the body (blocks, or Markdown as it is)."""
    markdown = body if isinstance(body, str) else render_body(body)
    return f"---\n{dump_front_matter(meta)}---\n\n{markdown}"


def split_document(path: Path, text: str | None = None) -> tuple[dict, str]:
    """(front matter, Markdown body) of a docs file; a bad file is named in a UserError."""
    text = _text(path, text)
    end = _front_matter_end(path, text)
    try:
        meta = yaml.load(text[3:end], Loader=_Loader) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f":{mark.line + 2}" if mark else ""
        raise UserError(f"{path}{line}: malformed front matter: {getattr(e, 'problem', e)}") from None
    if not isinstance(meta, dict):
        raise UserError(f"{path}:1: front matter is not a mapping")
    return meta, _body(text, end)


def document_body(path: Path, text: str | None = None) -> str:
    """The Markdown body of a docs file whose front matter the caller has already (not parsed)."""
    text = _text(path, text)
    return _body(text, _front_matter_end(path, text))


def _text(path: Path, text: str | None) -> str:
    if text is not None:
        return text
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text") from None


def _front_matter_end(path: Path, text: str) -> int:
    if not text.startswith("---"):
        raise UserError(f"{path}:1: no YAML front matter")
    end = text.find("\n---", 3)
    if end < 0:
        raise UserError(f"{path}:1: front matter not closed with ---")
    return end


def _body(text: str, end: int) -> str:
    return text[end + 4:].lstrip("\n")
