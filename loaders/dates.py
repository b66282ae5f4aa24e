"""Dates in Bengali text, as precise as the text is, resolved against the document's own date.

Recognised (on folded text, so Bengali and Latin digits and spelling variants meet): "১৫ অক্টোবর
১৯৪৮", "১৯৪৮ সালের ১৫ অক্টোবর", "27 অক্টোবর, 2025", "জুলাই ২০০৭", "২০০৭ সালের জুলাই", years
("১৯৮৮ সালে", "2022"), ranges ("১৯৭৬ সাল থেকে ১৯৮১ সালের মধ্যবর্তী সময়ে", "১৯৭৯ থেকে ১৯৮০", "১৯৬০-১৯৭০"),
decades ("১৯৯০ এর দশকে"), and dates relative to the document ("গত বছর", "গত মাসে", "চলতি বছরের জুনে",
"এপ্রিল মাসে", "এই মাসের শুরুর দিকে", "আগামী মাসে"). Month names come from CLDR through Babel.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

import ahocorasick

from kutniti.loaders.datafiles import read_data
from kutniti.loaders.text import fold, fold_pattern, matches_at


@dataclass(frozen=True)
class PartialDate:
    """A year, a year and month, or a full date."""

    year: int
    month: int | None = None
    day: int | None = None

    def lexical(self) -> str:
        if self.day and self.month:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @property
    def datatype(self) -> str:
        return "date" if self.day else ("gYearMonth" if self.month else "gYear")

    def sort_key(self) -> tuple:
        return (self.year, self.month or 0, self.day or 0)


@dataclass(frozen=True)
class DateMention:
    """A date expression found in folded text: its folded span and value(s)."""

    start: int
    end: int
    value: PartialDate | None = None  # a point
    begin: PartialDate | None = None  # a span
    finish: PartialDate | None = None
    relative: bool = False
    future: bool = False
    anchor: bool = False  # "১৯৮২-র পরে", "যুদ্ধের আগে": a reference point, not the event's date
    assumed: bool = False  # a bare month ("এপ্রিলে") taken as the last one before the dateline


@functools.cache
def month_names() -> dict[str, int]:
    """Folded Bengali month names (CLDR wide and abbreviated forms, plus common variants) → number."""
    from babel import Locale

    bn = Locale("bn")
    names: dict[str, int] = {}
    for ctx in ("format", "stand-alone"):
        for width in ("wide",):  # abbreviations ("আগ") collide with ordinary words ("আগে")
            for num, name in bn.months[ctx][width].items():
                names[fold(name).text.rstrip(".")] = num
    extra = {"জানুয়ারি": 1, "জানুয়ারী": 1, "ফেব্রুয়ারি": 2, "ফেব্রুয়ারী": 2, "মার্চ": 3, "এপ্রিল": 4, "মে": 5,
             "জুন": 6, "জুলাই": 7, "আগস্ট": 8, "অগাস্ট": 8, "আগষ্ট": 8, "অগস্ট": 8, "সেপ্টেম্বর": 9, "অক্টোবর": 10,
             "নভেম্বর": 11, "ডিসেম্বর": 12,
             # "-বার" for "-বর", as some papers spell the English months
             "সেপ্টেম্বার": 9, "অক্টোবার": 10, "নভেম্বার": 11, "ডিসেম্বার": 12}
    for name, num in extra.items():
        names[fold(name).text] = num
    return {k: v for k, v in names.items() if len(k) > 1}


#: English month names and abbreviations (folded text is lower case) → number.
EN_MONTHS = {name: num for num, full in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1) for name in {full, full[:3]}} | {"sept": 9}


@functools.cache
def _month_alt() -> str:
    return "|".join(sorted((re.escape(m) for m in month_names()), key=len, reverse=True))


Y = r"(?P<{n}>1[5-9]\d\d|20\d\d)"
D = r"(?P<{n}>[0-3]?\d)"
CASE = r"(?:-?(?:এর|ের|র|এ|তে|ে|য|যে|থেকে))?(?:ই|ও)?"  # (and the clitics "-ই", "-ও": "সেই বছরই", "গত বছরেই", "আগামী বছরও")
SAL = r"(?:\s*(?:সাল|সন|খ্রিস্টাব্দ|খ্রিষ্টাব্দ)(?:ের|এর|ে|এ)?)?"
#: "বছর" (year), also in its literary spelling "বৎসর".
YEAR = r"(?:বছর|বৎসর)"
#: Decades in words ("সত্তরের দশক": the seventies) and their first year within a century.
DECADES = {"বিশ": 20, "ত্রিশ": 30, "তিরিশ": 30, "চল্লিশ": 40, "পঞ্চাশ": 50, "ষাট": 60, "সত্তর": 70, "আশি": 80,
           "নব্বই": 90}
DECADE_WORDS = "|".join(DECADES)
#: The part of a decade: early, middle, late (offsets of its first and last year).
PART = (r"(?:\s*(?P<part>শুরুতে|শুরুর দিকে|গোড়ার দিকে|প্রথম দিকে|প্রথমার্ধে|মাঝামাঝি|মাঝামাঝি সময়ে|মধ্যভাগে|"
        r"শেষে|শেষের দিকে|শেষ দিকে|শেষার্ধে))?")
_PARTS = {"শুরুতে": (0, 3), "শুরুর দিকে": (0, 3), "গোড়ার দিকে": (0, 3), "প্রথম দিকে": (0, 3), "প্রথমার্ধে": (0, 4),
          "মাঝামাঝি": (3, 6), "মাঝামাঝি সময়ে": (3, 6), "মধ্যভাগে": (3, 6), "শেষে": (7, 9), "শেষের দিকে": (7, 9),
          "শেষ দিকে": (7, 9), "শেষার্ধে": (5, 9)}


@functools.cache
def _patterns() -> list[tuple[str, re.Pattern]]:
    M = f"(?P<m>{_month_alt()})(?:\\s*মাস)?{CASE}"
    y, y2 = Y.format(n="y"), Y.format(n="y2")
    d = D.format(n="d")
    word_end = r"(?![\u0980-\u09ff\w])"
    en = "|".join(sorted(EN_MONTHS, key=len, reverse=True))
    pats = [
        # numeric dates in datelines: "২১.০৩.২০১৮", "21/03/2018", "21-03-2018" (day first, as
        # Bengali papers write them) and ISO "2018-03-21"
        ("dmy_num", rf"{d}\s*(?P<sep>[./-])\s*(?P<mn>[01]?\d)\s*(?P=sep)\s*{y}"),
        ("ymd_num", rf"{y}-(?P<mn>[01]\d)-(?P<d>[0-3]\d)"),
        # English month names in datelines of wire copy: "08 Sep 2017", "March 5, 2019"
        ("dmy_en", rf"{d}\s+(?P<me>{en})\.?,?\s+{y}"),
        ("mdy_en", rf"(?P<me>{en})\.?\s+{d},?\s+{y}"),
        # ranges of years: "১৯৭৬ সাল থেকে ১৯৮১ সালের মধ্যবর্তী সময়ে", "১৯৭৯ থেকে ১৯৮০", "১৯৬০-১৯৭০"
        ("range", rf"{y}{SAL}\s*(?:থেকে|হতে|-|–)\s*{y2}{SAL}{CASE}"),
        # decades: "১৯৯০ এর দশকে", "১৯৬০-এর দশকের", "সত্তরের দশকের শুরুতে" (a decade named in
        # words is of the 1900s); "শুরুতে/গোড়ার দিকে" narrows it to the early years, "শেষে/শেষের দিকে"
        # to the late ones, "মাঝামাঝি" to the middle
        ("decade", rf"{y}\s*-?\s*(?:এর|র|ের)?\s*দশক(?:ের|এর|ে|র|\s*জুড়ে)?{PART}"),
        ("decade_word", rf"(?P<w>{DECADE_WORDS})(?:যের|য়ের|ের|এর|র)\s*দশক(?:ের|এর|ে|র|\s*জুড়ে)?{PART}"),
        # "১৯৪৮ সালের ১৫ অক্টোবর"
        ("ydm", rf"{y}{SAL}\s+{d}\s*(?:শে|ই|লা|রা|তম)?\s+{M}"),
        # "১৫ অক্টোবর ১৯৪৮", "27 অক্টোবর, 2025"
        ("dmy", rf"{d}\s*(?:শে|ই|লা|রা|তম)?\s+{M}\s*,?\s*{y}{SAL}"),
        # "ডিসেম্বর ২২, ২০১৯": month, day, comma, year, as some papers print their datelines
        ("mdy", rf"{M}\s+{d}\s*,\s*{y}{SAL}"),
        # "২০০৭ সালের জুলাই"
        ("ym", rf"{y}{SAL}\s+{M}"),
        # "জুলাই ২০০৭"
        ("my", rf"{M}\s*,?\s*{y}{SAL}"),
        # "১৫ অক্টোবর" (year from context)
        ("dm", rf"{d}\s*(?:শে|ই|লা|রা|তম)?\s+{M}"),
        # "১৯৮৮ সালে", "2022"
        ("y", rf"{y}{SAL}{CASE}"),
        # relative
        ("last_year", rf"গত\s*{YEAR}{CASE}"),
        ("this_year", rf"(?:চলতি|এই|এ)\s*{YEAR}{CASE}"),
        ("next_year", rf"(?:আগামী|আসছে)\s*{YEAR}{CASE}"),
        ("same_year", rf"(?:সেই|ওই|একই|সে)\s*{YEAR}{CASE}"),
        ("following_year", rf"(?:পরের|পরবর্তী)\s*{YEAR}{CASE}"),
        ("previous_year", rf"(?:এর\s+)?(?:আগের|পূর্ববর্তী)\s*{YEAR}{CASE}"),
        ("last_week", rf"গত\s*সপ্তাহ{CASE}"),
        # "এর দুই বছর পর", "দুই বছর পর": counted on from the year just told
        ("years_after", rf"(?P<back>(?:এর|তার|এরও|তারও|সেই ঘটনার)\s+)?(?:প্রায়\s+)?(?P<n>\d{{1,2}}|{'|'.join(NUMBER_WORDS)})\s*{YEAR}\s+(?:পর|পরে)"),
        # "একই মাসে", "সেই মাসেই": the month of the date just told
        ("same_month", r"(?:সেই|ওই|একই|সে)\s*মাসে(?:ই|ও)?(?![\u0980-\u09ff])"),
        # "একই দিনে", "সেদিন", "ওই দিন বিকেলে", "এ দিন": the day of the date just told
        ("same_day", r"(?:সেই|ওই|একই|সে|এ)\s*দিন(?:ে|েই|ই|ও|টিতে)?(?![\u0980-\u09ff])"),
        # "এর কয়েক দিন আগে", "তার দুই দিন পর": days from the date just told, of its month
        ("days_around", rf"(?:এর|তার|এরও|তারও)\s+(?:কয়েক|কিছু|\d{{1,2}}|{'|'.join(NUMBER_WORDS)})\s*দিন\s+(?:আগে|পরে|পর)(?![\u0980-\u09ff])"),
        # "প্রায় ২০ বছর আগে", "দুই বছর আগে": counted back from the story's own date
        ("years_ago", rf"(?P<n>\d{{1,2}}|{'|'.join(NUMBER_WORDS)})\s*{YEAR}\s+(?:আগে|পূর্বে)"),
        ("yesterday", r"গতকাল"),
        ("today", r"আজ(?:কে)?"),
        ("weekday", r"(?:সোমবার|মঙ্গলবার|বুধবার|বৃহস্পতিবার|শুক্রবার|শনিবার|রবিবার|রোববার)(?:ের|ে|েই|ই|ও)?"),
        ("last_month", rf"গত\s*মাস{CASE}"),
        ("this_month", rf"(?:চলতি|এই|এ)\s*মাস{CASE}"),
        ("next_month", rf"(?:আগামী|পরের|আসছে)\s*মাস{CASE}"),
        ("next_week", rf"(?:আগামী|পরের|আসছে)\s*সপ্তাহ{CASE}"),
        ("month", rf"{M}"),
    ]
    return [(name, re.compile(fold_pattern(rf"(?<![\w\u0980-\u09ff]){p}{word_end}"))) for name, p in pats]


#: Small numbers in words, for "দুই বছর আগে".
NUMBER_WORDS = {"এক": 1, "দুই": 2, "দু": 2, "তিন": 3, "চার": 4, "পাঁচ": 5, "ছয়": 6, "সাত": 7, "আট": 8,
                "নয়": 9, "দশ": 10}

WEEKDAYS = {fold(w).text: i for i, w in enumerate(
    ["সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার", "শনিবার", "রবিবার"])}
WEEKDAYS[fold("রোববার").text] = 6


def weekday_of(word: str) -> int | None:
    """The weekday (0 = Monday) a folded word names, with or without a case ending ("শুক্রবারের")."""
    return next((i for w, i in WEEKDAYS.items() if word.startswith(w)), None)

#: A year in the genitive that names an agreement or resolution rather than dating the sentence's
#: act: "১৯৮২ সালের সামরিক চুক্তিটি বাতিল ঘোষণা করে" (cancelled the 1982 agreement).
_NAMES_A_DOCUMENT = re.compile(fold_pattern(
    r"\s+(?:[^\s,;।]+\s+){0,2}?(?:চুক্তি|সন্ধি|প্রস্তাব|ঘোষণাপত্র|প্রটোকল|প্রোটোকল|স্মারক|সমঝোতা স্মারক)(?:টি|টির|টিকে|র|ের|কে)?ও?(?![\u0980-\u09ff])"))
_ANCHOR = re.compile(fold_pattern(r"(?:-?(?:এর|র|ের))?\s*(?:পর|পরে|আগে|পূর্বে)(?![\u0980-\u09ff])"))


@functools.cache
def _periods() -> dict[str, tuple[int, int]]:
    data = read_data("periods.yaml")
    out = {}
    for p in data["periods"]:
        for n in p["names"]:
            out[n] = (p["start"], p["end"])
    return out


@functools.cache
def _period_patterns() -> list[tuple[str, re.Pattern]]:
    pats = []
    for name in sorted(_periods(), key=len, reverse=True):
        body = r"[\s\-–]*".join(re.escape(w) for w in re.split(r"[\s-]+", name))  # ("ইরান-ইরাক যুদ্ধ")
        # (a whole word: "কোরীয় যুদ্ধফেরত সৈন্য", veterans of the war, names no time)
        pats.append((name, re.compile(fold_pattern(
            rf"(?<![\u0980-\u09ff]){body}(?:ের|এর|র|ে)?(?![\u0980-\u09ff])(?:\s*(?:সময়|কালে|চলাকালে|চলাকালীন))?"))))
    return pats


@functools.cache
def _period_words() -> dict[str, tuple[str, ...]]:
    """For each period, the folded words of its name that every match of its pattern contains as
    written (a sentence without one of them cannot name that period, so its pattern is not run).
    A word whose folded form differs from its form in the pattern is left out of the test."""
    out = {}
    for name in _periods():
        words = [w for w in re.split(r"[\s-]+", name) if w]
        out[name] = tuple(fold(w).text for w in words if fold(w).text == fold_pattern(re.escape(w)))
    return out


#: What each date pattern cannot match without (a cheap test that lets a sentence skip it): a digit,
#: a month's name, or a word every match contains.
_NEEDS = {"dmy_num": "numeric", "ymd_num": "numeric", "dmy_en": "latin", "mdy_en": "latin", "range": "digit", "decade": "digit", "ydm": "digit", "dmy": "digit", "mdy": "digit", "ym": "digit", "my": "digit",
          "dm": "digit", "y": "digit", "decade_word": "দশক", "last_year": "বছর", "this_year": "বছর",
          "next_year": "বছর", "same_year": "বছর", "following_year": "বছর", "previous_year": "বছর", "last_week": "সপ্তাহ",
          "next_week": "সপ্তাহ", "yesterday": "গতকাল", "today": "আজ", "weekday": "বার", "last_month": "মাস",
          "this_month": "মাস", "next_month": "মাস", "month": "month", "years_ago": "বছর", "years_after": "বছর",
          "days_around": "দিন", "same_month": "মাস", "same_day": "দিন"}
#: Other spellings of a needle word: the literary (sadhu) "বৎসর" for "বছর".
_NEEDLE_SPELLINGS = {"বছর": ("বৎসর",)}
_DIGIT = re.compile(r"\d")
_NUMERIC_DATE = re.compile(r"\d[./-]\d")  # "২১.০৩.২০১৮", "2018-03-21"
_LATIN = re.compile(r"[a-z]{3}")  # an English month's name (folded text is lower case)


def _needles_present(folded: str, start: int, end: int) -> tuple[dict[str, bool], list[int], set[str]]:
    """Which needles of :data:`_NEEDS` ``folded[start:end]`` has, the offsets where a month's name
    begins in it (ascending), and which words of the periods' names (:func:`_period_strings`) it
    has. The words and the months' names are found in one pass."""
    words: set[str] = set()
    months: set[int] = set()
    periods: set[str] = set()
    for last, (text, names, length, period) in _needle_automaton().iter(folded, start, end):
        words.update(names)
        if length:
            months.add(last - length + 1)
        if period:
            periods.add(text)
    text = folded[start:end]
    present = {w: w in words for w, _ in _word_needles()}
    present["digit"] = _DIGIT.search(text) is not None
    present["numeric"] = present["digit"] and _NUMERIC_DATE.search(text) is not None
    present["latin"] = present["digit"] and _LATIN.search(text) is not None
    present["month"] = bool(months)
    return present, sorted(months), periods


@functools.cache
def _word_needles() -> tuple[tuple[str, str], ...]:
    """Each needle word with its folded form, and with the folded forms of its other spellings."""
    words = sorted(set(_NEEDS.values()) - {"digit", "month", "numeric", "latin"})
    return tuple((w, fold(v).text) for w in words for v in (w, *_NEEDLE_SPELLINGS.get(w, ())))


@functools.cache
def _period_strings() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """The folded first words of the periods' names (a sentence without one names no period), and
    for each period the words of :func:`_period_words` (each must be in a sentence naming it)."""
    first = frozenset(fold(re.split(r"[\s-]+", name)[0]).text for name in _periods())
    return first, {name: frozenset(words) for name, words in _period_words().items()}


@functools.cache
def _needle_automaton() -> ahocorasick.Automaton:
    """The folded words of :func:`_word_needles`, the months' names and the periods' words
    (:func:`_period_strings`) in one automaton: each string's value is itself, the needles it is
    (their names), for a month's name its length, and whether it is a period's word."""
    found: dict[str, tuple[tuple[str, ...], int, bool]] = {}
    for w, folded_w in _word_needles():
        names, length, period = found.get(folded_w, ((), 0, False))
        found[folded_w] = ((*names, w), length, period)
    for name in month_names():
        names, _, period = found.get(name, ((), 0, False))
        found[name] = (names, len(name), period)
    first, period_words = _period_strings()
    for word in first.union(*period_words.values()):
        names, length, _ = found.get(word, ((), 0, False))
        found[word] = (names, length, True)
    automaton = ahocorasick.Automaton()
    for text, value in found.items():
        automaton.add_word(text, (text, *value))
    automaton.make_automaton()
    return automaton


#: Where a number begins a word: the only places the patterns of :data:`DIGIT_FIRST` can match.
_NUMBER_START = re.compile(r"(?<![\w\u0980-\u09ff])\d")
#: The patterns whose matches begin with a digit right after their word-start lookbehind.
DIGIT_FIRST = frozenset({"dmy_num", "ymd_num", "dmy_en", "range", "decade", "ydm", "dmy", "ym", "dm", "y"})
#: The patterns whose matches begin with a month's name right after their word-start lookbehind.
MONTH_FIRST = frozenset({"my", "mdy", "month"})


def _number_starts(folded: str, start: int, end: int) -> list[int]:
    """The offsets in ``folded[start:end]`` where a number begins a word."""
    return [m.start() for m in _NUMBER_START.finditer(folded, start, end)]


def _valid(y: int, m: int | None = None, d: int | None = None) -> bool:
    try:
        date(y, m or 1, d or 1)
        return True
    except ValueError:
        return False


def find_dates(folded: str, start: int, end: int, doc_date: PartialDate | None,
               narrative: PartialDate | None = None) -> list[DateMention]:
    """Date mentions in ``folded[start:end]``, non-overlapping, leftmost-longest by pattern order.

    ``doc_date`` resolves "গত বছর", "এপ্রিলে"…; ``narrative`` (the last date the text gave) resolves
    "সেই বছর", "পরের বছর"."""
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    months = month_names()
    present, month_starts, period_words = _needles_present(folded, start, end)
    numbers = _number_starts(folded, start, end) if present["digit"] else []
    for name, pat in _patterns():
        if not present[_NEEDS[name]]:
            continue
        if name in DIGIT_FIRST:
            found = matches_at(pat, folded, numbers, end)
        elif name in MONTH_FIRST:
            found = matches_at(pat, folded, month_starts, end)
        else:
            found = pat.finditer(folded, start, end)
        for m in found:
            a, b = m.span()
            if any(a < tb and b > ta for ta, tb in taken):
                continue
            g = m.groupdict()
            if name == "years_after":
                # "১৯৮০ সালে …। এর দুই বছর পর …": the year told last, in this sentence or before, and N more
                local = [x for x in out if x.start < a and (x.value or x.finish) and not x.relative]
                last = max(local, key=lambda x: x.start) if local else None
                here = (last.value or last.finish) if last else narrative
                n = int(g["n"]) if g["n"].isdigit() else NUMBER_WORDS[next(w for w in NUMBER_WORDS
                                                                             if fold(w).text == g["n"])]
                # (unless the year itself follows: "এর চার বছর পর, ১৯৮০ সালে")
                spelled = re.match(r"\s*,?\s*\d{4}", folded[b:b + 8])
                # (nor a time since, said of a date just given: "২০২৪ সালের ১৯ জুন পুতিন ২৪ বছর পর আবার
                # … সফর করেন", 24 years after the last visit)
                told = max((x for x in out if x.start < a and (x.value or x.finish)), key=lambda x: x.start,
                           default=None)
                since = told is not None and not g.get("back") and a - told.end < 40 \
                    and not re.search(r"[,;।]", folded[told.end:a])
                mention = DateMention(a, b, value=PartialDate(here.year + n)) if here and not spelled \
                    and not since else None
            elif name in ("days_around", "same_month", "same_day"):
                local = [x for x in out if x.start < a and x.value and not x.relative]
                last = max(local, key=lambda x: x.start).value if local else narrative
                # (the same day keeps the day told; days around it and the same month, its month)
                value = last if name == "same_day" else PartialDate(last.year, last.month) if last else None
                mention = DateMention(a, b, value=value) if last and last.month else None
            elif name in ("same_year", "following_year", "previous_year"):
                # "১৯৫৭ সালে …; এর পরের বছর …": the year named before in the same sentence, if any
                # (not a year that only names something: "১৯৭৯ সালের চুক্তিটিও সে বছর বাতিল হয়")
                local = [x for x in out if x.start < a and (x.value or x.finish) and not x.relative
                         and not (x.anchor and name == "same_year")]
                last = max(local, key=lambda x: x.start) if local else None
                here = (last.value or last.finish) if last else narrative
                mention = _narrative(name, months, here, a, b, folded)
            elif name == "dm" and (local := [x for x in out if x.start < a and x.value and not x.relative]):
                # "১৯৭৫ সালের ১১ নভেম্বর …, আর ১৬ নভেম্বর …": a day and month after a full date in the
                # same sentence are of that date's year, not the story's
                year = max(local, key=lambda x: x.start).value.year
                mo, d = months[g["m"]], int(g["d"])
                mention = DateMention(a, b, value=PartialDate(year, mo, d)) if _valid(year, mo, d) else None
            elif name == "month" and narrative is not None and narrative.month is not None \
                    and (doc_date is None or narrative.year < doc_date.year) and (
                        months[g["m"]] >= narrative.month or _MEANWHILE.search(folded, max(0, a - 24), a)) \
                    and not _LAST_OR_NEXT.search(folded, max(0, a - 8), a) and folded[a - 1:a] not in ("-", "–") \
                    and not any(x.start < a and (x.value or x.finish) and not x.relative for x in out):
                # "সে বছরের (২০১৭) ফেব্রুয়ারিতে … । … মার্চে …": a month after a past month just told goes on
                # that story's year, not the dateline's
                mention = DateMention(a, b, value=PartialDate(narrative.year, months[g["m"]]))
            elif name == "month" and (local := [x for x in out if x.start < a and x.value and x.value.month
                                                and not x.relative]) \
                    and (doc_date is None or local[-1].value.year < doc_date.year) \
                    and months[g["m"]] > local[-1].value.month \
                    and not _LAST_OR_NEXT.search(folded, max(0, a - 8), a) and folded[a - 1:a] not in ("-", "–"):
                # "১৯৭৫ সালের অক্টোবরে … নির্দেশ দেয়, আর নভেম্বরে … বন্ধ করে": a later month in the same
                # sentence as a past month is of that month's year
                mention = DateMention(a, b, value=PartialDate(local[-1].value.year, months[g["m"]]))
            elif name == "dm" and narrative is not None and narrative.month == months[g["m"]] \
                    and _valid(narrative.year, narrative.month, int(g["d"])):
                # "২০২৪ সালের জুনে পুতিন পিয়ংইয়াং সফর করেন। ১৯ জুন …": a day of the month just told
                mention = DateMention(a, b, value=PartialDate(narrative.year, narrative.month, int(g["d"])))
            elif name == "dm" and narrative is not None and narrative.month is not None \
                    and doc_date is not None and narrative.year < doc_date.year \
                    and 0 < months[g["m"]] - narrative.month <= 3 and _valid(narrative.year, months[g["m"]], int(g["d"])) \
                    and not _LAST_OR_NEXT.search(folded, max(0, a - 8), a):
                # "২০১৭ সালের ১৩ ফেব্রুয়ারি … । ঘটনার তিন সপ্তাহের মাথায়, ৪ মার্চ, …": a day of a month soon
                # after a past date just told is of that story's year, not the dateline's
                mention = DateMention(a, b, value=PartialDate(narrative.year, months[g["m"]], int(g["d"])))
            else:
                mention = _resolve(name, g, months, doc_date, a, b, folded)
            if mention is None or name == "y" and (_NUMBERED.search(folded, max(0, a - 24), a)
                                                   or _NUMBERED_AFTER.match(folded, b)):
                continue  # ("প্রস্তাব ২০৯৪", "১৯৭০ নম্বর প্রস্তাব": a resolution's number, not a year)
            if mention.end > b:
                # a tail ("সেই বছরের ২৭ এপ্রিল") takes over the day and month read on their own
                out = [x for x in out if not (mention.start <= x.start and x.end <= mention.end)]
                taken = [t for t in taken if not (mention.start <= t[0] and t[1] <= mention.end)]
            taken.append((mention.start, mention.end))
            if _ANCHOR.match(folded, mention.end) or _NAMES_A_DOCUMENT.match(folded, mention.end) and \
                    folded[mention.end - 1:mention.end] == "র":
                mention = DateMention(**{**mention.__dict__, "anchor": True})
            out.append(mention)
    first, needed = _period_strings()
    for name, pat in _period_patterns() if not first.isdisjoint(period_words) else ():
        if not needed[name] <= period_words:
            continue
        for m in pat.finditer(folded, start, end):
            a, b = m.span()
            if any(a < tb and b > ta for ta, tb in taken):
                continue
            first, last = _periods()[name]
            taken.append((a, b))
            out.append(DateMention(a, b, begin=PartialDate(first), finish=PartialDate(last),
                                   anchor=bool(_ANCHOR.match(folded, b))))
    out.sort(key=lambda x: x.start)
    return _months_joined(out, folded)


#: A number followed by "number": "১৯৭০ নম্বর প্রস্তাব" (resolution 1970).
#: "এর মধ্যেই, এপ্রিলে …", "এক মাস পূর্বে, এপ্রিলে": meanwhile or before, in the time just told (a
#: month before the one told is still its year).
_MEANWHILE = re.compile(fold_pattern(r"(?:এর|এরই|ইতি)\s*মধ্যে(?:ই)?|একই সময়ে|(?:আগে|পূর্বে)\s*,?\s*$"))
#: "গত জুনে", "আগামী মার্চে": a month counted from the dateline, not the story's year.
_LAST_OR_NEXT = re.compile(fold_pattern(r"(?:গত|আগামী)\s*$"))
#: "আগামী আগস্টে", "আসছে মার্চে": the coming month (in folded text, as the month is matched).
_COMING_BEFORE = re.compile(fold_pattern(r"(?:আগামী|আসছে)\s*$"))
_NUMBERED_AFTER = re.compile(fold_pattern(r"\s*(?:নম্বর|নং|নাম্বার)(?![\u0980-\u09ff])"))
#: A number that names a resolution, article or the like: "নিরাপত্তা পরিষদের প্রস্তাব ২০৯৪".
_NUMBERED = re.compile(fold_pattern(r"(?:প্রস্তাব|রেজুলেশন|রেজোলিউশন|নম্বর|নং|ধারা|অনুচ্ছেদ)\S*\s*$"))


#: What joins two months of one time: "অক্টোবর-নভেম্বরে", "এপ্রিল ও মে মাসে", "মার্চ থেকে জুনে".
_MONTH_JOIN = re.compile(fold_pattern(r"\s*(?:-|–|—|ও|এবং|থেকে|হতে)\s*"))


def _months_joined(out: list[DateMention], folded: str) -> list[DateMention]:
    """A bare month joined to a dated month before it is of that month's year, not the story's:
    "২০২৩ সালের অক্টোবর-নভেম্বরে" is October to November 2023."""
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        if cur.relative and cur.value and cur.value.month and cur.value.day is None and not prev.relative \
                and prev.value and prev.value.month and _MONTH_JOIN.fullmatch(folded, prev.end, cur.start):
            out[i] = DateMention(**{**cur.__dict__, "value": PartialDate(prev.value.year, cur.value.month),
                                    "relative": False, "future": False, "assumed": False})
    return out


#: After "সেই বছরের", "গত বছরের" …: a day and month, or a month, that the year makes precise.
_TAIL = r"\s*,?\s*(?:(?P<d>[0-3]?\d)\s*(?:শে|ই|লা|রা|তম)?\s+)?(?P<m>{months})(?:\s*মাস)?" + CASE


def _tail(folded: str, b: int, year: int, months: dict) -> tuple[PartialDate, int] | None:
    """The day and month right after a relative year, and where they end."""
    m = re.match(_TAIL.format(months=_month_alt()), folded[b:b + 30])
    if not m:
        return None
    day = int(m.group("d")) if m.group("d") else None
    mo = months[m.group("m")]
    if day and not _valid(year, mo, day):
        return None
    return PartialDate(year, mo, day), b + m.end()


def _narrative(name, months, narrative, a, b, folded) -> DateMention | None:
    if narrative is None:
        return None
    year = narrative.year + {"following_year": 1, "previous_year": -1}.get(name, 0)
    tail = _tail(folded, b, year, months)
    if tail:
        return DateMention(a, tail[1], value=tail[0])
    return DateMention(a, b, value=PartialDate(year))


def _resolve(name, g, months, doc, a, b, folded) -> DateMention | None:
    y = int(g["y"]) if g.get("y") else None
    mo = months.get(g["m"]) if g.get("m") else None
    d = int(g["d"]) if g.get("d") else None
    if name == "range":
        y2 = int(g["y2"])
        if y2 < y:
            return None
        return DateMention(a, b, begin=PartialDate(y), finish=PartialDate(y2))
    if name in ("decade", "decade_word"):
        if name == "decade_word":
            y = 1900 + DECADES[next(w for w in DECADES if fold(w).text == g["w"])]
        if y % 10:
            return None
        first, last = _PARTS[next(p for p in _PARTS if fold(p).text == g["part"])] if g.get("part") else (0, 9)
        return DateMention(a, b, begin=PartialDate(y + first), finish=PartialDate(y + last))
    if g.get("mn"):
        mo = int(g["mn"])
    elif g.get("me"):
        mo = EN_MONTHS[g["me"]]
    if name in ("ydm", "dmy", "mdy", "dmy_num", "ymd_num", "dmy_en", "mdy_en"):
        return DateMention(a, b, value=PartialDate(y, mo, d)) if _valid(y, mo, d) else None
    if name in ("ym", "my"):
        return DateMention(a, b, value=PartialDate(y, mo))
    if name == "y":
        return DateMention(a, b, value=PartialDate(y))
    if doc is None:
        return None  # relative dates stay unresolved without the document's date
    if name == "dm":
        yy = doc.year if (mo, d) <= (doc.month or 12, doc.day or 31) else doc.year - 1
        return DateMention(a, b, value=PartialDate(yy, mo, d), relative=True) if _valid(yy, mo, d) else None
    if name == "month":
        # "এপ্রিলে", "এপ্রিল মাসে": the most recent such month not after the document's date,
        # or the coming one after "আগামী"
        before = folded[max(0, a - 8):a]
        if _COMING_BEFORE.search(before):
            yy = doc.year if mo > (doc.month or 0) else doc.year + 1
            return DateMention(a, b, value=PartialDate(yy, mo), relative=True, future=True)
        if doc.month is None:
            return None
        yy = doc.year if mo <= doc.month else doc.year - 1
        return DateMention(a, b, value=PartialDate(yy, mo), relative=True, assumed=True)
    if name == "years_ago":
        n = int(g["n"]) if g["n"].isdigit() else NUMBER_WORDS[next(w for w in NUMBER_WORDS if fold(w).text == g["n"])]
        return DateMention(a, b, value=PartialDate(doc.year - n), relative=True) if n else None
    if name in ("last_year", "this_year", "next_year"):
        year = doc.year + {"last_year": -1, "this_year": 0, "next_year": 1}[name]
        # "গত বছরের সেপ্টেম্বরে", "চলতি বছরের জুনে": the month that follows makes it precise
        tail = _tail(folded, b, year, months)
        if tail:
            return DateMention(a, tail[1], value=tail[0], relative=True, future=name == "next_year")
        return DateMention(a, b, value=PartialDate(year), relative=True, future=name == "next_year")
    if doc.month is None:
        return None
    if name == "last_month":
        yy, mm = (doc.year, doc.month - 1) if doc.month > 1 else (doc.year - 1, 12)
        return DateMention(a, b, value=PartialDate(yy, mm), relative=True)
    if name == "this_month":
        return DateMention(a, b, value=PartialDate(doc.year, doc.month), relative=True)
    if name in ("yesterday", "today", "weekday") and doc.day:
        from datetime import date as _date, timedelta

        d0 = _date(doc.year, doc.month, doc.day)
        if name == "yesterday":
            d1 = d0 - timedelta(days=1)
        elif name == "today":
            d1 = d0
        else:
            wd = weekday_of(folded[a:b])
            back = (d0.weekday() - wd) % 7
            tail = folded[b:b + 40]
            if re.match(fold_pattern(r"\s*\(?\s*\d{1,2}\s"), tail):
                return None  # "সোমবার (২৭ অক্টোবর)": the date that follows says it
            d1 = d0 - timedelta(days=back)
        return DateMention(a, b, value=PartialDate(d1.year, d1.month, d1.day), relative=True)
    if name == "last_week":
        return DateMention(a, b, value=PartialDate(doc.year, doc.month), relative=True)
    if name in ("next_month", "next_week"):
        if name == "next_week":
            return DateMention(a, b, value=PartialDate(doc.year, doc.month), relative=True, future=True)
        yy, mm = (doc.year, doc.month + 1) if doc.month < 12 else (doc.year + 1, 1)
        return DateMention(a, b, value=PartialDate(yy, mm), relative=True, future=True)
    return None


@functools.cache
def _FOLDED_LABELS() -> tuple[str, ...]:  # noqa: N802 - a constant, made once
    return tuple(fold(w).text for w in _DATE_LABELS)


_DATELINE_TAIL = re.compile(r"[ \t]*(?:\n|$|[,|(:\u2014-]|\d{1,2}:\d\d)")


#: Words that label a news page's date at the head of a line ("তারিখ 18.11.2017", "আপডেট: …").
_DATE_LABELS = ("তারিখ", "প্রকাশিত", "প্রকাশ", "আপডেট", "হালনাগাদ", "published", "updated", "date")


def document_date(raw: str, head_lines: int = 10, folded=None) -> PartialDate | None:
    """The document's own date: a dateline near the top ("জাকার্তা, ১৬ এপ্রিল ২০১৪ —", "১৭ আগস্ট
    ২০২৪, ১১:৪৬ এএম") or a "published" line; a dateline without a year takes the latest year the
    article itself names. Encyclopedia text has no dateline, and its first dates are history.
    ``folded`` is ``fold(raw)`` when the caller has it already."""
    f = fold(raw) if folded is None else folded
    text = f.text
    # (also after a byline on its line: "আন্তর্জাতিক ডেস্ক | প্রকাশিত: ০৩:২০ পিএম, ১৫ অক্টোবর ২০২৬")
    for pub in re.finditer(fold_pattern(r"(?:(?:^|\n)\s*(?:প্রকাশিত|প্রকাশ|আপডেট|published)|\|\s*(?:প্রকাশিত|প্রকাশ|আপডেট)\s*:)[^\n]{0,60}"), text):
        for m in find_dates(text, pub.start(), pub.end(), None):
            if m.value and m.value.day:
                return m.value
        # "প্রকাশ: ০৯ জুলাই ২৬ । ১৪:২৫": a two-digit year, of this century
        short = re.search(rf"(?<!\d)(?P<d>[0-3]?\d)\s+(?P<m>{_month_alt()})\s*,?\s*(?P<y>\d\d)(?!\d)",
                          text[pub.start():pub.end()])
        if short and _valid(2000 + int(short.group("y")), month_names()[short.group("m")], int(short.group("d"))):
            return PartialDate(2000 + int(short.group("y")), month_names()[short.group("m")], int(short.group("d")))
    if "'''" in raw[:300] or re.search(r"==[^=\n]{1,40}==", raw):
        return None  # encyclopedia text: its first dates are history, not a dateline
    pos = 0
    partial = None
    seen = 0
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        if not line.strip():
            continue  # blank lines between a page's header, headline and byline do not count
        seen += 1
        if seen > head_lines:
            break
        if _DIGIT.search(text, a, b) is None:
            continue  # a dateline's day is a number (so is a partial one's): this line has none
        for m in find_dates(text, a, b, None):
            lead = text[a:m.start].rstrip()
            # (also after a bracketed age, "(৩ ঘন্টা আগে) ১৬ নভেম্বর ২০২৬, সোমবার")
            if m.start - a > 30 or (lead.strip() and not lead.endswith((",", "|", "(", ":"))
                                    and not lead.endswith(_FOLDED_LABELS())
                                    and not re.fullmatch(r"\([^()\n]{1,25}\)", lead.strip())):
                continue
            if not _DATELINE_TAIL.match(text, m.end):
                continue
            if m.value and m.value.day:
                return m.value
        if partial is None:
            dm = re.match(rf"\s*(?:[^\s,]{{2,20}},\s*)?{D.format(n='d')}\s+(?P<m>{_month_alt()})\s*,", line)
            if dm:
                partial = (int(dm.group("d")), month_names()[dm.group("m")])
    if partial:
        years = [m.value.year for m in find_dates(text, 0, len(text), None) if m.value]
        years += [m.finish.year for m in find_dates(text, 0, len(text), None) if m.finish]
        if years and _valid(max(years), partial[1], partial[0]):
            return PartialDate(max(years), partial[1], partial[0])
    return None
