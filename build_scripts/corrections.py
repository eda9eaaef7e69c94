"""An editor's corrections to one dump's cut: ``dumps/corrections/<dump stem>.yaml``.

A list of fixes addressed by the dump's own line numbers::

    - {line: 71, start: true}                  # a new article begins at this line
    - {line: 87, join: true}                   # the article that begins here continues the one before
    - {line: 89, role: byline}                 # what this line is (see ROLES)
    - {line: 40, replace: ["科研单", "科研单位"]} # fix the text of this line
    - {line: 55, title: "近悦远来 “营”在通辽"}    # the title of the article that begins at this line

Loading checks the file alone (keys, types, fixes that contradict each other);
``check_against`` checks it against the dump (lines in range and not blank, the
text of each ``replace`` on its line). Every error names the corrections file and
the line of the offending fix.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from .atomic import write_if_changed
from .errors import UserError

ROLES = ("kicker", "title", "subtitle", "dateline", "byline", "subhead", "body", "caption", "credit",
         "furniture")
ACTIONS = ("start", "join", "role", "replace", "title")
FOLDER = "corrections"


@dataclass(frozen=True)
class Correction:
    line: int                     # line of the dump it fixes
    action: str                   # one of ACTIONS
    value: object                 # True (start, join), a role, (old, new) for replace, a title
    at: int = 0                   # line of the corrections file it was read from

    def describe(self) -> str:
        if self.action == "start":
            return f"line {self.line}: a new article begins here"
        if self.action == "join":
            return f"line {self.line}: continues the article before"
        if self.action == "role":
            return f"line {self.line}: is {self.value}"
        if self.action == "replace":
            old, new = self.value
            return f"line {self.line}: text “{old}” replaced by “{new}”"
        return f"line {self.line}: title of its article reads “{self.value}”"

    def as_yaml_item(self) -> dict:
        value = list(self.value) if self.action == "replace" else self.value
        return {"line": self.line, self.action: value}


@dataclass(frozen=True)
class Corrections:
    path: Path
    items: tuple[Correction, ...] = ()
    digest: str = "none"          # of the file's bytes, for incremental builds

    def where(self, item: Correction) -> str:
        return f"{self.path}:{item.at}"

    def of(self, action: str) -> list[Correction]:
        return [c for c in self.items if c.action == action]

    def error(self, item: Correction, what: str) -> UserError:
        return UserError(f"{self.where(item)}: {what}")


def corrections_path(dump_path: Path) -> Path:
    """``dumps/corrections/<stem>.yaml`` for ``dumps/<stem>.txt``: beside the dump (and the manifest)."""
    return dump_path.parent / FOLDER / f"{dump_path.stem}.yaml"


def load_for_dump(dump_path: Path) -> Corrections:
    """The dump's corrections; none when it has no corrections file."""
    path = corrections_path(dump_path)
    return load(path) if path.exists() else Corrections(path)


def load(path: Path) -> Corrections:
    return parse(path, path.read_bytes())


def parse(path: Path, data: bytes) -> Corrections:
    """The corrections in ``data``, read as the file ``path`` (which errors name)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text") from None
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        items = [] if root is None else _items(path, loader, root)
    except yaml.MarkedYAMLError as e:
        mark = e.context_mark or e.problem_mark  # where the broken construct began
        raise UserError(f"{path}:{mark.line + 1 if mark else '?'}: malformed YAML: "
                        f"{e.problem or e.context}") from None
    finally:
        loader.dispose()
    found = Corrections(path, tuple(items), hashlib.sha256(data).hexdigest()[:16])
    _check_contradictions(found)
    return found


def _items(path: Path, loader: yaml.SafeLoader, root: yaml.Node) -> list[Correction]:
    if not isinstance(root, yaml.SequenceNode):
        raise UserError(f"{path}:{root.start_mark.line + 1}: expected a list of fixes "
                        "(- {line: N, start: true} …)")
    return [_item(path, loader, node) for node in root.value]


def _item(path: Path, loader: yaml.SafeLoader, node: yaml.Node) -> Correction:
    at = node.start_mark.line + 1
    where = f"{path}:{at}"
    if not isinstance(node, yaml.MappingNode):
        raise UserError(f"{where}: a fix is a mapping like {{line: N, start: true}}")
    keys = [key.value for key, _ in node.value]
    twice = sorted({k for k in keys if keys.count(k) > 1})
    if twice:
        raise UserError(f"{where}: {', '.join(twice)} given twice in one fix")
    fix = loader.construct_mapping(node, deep=True)
    unknown = [str(k) for k in fix if k != "line" and k not in ACTIONS]
    if unknown:
        raise UserError(f"{where}: unknown key {', '.join(unknown)} (a fix has line and one of "
                        f"{', '.join(ACTIONS)})")
    line = fix.get("line")
    if not isinstance(line, int) or isinstance(line, bool) or line < 1:
        raise UserError(f"{where}: line must be a line number of the dump (1 or more), not {line!r}")
    actions = [k for k in ACTIONS if k in fix]
    if len(actions) != 1:
        raise UserError(f"{where}: a fix has exactly one of {', '.join(ACTIONS)}, this one has "
                        f"{', '.join(actions) or 'none'}")
    action = actions[0]
    return Correction(line, action, _value(where, action, fix[action]), at)


def checked_value(action: str, value: object, where: str = "fix") -> object:
    """``value`` as a fix of kind ``action`` holds it; a UserError says what is wrong."""
    if action not in ACTIONS:
        raise UserError(f"{where}: unknown fix {action!r} (one of {', '.join(ACTIONS)})")
    return _value(where, action, value)


def _value(where: str, action: str, value: object) -> object:
    if action in ("start", "join"):
        if value is not True:
            raise UserError(f"{where}: {action} must be true, not {value!r}")
    elif action == "role":
        if value not in ROLES:
            raise UserError(f"{where}: role must be one of {' | '.join(ROLES)}, not {value!r}")
    elif action == "replace":
        if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)
                and value[0] and not any("\n" in v for v in value)):
            raise UserError(f"{where}: replace takes [old text, new text] (one line each, old not empty)")
        if value[0] == value[1]:
            raise UserError(f"{where}: replace changes nothing (old and new text are the same)")
        return tuple(value)
    elif not isinstance(value, str) or not value.strip() or "\n" in value:
        raise UserError(f"{where}: title must be one line of text")
    return value


# Pairs of fixes that cannot both hold for one line.
_CONTRADICT = {("start", "join"): "a line cannot both begin an article and continue the one before",
               ("join", "title"): "an article that continues the one before has no title of its own"}


def _check_contradictions(found: Corrections) -> None:
    seen: dict[tuple[int, str], Correction] = {}
    for item in found.items:
        key = (item.line, item.action)
        earlier = seen.get(key)
        if earlier is not None and (item.action != "replace" or earlier.value == item.value):
            raise found.error(item, f"line {item.line} already has a {item.action} fix "
                              f"(line {earlier.at}): one fix of a kind per line")
        seen.setdefault(key, item)
        for (a, b), why in _CONTRADICT.items():
            other = seen.get((item.line, b if item.action == a else a))
            if item.action in (a, b) and other is not None:
                raise found.error(item, f"contradicts line {other.at}: {why}")
        role = seen.get((item.line, "role"))
        if role is not None and role.value == "furniture":
            clash = next((seen[(item.line, k)] for k in ("start", "join", "title") if (item.line, k) in seen),
                         None)
            if clash is not None:
                later = max(role, clash, key=lambda c: c.at)
                raise found.error(later, f"contradicts line {min(role, clash, key=lambda c: c.at).at}: "
                                  "page furniture belongs to no article")


def check_against(found: Corrections, lines: list[str]) -> None:
    """Stale fixes: a line out of range or blank, a ``replace`` whose text is not on its line."""
    text_now: dict[int, str] = {}
    for item in found.items:
        if item.line > len(lines):
            raise found.error(item, f"line {item.line} is past the end of the dump ({len(lines)} lines)")
        current = text_now.get(item.line, lines[item.line - 1])
        if not current.strip():
            raise found.error(item, f"line {item.line} of the dump is blank")
        if item.action == "replace":
            old, new = item.value
            if old not in current:
                raise found.error(item, f"“{old}” is not on line {item.line} of the dump "
                                  "(the dump changed, or an earlier replace changed it)")
            text_now[item.line] = current.replace(old, new, 1)


def apply_replacements(found: Corrections, lines: list[str]) -> list[str]:
    """The dump's lines with every ``replace`` made (same number of lines)."""
    check_against(found, lines)
    fixed = list(lines)
    for item in found.of("replace"):
        old, new = item.value
        fixed[item.line - 1] = fixed[item.line - 1].replace(old, new, 1)
    return fixed


def render(items: list[Correction]) -> str:
    """The corrections file for ``items``, one fix a line, in line order."""
    if not items:
        return "[]\n"
    rows = []
    for item in sorted(items, key=lambda c: (c.line, ACTIONS.index(c.action))):
        rows.append("- " + yaml.safe_dump(item.as_yaml_item(), allow_unicode=True, default_flow_style=True,
                                          width=10_000, sort_keys=False).strip())
    return "\n".join(rows) + "\n"


def save(path: Path, items: list[Correction]) -> bool:
    """Write the corrections file atomically (only when it changes)."""
    return write_if_changed(path, render(items))
