"""What is not the article: ads, "read more" lists, captions, comment prompts, reference tails.

:func:`article_spans` returns the raw-text spans that are the article itself. News pages end their
article at markers such as "[ad_2]", "আরও পড়ুন", "মন্তব্য করুন", "Source link"; whatever follows
(other stories' headlines, comment counts) yields no facts. Lines that are clutter wherever they
stand (ads, photo credits and captions, category labels, published/updated stamps) are skipped. Encyclopedia
section markers (``==ইতিহাস==``) are headings, not ends — except the reference and category
sections (``==তথ্যসূত্র==``), which end the article. Bold markup (``'''``) is kept in place (offsets
stay true) and simply carries no words.
"""

from __future__ import annotations

import re

from kutniti.loaders.text import fold, fold_pattern

#: A line that starts with one of these ends the article.
END_MARKERS = fold_pattern(
    r"^\s*(?:\[ad_2\]|\[বিজ্ঞাপন[_ ]?২\]|আর[ওো] পড়ুন|আর[ওো] পড়তে পারেন|আরও খবর|সর্বাধিক পঠিত|সর্বাধিক পড়া|সর্বশেষ খবর|"
    r"মন্তব্য করুন|মন্তব্য\s*\(|বিভাগ\s*:|source link|সূত্র লিংক|উৎস\s*$|ট্যাগ\s*:|tags\s*:|"
    r"এই বিভাগের আরও খবর|সংশ্লিষ্ট খবর|সম্পর্কিত খবর|related|প্রিন্ট\s*\||[^\n:]{0,30}:\s*আরও খবর|"
    # "more reports" headings, also with the outlet's name: "ডয়চে ভেলের আরও প্রতিবেদন"
    r"[^\n।]{0,30}আর[ওো] (?:প্রতিবেদন|সংবাদ)\s*$|আমাদের অনুসরণ করুন|"
    # "বিবিসি বাংলার অন্যান্য খবর:", "এ সম্পর্কিত আরো খবর", "সম্পর্কিত বিষয়", "সবচেয়ে বেশি পঠিত",
    # and a source line after the story ("সূত্র : এএফপি, রয়টার্স")
    r"[^\n।]{0,30}অন্যান্য খবর|[^\n।]{0,24}আর[ওো](?: খবর)?\s*:?\s*$|আর[ওো] খবর|সম্পর্কিত বিষয়|"
    r"সবচেয়ে বেশি পঠিত|সর্বশেষ\s*\||সূত্র\s*:\s*[^\n।]{0,80}$|"
    # a news agency's sign-off, alone on its line: "এএফপি/রয়টার্স/এসএইচ", "কেসিএনএ/এএফপি", also
    # with its sources in brackets: "এসিবি/কেএম (রয়টার্স, এএফপি)"
    r"[\u0980-\u09ffA-Za-z]{2,12}(?:/[\u0980-\u09ffA-Za-z]{2,12})+(?:\s*\([^()\n]{2,60}\))?\s*$)")
#: A line that is clutter wherever it stands (a photo caption also in brackets: "[ছবি: … ]").
CLUTTER_LINE = fold_pattern(
    r"^\s*(?:\[ad_\d+\]|\[বিজ্ঞাপন[^\]]*\]|\[?\s*ছবি\s*:|ছবির ক্যাপশন|ছবি সংগৃহীত|ফাইল ছবি|ছবি-?\s*সংগৃহীত|"
    r"প্রকাশিত\s*(?:হয়েছে)?\s*[:\-]|প্রকাশ\s*:|আপডেট\s*:|শেয়ার করুন|share|"
    r"\d{1,2}\s+\S+\s+\d{4},\s*\d{1,2}:\d\d)")
#: A photo caption set as a table cell ("| কিম জং-উন … দেখা করেছেন। |"): it describes a picture,
#: often of an earlier event, and gives no dated fact of the story.
CAPTION = re.compile(r"^\s*\|[^\n]*\|\s*$")
#: A line that ends in a photo's credit ("… চো হিউন। ছবি: রয়টার্স"): the whole line is the caption
#: under a picture.
CAPTION_CREDIT = fold_pattern(r"[।.]\s*(?:ছবি|ফটো|ছবির উৎস)\s*:\s*[^।\n]{1,40}$")
#: Encyclopedia sections after which nothing is article text.
END_SECTIONS = fold_pattern(r"==\s*(?:তথ্যসূত্র|তথ্যসূত্রসমূহ|আরও দেখুন|বহিঃসংযোগ|টীকা|references|see also)\s*==")
#: Trailing photo credits inside a caption line ("… ছবির ক্রেডিট: এপি").
CREDIT = fold_pattern(r"(?:ছবির ক্রেডিট|ছবি সূত্র|ফটো)\s*:.*$")

#: A line at least this long is article text: end markers before the first one are page-top labels.
BODY_LINE = 120

#: A "read more" marker: its list may stand inside the article, between two of its paragraphs.
READ_MORE = fold_pattern(r"^\s*(?:আর[ওো] পড়ুন|আর[ওো] পড়তে পারেন|সম্পর্কিত খবর|সংশ্লিষ্ট খবর)")
#: Headlines a "read more" list inside the article may hold before the article goes on.
READ_MORE_ITEMS = 6

_END = re.compile(END_MARKERS, re.IGNORECASE | re.MULTILINE)
_READ_MORE = re.compile(READ_MORE, re.IGNORECASE | re.MULTILINE)
_CLUTTER = re.compile(CLUTTER_LINE, re.IGNORECASE)
_END_SECTION = re.compile(END_SECTIONS, re.IGNORECASE)
_CREDIT = re.compile(CREDIT, re.IGNORECASE)
_CAPTION_CREDIT = re.compile(CAPTION_CREDIT, re.IGNORECASE)


#: An ad slot ("[ad_2]", "[বিজ্ঞাপন ২]"): pages put one after the article, but also between its paragraphs.
_AD = re.compile(fold_pattern(r"\s*\[(?:ad_\d+|বিজ্ঞাপন[^\]]*)\]"), re.IGNORECASE)


def _next_line_is_body(text: str, at: int) -> bool:
    """Whether the first non-empty line after ``at`` (past the marker's own line) is article text."""
    rest = text[at:].split("\n", 1)
    following = next((line for line in (rest[1] if len(rest) > 1 else "").split("\n") if line.strip()), "")
    return len(following) >= BODY_LINE and "।" in following


def _has_body(text: str) -> bool:
    return any(len(line) >= BODY_LINE for line in text.split("\n"))


def inline_lists(text: str) -> list[tuple[int, int]]:
    """Spans of folded ``text`` that are "read more" lists inside the article: the marker line and
    the headlines under it (at most ``READ_MORE_ITEMS`` lines shorter than a paragraph), when a
    paragraph of the article follows them. A list with no paragraph after it ends the article."""
    out = []
    for m in _END.finditer(text):
        if not _READ_MORE.match(text, m.start()):
            continue
        pos = text.find("\n", m.start())
        items = 0
        while pos != -1:
            nxt = text.find("\n", pos + 1)
            line = text[pos + 1: nxt if nxt != -1 else len(text)]
            if len(line) >= BODY_LINE and not _END.match(line):
                if _has_body(text[:m.start()]):  # an article above it, and more of it below
                    out.append((m.start(), pos))
                break
            if _AD.match(line) and not line[_AD.match(line).end():].strip():
                pos = nxt  # ("আরও পড়ুন: …", then an ad slot, then the article goes on)
                continue
            if line.strip():
                items += 1
                if items > READ_MORE_ITEMS or _END.match(line) and not _READ_MORE.match(line):
                    break
            pos = nxt
    return out


def article_end(raw: str, inline: list[tuple[int, int]] | None = None) -> int:
    """Raw offset where the article ends (the first end marker or reference section). ``inline``
    is :func:`inline_lists` of the folded text, when the caller has it."""
    f = fold(raw)
    cut = len(f.text)
    inline = inline_lists(f.text) if inline is None else inline
    for m in _END.finditer(f.text):
        # a marker above the article's first paragraph is a page-top label ("বিভাগ: আন্তর্জাতিক")
        if not _has_body(f.text[:m.start()]) and _has_body(f.text[m.end():]):
            continue
        if any(a <= m.start() < b for a, b in inline):
            continue  # a "read more" list between paragraphs
        if _AD.match(f.text, m.start()) and _next_line_is_body(f.text, m.end()):
            continue  # an ad slot between two paragraphs of the article
        cut = min(cut, m.start())
        break
    m = _END_SECTION.search(f.text)
    if m:
        cut = min(cut, m.start())
    return f.offsets[cut]


def article_spans(raw: str) -> list[tuple[int, int]]:
    """Raw spans of article text: lines before the end, less clutter lines and trailing credits."""
    f = fold(raw)  # each line's folded text is a slice of the document's (folded once)
    inline = inline_lists(f.text)
    end = article_end(raw, inline)
    spans = []
    pos = 0
    for line in raw[:end].split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        fa, fb = f.folded_span(a, b)
        folded = f.text[fa:fb]
        if not line.strip() or _CLUTTER.match(folded) or CAPTION.match(line) or _END.match(folded) \
                or _CAPTION_CREDIT.search(folded):
            continue
        if any(la <= fa <= lb for la, lb in inline):
            continue  # a headline of a "read more" list between paragraphs
        credit = _CREDIT.search(folded)
        if credit:
            b = f.offsets[fa + credit.start()]
        spans.append((a, b))
    return spans
