"""The Markdown form of an article body, both ways.

Every stage that touches a body goes through here, so the docs tree has one
format: paragraphs separated by a blank line, subheads as ``##``/``###``
headings, a bold lead-in as ``**lead-in**。rest``. Dump text is data, never
markup: whatever could be read as Markdown or HTML is escaped.
"""
from __future__ import annotations

import html
import re

from .model import BodyBlock

# Characters Python-Markdown would otherwise treat as markup anywhere in a line.
_INLINE_SPECIALS = re.compile(r"([\\`*_{}\[\]])")
# Line starts that would open a heading, quote or list.
_LINE_START = re.compile(r"^(#|>|[-+]\s|\d+[.)]\s)")
_RULE = re.compile(r"-[ \t]*-[ \t]*-[- \t]*")
_SENTENCE_END = "\u3002\uff01\uff1f!?."  # 。！？!?.


def escape(text: str) -> str:
    text = html.escape(text, quote=False)  # & < > as entities
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    m = _LINE_START.match(text)
    if m and m.group(1)[0].isdigit():  # "1. " → "1\. "
        cut = len(m.group(1)) - 2
        text = text[:cut] + "\\" + text[cut:]
    elif m or _RULE.fullmatch(text):   # "---" alone would be a horizontal rule
        text = "\\" + text
    return text


_UNESCAPE = re.compile(r"\\([\\`*_{}\[\]#>+\-.)])")


def unescape(markdown: str) -> str:
    return html.unescape(_UNESCAPE.sub(r"\1", markdown))


def render_paragraph(block: BodyBlock) -> str:
    if block.kind == "subhead":        # a "#" at the end would close the heading: escape it
        text = escape(block.text)
        backslashes = len(text[:-1]) - len(text[:-1].rstrip("\\"))
        closing = text.endswith("#") and backslashes % 2 == 0      # not itself escaped
        return "#" * block.level + " " + (text[:-1] + "\\#" if closing else text)
    parts = lead_in_parts(block)
    if parts:
        core, punct, rest = parts
        return f"**{escape(core)}**{escape(punct)}{escape(rest)}"
    return escape(block.text)


def lead_in_parts(block: BodyBlock) -> tuple[str, str, str] | None:
    """A paragraph's bold lead-in, its closing mark (printed outside the bold) and the rest;
    None for a paragraph without one."""
    if not (block.lead_in and block.text.startswith(block.lead_in)):
        return None
    lead, rest = block.lead_in, block.text[len(block.lead_in):]
    punct = lead[-1] if lead[-1] in _SENTENCE_END else ""
    return (lead[:-1] if punct else lead), punct, rest


def render_body(blocks: list[BodyBlock]) -> str:
    return "\n\n".join(render_paragraph(b) for b in blocks) + "\n"


_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_LEAD_IN = re.compile(r"^\*\*((?:\\.|[^\\])+?)\*\*")   # escaped characters (\*) inside


def parse_block(chunk: str) -> BodyBlock:
    m = _HEADING.match(chunk)
    if m:
        return BodyBlock("subhead", unescape(m.group(2)), level=len(m.group(1)))
    m = _LEAD_IN.match(chunk)
    if m:
        rest = unescape(chunk[m.end():])
        lead = unescape(m.group(1))
        if rest[:1] and rest[0] in _SENTENCE_END:
            lead, rest = lead + rest[0], rest[1:]
        return BodyBlock("paragraph", lead + rest, lead_in=lead)
    return BodyBlock("paragraph", unescape(chunk))


def parse_body(markdown: str) -> list[BodyBlock]:
    """Inverse of ``render_body``: ``parse_body(render_body(b)) == b``."""
    chunks = re.split(r"\n\s*\n", markdown.strip())
    return [parse_block(" ".join(c.split("\n")).strip()) for c in chunks if c.strip()]
