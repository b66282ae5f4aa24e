"""The loader pipeline: one document in, its facts as RDF triples out.

``read_facts`` runs the steps in order: the document's date and title, the article's extent
(clutter left out), sentences, mentions (first pass over the whole article, which also finds the
document's two main countries), then events, agreements and missions (second pass), and maps
everything to the ontology's terms (:mod:`kutniti.loaders.rdf`).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass, field

import rdflib

from kutniti.loaders.clutter import article_spans
from kutniti.loaders.dates import DateMention, PartialDate, document_date, find_dates
from kutniti.loaders.document import Document
from kutniti.loaders.events import _DEMONSTRATIVE, SPEECH, THERE, WEAPON_NAME, WEAPON_NOUNS, Event, _country_of, read_events
from kutniti.loaders.lexicon import Entity, lexicon
from kutniti.loaders.mentions import DocumentContext, Mention, find_mentions
from kutniti.loaders.text import CITATION, fold, fold_pattern, sentences, tokens

_HEADING = re.compile(r"==+[^=\n]{1,60}==+")
#: Words that move the narrative in time: a sentence with one does not take the date before it.
#: (not just before or after an act of the story's time: "মিন্স্কে আসিবার পূর্বে তিনি …", before coming)
_SHIFT = re.compile(fold_pattern(r"(?<![\u0980-\u09ff])(?<!ার )(?:পূর্বে|আগে|পরবর্তীকালে|পরবর্তীতে|সম্প্রতি|বর্তমানে|এরপর|তারপর|পরে)(?![\u0980-\u09ff])"))
_CONTINUES = re.compile(fold_pattern(r"\s*(?:এই|সেই|ওই|উক্ত)\s"))
_EMBASSY = re.compile(fold_pattern(r"দূতাবাস"))
_CLOSED = re.compile(fold_pattern(r"দূতাবাস(?:টি)?\s*বন্ধ"))


@dataclass
class Sentence:
    """A sentence of the article with what was found in it."""

    raw: tuple[int, int]  # raw span
    folded: tuple[int, int]
    mentions: list[Mention]
    dates: list[DateMention]
    section: int  # sentences in one section (or paragraph) share narrative dates
    recent: list[Entity] = field(default_factory=list)  # people named so far, as this sentence ends
    last_person: Entity | None = None
    possessors: set[str] = field(default_factory=set)  # people named so far only as possessors
    last_country: Entity | None = None  # the country last named as a subject, before this sentence


@dataclass
class Mission:
    """A diplomatic mission named in the text."""

    sending: Entity
    receiving: Entity
    city: Entity | None
    closed: PartialDate | None = None
    opened: PartialDate | None = None
    span: tuple[int, int] = (0, 0)


@dataclass
class Reading:
    """Everything read from one document."""

    document: Document
    events: list[Event] = field(default_factory=list)
    missions: list[Mission] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    topic: list[Entity] = field(default_factory=list)


def title_of(raw: str, spans: list[tuple[int, int]] | None = None) -> str | None:
    """The encyclopedia title in '''…''', or the first line of a news page that is not clutter."""
    m = re.search(r"'''(.{2,120}?)'''", raw[:600])
    if m and "\n" not in m.group(1):
        return m.group(1).strip()
    spans = article_spans(raw) if spans is None else spans
    if spans:
        a, b = spans[0]
        line = raw[a:b].strip()
        if line and len(line) <= 200:
            return line.strip("| ")
    return None


def _split_headings(raw: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Article spans cut at encyclopedia headings; each piece gets a section number."""
    out = []
    section = 0
    for a, b in spans:
        pos = a
        for m in _HEADING.finditer(raw, a, b):
            if m.start() > pos:
                out.append((pos, m.start(), section))
            section += 1
            pos = m.end()
        if b > pos:
            out.append((pos, b, section))
        section += 1  # news: every line (paragraph) is its own section
    return out


#: After a date: a verbal noun in the genitive and a postposition of time ("… প্রতিষ্ঠার পর").
#: A delegation, and who led it ("প্রতিনিধিদলের নেতৃত্বে ছিলেন …", "প্রতিনিধিদলটির নেতৃত্ব দেন …").
_DELEGATION = re.compile(fold_pattern(r"প্রতিনিধি\s*দল"))
#: "নরওয়ে, সুইডেন ও ফিনল্যান্ডও একই পদক্ষেপ নেয়": others did the same as the sentence before told.
_SAME_STEP = re.compile(fold_pattern(r"একই\s+(?:পদক্ষেপ|পথে|পথ|সিদ্ধান্ত|ব্যবস্থা)"))
#: Acts one state takes toward another that others may take alike.
_SAME_STEP_CLASSES = {"Expulsion", "Sanction", "ReduceRelations", "Recognition", "MissionClosure",
                      "MissionOpening", "RelationsEstablished", "AgreementTermination"}
_LED_BY = re.compile(fold_pattern(r"প্রতিনিধি\s*দল(?:টির|ের|টিরও)\s+নেতৃত্ব(?:ে|ে\s+ছিলেন|\s+দেন|\s+দিয়েছিলেন|\s+দেন)"))
#: "পরদিন", "পরের দিন", "আগের দিন": the day after (or before) the day the sentence before told.
_NEXT_DAY = re.compile(fold_pattern(
    r"(?<![\u0980-\u09ff])(?:(?P<next>পরদিন|পরের দিন)|আগের দিন)(?:ই)?(?![\u0980-\u09ff])"))
_BACKGROUND_DATE = re.compile(fold_pattern(
    r"\s+(?:[^\s,;।]+\s+){0,3}?(?!(?:বছর|বৎসর|দশক|যুগ)\s)[^\s,;।]+(?:ার|ের|র)\s+(?:পর|পরে|আগে)(?![\u0980-\u09ff])"))
# (not a time since: "২০২৪ সালের ১৯ জুন পুতিন ২৪ বছর পর আবার … সফর করেন")
#: After a heading's date: the section is about what came after or before it, not that time.
_NOT_THE_TIME = re.compile(fold_pattern(r"\s*-?\s*(?:পরবর্তী|পূর্ববর্তী|পর|পরে|আগে|থেকে|পর্যন্ত)"))


def _headings(raw: str, f, spans: list[tuple[int, int]]):
    """Each section heading's number, as :func:`_split_headings` gives the text after it, and its
    folded span."""
    section = 0
    for a, b in spans:
        for m in _HEADING.finditer(raw, a, b):
            section += 1
            yield section, bisect.bisect_left(f.offsets, m.start()), bisect.bisect_left(f.offsets, m.end())
        section += 1


def _day_after(told: DateMention, folded: str, fa: int, fb: int) -> DateMention | None:
    """The day after (or before) a day just told, said as "পরদিন" or "আগের দিন" in the sentence."""
    m = _NEXT_DAY.search(folded, fa, fb)
    v = told.value
    if m is None or v is None or v.day is None:
        return None
    from datetime import date, timedelta

    d = date(v.year, v.month, v.day) + timedelta(days=1 if m.group("next") else -1)
    return DateMention(m.start(), m.end(), value=PartialDate(d.year, d.month, d.day), relative=True)


def _heading_dates(raw: str, f, spans: list[tuple[int, int]]) -> list[tuple[int, DateMention | None]]:
    """Each section heading with the one date it names ("===১৯৭১ সালের বিদ্রোহ===", "==১৯৮০-এর
    দশক==") or None: the undated events of the text under a dated heading are of that date."""
    out = []
    for section, fa, fb in _headings(raw, f, spans):
        ds = [d for d in find_dates(f.text, fa, fb, None) if not d.relative and (d.value or d.finish)]
        one = len(ds) == 1 and not _NOT_THE_TIME.match(f.text, ds[0].end)
        out.append((section, ds[0] if one else None))
    return out


def _heading_countries(raw: str, f, spans: list[tuple[int, int]], lex) -> list[tuple[int, object]]:
    """Each section heading with the one country it names ("==দক্ষিণ কোরিয়ার সঙ্গে সম্পর্ক==") or
    None: the text under it is about that country's relations."""
    out = []
    for section, fa, fb in _headings(raw, f, spans):
        words = [t.text for t in tokens(f.text, fa, fb)]
        found = {}
        for i in range(len(words)):
            for n in (3, 2, 1):
                hit = lex.lookup(words[i:i + n]) if i + n <= len(words) else None
                if hit and hit[0].kind == "Country" and hit[0].slug in lex.entities:
                    found[hit[0].slug] = hit[0]
                    break
        out.append((section, next(iter(found.values())) if len(found) == 1 else None))
    return out


def _under_heading(headings: list[tuple[int, DateMention | None]], section: int) -> DateMention | None:
    """What the heading the text of ``section`` stands under names (its date, its country), if any."""
    last = None
    for number, d in headings:
        if number > section:
            break
        last = d
    return last


#: The title of an article on two countries' relations: "কলম্বিয়া–উত্তর কোরিয়া সম্পর্ক" (in the
#: infobox's name field or the bold opening words).
_RELATIONS_TITLE = re.compile(r"([\u0980-\u09ff][\u0980-\u09ff ]{1,40}?)\s*[–—-]\s*([\u0980-\u09ff][\u0980-\u09ff ]{1,40}?)\s+সম্পর্ক")


def _relations_pair(folded: str, lex) -> list | None:
    """The two countries an article on their relations is about, from its title near the top."""
    m = _RELATIONS_TITLE.search(folded, 0, 2000)
    if m is None:
        return None
    pair = []
    for name in m.groups():
        words = [t.text for t in tokens(name)]
        hit = lex.lookup(words)
        if hit is None or hit[0].kind != "Country" or hit[1] or hit[0].slug not in lex.entities:
            return None
        pair.append(hit[0])
    return pair if pair[0].slug != pair[1].slug else None


def read(doc: Document) -> Reading:
    """Read events, missions and the entities they involve from a document."""
    raw = doc.text
    lex = lexicon()
    f = fold(raw)
    offsets = f.offsets
    doc_date = document_date(raw, folded=f)
    doc.issued = doc.issued or (_as_date(doc_date) if doc_date else None)
    doc.metadata["issued_partial"] = doc_date
    spans = article_spans(raw)
    doc.title = doc.title or title_of(raw, spans)
    ctx = DocumentContext()
    refs = [f.folded_span(m.start(), m.end()) for m in CITATION.finditer(raw)] if "<ref" in raw else []
    narrative: PartialDate | None = None
    sents: list[Sentence] = []
    counts: dict[str, int] = {}
    # "'''কলম্বিয়া–উত্তর কোরিয়া সম্পর্ক'''": an article about two countries' relations names them
    named_pair = _relations_pair(f.text, lex)
    if named_pair:
        ctx.topic = list(named_pair)
    for a, b, section in _split_headings(raw, spans):
        for sa, sb in sentences(raw, a, b):
            fa = bisect.bisect_left(offsets, sa)
            fb = bisect.bisect_left(offsets, sb)
            toks = tokens(f.text, fa, fb)
            subject_before = ctx.last_country
            ms = find_mentions(lex, f.text, toks, ctx)
            ds = find_dates(f.text, fa, fb, doc_date, narrative)
            if ds and ms:  # "থেরেসা মে": a month's name inside a person's name is no date
                ds = [d for d in ds if not any(m.start <= d.start and d.end <= m.end for m in ms
                                               if m.entity.kind == "Person")]
                # and a person's short name inside a longer date is the month ("১২ জুন" is not Dong Jun)
                ms = [m for m in ms if not (m.entity.kind == "Person" and any(
                    d.start <= m.start and m.end <= d.end and d.end - d.start > m.end - m.start for d in ds))]
            if refs and any(ra < fb and fa < rb for ra, rb in refs):
                # a citation's publisher and access date ("সংগ্রহের-তারিখ=৩ মার্চ ২০২৩") are no part of the story
                ms = [m for m in ms if not any(ra <= m.start < rb for ra, rb in refs)]
                ds = [d for d in ds if not any(ra <= d.start < rb for ra, rb in refs)]
            for d in sorted(ds, key=lambda d: d.value is not None):  # (a date, over a named period)
                if (d.value or d.finish) and not d.assumed:
                    # (a date told against the dateline, "চলতি মাসে", moves the story to the present too;
                    # a bare month, which may be a plan's, does not)
                    narrative = d.value or d.finish
            sents.append(Sentence((sa, sb), (fa, fb), ms, ds, section, list(ctx.recent_people), ctx.last_person,
                                  set(ctx.possessors), subject_before))
            for m in ms:
                e = m.entity
                if e.kind == "City" and e.capital and e.country:
                    e = lex.entities[e.country]
                if e.kind == "Person" and e.country in lex.entities:
                    e = lex.entities[e.country]  # people count for the country they act for
                if e.kind == "Country" and e.slug in lex.entities:  # not a pronoun's placeholder
                    counts[e.slug] = counts.get(e.slug, 0) + 1
            if ms and not named_pair:  # the main countries so far, for a bare title ("পররাষ্ট্রমন্ত্রী X …") further on
                ctx.topic = [lex.entities[k] for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:2]]
    # (the graph is of North Korea's relations: where it is named about as often as another country,
    # the story is about it)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1] * (1.25 if kv[0] == "north-korea" else 1), kv[0]))
    ctx.topic = named_pair or [lex.entities[s] for s, _ in ranked[:2]]
    reading = Reading(doc, topic=ctx.topic)
    headline = spans[0][0] if spans and "'''" not in raw[:spans[0][1]] and doc_date is not None else -1
    prev_dates: list[DateMention] = []
    by_heading = _heading_dates(raw, f, spans)
    heading_country = _heading_countries(raw, f, spans, lex) if "==" in raw else []
    prev_section = None
    age = 0
    speakers: set[str] = set()  # who spoke in the sentence before
    delegation_visit: Event | None = None  # a country's delegation's visit the sentence before told
    told_before: list[Event] = []  # acts the sentence before told, that others may take alike
    before: set[str] = set()  # the bodies the sentence before named
    for s in sents:
        if s.section != prev_section and not _continues(f.text, s):
            prev_dates = []
        prev_section = s.section
        age += 1
        if age > 3 or _SHIFT.search(f.text, s.folded[0], s.folded[1]):
            prev_dates = []
        fa, fb = s.folded
        inherited = [d for d in prev_dates if not d.future or not s.dates and THERE.match(f.text, fa)]
        if not s.dates and len(inherited) == 1 and (shifted := _day_after(inherited[0], f.text, fa, fb)):
            s.dates = [shifted]  # ("গত রবিবার … পৌঁছান। পরদিন তিনি …": Monday)
        # "দুই নেতা", "তিনি": the people named up to this sentence, not the whole document's
        ctx.recent_people, ctx.last_person, ctx.possessors = list(s.recent), s.last_person, set(s.possessors)
        ctx.last_country = s.last_country  # ("দেশটি … পাঠিয়েছিল": the subject of the sentences before)
        here = {m.entity.slug for m in s.mentions if m.entity.kind == "Organization"}
        ctx.near_bodies, before = here | before, here  # (bodies of this sentence and the one before)
        # "==দক্ষিণ কোরিয়ার সঙ্গে সম্পর্ক==": under it, "দুই দেশ" are the home country and that one
        other = _under_heading(heading_country, s.section)
        home = ctx.home()
        ctx.section_pair = [home, other] if other is not None and home is not None and \
            other.slug not in {c.slug for c in ctx.topic} else None
        if not inherited and (d := _under_heading(by_heading, s.section)) is not None:
            inherited = [DateMention(fa, fa, value=d.value, begin=d.begin, finish=d.finish)]
        if not inherited and s.raw[0] == headline:
            # a news headline with no date of its own reports what happened as the story was written
            inherited = [DateMention(fa, fa, value=PartialDate(doc_date.year, doc_date.month))]
        sentence_text = f.text[fa:fb]
        found = read_events(sentence_text, fa, s.mentions, s.dates, inherited, ctx, lex, doc_date,
                            raw_of=lambda a, b: raw[offsets[a]:offsets[b]])
        ctx.plan_before, ctx.last_plan = ctx.last_plan, None
        weapons = WEAPON_NAME.finditer(f.text, fa, fb) if any(w in sentence_text for w in WEAPON_NOUNS) else ()
        for w in weapons:
            if not _DEMONSTRATIVE.search(w.group(0)):
                ctx.last_weapon = raw[offsets[w.start()]:offsets[w.end()]].strip()
        said = {p.slug for ev, _, _ in found if ev.rule in SPEECH for p in ev.actors if p.kind == "Person"}
        if _INFOBOX_FIELD.match(raw, raw.rfind("\n", 0, s.raw[0]) + 1):
            found = []  # "| mission1 = … (বর্তমানে বন্ধ)": an infobox field states a mission, not an event
        kept: list[Event] = []
        for ev, _, _ in found:
            if ev.rule in SPEECH and {p.slug for p in ev.actors} & speakers:
                continue  # "X বলেন, … । তিনি জানান, …": one statement told over two sentences
            ev.span = s.raw
            if ev.date is None and ev.start is None and headline >= 0 and not ev.planned:
                # news copy reports what is recent: an event the story does not date is of its year
                ev.date = PartialDate(doc_date.year)
            if not _of_its_time(ev, lex):
                continue
            reading.events.append(ev)
            kept.append(ev)
        if not found and told_before and _SAME_STEP.search(f.text, fa, fb):
            reading.events.extend(_the_same_step(told_before, s, lex))
        told_before = [ev for ev in kept if ev.cls in _SAME_STEP_CLASSES]
        if delegation_visit is not None and _LED_BY.search(f.text, fa, fb):
            # "… মালির একটি প্রতিনিধিদল পিয়ংইয়াং সফর করে। প্রতিনিধিদলের নেতৃত্বে ছিলেন পরিকল্পনামন্ত্রী X":
            # the visit was its leader's, for the country
            leader = next((m.entity for m in s.mentions if m.entity.kind == "Person"
                           and m.entity.country == delegation_visit.actors[0].slug), None)
            if leader is not None:
                delegation_visit.participants = [*delegation_visit.participants, delegation_visit.actors[0]]
                delegation_visit.actors = [leader]
        delegation_visit = next((ev for ev, _, _ in found if ev.cls == "Visit" and ev.actors
                                 and ev.actors[0].kind == "Country" and _DELEGATION.search(f.text, fa, fb)), None)
        speakers = said
        reading.missions.extend(_missions(s, f.text, lex, ctx, found))
        if s.dates:
            # a date of a background phrase ("১৯৯২ সালে সম্পর্ক প্রতিষ্ঠার পর এটিই …") dates that phrase,
            # not what the next sentences tell
            prev_dates = [d for d in s.dates if not d.anchor and not _BACKGROUND_DATE.match(f.text, d.end, fb)]
            age = 0
    reading.events = _without_repeated_talks(_without_undated_repeats(reading.events), lex)
    for s in sents:  # everyone the article names, not only event participants
        for m in s.mentions:
            if m.entity.kind in ("Person", "Organization") and not m.entity.slug.startswith("?"):
                reading.entities[m.entity.slug] = m.entity
    for ev in reading.events:
        for e in ev.agents():
            reading.entities[e.slug] = e
        if ev.place is not None:
            reading.entities[ev.place.slug] = ev.place
    for m in reading.missions:
        for e in (m.sending, m.receiving, m.city):
            if e is not None:
                reading.entities[e.slug] = e
    for e in list(reading.entities.values()):
        if e.country and e.country in lex.entities:
            reading.entities.setdefault(e.country, lex.entities[e.country])
    return reading


def _the_same_step(told: list[Event], s: Sentence, lex) -> list[Event]:
    """"… বহিষ্কার করে কোপেনহেগেন। প্রায় একই সময়ে নরওয়ে, সুইডেন ও ফিনল্যান্ডও একই পদক্ষেপ নেয়": the acts
    told before, taken by the countries this sentence names as its subject, at this sentence's date
    if it gives one."""
    doers: dict[str, Entity] = {}
    for m in s.mentions:
        e = m.entity
        if e.kind == "City" and e.capital and e.country in lex.entities:
            e = lex.entities[e.country]
        if e.kind == "Country" and e.slug in lex.entities and m.case == "nom" and not m.post and not m.modifier:
            doers.setdefault(e.slug, e)
    dated = [d.value for d in s.dates if d.value is not None and not d.relative]
    out = []
    for ev in told:
        if not ev.actors:
            continue
        taken = {e.slug for e in ev.actors + ev.recipients}
        for e in doers.values():
            if e.slug in taken:
                continue
            participants = [e, *ev.recipients] if ev.participants else []
            out.append(dataclasses.replace(ev, actors=[e], participants=participants, span=s.raw,
                                           date=dated[0] if dated else ev.date))
    return out


def _without_repeated_talks(events: list[Event], lex) -> list[Event]:
    """The events less talks between two countries ("দুই পক্ষ … নিয়ে আলোচনা করে") that go on with a
    meeting of their people told before in the same year: the same meeting, not another."""
    out: list[Event] = []
    for ev in events:
        if ev.cls == "Meeting" and len(ev.participants) == 2 and all(
                e.kind == "Country" for e in ev.participants):
            sides = {e.slug for e in ev.participants}
            year = (ev.date or ev.start).year if (ev.date or ev.start) else None
            if any(o.cls == "Meeting" and any(e.kind == "Person" for e in o.participants)
                   and {(c.slug if c is not None else "") for c in (_country_of(e, lex) for e in o.participants)} >= sides
                   and (year is None or (o.date or o.start) is None or (o.date or o.start).year == year)
                   for o in out):
                continue
        out.append(ev)
    return out


def _parties(ev: Event) -> tuple:
    return (ev.cls, ev.planned, *(frozenset(e.slug for e in side) for side in (ev.actors, ev.recipients, ev.participants)))


def _without_undated_repeats(events: list[Event]) -> list[Event]:
    """The events less those told first without a date and then again with one: an article's lead
    ("পোল্যান্ড উত্তর কোরিয়াকে স্বীকৃতি দেওয়া প্রথম দিকের দেশগুলোর একটি") sums up what its body
    tells with the date ("১৯৪৮ সালের ১৬ অক্টোবর পোল্যান্ড … স্বীকৃতি দেয়")."""
    out = []
    for i, ev in enumerate(events):
        if ev.date is None and ev.start is None and any(
                _parties(later) == _parties(ev) and (later.date is not None or later.start is not None)
                for later in events[i + 1:]):
            continue
        out.append(ev)
    return out


#: A field of a wiki infobox: "| mission1 = …", "| দূতাবাস১ = …".
_INFOBOX_FIELD = re.compile(r"[ \t]*\|[ \t]*[\w\u0980-\u09ff][\w\u0980-\u09ff .-]{0,40}=")


def _of_its_time(ev, lex) -> bool:
    """A state named by its successor's name or capital in an event before the successor existed
    is the state of the time: Prague in 1956 is Czechoslovakia's, Moscow in 1961 the Soviet Union's.
    False when the event's two sides are then one state (Czech engineers helping Czechoslovakia)."""
    first = ev.date or ev.start
    last = ev.date or ev.end or ev.start
    if first is None or not lex.held_before:
        return True

    def then(e):
        for a, b, state in lex.held_before.get(e.slug, ()):
            if a <= first.year and last.year <= b:
                return state
        return e

    ev.actors = [then(e) for e in ev.actors]
    ev.recipients = [then(e) for e in ev.recipients]
    ev.participants = [then(e) for e in ev.participants]
    return not (ev.actors and ev.recipients and ev.actors[0].slug == ev.recipients[0].slug)


def _continues(folded: str, s: Sentence) -> bool:
    """News paragraphs are lines; a line continues the story's time only if it says so (এই সফরে …)."""
    return bool(_CONTINUES.match(folded, s.folded[0], s.folded[0] + 12))


def _as_date(p: PartialDate):
    from datetime import date

    return date(p.year, p.month or 1, p.day or 1) if p.day else None


def _missions(s: Sentence, folded: str, lex, ctx: DocumentContext, found) -> list[Mission]:
    """Embassies a sentence names: the sending state is the genitive country just before
    "দূতাবাস" (or the subject that closes it), the city the place named in the clause."""
    out = []
    fa, fb = s.folded
    for m in _EMBASSY.finditer(folded, fa, fb):
        before = [x for x in s.mentions if x.end <= m.start() and m.start() - x.end <= 40]
        clause_start = max([fa] + [i + 1 for i in range(fa, m.start()) if folded[i] in ",;"])
        before = [x for x in before if x.start >= clause_start] or before
        sending = None
        city = None
        for x in reversed(before):
            e = x.entity
            if e.kind == "Country" and x.case == "gen" and sending is None:
                sending = e
            elif e.kind == "City" and city is None and x.case in ("gen", "loc"):
                city = e
        if city is None:
            # "পিয়ংইয়ংয়ে রয়েছে ইন্দোনেশিয়ার দূতাবাস": the place may come first in the clause
            for x in s.mentions:
                if x.start >= clause_start and x.end <= m.start() and x.entity.kind == "City" and x.case == "loc":
                    city = x.entity
        if sending is None:
            subj = [x for x in s.mentions if x.entity.kind == "Country" and x.case == "nom" and x.end <= m.start()
                    and x.start >= clause_start]
            if subj:
                sending = subj[0].entity
        if sending is None or city is None or not city.country:
            continue
        receiving = lex.entities.get(city.country)
        if receiving is None or receiving.slug == sending.slug:
            continue
        mission = Mission(sending, receiving, city, span=s.raw)
        if _CLOSED.match(folded, m.start()):
            for ev, t0, t1 in found:
                # (the closure this embassy's noun begins, not another one the sentence tells)
                if ev.cls == "MissionClosure" and (t0 <= m.start() < t1 or m.start() <= t0 <= m.end()):
                    mission.closed = ev.date
                    ev.actors, ev.recipients = [sending], [receiving]
        out.append(mission)
    return out


def read_facts(doc: Document) -> rdflib.Graph:
    """Everything read from one document, as triples under the diplomacy ontology."""
    from kutniti.loaders.rdf import reading_graph

    return reading_graph(read(doc))
