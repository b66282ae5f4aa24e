"""Bengali text for matching: folding with an offset map, sentences, and word tokens.

Evidence must point into the text exactly as read, so matching never happens on a rewritten
copy without a way back: :func:`fold` returns the folded text *and* for each of its characters the
offset of the raw character it came from. Folding makes spelling variants meet: NFC and nukta
forms (য়/য+়, ড়, ঢ়), long and short vowels (ী/ি, ূ/ু), split vowel signs (ে+া → ো), zero-width
joiners, Bengali digits, hyphen and dash variants, Latin case.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

_DROP = {"\u200b", "\u200c", "\u200d", "\u00ad", "\ufeff", "\u09bc", "\u2060"}
_SINGLE = {
    "\u09df": "\u09af",  # য় → য (nukta dropped: য়/য+় meet)
    "\u09dc": "\u09a1",  # ড় → ড
    "\u09dd": "\u09a2",  # ঢ় → ঢ
    "\u09c0": "\u09bf",  # ী → ি
    "\u09c2": "\u09c1",  # ূ → ু
    "\u09ce": "\u09a4",  # ৎ → ত
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    "\u09f7": "\u0964",  # ৷ (currency numerator four, typed for the দাঁড়ি by some news sites) → ।
    "\u0965": "\u0964",  # ॥ → ।
}
_PAIRS = {("\u09c7", "\u09be"): "\u09cb", ("\u09c7", "\u09d7"): "\u09cc",  # ে+া → ো, ে+ৗ → ৌ
          # ঙ্ক/ংক, ঙ্গ/ংগ: one sound, spelled both ways ("হেলসিঙ্কি"/"হেলসিংকি", "শ্রীলঙ্কা"/"শ্রীলংকা")
          ("\u0999", "\u09cd"): "\u0982"}
BENGALI_DIGITS = "০১২৩৪৫৬৭৮৯"
for _i, _d in enumerate(BENGALI_DIGITS):
    _SINGLE[_d] = str(_i)


@dataclass(frozen=True)
class Folded:
    """Folded text and, for each folded character, the offset of its raw character."""

    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries; the last is len(raw)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw-text span of the folded span ``[start, end)``."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end]

    def folded_span(self, start: int, end: int) -> tuple[int, int]:
        """The folded span of the raw span ``[start, end)``. Folding changes no character across a
        line break, so for a raw line ``fold(line).text`` is the folded text of its span."""
        return bisect.bisect_left(self.offsets, start), bisect.bisect_left(self.offsets, end)


#: One-to-one replacements: the characters of :data:`_SINGLE` and Latin capitals.
_REPLACE = {**_SINGLE, **{chr(c): chr(c + 32) for c in range(65, 91)}}
#: Any character :data:`_REPLACE` changes (few in Bengali text: ী, ূ, digits …).
_CHANGED = re.compile("[" + "".join(re.escape(c) for c in sorted(_REPLACE)) + "]")
_SPECIAL = re.compile("[" + "".join(sorted(_DROP)) + "]|\u09c7[\u09be\u09d7]|\u0999\u09cd")


@functools.lru_cache(maxsize=128)
def fold(raw: str) -> Folded:
    """Fold ``raw`` for matching, keeping the way back to raw offsets.

    One-to-one replacements are made where one regular expression finds a character to change
    (``str.translate`` looks up every character, and most need no change); dropped characters
    and split vowel signs, the only changes of length, are found with another."""
    t = _CHANGED.sub(_replacement, raw)
    if not _SPECIAL.search(t):
        return Folded(t, tuple(range(len(raw) + 1)))  # nothing dropped or joined: offsets unchanged
    out: list[str] = []
    offs: list[int] = []
    pos = 0
    for m in _SPECIAL.finditer(t):
        out.append(t[pos:m.start()])
        offs.extend(range(pos, m.start()))
        g = m.group(0)
        if len(g) == 2:
            out.append(_PAIRS[(g[0], g[1])])
            offs.append(m.start())
        pos = m.end()
    out.append(t[pos:])
    offs.extend(range(pos, len(t)))
    offs.append(len(raw))
    return Folded("".join(out), tuple(offs))


def _replacement(m: re.Match) -> str:
    return _REPLACE[m.group(0)]


def _fold_slow(raw: str) -> Folded:
    """The reference implementation of :func:`fold`, one character at a time (used in tests)."""
    out: list[str] = []
    offs: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        c = raw[i]
        if i + 1 < n and (c, raw[i + 1]) in _PAIRS:
            out.append(_PAIRS[(c, raw[i + 1])])
            offs.append(i)
            i += 2
            continue
        if c in _DROP:
            i += 1
            continue
        c = _SINGLE.get(c, c)
        if "A" <= c <= "Z":
            c = c.lower()
        out.append(c)
        offs.append(i)
        i += 1
    offs.append(n)
    return Folded("".join(out), tuple(offs))


_KEY_GAPS = re.compile(r"[\s\-.'’]+")


@functools.lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    """A lookup key for a name: folded, without spaces, hyphens, dots or apostrophes. (Made once
    per distinct text: a lexicon of thousands of names asks for the same words many times.)"""
    return _KEY_GAPS.sub("", fold(text).text)


def to_int(digits: str) -> int:
    """An integer from Bengali or Latin digits (commas allowed)."""
    return int(fold(digits).text.replace(",", ""))


# -- sentences ---------------------------------------------------------------------------------
#: Abbreviations that end in a dot without ending a sentence.
ABBREVIATIONS = ("মিঃ", "মি.", "ড.", "ডঃ", "ডা.", "মো.", "মোঃ", "সে.", "কি.", "বি.", "এ.", "জে.", "Mr.", "Dr.", "St.", "U.S.", "U.N.")

_BOUNDARY = re.compile(r"[।৷॥?!]+[\"'”’)\]]*|\.(?=\s)|\n+|\|")
#: A wiki citation: "<ref>{{ওয়েব উদ্ধৃতি |শিরোনাম=… |সংগ্রহের-তারিখ=…}}</ref>", "<ref name="…"/>".
CITATION = re.compile(r"<ref(?:\s[^<>]*)?/>|<ref(?:\s[^<>]*)?>.*?</ref>", re.DOTALL)
#: A wiki link's target before its shown text: "[[রামবরণ যাদব|রামবরণ যাদবের]]". The bar is not a
#: table's, and the target (the linked page's name, in the nominative) is not part of the sentence.
_LINK_TARGET = re.compile(r"\[\[([^\[\]|\n]*)\|(?=[^\[\]|\n]*\]\])")
#: English letters as their names are written in Bengali script: initials ("ভি. কে. সিং" → V. K. Singh).
LETTER_NAMES = {"এ": "A", "বি": "B", "সি": "C", "ডি": "D", "ই": "E", "এফ": "F", "জি": "G", "এইচ": "H",
                "আই": "I", "জে": "J", "কে": "K", "এল": "L", "এম": "M", "এন": "N", "ও": "O", "পি": "P",
                "কিউ": "Q", "আর": "R", "এস": "S", "টি": "T", "ইউ": "U", "ভি": "V", "ডব্লিউ": "W",
                "ডাব্লিউ": "W", "ওয়াই": "Y", "জেড": "Z"}
_INITIAL = re.compile(r"(?:^|(?<=[\s(]))(?:" + "|".join(sorted(LETTER_NAMES, key=len, reverse=True)) + r")$")


def sentences(raw: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``raw[start:end]``: at দাঁড়ি, ?, !, '.' before a space (not after an
    abbreviation or inside a number), line breaks and table bars. Spans exclude outer whitespace."""
    end = len(raw) if end is None else end
    spans: list[tuple[int, int]] = []
    cur = start
    links = [t.span() for t in _LINK_TARGET.finditer(raw, start, end)] if "[[" in raw[start:end] else []
    cites = [t.span() for t in CITATION.finditer(raw, start, end)] if "<ref" in raw[start:end] else []
    for m in _BOUNDARY.finditer(raw, start, end):
        if m.group(0) == "|" and any(a < m.start() < b for a, b in links):
            continue
        if any(a <= m.start() < b for a, b in cites):
            continue  # "<ref>{{… |শিরোনাম=… |বছর=2002}}</ref>": a citation is not split
        if m.group(0) == ".":
            before = raw[max(start, m.start() - 6):m.start() + 1]
            if any(before.endswith(a) for a in ABBREVIATIONS):
                continue
            # a single letter before the dot is an initial
            if m.start() >= 2 and raw[m.start() - 2].isspace() and raw[m.start() - 1].isalpha():
                continue
            if _INITIAL.search(raw, max(start, m.start() - 8), m.start()):
                continue
        stop = m.end() if m.group(0)[0] in "।৷॥?!." else m.start()
        _add(raw, cur, stop, spans)
        cur = m.end()
    _add(raw, cur, end, spans)
    if cites:  # a citation after a sentence's end is not part of the next sentence
        ends = {a: b for a, b in cites}
        trimmed = []
        for a, b in spans:
            while a in ends:
                a = ends[a]
                while a < b and raw[a].isspace():
                    a += 1
            if b > a:
                trimmed.append((a, b))
        spans = trimmed
    return spans


def _add(raw: str, a: int, b: int, spans: list) -> None:
    while a < b and (raw[a].isspace() or raw[a] == "|"):
        a += 1
    while b > a and (raw[b - 1].isspace() or raw[b - 1] == "|"):
        b -= 1
    if b > a and any(ch.isalnum() for ch in raw[a:b]):
        spans.append((a, b))


# -- tokens ------------------------------------------------------------------------------------
_WORD = re.compile(r"[\u0980-\u09ff\w]+(?:-[\u0980-\u09ff\w]+)*")


class Token(NamedTuple):
    """A word of folded text, with its folded span."""

    text: str
    start: int
    end: int


#: A :class:`Token` from a (text, start, end) tuple, without the Python-level ``__new__``.
_token = functools.partial(tuple.__new__, Token)


def tokens(folded: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of folded text (hyphenated words are split at hyphens: "জং-উন" → জং, উন)."""
    end = len(folded) if end is None else end
    text = folded[start:end]
    if "[[" not in text and "-" not in text:  # most sentences: every word one token, none skipped
        return [_token((m.group(0), *m.span())) for m in _WORD.finditer(folded, start, end)]
    out = []
    # a wiki link's target is not read, only the text it shows
    skip = [t.span() for t in _LINK_TARGET.finditer(folded, start, end)] if "[[" in text else []
    for m in _WORD.finditer(folded, start, end):
        if skip and any(a <= m.start() < b for a, b in skip):
            continue
        pos, word = m.start(), m.group(0)
        if "-" not in word:  # most words: one token, no splitting
            out.append(Token(word, pos, m.end()))
            continue
        for part in word.split("-"):
            if part:
                out.append(Token(part, pos, pos + len(part)))
            pos += len(part) + 1
    return out


def matches_at(pat: re.Pattern, text: str, starts: list[int], end: int) -> Iterator[re.Match]:
    """``pat.finditer(text, starts[0], end)`` for a pattern whose every match begins at one of
    ``starts`` (ascending): the pattern is tried only there, not at every offset of the text."""
    pos = 0
    for s in starts:
        if s < pos:
            continue  # inside the last match: finditer goes on from its end
        m = pat.match(text, s, end)
        if m is not None:
            pos = m.end()
            yield m


@functools.lru_cache(maxsize=1024)
def fold_pattern(pattern: str) -> str:
    """Fold the Bengali letters of a regular expression the way :func:`fold` folds text, so that a
    pattern written in ordinary spelling matches folded text (regex syntax is left alone)."""
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if i + 1 < len(pattern) and (c, pattern[i + 1]) in _PAIRS:
            out.append(_PAIRS[(c, pattern[i + 1])])
            i += 2
            continue
        if "\u0980" <= c <= "\u09ff" or c in "\u200b\u200c\u200d":
            if c in _DROP:
                i += 1
                continue
            c = _SINGLE.get(c, c)
        out.append(c)
        i += 1
    return "".join(out)
