"""Break opportunities in long words, so that laying them out costs linear time.

A word of thousands of characters without a space (a pasted URL, a hash, a run of
one letter) is legal within the value domain, but WeasyPrint breaks it under
`overflow-wrap: break-word` in time that grows much faster than its length: one
word of 20,000 characters took half a minute.  Every word longer than LONG_WORD in
the text of a rendered document gets a zero-width space (U+200B, a break opportunity
that shows nothing) after every SPAN characters: a browser and WeasyPrint then break
it there, cheaply.  (A `<wbr>` would do the same in a browser, but WeasyPrint makes
each one an inline box of its own: the demo with its longest texts took twice the time
and memory.)

Only text between tags is touched: attribute values (links, file URLs), and the
contents of `style`, `script`, `title`, `textarea` and inline `svg` are left as
they are; so is the text of an element of class `hash` or `url` (a content hash, a
source's address), which the stylesheet breaks anywhere (`word-break: break-all`,
cheap) and which a reader copies to check or to open.
"""

from __future__ import annotations

import re

__all__ = ["LONG_WORD", "SPAN", "break_long_words"]

LONG_WORD = 30
"""Words longer than this many characters get break opportunities."""
SPAN = 20
"""Characters between two break opportunities of a long word."""

_RAW = re.compile(r"(<(style|script|title|textarea|svg)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)
_KEEP = re.compile(r"""(<(\w+)\s[^>]*\bclass=["'](?:hash|url)["'][^>]*>[^<]*</\2\s*>)""")
_TAG = re.compile(r"(<[^>]*>)")
# One character of a word as it stands in HTML: an entity (`&amp;`) counts as one.
_CHAR = r"(?:&#?[0-9A-Za-z]+;|[^\s<>&\u200b])"
_WORD = re.compile(f"{_CHAR}{{{LONG_WORD + 1},}}")
_ONE = re.compile(_CHAR)


def _broken(match: re.Match[str]) -> str:
    characters = _ONE.findall(match.group(0))
    return "\u200b".join(
        "".join(characters[start : start + SPAN]) for start in range(0, len(characters), SPAN)
    )


def break_long_words(html: str) -> str:
    """``html`` with a U+200B every SPAN characters in each word longer than LONG_WORD."""
    parts = _RAW.split(html)
    out: list[str] = []
    index = 0
    while index < len(parts):
        out.append(_text_only(parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])  # a raw element, as written
        index += 3  # the split yields (text, element, element name) in turn
    return "".join(out)


def _text_only(html: str) -> str:
    parts = _KEEP.split(html)  # (text, kept element, its tag name) in turn
    return "".join(
        part if index % 3 else _between_tags(part)
        for index, part in enumerate(parts)
        if index % 3 != 2
    )


def _between_tags(html: str) -> str:
    pieces = _TAG.split(html)
    for index in range(0, len(pieces), 2):  # even pieces lie between tags
        if len(pieces[index]) > LONG_WORD:
            pieces[index] = _WORD.sub(_broken, pieces[index])
    return "".join(pieces)
