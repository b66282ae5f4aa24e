"""Events: the rules of ``data/events.yaml`` applied to a sentence's mentions and dates.

Each rule's trigger is found in the folded sentence; the rule's role strategy then reads the
participants from the mentions' case endings, postpositions and order (see the YAML's header).
Dates come from the sentence (or, in narrative text, the sentence before it); future tense,
invitations and "আগামী" mark an event planned. Negated and background clauses ("… পর থেকে")
yield nothing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import ahocorasick

from kutniti.loaders.dates import WEEKDAYS, DateMention, PartialDate, weekday_of
from kutniti.loaders.datafiles import read_data
from kutniti.loaders.lexicon import Entity, Lexicon, endings
from kutniti.loaders.mentions import BOTH_COUNTRIES, SUBORDINATE_VERBS, DocumentContext, Mention
from kutniti.loaders.text import fold_pattern, key, matches_at

AGENT_KINDS = ("Country", "Person", "Organization")


@dataclass(frozen=True)
class Rule:
    """One event pattern from the rule file."""

    id: str
    cls: str
    roles: str
    trigger: re.Pattern
    requires: re.Pattern | None = None
    excludes: re.Pattern | None = None
    reverse: re.Pattern | None = None
    weapon: re.Pattern | None = None
    agreement: bool = False
    mission: bool = False
    test: str = ""
    needles: tuple[str, ...] = ()  # the trigger matches nowhere that has none of these words

    def __post_init__(self) -> None:
        object.__setattr__(self, "needles", leading_words(self.trigger.pattern))


@dataclass
class Event:
    """An event read from one sentence."""

    cls: str
    rule: str
    actors: list[Entity] = field(default_factory=list)
    recipients: list[Entity] = field(default_factory=list)
    participants: list[Entity] = field(default_factory=list)
    date: PartialDate | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    planned: bool = False
    weapon: str | None = None
    agreement_kind: str | None = None
    place: Entity | None = None
    span: tuple[int, int] = (0, 0)  # raw offsets of the quote

    def agents(self) -> list[Entity]:
        seen, out = set(), []
        for e in self.actors + self.recipients + self.participants:
            if e.slug not in seen:
                seen.add(e.slug)
                out.append(e)
        return out


def _compile(p: str | None) -> re.Pattern | None:
    return re.compile(fold_pattern(p)) if p else None


_MACRO = re.compile(r"%([A-Z]+)%")


def expand_verbs(pattern: str | None, verbs: dict[str, list[str]]) -> str | None:
    """Replace each ``%NAME%`` in a rule pattern by the alternation of that verb's forms (longest
    first, ending the word; forms may name other verbs, and spaces match any run of spaces)."""
    if not pattern:
        return pattern

    def forms(name: str) -> str:
        if name not in verbs:
            raise KeyError(f"events.yaml: no verb forms named {name!r}")
        alts = sorted((expand_verbs(f, verbs) for f in verbs[name]), key=len, reverse=True)
        return "(?:" + "|".join(a.replace(" ", r"\s+") for a in alts) + r")(?![\u0980-\u09ff])"

    return _MACRO.sub(lambda m: forms(m.group(1)), pattern)


def _group_end(src: str, i: int) -> int:
    """The index just past the group opening at ``src[i]``."""
    depth = 0
    j = i
    while j < len(src):
        c = src[j]
        if c == "\\":
            j += 2
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return len(src)


def _alternatives(src: str) -> list[str]:
    """``src`` split at its top-level ``|``."""
    depth, j, start, out = 0, 0, 0, []
    while j < len(src):
        c = src[j]
        if c == "\\":
            j += 2
            continue
        depth += c == "("
        depth -= c == ")"
        if c == "|" and depth == 0:
            out.append(src[start:j])
            start = j + 1
        j += 1
    return [*out, src[start:]]


_LETTERS = re.compile(r"[\u0980-\u09ff]+(?: [\u0980-\u09ff]+)*")


def leading_words(src: str) -> tuple[str, ...]:
    """Words one of which every match of the regular expression ``src`` begins with, when its
    source says so plainly (a leading group of literal alternatives, or a leading literal word);
    else nothing. A sentence with none of them cannot match, so the pattern need not be run."""
    alternatives = _alternatives(src)
    if len(alternatives) > 1:
        found = [leading_words(a) for a in alternatives]
        return tuple(w for ws in found for w in ws) if all(found) else ()
    while src.startswith(("(?<!", "(?<=")):  # lookbehinds take no text
        src = src[_group_end(src, 0):]
    if src.startswith("(?:"):
        end = _group_end(src, 0)
        if end < len(src) and src[end] in "?*{":
            return ()
        alts = _alternatives(src[3:end - 1])
        if all(_LETTERS.fullmatch(a) for a in alts):
            return tuple(alts)
        found = [leading_words(a) for a in alts]  # alternatives that are patterns themselves
        return tuple(w for ws in found for w in ws) if all(found) else ()
    m = _LETTERS.match(src)
    if not m:
        return ()
    word = m.group(0)
    if m.end() < len(src) and src[m.end()] in "?*{":
        word = word[:-1]  # the last letter is optional
    return (word,) if len(word) >= 2 else ()


@functools.cache
def rules() -> tuple[list[Rule], re.Pattern, re.Pattern]:
    """The rules, and the planned and negation patterns."""
    data = read_data("events.yaml")
    verbs = data.get("verbs") or {}

    def pat(p: str | None) -> re.Pattern | None:
        return _compile(expand_verbs(p, verbs))

    out = [Rule(r["id"], r["class"], r["roles"], pat(r["trigger"]), pat(r.get("requires")),
                pat(r.get("excludes")), pat(r.get("reverse")), pat(r.get("weapon")),
                bool(r.get("agreement")), bool(r.get("mission")), r.get("test", ""))
           for r in data["rules"]]
    return out, pat(data["planned"]), pat(data["negation"])


@functools.cache
def _needle_index() -> tuple[ahocorasick.Automaton, tuple[int, ...], dict[str, tuple[int, ...]]]:
    """Every rule's needles in one automaton, which finds all of them in one pass over a sentence;
    the positions of the rules that have no needle (always tried); and for each needle the
    positions of the rules that have it (see :func:`rule_candidates`)."""
    rule_list = rules()[0]
    automaton = ahocorasick.Automaton()
    by_needle: dict[str, list[int]] = {}
    for i, rule in enumerate(rule_list):
        for w in rule.needles:
            by_needle.setdefault(w, []).append(i)
    for w in by_needle:
        automaton.add_word(w, w)
    automaton.make_automaton()
    always = tuple(i for i, rule in enumerate(rule_list) if not rule.needles)
    return automaton, always, {w: tuple(ids) for w, ids in by_needle.items()}


def rule_candidates(sentence: str) -> list[tuple[Rule, list[int] | None]]:
    """The rules, in order, less those whose trigger cannot match ``sentence`` (none of its
    needles is in it), each with the offsets where its trigger can begin: where one of its needles
    begins (every match of a trigger begins with one, see :func:`leading_words`), or None (a rule
    without needles is tried everywhere). The needles of all the rules are found in one pass over
    the sentence (an Aho–Corasick automaton), not looked for one by one."""
    automaton, always, by_needle = _needle_index()
    found: dict[str, list[int]] = {}
    for last, w in automaton.iter(sentence):
        found.setdefault(w, []).append(last - len(w) + 1)
    wanted = sorted({*always, *(i for w in found for i in by_needle[w])}) if found else always
    rule_list = rules()[0]
    out = []
    for i in wanted:
        rule = rule_list[i]
        starts = [found[w] for w in rule.needles if w in found]
        out.append((rule, sorted({p for ps in starts for p in ps}) if rule.needles else None))
    return out


def rules_that_may_match(sentence: str) -> list[Rule]:
    """The rules of :func:`rule_candidates`, without their offsets."""
    return [rule for rule, _ in rule_candidates(sentence)]


AGREEMENT_KINDS = [(kind, fold_pattern(p)) for kind, p in [
    ("friendship", r"বন্ধুত্ব"), ("aid", r"সহায়তা চুক্তি|সাহায্য চুক্তি"), ("military", r"সামরিক|প্রতিরক্ষা"),
    ("partnership", r"অংশীদারিত্ব"), ("trade", r"বাণিজ্য"), ("cooperation", r"সহযোগিতা"),
    ("declaration", r"ঘোষণাপত্র"), ("travel", r"ভ্রমণ|পর্যটন"),
]]
#: "… করার পর/আগে/কারণে", "… স্থাপনের পরের দশকে": the event is background to what follows (not across a comma).
_BACKGROUND = re.compile(fold_pattern(r"^\s*(?:[^\s,;।]+\s+){0,2}?(?:পর থেকে|পর|পরে|পরেই|পরপর|পরপরই|পরদিন|পরদিনই|পরের|আগে|আগেই|আগের|কারণে|ফলে)(?![\u0980-\u09ff])"))
#: The words between a date and a background event it dates: at most two, no clause break.
_DATED_PHRASE = re.compile(r"\s+(?:[^\s,;।]+\s+){0,2}")
#: A name inside a background phrase before the trigger ("উত্তর কোরিয়ার পারমাণবিক পরীক্ষার পর",
#: "রাশিয়াকে সহায়তার কারণে"): a verbal or event noun in the genitive and a postposition of time or
#: cause close after it. The name belongs to that phrase, not to the event of the main verb.
_IN_BACKGROUND = re.compile(fold_pattern(
    r"^\S*(?:\s+[^\s,;।]+){0,4}?\s+[^\s,;।]*র\s+(?:পর|পরে|পরেই|পরপর|পরপরই|পরদিন|পরদিনই|আগে|আগেই|কারণে|ফলে|অভিযোগে|দায়ে|জবাবে|প্রতিবাদে)(?![\u0980-\u09ff])"))
#: Where a clause ends inside a sentence: a semicolon, a colon (a headline's topic "X: …") or dash; a comma before a conjunction or a
#: relative word (", আর", ", কিন্তু", ", যেখানে", ", যখন"); after a conditional verb ("… হলে",
#: "… দিলে": "if/when X happened", whose subject is not the main clause's) or a causal one ("… হওয়ায়",
#: "as X happened").
CLAUSE_END = re.compile(fold_pattern(
    r";|:\s|\s[—–-]\s|,\s*(?=(?:আর|কিন্তু|তবে|যেখানে|যখন|অন্যদিকে|পাশাপাশি|যার|যাঁর)(?![\u0980-\u09ff]))"
    r"|(?<![\u0980-\u09ff])(?:" + SUBORDINATE_VERBS + r")(?![\u0980-\u09ff])"
    # a concession ("… সম্পর্ক স্থাপন করলেও ১৯৭২ সালে …": although X did, …) ends its clause too
    r"|(?<![\u0980-\u09ff])(?:করলেও|হলেও|দিলেও|খুললেও|করিলেও|হইলেও)(?![\u0980-\u09ff])"))
#: A clause ending in a conditional ("… হলে") or a causal verbal noun ("… পুনর্নির্বাচিত হওয়ায়",
#: "because X was re-elected"): its subject is not the main clause's.
_CONDITIONAL = re.compile(fold_pattern(r"(?:লে|ায়)$"))
#: A passive verb phrase ("পাঠানো হয়", "করা হয়েছে"): its agent, if any, is not nominative.
_PASSIVE = re.compile(fold_pattern(
    r"(?:করা|দেওয়া|দেয়া|পাঠানো|জানানো)\s+(?:হয়|হয়েছে|হয়েছিল|হচ্ছে|হচ্ছিল|হবে|হল|হলো)"))
#: "its embassy": an owner named by a pronoun right before the mission noun.
_ITS_MISSION = re.compile(fold_pattern(r"(?<![\u0980-\u09ff])(?:তাহার|তার|তাদের|তাহাদের|নিজের|নিজস্ব)\s+(?:দূতাবাস|কনস্যুলেট)"))
#: People of a country who travel as no envoys: workers, students, refugees ("শ্রীলঙ্কান কর্মী দক্ষিণ
#: কোরিয়ায় যাবেন" is no visit).
_NOT_ENVOYS = re.compile(fold_pattern(r"কর্মী|শ্রমিক|নাগরিক|শিক্ষার্থী|ছাত্র|শরণার্থী|পর্যটক|শিশু|এতিম|অনাথ"))
#: Done together by two sides: a joint statement, declaration or press conference.
_JOINT = re.compile(fold_pattern(r"যৌথ\s+(?:বিবৃতি|ঘোষণা|সংবাদ সম্মেলন)"))
#: "… সফর শেষে": a visit ended, after the place it was to.
_VISIT_ENDED = re.compile(fold_pattern(r"\s+সফর\s+শেষে"))
#: "কথা রয়েছে" (it is planned) right before whose plan it is.
_PLAN_OF = re.compile(fold_pattern(r"কথা\s+(?:রয়েছে|আছে)\s*$"))
#: "they" ending the sentence, after its verbs: "… স্বীকৃতি দেয় তারা।"
_THEY_LAST = re.compile(fold_pattern(r"[^।]*\s(?:তারা|তাঁরা)\s*[।]?\s*$"))
#: "on the visit": what follows happened during the visit told before it in the sentence.
_IN_VISIT = re.compile(fold_pattern(r"(?<![\u0980-\u09ff])(?:সফরে|সফরকালে|সফরের সময়)(?![\u0980-\u09ff])"))
#: Rules of saying: the speaker comes before the trigger, and a date after it dates what was said.
SPEECH = ("statement-quoted", "statement-reported", "statement-posted")
#: Nothing but punctuation to the end of the sentence.
_ENDS_SENTENCE = re.compile(r"[\s।!?'\"’”]*$")
#: ", যা দেশ দুটির মধ্যে …", ", যার ফলে …", "… এবং দুই দেশের মধ্যে …": a relative or another clause
#: after the act tells of something else; the two countries it names need not be the act's parties.
_WHICH = re.compile(fold_pattern(r",\s*(?:যা|যার|যাতে|যেখানে|যেটি)(?![\u0980-\u09ff])|\s(?:এবং|আর)\s"))
#: "দেশ দুটি": these two countries, the two just told (not the story's two, as "দুই দেশ" may be).
_THESE_TWO = re.compile(fold_pattern(r"(?:দেশ|রাষ্ট্র)\s*(?:দুটি|দুটো)(?![\u0980-\u09ff])"))
#: The two sides of talks ("উভয় পক্ষ", "দুই পক্ষ"): those of the meeting just told.
_SIDES = re.compile(fold_pattern(r"(?:উভয়|দুই)\s+পক্ষ"))
#: A trigger that names a meeting only as a time reference ("বৈঠকের পর", "বৈঠকের সময়").
_ANCHORED = re.compile(fold_pattern(r"(?:ে|ের|ার|ায়)\s+(?:সময়|শেষে|পর)$"))
#: Symmetric event classes that still have one acting side, named as the nominative subject.
ONE_SIDED = ("Statement", "AgreementTermination")
#: "the two ministers" who met (not a country's own two: "দেশটির দুই রাষ্ট্রপ্রধান"); what they say
#: together is no statement of either.
_TWO_MINISTERS = re.compile(fold_pattern(r"(?:দুই|উভয়)\s+(?:মন্ত্রী|পররাষ্ট্রমন্ত্রী)(?![\u0980-\u09ff])"))
_TWO_LEADERS = re.compile(fold_pattern(r"দুই নেতা|উভয় নেতা|(?<![\u0980-\u09ff])(?:দুজন|দু'জন|দু’জন)(?:ের|েরই|ই)?(?![\u0980-\u09ff])"))
_VISIT_NOUN = re.compile(fold_pattern(r"\s+(?:সফর|ভ্রমণ)"))
_NEGATED_VERB = re.compile(fold_pattern(r"\S*(?:নি|না)(?![\u0980-\u09ff])"))
#: A trigger ending before its verb ("দূতাবাস বন্ধ", "সম্পর্ক ছিন্ন") is negated by the verb phrase
#: that follows it: a finite verb with the negative suffix -নি ("করেনি", "করা হয়নি", "ঘোষণা
#: করেনি") or a separate না/নি/নেই/নয় ("করছে না"), within the next three words of the clause.
_NEGATED_PHRASE = re.compile(fold_pattern(
    r"^\S*(?:\s+(?!(?:এবং|ও|আর|কিন্তু)(?![\u0980-\u09ff]))[^\s,;।]+){0,2}?\s+(?:"
    r"(?:কর|করা\s+হ|দে|দি|হ|যা|গে|আস|এস|জানা|জানি|পাঠা|পাঠি|পৌঁছ|রাখ|রেখ|খোল|খুল|বস|নে|নি|পা|পে|থাক)\S*নি"
    r"|না|নি|নেই|নয়|নাই)(?![\u0980-\u09ff])"))
#: An infinitive followed by a verb of wanting, trying, urging or persuading: "সম্পর্ক ছিন্ন করতে চায়",
#: "সম্পর্ক ছিন্ন করতে রাজি করানোর চেষ্টা", "সেনা পাঠাতে আহ্বান জানায়" — wished for, not done.
_INFINITIVE_END = re.compile(fold_pattern(r"\S*তে$"))
_INFINITIVE_NEXT = re.compile(fold_pattern(r"^\s*\S*তে(?![\u0980-\u09ff])"))
_IRREALIS = re.compile(fold_pattern(
    r"^\s*(?:\S*তে\s+)?(?:[^\s,;।]+\s+)?(?:চায়|চান|চাইছে|চাইছেন|চেয়েছে|চেয়েছেন|চেয়েছিল|চেয়েছিলেন|চাইলে|"
    r"রাজি\s+করা|চেষ্টা|আহ্বান|অনুরোধ|চাপ)"))


#: A condition whose outcome is still to come: "দূতাবাস চালু হলে তা হবে …" (if it opens, it will be …);
#: a past main verb makes it a when-clause instead ("ইরাক আক্রমণ করিলে পিয়ংইয়াং … অবলম্বন করে").
#: (the main verb in the future, or "পারে", later in the sentence)
_FUTURE_LATER = r"[^।]*?(?:(?<![\u0980-\u09ff])পারে|[\u0980-\u09ff](?:বে|বেন))(?![\u0980-\u09ff])"
_IF_THEN = re.compile(fold_pattern(
    r"(?:ের|র)?\s*(?:(?:হলে|করলে|করা\s+হলে|দিলে|পাঠালে|খুললে|খোলা\s+হলে|গেলে|এলে)(?![\u0980-\u09ff]))"
    + _FUTURE_LATER))
#: A trigger that is itself a when- or if-form ("… সফরে গেলে", "… সফর করলে"), and a main verb in the
#: future after it: "কিম মস্কো সফরে গেলে তা হবে প্রথম সফর" (if he goes) is no visit.
_WHEN_FORM = re.compile(fold_pattern(r"(?:গেলে|এলে|করলে|আসিলে|করিলে)$"))
_THEN_FUTURE = re.compile(fold_pattern(_FUTURE_LATER))
#: A trigger ending in the participle "having sent": what follows it is another act's.
_SENT_FIRST = re.compile(fold_pattern(r"(?:পাঠিয়ে|পাঠাইয়া)$"))
#: Only possible: "চুক্তি সই হতে পারে বলে আশা করছেন" (an agreement may be signed), "সম্পর্ক স্থগিত করতে
#: পারেন" (may suspend relations).
_MAYBE = re.compile(fold_pattern(r"\s*(?:হতে|হইতে|করতে|দিতে|পাঠাতে)\s+(?:পারে|পারেন|পারত|পারতো|পারবে|পারবেন)(?![\u0980-\u09ff])"
                                 # or is asked: "সম্পর্ক ছিন্ন করা হবে কি না, এমন প্রশ্নে …"
                                 r"|[^।,]{0,20}?(?<![\u0980-\u09ff])কি\s*না(?![\u0980-\u09ff])"))
#: A clause that what follows is not expected, or only supposed: "মনে করেন না যে …", "যদি …".
_NOT_EXPECTED = re.compile(fold_pattern(
    r"(?:মনে\s+(?:করেন|করে|করছেন|করছে|হয়)\s+না|আশা\s+(?:করেন|করে)\s+না|সম্ভাবনা\s+(?:নেই|কম))\s+যে"
    r"|(?<![\u0980-\u09ff])যদি(?![\u0980-\u09ff])"
    # an allegation or claim reported as such: "অভ্যুত্থানকারীরা অভিযোগ তোলে যে …", "X দাবি করেছিলেন যে …"
    r"|(?:অভিযোগ|দাবি)\s+(?:তোলে|তোলেন|তুলেছে|তুলেছেন|তুলেছিল|করে|করেন|করেছে|করেছেন|করেছিল|করেছিলেন|করছে|করছেন)\s+যে"
    # a rumour: "গুঞ্জন ছড়ায় যে …", "গুজব রটিয়াছিল যে …", "জল্পনা রয়েছে যে …"
    r"|(?:গুজব|গুঞ্জন|জল্পনা)\S*\s+(?:[^\s।,]+\s+)?যে(?![\u0980-\u09ff])"
    # what only some say or think: "কিছু পশ্চিমা গবেষকের দাবি, …", "কোনো কোনো লেখকের মতে …", "কেহ কেহ মনে
    # করেন, …"
    r"|(?:কিছু|কোনো\s+কোনো|কোন\s+কোন|কয়েকজন)\s+(?:[^\s।,]+\s+)?[^\s।,]+(?:ের|র)\s+(?:দাবি|মতে|ধারণা)"
    r"|(?:কেউ\s+কেউ|কেহ\s+কেহ)\s+(?:মনে\s+(?:করেন|করে)|দাবি\s+(?:করেন|করে))"
    r"|ধারণা\s+করা\s+(?:হয়|হচ্ছে)"))
#: What a sentence goes on to deny: "… সরবরাহ করিয়াছিল এমন কোনো প্রমাণ পাওয়া যায় না" (no evidence
#: that it did), "… করেছে, এমন তথ্য নেই".
_NO_EVIDENCE = re.compile(fold_pattern(
    r"[^।]{0,40}?(?:এমন|এইরূপ|এরূপ)\s+(?:কোনো\s+|কোন\s+)?(?:[^\s।]+\s+)?(?:প্রমাণ|তথ্য|নজির|খবর|ঘোষণা)\S*\s+"
    r"(?:[^\s।]+\s+){0,2}?"
    r"(?:নেই|নাই|মেলেনি|মেলে\s+না|(?:পাওয়া\s+যায়|প্রকাশিত\s+হয়|দেওয়া\s+হয়)(?:নি|\s+না|\s+নাই))"
    # or hears it only as a rumour: "… আলোচনা করিয়াছিল বলিয়া শোনা যায়", "… করেছিলেন বলে গুজব রটে"
    r"|[^।,;]{0,30}?(?:বলে|বলিয়া)\s+(?:শোনা\s+(?:যায়|যাচ্ছে|গেছে)|(?:[^\s।,]+\s+)?(?:গুজব|গুঞ্জন|জল্পনা)(?![\u0980-\u09ff])"
    # (or as a report then denied or confirmed: "… সফর করেছে বলে যে খবর বেরিয়েছিল, মন্ত্রী তা নাকচ করেন")
    r"|যে\s+(?:খবর|প্রতিবেদন)\S*(?![\u0980-\u09ff]))"
    # or as a report nobody confirmed: "… আলোচনা হয়েছে বলে … খবর প্রকাশিত হলেও কোনো পক্ষই তা নিশ্চিত করেনি"
    r"|[^।]{0,80}?(?:কোনো|কোন)\s+(?:পক্ষই|পক্ষ|দেশই|সরকারই)\s+(?:তা|এটি|বিষয়টি)?\s*নিশ্চিত\s+(?:করেনি|করে\s+নি|করেনি)"))
#: A verbal noun that names what was considered, threatened, proposed or called for, not done:
#: "সম্পর্ক ছিন্ন করার কথা বিবেচনা করেনি", "দূতাবাস বন্ধ করার হুমকি দেয়", "বহিষ্কারের দাবি জানায়".
_VERBAL_NOUN_END = re.compile(fold_pattern(r"(?:করার|দেওয়ার|দেয়ার|পাঠানোর|নেওয়ার|করিবার|দিবার|\S+(?:ের|ার))$"))
_VERBAL_NOUN_NEXT = re.compile(fold_pattern(
    r"^(?:ে|এ)?\s*(?:করার|দেওয়ার|দেয়ার|পাঠানোর|নেওয়ার|করিবার|দিবার|পাঠাইবার|বসার|যাওয়ার|আসার)(?![\u0980-\u09ff])"))
#: The genitive ending of a verbal noun cut off by the trigger: "চুক্তি স্বাক্ষর|ের বিষয়ে আলোচনা".
_GENITIVE_REST = re.compile(fold_pattern(r"(?:ের|র)(?![\u0980-\u09ff])"))
_CONSIDERED = re.compile(fold_pattern(
    r"^\s*(?:কথা\s+(?:বিবেচনা|ভাব|চিন্তা)|বিষয়টি\s+বিবেচনা|চিন্তাভাবনা|হুমকি|প্রস্তাব|দাবি|আহ্বান|আবেদন|সম্ভাবনা|"
    # "ছিন্ন করার কোনো সিদ্ধান্ত নেয়নি": "কোনো" (any) before the decision is said in the negative
    r"কোনো|কোনও|কোন|আগ্রহ|ইচ্ছা|ইচ্ছে|"
    # talks about doing it: "চুক্তি স্বাক্ষরের বিষয়ে আলোচনা করিয়াছিল" (they talked about signing)
    r"(?:বিষয়ে|ব্যাপারে|প্রশ্নে|নিয়ে)ও?\s+(?:[^\s।]+\s+)?(?:আলোচনা|কথা\s+বল|দরকষাকষি|সমঝোতা\s+হয়নি"
    # or about it nothing was decided: "দূতাবাস খোলার বিষয়ে কোনো সিদ্ধান্ত হয়নি" (also "বিষয়েও কোনও")
    r"|(?:কোনো|কোনও|কোন)\s+সিদ্ধান্ত))"))


#: Another verb coordinated with the trigger before their shared ending: "ছিন্ন বা স্থগিত করার".
_OR_VERB = re.compile(fold_pattern(r"^\s*(?:বা|কিংবা|অথবা|ও|এবং)\s+[^\s।,]+(?=\s)"))


def _irrealis(trigger: str, after: str) -> bool:
    """Whether the trigger is an infinitive that a verb of wanting or urging governs, or a verbal
    noun of what was only considered, threatened or called for."""
    if (other := _OR_VERB.match(after)) is not None and _irrealis(trigger + after[:other.end()], after[other.end():]):
        return True  # "সম্পর্ক ছিন্ন বা স্থগিত করার কোনো পরিকল্পনা নেই"
    if _VERBAL_NOUN_END.search(trigger) and _CONSIDERED.match(after):
        return True
    noun = _VERBAL_NOUN_NEXT.match(after) or _GENITIVE_REST.match(after)
    if noun and _CONSIDERED.match(after[noun.end():]):
        return True  # "সম্পর্ক ছিন্ন | করার কথা বিবেচনা"
    return bool((_INFINITIVE_END.search(trigger) or _INFINITIVE_NEXT.match(after)) and _IRREALIS.match(after))


#: A relative participle before its noun ("বন্ধ হয়ে যাওয়া দূতাবাস", "ঘটে যাওয়া ঘটনা"), not a verbal
#: noun with its own verb ("যাওয়া হয়").
_RELATIVE_PARTICIPLE = re.compile(fold_pattern(r"(?<![\u0980-\u09ff])(?:যাওয়া|হওয়া)\s+(?!হ)[\u0980-\u09ff]"))
#: A letter addressed to someone: "X-এর উদ্দেশে লেখা".
_ADDRESSED = re.compile(fold_pattern(r"\s*(?:উদ্দেশে|উদ্দেশ্যে)\s+(?:লেখা|লিখিত|পাঠানো)"))
#: A message taken to someone's office or residence: "X-এর দপ্তরে পৌঁছে দেন".
_AT_OFFICE = re.compile(fold_pattern(r"\s+(?:দপ্তরে|কার্যালয়ে|বাসভবনে)\s+পৌঁছে"))
#: Up to three words before a message noun: the genitive before them (its ending written apart too,
#: "কিম ইল সুং-এর শুভেচ্ছাবার্তা", and a compound: "অভিনন্দনবার্তা") is its author.
_AUTHOR = re.compile(fold_pattern(r"\]{0,2}(?:-?এর|-?র)?(?:\s+[^\s,;।]+){0,3}?\s+[^\s,;।]*(?:বার্তা|চিঠি)"))
#: A sentence that goes on with the visit just told: "সে সময়", "ওই সফরে", "সফরকালে".
#: A signing named inside an agreement's trigger ("… স্মারক সইয়ের কথা ছিল, … তা স্থগিত"): what was put
#: off is the signing, not an agreement in force.
_SIGNING_WORD = re.compile(fold_pattern(r"সই|স্বাক্ষর"))
#: "সম্পর্ক" (relations) right after a genitive country, an adjective between at most.
_RELATION_AFTER = re.compile(fold_pattern(r"\s*(?:[^\s।,]+\s+)?সম্পর্ক"))
#: A thing in the accusative right before "সমর্থন" ("নিরস্ত্রীকরণকে", "প্রস্তাবকে"): what is backed.
_THING_BACKED = re.compile(fold_pattern(r"(?<![\u0980-\u09ff])[\u0980-\u09ff]{3,}(?:কে|টিকে)\s*$"))
_DURING = re.compile(fold_pattern(r"\s*(?:সে সময়|ওই সময়|এ সময়|এই সময়|সেই সময়|ওই সফরে|এই সফরে|সেই সফরে|সফরকালে|সফরে|সেখানে)"))
_FUTURE_WORDS = re.compile(fold_pattern(r"আমন্ত্রণ|আগামী|হতে যাওয়া"))
_INVITATION = re.compile(fold_pattern(r"আমন্ত্রণ"))
_DATIVE = re.compile(fold_pattern(r"(?:নিকট|কাছে)(?![\u0980-\u09ff])"))
#: A head of state's or government's title in the genitive right before "কাছে".
_TITLE_BEFORE = re.compile(fold_pattern(
    r"(?:সভাপতি|প্রেসিডেন্ট|রাষ্ট্রপতি|প্রধানমন্ত্রী|রাজা|রানি|রানী|রাষ্ট্রপ্রধান|সরকারপ্রধান)(?:র|ের)\s+$"))
_DURING_VISIT = re.compile(fold_pattern(r"সফরকালে|এই সফরে"))
_RELATIVE_CLAUSE = re.compile(fold_pattern(r",\s*(?:যাকে|যা|যেটিকে|যেটি|যাদের|যাঁকে|যাতে|যেখানে)(?![\u0980-\u09ff])"))
#: "… বলে X জানায়/দাবি করে": the reported clause ends at "বলে" and its reporter follows.
_SAID_BY = re.compile(fold_pattern(
    r"(?<=\S)\s+বলে\s+(?=[^।,;]{0,80}?(?:জানা|জানি|দাবি|উল্লেখ|অভিযোগ|বলেছে|বলেন|মনে কর|ধারণা))"))
#: "X বলেছে যে …", "X জানায়, …": the reporter is not a participant of what is reported.
_REPORTING = re.compile(fold_pattern(r"(?:বলেছে|বলেছেন|বলেন|জানিয়েছে|জানিয়েছেন|জানায়|জানান|ঘোষণা করেছে|ঘোষণা করেছিল|ঘোষণা দেন|ঘোষণা দিয়েছেন|ঘোষণা দেয়|ঘোষণা দিয়েছে|ঘোষণা করেন|অভিযোগ করেছে|দাবি করেছে|বলা হয়েছে|বলা হয়|জানানো হয়েছে|জানানো হয়|(?:এর|র)\s+দাবি|(?:এর|র)\s+ভাষ্যমতে|দাবি করা হয়েছিল|দাবি করা হয়েছে|দাবি করা হয়)(?:\s+যে\s|\s*,\s)"))


#: After a name: "in the presence of" (X-এর উপস্থিতিতে), a witness.
_PRESENCE = re.compile(fold_pattern(r"\s*উপস্থিতিতে(?![\u0980-\u09ff])"))
#: After a nationality adjective: its troops ("উত্তর কোরীয় সেনাকেও").
_TROOP_GROUP = re.compile(fold_pattern(r"\s*(?:সেনা|সৈন্য|সৈনিক|সেনাসদস্য)"))
#: "the embassy", named again.
_DEFINITE_MISSION = re.compile(fold_pattern(r"(?:দূতাবাস|কনস্যুলেট|কনসুলেট)টি"))
#: "they", as a clause's subject.
_THEY = re.compile(fold_pattern(r"(?<![\u0980-\u09ff])(?:তাঁরা|তারা)(?![\u0980-\u09ff])"))
#: After a place: "located in" (X-এ অবস্থিত), where something is.
_LOCATED = re.compile(fold_pattern(r"\s*(?:অবস্থিত|স্থিত)(?![\u0980-\u09ff])"))
#: A relative clause between commas inside a sentence: ", যাঁরা … ছিলেন,".
_EMBEDDED_RELATIVE = re.compile(fold_pattern(
    r",\s*(?:যাঁরা|যারা|যিনি|যাঁর|যার|যাঁদের|যাদের|যাঁকে|যাকে)\s[^,।]*?,"
    # (not "যারা …, তাদের …": a correlative pair, whoever … they)
    r"(?!\s*(?:তারা|তাঁরা|তাদের|তাঁদের|তিনি|তাঁর|তার|তাকে|তাঁকে|সে|তা)(?![\u0980-\u09ff]))"))


#: A list set off by dashes: "চারটি দেশ — স্পেন, যুক্তরাজ্য ও কাতার — থেকে".
_DASHED_LIST = re.compile(r"\s[—–-]\s(?=[^—–।;]{1,120}?(?:,|\sও\s|\sএবং\s)[^—–।;]{1,120}?\s[—–-]\s)"
                          r"|(?<=[^—–।;]{3})\s[—–-]\s(?=থেকে|হতে|কাছ|কাছে|সঙ্গে|সাথে|এর|কে)")


def _undashed(sentence: str) -> str:
    """The sentence with the dashes around a list blanked, so that they end no clause."""
    return _DASHED_LIST.sub(lambda m: " " * len(m.group(0)), sentence)


def _masked(sentence: str, spans: list[tuple[int, int]]) -> str:
    """The sentence with the given spans blanked out (offsets kept)."""
    for a, b in spans:
        sentence = sentence[:a + 1] + " " * (b - a - 2) + sentence[b - 1:]
    return sentence


def clauses(sentence: str) -> list[tuple[int, int, bool]]:
    """Clause spans of a folded sentence, and whether each ends in a conditional ("… হলে")."""
    out, pos = [], 0
    for m in CLAUSE_END.finditer(sentence):
        out.append((pos, m.end(), bool(_CONDITIONAL.search(m.group(0)))))
        pos = m.end()
    out.append((pos, len(sentence), False))
    return out


_DEMONSTRATIVE = re.compile(fold_pattern(r"(?<![\u0980-\u09ff])(?:এই|সেই|ওই|এ|একই)(?![\u0980-\u09ff])"))
#: A weapon named in the text: up to two words before the weapon noun ("স্কুড-বি আন্তঃমহাদেশীয় মিসাইল").
WEAPON_NOUNS = tuple(fold_pattern(w) for w in ("মিসাইল", "মিসসাইল", "ক্ষেপণাস্ত্র", "ট্যাংক", "যুদ্ধবিমান", "রকেট"))
WEAPON_NAME = re.compile(fold_pattern(r"(?:[^\s।,]+\s+){1,2}") + f"(?:{'|'.join(WEAPON_NOUNS)})")
#: What may stand between an embassy's owner and "দূতাবাস": a determiner or an adjective of the mission.
_MISSION_GAP = re.compile(fold_pattern(r"\s*(?:(?:একটি|একটা|নিজস্ব|নতুন|পুরোনো|পুরনো|পুরাতন|সাবেক|স্থায়ী|আবাসিক|পূর্ণাঙ্গ)\s+)*"))
#: A delegation, or a team of a kind ("একটি কারিগরি দল", "সংসদীয় দল"): people sent by a country.
_DELEGATION = re.compile(fold_pattern(
    r"প্রতিনিধি\s*দল|প্রতিনিধিদল|(?<![\u0980-\u09ff])(?:কারিগরি|সংসদীয়|সাংস্কৃতিক|বাণিজ্য|বাণিজ্যিক|সামরিক|"
    r"ক্রীড়া|বিশেষজ্ঞ|প্রযুক্তিগত|সরকারি|উচ্চপর্যায়ের|চিকিৎসক|পরিদর্শক|পর্যবেক্ষক)\s+দল(?:টি)?(?![\u0980-\u09ff])"))


def _agents(mentions: list[Mention], ctx: DocumentContext, lex: Lexicon) -> list[Mention]:
    """Mentions that can take part in events: agents, capitals standing for their country, and
    'দেশটি' references resolved; modifiers are left out."""
    out = []
    for m in mentions:
        if m.modifier:
            continue
        e = m.entity
        if e.slug == "?country":
            continue  # resolved per event by _resolve_pronouns
        if e.kind == "City" and e.slug in lex.seats and lex.seats[e.slug].slug in ctx.near_bodies:
            # "ইউরোপীয় ইউনিয়ন … । ব্রাসেলস … নিষেধাজ্ঞা ঘোষণা করে": the body seated there, just named
            m = Mention(lex.seats[e.slug], m.start, m.end, m.tok, m.tok_end, m.case, m.post, via="capital",
                        coord=m.coord)
        elif e.kind == "City":
            if not e.capital or not e.country:
                continue
            m = Mention(lex.entities[e.country], m.start, m.end, m.tok, m.tok_end, m.case, m.post, via="capital",
                        coord=m.coord)
        if e.kind == "Organization" and e.position == "ministry" and e.country in lex.entities:
            # a state's ministry acts for the state ("ব্রিটিশ পররাষ্ট্র দপ্তরের একটি প্রতিনিধিদল")
            m = Mention(lex.entities[e.country], m.start, m.end, m.tok, m.tok_end, m.case, m.post, via="capital",
                        coord=m.coord)
        if m.post == "led":  # the leader of a delegation or a force acts as its subject
            m = Mention(m.entity, m.start, m.end, m.tok, m.tok_end, "nom", "", via=m.via, coord=m.coord)
        if m.entity.kind in AGENT_KINDS:
            out.append(m)
    return out


def _resolve_pronouns(agents: list[Mention], pronouns: list[Mention], ctx, lex) -> list[Mention]:
    """'দেশটি' (the country) is the document's other country, seen from the sentence's own."""
    if not pronouns:
        return agents
    named = None
    for p in pronouns:
        subjects = [a for a in agents if a.start < p.start and a.case == "nom" and not a.post]
        if subjects:
            named = subjects[-1].entity
            break
    named = named or next((a.entity for a in agents), None)
    other = _partner(ctx, named, lex) if named is not None else None
    if other is None and not agents and len(ctx.topic) == 2:
        return agents  # nothing fixes which of the two it is
    out = list(agents)
    subjects = [a for a in agents if a.case == "nom" and not a.post]
    last = next((a for a in reversed(subjects) if a.start < pronouns[0].start), None)
    if last is not None and any(a.start < last.start and a.coord < 0 for a in subjects):
        # "নাইজেরিয়া স্বাধীন হওয়ার পরপরই দক্ষিণ কোরিয়া দেশটিকে …": the subject of an earlier clause
        # is not the pronoun's own side; the subject right before it, and those listed with it, are
        subjects = [a for a in subjects if a is last or a.start > last.start or last.coord >= 0 and a.coord == last.coord]
    own = {c.slug for c in (_country_of(a.entity, lex) for a in subjects)
           if c is not None} or ({_country_of(named, lex).slug} if named is not None and _country_of(named, lex) else set())
    for p in pronouns:
        # "ইরাক উত্তর কোরিয়ার সঙ্গে সম্পর্ক ছিন্ন করে এবং দেশটির কূটনীতিকদের বহিষ্কার করে": the other
        # country the sentence has just named (not one of its subjects), else the document's other country
        # (or the subject of another clause: "ফিলিস্তিন … ঘোষিত হইলে উত্তর কোরিয়া … রাষ্ট্রটিকে স্বীকৃতি দেয়")
        pool = list(agents) + [x for x in ctx.sentence_mentions if x.case == "nom" and not x.post and not x.modifier]
        pool.sort(key=lambda a: a.start)
        before = [a for a in pool if a.start < p.start and a.entity.kind == "Country"
                  and a.entity.slug in lex.entities and a.post not in ("source", "than", "by", "under")
                  and a.entity.slug not in own]
        referent = before[-1].entity if before else other
        # ("স্পেন, উগান্ডা ও অ্যাঙ্গোলাসহ কয়েকটি দেশে": the list the pronoun sums up, every member)
        coord = before[-1].coord if before and before[-1].case == "loc" == p.case else -1
        if not before and p.case == "nom" and not p.post and ctx.last_country is not None \
                and ctx.last_country.slug in lex.entities \
                and all(a.entity.slug != ctx.last_country.slug for a in agents if a.case != "loc"):
            referent = ctx.last_country  # "দেশটি/সরকারটি … বহিষ্কার করে": the subject, the country last named as one
        fallback = ctx.home() if ctx.home() is not None and ctx.home().slug not in own else ctx.last_country
        if referent is None and p.case == "acc" and fallback is not None and fallback.slug in lex.entities \
                and fallback.slug not in own and not any(
                    x.entity.kind in ("Country", "City") and x.entity.slug not in own and x.via != "pronoun"
                    for x in ctx.sentence_mentions):
            # "যুক্তরাষ্ট্র নতুন রাষ্ট্রটিকে স্বীকৃতি দেয়": the country the story is about, else the one it
            # was just about
            referent = fallback
        if referent is not None:
            if before and referent is not before[-1].entity:
                coord = -1
            out.append(Mention(referent, p.start, p.end, p.tok, p.tok_end, p.case, p.post, via="pronoun",
                               coord=coord))
    return sorted(out, key=lambda m: m.start)


def _visit_told(mentions: list[Mention], sentence: str, s_start: int, t0: int, lex: Lexicon) -> list[Entity] | None:
    """The visitor's country and the host of a visit named before ``t0``: "X-এর Y সফরের সময়"."""
    for a, b in zip(mentions, mentions[1:]):
        if b.end > t0 or a.post or a.entity.kind not in ("Person", "Country") \
                or b.entity.kind not in ("City", "Country") or not _VISIT_NOUN.match(sentence, b.end - s_start):
            continue
        # "X-এর Y সফরের সময়", or "X Y সফর করেন …; সফরে …" (the visit goes on in the clause of the trigger)
        if not (a.case == "gen" or a.case == "nom" and _IN_VISIT.search(sentence, b.end - s_start + 4, t0 - s_start)):
            continue
        guest = _country_of(a.entity, lex)
        host = lex.entities.get(b.entity.country) if b.entity.kind == "City" else b.entity
        if guest is not None and host is not None and guest.slug != host.slug:
            return [guest, host]
    return None


_TWO_TITLED = re.compile(fold_pattern(r"(?:দুই|উভয়)\s+([^\s।,]+)"))


def _two_titled(ctx: DocumentContext, sentence: str, lex: Lexicon) -> list[Entity] | None:
    """The countries of "the two presidents" (or ministers): the last two people named who hold
    that office, for two countries ("দুই প্রেসিডেন্টের উপস্থিতিতে দুই দেশের মন্ত্রীরা …")."""
    found = _TWO_TITLED.search(sentence)
    title = lex.title(found.group(1)) if found else None
    if title is None:
        return None
    countries: list[Entity] = []
    for person in reversed(ctx.recent_people):
        c = _country_of(person, lex)
        if person.position == title[0] and c is not None and c.slug not in {x.slug for x in countries}:
            countries.append(c)
        if len(countries) == 2:
            return countries
    return None


def _two_met(sentence: str) -> bool:
    """Whether the sentence speaks of "the two leaders" or "these two ministers"."""
    return bool(_TWO_LEADERS.search(sentence) or _TWO_MINISTERS.search(sentence))


def _names_country(ctx: DocumentContext, t0: int) -> bool:
    """Whether the sentence names a country (or a capital) of its own before the trigger (not as
    the object: "দুই দেশ উত্তর কোরিয়াকে … আহ্বান জানায়")."""
    return any(a.via != "pronoun" and a.start < t0 and a.entity.kind in ("Country", "City")
               and a.case != "acc" and a.post not in ("to", "on", "against") for a in ctx.sentence_mentions)


def _partner(ctx: DocumentContext, e: Entity | None, lex: Lexicon) -> Entity | None:
    """The other of the document's two countries, seen from ``e`` (a country or a person's)."""
    if len(ctx.topic) < 2 or e is None:
        return None
    country = e if e.kind == "Country" else (lex.entities.get(e.country) if e.country else None)
    if country is None:
        return None
    if country.slug == ctx.topic[0].slug:
        return ctx.topic[1]
    if country.slug == ctx.topic[1].slug:
        return ctx.topic[0]
    return None


def _country_of(e: Entity, lex: Lexicon) -> Entity | None:
    if e.kind == "Country":
        return e
    return lex.entities.get(e.country) if e.country else None


def read_events(
    sentence: str,
    s_start: int,
    mentions: list[Mention],
    dates: list[DateMention],
    inherited: list[DateMention],
    ctx: DocumentContext,
    lex: Lexicon,
    doc_date: PartialDate | None,
    raw_of=None,
) -> list[tuple[Event, int, int]]:
    """Events in one folded sentence (``sentence`` is the folded text, starting at ``s_start``).

    Returns events with the folded span of their trigger."""
    ctx.sentence_mentions = mentions
    ctx.last_pair_age += 1
    ctx.these_two_age += 1
    ctx.last_visit_age += 1
    if ctx.last_pair is not None and {m.entity.slug for m in mentions if m.entity.kind == "Country"
                                      and not m.modifier} == {c.slug for c in ctx.last_pair}:
        # "তবে দক্ষিণ কোরিয়া ইসরায়েলকে …": a sentence on the same two keeps them the pair of "দুই দেশ"
        ctx.last_pair_age = 0
    _, planned_pat, negation = rules()
    out = []
    spans: list[tuple[int, int, bool]] = []  # the sentence's clauses, found at its first trigger
    for rule, starts in rule_candidates(sentence):
        if rule.requires and not rule.requires.search(sentence):
            continue
        if rule.excludes and rule.excludes.search(sentence):
            continue
        triggers = rule.trigger.finditer(sentence) if starts is None else matches_at(
            rule.trigger, sentence, starts, len(sentence))
        for m in triggers:
            t0, t1 = m.start() + s_start, m.end() + s_start
            after = sentence[m.end():m.end() + 24]
            if negation.match(after) or _NEGATED_VERB.match(sentence[m.end() - 2:m.end() + 4]):
                continue
            # (what is said after "বলেন," is not the saying's verb: "X বলেন, পিয়ংইয়াং যতক্ষণ না …")
            neg = not re.search(r"[,:]\s*$|যে\s*$", m.group(0)) and _NEGATED_PHRASE.match(sentence[m.end():m.end() + 60])
            if neg and not any(x.start <= t1 + neg.end() - 1 < x.end for x in mentions):
                continue  # (a name ending in -নি, "পাপুয়া নিউগিনি", is no negated verb)
            if _irrealis(m.group(0), sentence[m.end():m.end() + 60]) or _MAYBE.match(sentence, m.end()) \
                    or _IF_THEN.match(sentence, m.end()) \
                    or _WHEN_FORM.search(m.group(0)) and _THEN_FUTURE.match(sentence, m.end()):
                continue
            if _NOT_EXPECTED.search(sentence, 0, m.start()) or _NO_EVIDENCE.match(sentence, m.end()):
                continue  # "… মনে করেন না যে X সম্পর্ক ছিন্ন করবে", "যদি X … করে, তাহলে": not told as fact
            # (what follows "X জানান," is what was said: "মানবিক কারণে …" is no background to it)
            if _BACKGROUND.match(after) and not m.group(0).endswith(",") and not any(
                    not d.anchor and d.end <= t0 and _DATED_PHRASE.fullmatch(sentence, d.end - s_start, m.start())
                    for d in dates):
                continue  # background, unless dated in its own phrase ("১৯৯২ সালে সম্পর্ক প্রতিষ্ঠার পর")
            # only the reported clause counts after "X বলেছে যে …"
            clause_start = s_start
            rep = None
            for r in _REPORTING.finditer(sentence, 0, m.start()):
                rep = r
            if rep:
                clause_start = s_start + rep.end()
            ms = [x for x in mentions if x.start >= clause_start]
            # ", যাকে ইতিহাসবিদেরা … বলে অভিহিত করেছেন": a trigger inside a trailing relative clause
            # has its parties in that clause, not in the main one before it
            rel = None
            for r in _RELATIVE_CLAUSE.finditer(sentence, 0, m.start()):
                rel = r
            if rel is not None and "," not in sentence[rel.end():m.start()]:
                ms = [x for x in ms if x.start >= s_start + rel.end()]
            later = _RELATIVE_CLAUSE.search(sentence, m.end())
            if later is not None:  # "… আলোচনা অনুষ্ঠিত হয়, যাতে X …": X is in another clause
                ms = [x for x in ms if x.start < s_start + later.start()]
            # "… চুক্তিতে স্বাক্ষর করে বলে কেসিএনএ দাবি করে": who reports it after "বলে" is no party
            said = _SAID_BY.search(sentence, m.end()) if rule.cls != "Statement" else None
            if said:
                ms = [x for x in ms if x.start < s_start + said.end()]
            # ", যাঁরা মনরোভিয়ার দায়িত্বেও ছিলেন,": a relative clause set off by commas inside the clause
            # is an aside: its words are no party and its verb ends no clause
            asides = [(r.start(), r.end()) for r in _EMBEDDED_RELATIVE.finditer(sentence)
                      if not r.start() <= m.start() < r.end()]
            if asides:
                ms = [x for x in ms if not any(a <= x.start - s_start < b for a, b in asides)]
            if _SENT_FIRST.search(m.group(0)):
                ms = [x for x in ms if x.start < t1]  # "… সৈন্য পাঠিয়ে ইরাকি বাহিনীকে হটায়": the next act's object
            spans = spans or clauses(_undashed(_masked(sentence, asides)))
            ms, dated_in = _clause_mentions(sentence, s_start, m.start(), ms, dates, spans)
            ms = [x for x in ms if not _in_background(x, sentence, s_start, m.start())]
            topics: set[str] = set()
            if rule.cls in _TOPICAL:
                about = [x for x in ms if _topic(x, ms, sentence, s_start, m.start())]
                topics = {x.entity.slug for x in about}
                ms = [x for x in ms if x not in about]
                topics -= {x.entity.slug for x in ms}
            # "X-এর সঙ্গে লেনদেনের অভিযোগে …": a partner in the charge is not a party to the act
            ms = [x for x in ms if not (x.post == "with" and x.start - s_start < m.start()
                                        and _REASON.match(sentence, x.end - s_start, m.start()))]
            # "লাগোসে অবস্থিত উত্তর কোরীয় দূতাবাস": where a thing is, not a party
            ms = [x for x in ms if not (x.case == "loc" and _LOCATED.match(sentence, x.end - s_start))]
            agents = _agents(ms, ctx, lex)
            pronouns = [x for x in ms if x.entity.slug == "?country"]
            agents = _resolve_pronouns(agents, pronouns, ctx, lex)
            both = any(b.start() < m.end() or not _WHICH.search(sentence, m.end(), b.start())
                       for b in BOTH_COUNTRIES.finditer(sentence))
            events = _apply(rule, m, sentence, s_start, t0, agents, pronouns, both, ctx, lex, ms)
            if topics:  # nor does the document's other country stand in for a partner talked about
                events = [ev for ev in events if not (ev.cls == "Meeting" and any(
                    e.slug in topics for e in ev.participants))]
            for ev in events:
                if rule.weapon:
                    w = rule.weapon.search(sentence, max(0, m.start() - 60), m.end())
                    if w:
                        phrase = w.group(0).strip()
                        if _DEMONSTRATIVE.search(phrase) and ctx.last_weapon:
                            ev.weapon = ctx.last_weapon  # "এই ধরনের মিসাইল": the one named before
                        elif raw_of is not None:
                            ev.weapon = re.sub(r"'{2,}", "", raw_of(s_start + w.start(), s_start + w.end())).strip()
                        else:
                            ev.weapon = phrase
                if rule.agreement:
                    window = sentence[max(0, m.start() - 60):m.end() + 10]
                    for kind, pat in AGREEMENT_KINDS:
                        if re.search(pat, window):
                            ev.agreement_kind = kind
                            break
                # (a future word makes the act planned unless it is in another clause: "… চুক্তি সই করে,
                # যার প্রথম চালান আগামী বছর পৌঁছানোর কথা")
                clause = next(((a, b) for a, b, _ in spans if a <= m.start() < b), (0, len(sentence)))
                planned = bool(planned_pat.search(sentence[m.start():min(m.end() + 40, max(clause[1], m.end()))]))
                planned = planned or bool(_FUTURE_WORDS.search(sentence, clause[0], clause[1]))
                if _INVITATION.search(m.group(0)):
                    planned = False  # the invitation itself was sent
                # a plan reported in a dated story ("এই সফরে … ঘোষণা দেবেন") does not take the past
                # date of the sentence before it: it belongs to the story's own year
                # (a date that only names something, "১৯৮২ সালের চুক্তিটি", leaves the act undated)
                own = [d for d in dated_in if not d.anchor] and dated_in or (
                    [] if planned and doc_date and not THERE.match(sentence) else inherited)
                # "মহামারির সময় বন্ধ হয়ে যাওয়া দূতাবাস …": a date inside a relative participle phrase
                # dates that phrase, not the main verb
                # (unless it is the time the story is at: "একই মাসে … পাস হওয়া আইনের আওতায় … আরোপ করে")
                own = [d for d in own if not (s_start <= d.end <= t0 and _RELATIVE_PARTICIPLE.search(
                    sentence, d.end - s_start, m.start())) or any(d.value is not None and d.value == i.value
                                                                  for i in inherited)]
                if rule.id in SPEECH and doc_date is not None \
                        and own and all(d.start >= t0 and not d.future for d in own):
                    # "মুসেভেনি বলেন, ২০১৬ সালে নেওয়া সিদ্ধান্ত …": a date in what was said dates that, not
                    # the saying, which is the story's
                    own = [DateMention(t0, t0, value=PartialDate(doc_date.year, doc_date.month))]
                elif rule.id in SPEECH and doc_date is not None and not dated_in and own \
                        and _SAID_NOW.search(m.group(0)) and all(
                            (d.value or d.finish) and (d.value or d.finish).year < doc_date.year - 1 for d in own):
                    # "… ১৯৫১ সালে … সেনা পাঠায়। লি বলেন, …": what a news story quotes is said now, not in
                    # the years the sentence before looked back to
                    own = [DateMention(t0, t0, value=PartialDate(doc_date.year, doc_date.month))]
                for dated in [x for one, its in _each_with_its_date(ev, rule, ms, own, sentence, s_start, t0)
                              for x in _dated(one, t0, its, rule, sentence, s_start)]:
                    if ev.cls == "Statement" and doc_date and dated.date and not planned_pat.search(m.group(0)) \
                            and dated.date.sort_key()[:1] > doc_date.sort_key()[:1]:
                        # "X জানান, আগামী বছর …": what was said is about next year; it was said now
                        dated.date, dated.planned = PartialDate(doc_date.year, doc_date.month), False
                        out.append((dated, t0, t1))
                        continue
                    if dated.date and doc_date and dated.date.sort_key()[:1] > doc_date.sort_key()[:1]:
                        planned = True
                    dated.planned = planned or any(d.future for d in dates
                                                   if clause[0] <= d.start - s_start < clause[1])
                    if dated.planned and doc_date:
                        dated.date = _coming(dated.date, own, doc_date, sentence, s_start, m.start())
                        if not dated_in and THERE.match(sentence) and ctx.plan_before is not None:
                            dated.date = ctx.plan_before  # (the visit's coming day, as the sentence before had it)
                        elif dated.date is not None:
                            ctx.last_plan = dated.date
                    if dated.planned and doc_date and dated.date is None and dated.start is None:
                        dated.date = PartialDate(doc_date.year)
                    out.append((dated, t0, t1))
    for ev, _, _ in out:
        if ev.cls in ("MissionOpening", "MissionClosure") and ev.actors and ev.recipients:
            ctx.last_mission = (ev.actors[0], ev.recipients[0])
        if ev.cls == "Visit" and ev.actors and ev.recipients:
            home = _country_of(ev.actors[0], lex)
            if home is not None and home.slug != ev.recipients[0].slug:
                ctx.last_visit, ctx.last_visit_age = (home, ev.recipients[0]), 0
                ctx.last_pair, ctx.last_pair_age = ctx.last_visit, 0
        if ev.actors and ev.recipients and ev.actors[0].kind == ev.recipients[0].kind == "Country" \
                and ev.actors[0].slug != ev.recipients[0].slug and ev.cls == "ReduceRelations" \
                and sentence.rstrip().endswith("।"):  # (told in a sentence, not a headline's)
            # (ties cut or a mission shut: "ভিয়েনতিয়েন সিউলের সঙ্গে সম্পর্ক ছিন্ন করে। … দেশ দুটি আবার …")
            ctx.last_pair, ctx.last_pair_age = (ev.actors[0], ev.recipients[0]), 0
        if ev.cls in ("Meeting", "MilitaryCooperation", "Cooperation", "AgreementSigning") \
                and len(ev.participants) == 2 and all(p.kind in ("Person", "Country") for p in ev.participants):
            # (also a joint exercise or a deal: "… যৌথ মহড়া …। আগামী মাসে দুই দেশের সেনাদের আরেকটি মহড়া …")
            sides = [_country_of(p, lex) for p in ev.participants]
            if None not in sides and sides[0].slug != sides[1].slug:
                ctx.last_pair, ctx.last_pair_age = (sides[0], sides[1]), 0
    if ctx.last_pair_age:
        # "দক্ষিণ কোরিয়ার সঙ্গে আর্জেন্টিনার সম্পর্ক …। … দুই দেশ …": the relation just named
        partner = next((a.entity for a in mentions if a.entity.kind == "Country" and a.post == "with"
                        and not a.modifier and a.entity.slug in lex.entities), None)
        owner = next((a.entity for a in mentions if a.entity.kind == "Country" and a.case == "gen" and not a.post
                      and _RELATION_AFTER.match(sentence, a.end - s_start) and a.entity.slug in lex.entities), None)
        if partner is not None and owner is not None and partner.slug != owner.slug:
            ctx.last_pair, ctx.last_pair_age = (owner, partner), 0
    # "মস্কো ও পিয়ংইয়াং … স্বীকার করে। দেশ দুটি …": two states the subject coordinates
    subject = [_country_of(a.entity, lex) for a in mentions if a.case == "nom" and not a.post and a.coord >= 0
               and not a.modifier and a.entity.kind in ("Country", "City")
               and (a.entity.kind == "Country" or a.entity.capital)]
    states = {c.slug: c for c in subject if c is not None and c.slug in lex.entities}
    if len(states) == 2 and len(subject) == 2:
        ctx.these_two, ctx.these_two_age = (*states.values(),), 0
    # a pronoun nothing resolved ("দেশটি" with no country to stand for) makes no event
    out = [x for x in out if not any(e.slug.startswith("?") for e in x[0].agents())]
    for ev, _, _ in out:  # a state's firm or party acting takes its state along ("উত্তর কোরিয়ার মানসুদে …")
        if ev.cls in _STATE_WORK and ev.actors and ev.actors[0].kind == "Organization" and \
                ev.actors[0].position in ("company", "aid agency") and ev.actors[0].country in lex.entities:
            # what a state firm builds or sells abroad is its state's doing; the firm takes part
            ev.participants.append(ev.actors[0])
            ev.actors = [lex.entities[ev.actors[0].country]]
        for e in ev.actors + ev.recipients + ev.participants:  # ("মানসুদের সঙ্গে চুক্তি বাতিল": its state too)
            home = lex.entities.get(e.country) if e.kind == "Organization" and e.country else None
            if home is not None and home.slug not in {x.slug for x in ev.agents()}:
                ev.participants.append(home)
    return _dedupe(_distributed(out, mentions, dates, lex))


def _distributed(out: list[tuple[Event, int, int]], mentions: list[Mention], dates: list[DateMention],
                 lex: Lexicon) -> list[tuple[Event, int, int]]:
    """"ওমান ১৯৯২ সালে, কাতার ১৯৯৩ সালে, কুয়েত ও বাহরাইন ২০০১ সালে উত্তর কোরিয়ার সঙ্গে সম্পর্ক প্রতিষ্ঠা
    করে": subjects each followed by their own year share out one event, with its other side."""
    result = []
    for ev, t0, t1 in out:
        pairs = []
        if ev.cls in ("RelationsEstablished", "Recognition") and ev.date is not None:
            subjects = [m for m in mentions if m.entity.kind == "Country" and m.case == "nom" and not m.post
                        and not m.modifier and m.end <= t0 and m.entity.slug in lex.entities]
            for m in subjects:
                d = next((d for d in dates if d.value is not None and 0 < d.start - m.end <= 3), None)
                if d is not None:
                    group = [x for x in subjects if x is m or (m.coord >= 0 and x.coord == m.coord)]
                    pairs.append(([x.entity for x in group], d.value))
        if ev.cls == "RelationsEstablished" and len(pairs) < 2 and len(ev.participants) >= 3:
            # "ফিনল্যান্ড … দুই কোরিয়ার সঙ্গেই সম্পর্ক স্থাপন করে": one relation with each partner listed
            partners = [m for m in mentions if m.post == "with" and m.coord >= 0 and m.end <= t1
                        and m.entity.slug in {e.slug for e in ev.participants}]
            if len({m.coord for m in partners}) == 1 and len(partners) >= 2:
                pairs = [([m.entity], ev.date) for m in partners]
        others = [e for e in ev.agents() if not any(e.slug == x.slug for group, _ in pairs for x in group)]
        if len(pairs) < 2 or len(others) != 1:
            result.append((ev, t0, t1))
            continue
        for group, when in pairs:
            for country in group:
                copy = Event(**{**ev.__dict__})
                if when is not None or ev.date is not None:
                    copy.date, copy.start, copy.end = when, None, None
                if ev.cls == "Recognition":
                    copy.actors, copy.recipients, copy.participants = [country], list(others), []
                else:
                    copy.actors, copy.recipients, copy.participants = [], [], [country, others[0]]
                result.append((copy, t0, t1))
    return result


_STATE_WORK = {"Cooperation", "Aid", "ArmsTransfer", "MilitaryCooperation"}
#: Events whose subject matter is named with "নিয়ে"/"বিষয়ে" ("উত্তর কোরীয় সেনা মোতায়েন নিয়ে
#: আলোচনা"): what is talked about takes no part in the talk.
_TOPICAL = {"Meeting", "Statement", "Message"}
_TOPIC = re.compile(fold_pattern(
    r"(?:\s+[^\s,;।:()\"']+){0,3}?\s+(?:নিয়ে|বিষয়ে|বিষয়ক|সম্পর্কে|প্রসঙ্গে|ইস্যুতে)(?![\u0980-\u09ff])"))


#: A reason phrase closing after a mention: "… সঙ্গে অস্ত্র লেনদেনের অভিযোগে", "… সম্পর্কের কারণে".
_REASON = re.compile(fold_pattern(
    r"\s*(?:সঙ্গে|সাথে)\s+(?:[^\s,;।:()\"']+\s+){0,3}?[^\s,;।:()\"']*(?:ের|র)\s+(?:অভিযোগে|কারণে|দায়ে)(?![\u0980-\u09ff])"))


def _topic(x: Mention, ms: list[Mention], sentence: str, s_start: int, trig: int) -> bool:
    """Whether mention ``x``, before the trigger, is the last named in a topic phrase ("X … নিয়ে");
    a pronoun subject ("তিনি … নিয়ে") is not."""
    if x.post not in ("", "on") or x.start - s_start >= trig or x.via == "pronoun" and x.case == "nom":
        return False
    t = _TOPIC.match(sentence, x.end - s_start, trig)
    if t is None or any(x.end <= y.start < s_start + t.end() for y in ms if y is not x):
        return False
    # a nominative name is the topic only right before "নিয়ে" ("উত্তর কোরিয়া নিয়ে"); with words
    # between, it is the subject ("ইউরোপীয় ইউনিয়ন এই পরীক্ষার বিষয়ে উদ্বেগ …")
    return x.case != "nom" or x.via in ("group", "adjective") or len(sentence[x.end - s_start:t.end()].split()) == 1


def _in_background(x: Mention, sentence: str, s_start: int, trig: int) -> bool:
    """Whether a non-nominative mention before the trigger belongs to a background phrase."""
    if x.case == "nom" and not x.post or x.start - s_start >= trig:
        return False
    return _IN_BACKGROUND.match(sentence[x.end - s_start:trig]) is not None


def _clause_mentions(sentence: str, s_start: int, trig: int, ms: list[Mention],
                     dates: list[DateMention], spans: list[tuple[int, int, bool]] | None = None,
                     ) -> tuple[list[Mention], list[DateMention]]:
    """The mentions and dates that belong to the clause of the trigger at ``trig`` (sentence
    offset). A clause without a subject of its own shares the subject of the clause before it
    ("X বেইজিং যান এবং …", "X …, আর …"), unless that clause was conditional ("Y হলে X …").
    ``spans`` are the sentence's :func:`clauses`, when the caller has them."""
    spans = clauses(sentence) if spans is None else spans
    idx = next(i for i, (a, b, _) in enumerate(spans) if a <= trig < b or i == len(spans) - 1)
    a, b, _ = spans[idx]
    inside = [x for x in ms if a <= x.start - s_start < b]
    if not any(x.case == "nom" and not x.post and not x.modifier and x.entity.kind in AGENT_KINDS
               for x in inside):
        for pa, pb, conditional in reversed(spans[:idx]):
            if conditional:
                break
            subj = [x for x in ms if pa <= x.start - s_start < pb and x.case == "nom" and not x.post
                    and not x.modifier and x.entity.kind in AGENT_KINDS]
            if subj:
                inside = [subj[0]] + inside
                break
    mine = [d for d in dates if a <= d.start - s_start < b]
    if not mine:
        # (a later clause's plan does not date this one: "… সই করে, যার আওতায় আগামী বছর থেকে …")
        mine = [d for d in dates if d.start - s_start < a] or [d for d in dates if not d.future]
    return inside, mine


def _dedupe(events: list[tuple[Event, int, int]]) -> list[tuple[Event, int, int]]:
    """One event per class, participants and date within a sentence; a subclass beats its parent."""
    seen = {}
    for ev, a, b in events:
        # (two missions, each side's in the other: "উভয় দেশ পরস্পরের রাজধানীতে দূতাবাস খোলে")
        k = (ev.cls, tuple(sorted(e.slug for e in ev.agents())), ev.date, ev.start,
             tuple(e.slug for e in ev.actors) if ev.cls in ("MissionOpening", "MissionClosure") else ())
        seen.setdefault(k, (ev, a, b))
    out = list(seen.values())
    # one meeting told by two rules: the reading with both people named beats one with a person and
    # a country ("ট্রাম্প ও কিম জং-উনের শীর্ষ বৈঠক হয়" is not Kim meeting Singapore, where it was held)
    people_met = [{e.slug for e in ev.participants if e.kind == "Person"} for ev, _, _ in out if ev.cls == "Meeting"]
    out = [x for x in out if not (x[0].cls == "Meeting" and (mine := {e.slug for e in x[0].participants
                                                                     if e.kind == "Person"}) and len(mine) < 2
                                  and any(len(p) >= 2 and mine < p for p in people_met))]
    # ArmsTransfer ⊑ Aid: drop a plain Aid with the same sides in the same sentence
    arms = {(tuple(e.slug for e in ev.actors), tuple(e.slug for e in ev.recipients)) for ev, _, _ in out
            if ev.cls in ("ArmsTransfer", "TroopDeployment")}
    return [x for x in out if not (x[0].cls == "Aid" and (tuple(e.slug for e in x[0].actors),
                                                          tuple(e.slug for e in x[0].recipients)) in arms)]


#: Between two members of a list: "X]] ও [[Y".
_AND_BETWEEN = re.compile(fold_pattern(r"[\s\]\[|'\"]*(?:ও|এবং)[\s\]\[|'\"]*(?:[^\]|।\[]*\|)?"))
#: After a state in the genitive: its independence or sovereignty ("… গণপ্রজাতন্ত্রের স্বাধীনতাকে").
_INDEPENDENCE_OF = re.compile(fold_pattern(r"[\s\]'|]*(?:স্বাধীনতা|সার্বভৌমত্ব)(?:কে)?(?![\u0980-\u09ff])"))
#: Sanctions just told, taken up by others: "একই নিষেধাজ্ঞায়", "… তাতে যুক্ত হয়".
_SAME_SANCTIONS = re.compile(fold_pattern(r"একই\s+নিষেধাজ্ঞা|(?<![\u0980-\u09ff])(?:তাতে|এতে)\s+(?:[^\s।]+\s+)?যুক্ত"))
#: Verbs of saying in the simple past of news copy ("বলেন", "জানান"), not the past perfect of history.
_SAID_NOW = re.compile(fold_pattern(r"(?:বলেন|বলেছেন|জানান|জানিয়েছেন)"))
#: "পরস্পরের রাজধানীতে": in each other's.
_EACH_OTHER = re.compile(fold_pattern(r"(?<![\u0980-\u09ff])পরস্পরের|একে\s+অপরের"))
#: The Korean War named: troops sent to it with no side named went to the side their country fought on.
_KOREAN_WAR = re.compile(fold_pattern(r"কোরীয়\s+যুদ্ধ|কোরিয়া\s+যুদ্ধ|কোরিয়ান\s+যুদ্ধ|কোরিয়ার\s+যুদ্ধ"))
#: Those who fought on the North's side in it.
_NORTHS_SIDE = {"china", "soviet-union", "north-korea"}
#: A sentence that goes on with the place or visit just told: "… সিউলে যাবেন। সেখানে তিনি … বৈঠক
#: করবেন" is of that visit's (coming) date.
THERE = re.compile(fold_pattern(r"\s*(?:সেখানে|সেখানেই|ওই সফরে|এই সফরে|সফরকালে|সফরের সময়)(?![\u0980-\u09ff])"))


def _each_with_its_date(ev: Event, rule: Rule, ms: list[Mention], dates: list[DateMention], sentence: str,
                        s_start: int, trigger: int) -> list[tuple[Event, list[DateMention]]]:
    """"ইথিওপিয়া ১৯৬৩ সালে দক্ষিণ কোরিয়ার সঙ্গে এবং ১৯৭৫ সালে উত্তর কোরিয়ার সঙ্গে সম্পর্ক স্থাপন
    করে": partners listed each with its own date before it are as many acts, each of its date."""
    if rule.roles != "symmetric" or len(ev.participants) < 3:
        return [(ev, dates)]
    partners = [x for x in ms if x.post == "with" and x.start < trigger]
    points = [d for d in dates if d.value is not None and not d.relative and d.end <= trigger]
    if len(partners) < 2:
        return [(ev, dates)]
    paired = []
    for i, x in enumerate(partners):
        lo = partners[i - 1].end if i else 0
        own = [d for d in points if lo <= d.start and d.end <= x.start]
        if len(own) != 1 or (i and not _LIST_AND.fullmatch(sentence, partners[i - 1].end - s_start, own[0].start - s_start)):
            return [(ev, dates)]
        paired.append((x.entity, own[0]))
    shared = [e for e in ev.participants if e.slug not in {p.slug for p, _ in paired}]
    out = []
    for partner, d in paired:
        one = Event(**{**ev.__dict__})
        one.participants = [*shared, partner]
        out.append((one, [d]))
    return out


#: What joins the dates of one list: "১৯৮৫ ও ১৯৮৮ সালে", "১৯৫৬ সালে এবং পরে ১৯৬১ সালে".
_DATE_LIST_GAP = re.compile(fold_pattern(r"\s*,?\s*(?:এবং|ও|আর)?\s*(?:পরে|আবার|পুনরায়|ফের)?\s*"))


def _listed(points: list[DateMention], sentence: str, s_start: int) -> bool:
    """Whether dates are one list, each joined to the next by a comma or "and": not a date of another
    clause ("১৯৫৭ সালে হো চি মিন … সফর করেন, পরের বছর কিম ইল-সুং … যান") nor a time since
    ("২০২৪ সালের ১৯ জুন পুতিন ২৪ বছর পর আবার … সফর করেন")."""
    if not sentence:
        return True
    ordered = sorted(points, key=lambda d: d.start)
    return all(_DATE_LIST_GAP.fullmatch(sentence, a.end - s_start, b.start - s_start)
               for a, b in zip(ordered, ordered[1:]))


#: What joins two dated partners: "… দক্ষিণ কোরিয়ার সঙ্গে এবং ১৯৭৫ সালে …".
_LIST_AND = re.compile(fold_pattern(r"\s*(?:সঙ্গে|সাথে|সহিত)?\s*(?:,\s*)?(?:এবং|ও|আর)?\s*"))


def _dated(ev: Event, trigger: int, dates: list[DateMention], rule: Rule, sentence: str = "",
           s_start: int = 0) -> list[Event]:
    """Attach dates: one event per date when several point dates are listed ("১৯৮৫ এবং ১৯৮৮ সালে")."""
    dates = [d for d in dates if not d.anchor] or []
    points = [d for d in dates if d.value is not None]
    # "পরের বছর, ১৯৬৫ সালের এপ্রিলে": a date refined by the next one is one date
    points = [d for d in points if not any(o is not d and o.value.lexical().startswith(d.value.lexical())
                                           and len(o.value.lexical()) > len(d.value.lexical()) for o in points)]
    # "যুদ্ধ শেষ হওয়ার পরের বছর, ১৯৮৯ সালের মে মাসে": a relative date that the next one spells out
    # (a year alone, then a month and year: "পরের বছর, ১৯৮৯ সালের মে মাসে")
    points = [d for d in points if not (d.value.month is None and any(
        o.value.month is not None and 0 < o.start - d.end <= 3 for o in points))]
    dates = [d for d in dates if d.value is None or d in points]
    if rule.roles == "visit" and len(points) > 1 and _listed(points, sentence, s_start):
        copies = []
        for d in points:
            e = Event(**{**ev.__dict__})
            e.date = d.value
            copies.append(e)
        return copies
    if not dates:
        return [ev]
    # (a date with its month beats a named period, not a decade: "২০২১ সালের জুলাইয়ে কোভিড-১৯ মহামারির
    # কড়াকড়ির মধ্যে …")
    if any(d.value is not None and d.value.month for d in dates):
        dates = [d for d in dates if d.value is not None or d.begin and d.finish and d.begin.year % 10 == 0
                 and d.finish.year == d.begin.year + 9]
    # the date nearest before the trigger, else the first after it
    before = [d for d in dates if d.start <= trigger]
    d = before[-1] if before else dates[0]
    if d.value is not None:
        ev.date = d.value
    else:
        ev.start, ev.end = d.begin, d.finish
    return [ev]


def _coming(date: PartialDate | None, dates: list[DateMention], doc_date: PartialDate, sentence: str,
            s_start: int, trigger: int = 0) -> PartialDate | None:
    """A month named without a year in a plan ("মে মাসের মধ্যে বৈঠক করবেন", "এপ্রিলের শেষে শীর্ষ
    বৈঠক হবে") is the coming one: a plan read before the story's month belongs to the next year."""
    if date is not None and date.day is not None and doc_date.day is not None and date.sort_key() < doc_date.sort_key():
        for d in dates:  # "শনিবার তিনি … রওনা হবেন": the coming Saturday, not the last one
            if d.relative and d.value == date and weekday_of(sentence[d.start - s_start:d.end - s_start]) is not None \
                    and not _REPORTING.search(sentence, d.end - s_start, max(trigger, d.end - s_start)):
                # (not the day it was said on: "মুখপাত্র বুধবার জানান, ভারত ওষুধ পাঠাবে")
                from datetime import date as _date, timedelta

                ahead = _date(date.year, date.month, date.day) + timedelta(days=7)
                return PartialDate(ahead.year, ahead.month, ahead.day)
    if date is None or date.month is None or (date.year, date.month) >= (doc_date.year, doc_date.month or 12):
        return date
    for d in dates:
        if d.relative and d.value == date and "গত" not in sentence[max(0, d.start - s_start - 4):d.end - s_start]:
            return PartialDate(date.year + 1, date.month, date.day)
    return date


def _owns_group(after: str, lex: Lexicon) -> bool:
    """Whether one of the (at most three) words after a genitive is a group noun of titles.yaml
    ("কোম্পানি", "প্রশিক্ষকেরা", "স্টুডিও") with any ending."""
    for w in after.split()[:3]:
        w = w.strip("।,;:\"'()")
        if w in lex.groups or any(w[: -len(e)] in lex.groups for e in endings(w)):
            return True
    return False


def _first(ms: list[Mention], pred) -> Mention | None:
    for m in ms:
        if pred(m):
            return m
    return None


def _apply(rule, m, sentence, s_start, t0, agents, pronouns, both, ctx, lex, all_mentions) -> list[Event]:
    ev = Event(rule.cls, rule.id)
    if rule.roles == "visit":
        if rule.id == "on-visit-in":  # ("সফরে দক্ষিণ কোরিয়ায় থাকা …": the place is inside the trigger)
            t0 += len(m.group(0))
        return _visit(ev, t0, agents, pronouns, ctx, lex, all_mentions, sentence, s_start, rule.id)
    pair = _hyphen_pair(all_mentions, sentence, s_start, t0, s_start + m.end(), lex)
    if pair and rule.roles in ("meeting", "symmetric"):
        ev.participants = pair
        return [ev]
    if rule.roles == "summit":
        people = []
        for a in agents:
            if a.entity.kind == "Person" and a.entity.slug not in {p.slug for p in people} and a.post not in ("source", "by"):
                people.append(a.entity)
        if len(people) < 2 and _two_met(sentence) and len(ctx.recent_people) >= 2:
            people = ctx.two_people()
        ev.participants = people
        return [ev] if len(people) >= 2 else []
    if rule.roles == "hosting":
        return _hosting(ev, t0, agents, lex)
    if rule.roles == "meeting":
        return _meeting(ev, m, sentence, t0, agents, both, ctx, lex)
    return _directed_or_symmetric(rule, ev, m, sentence, t0, agents, pronouns, both, ctx, lex, all_mentions)


_WELCOMED_EVENT = re.compile(fold_pattern(
    r"(?:সম্মেলন|বৈঠক|সিদ্ধান্ত|উদ্যোগ|চুক্তি|আলোচনা|পদক্ষেপ|ঘোষণা|প্রস্তাব)(?:টি|গুলো)?কে\s*$"))
#: A relative pronoun standing as the subject: "যারা …" (those who), "যে দেশগুলো …", "যেসব দেশ …".
_GENERIC_SUBJECT = re.compile(fold_pattern(r"(?<![\u0980-\u09ff])(?:যারা|যাঁরা|যেসব|যে\s+সব|যে\s+দেশ|যে\s+কেউ)(?![\u0980-\u09ff])"))
_HELD_SUMMIT = re.compile(fold_pattern(r"অনুষ্ঠিত\s"))
_RECEPTION = re.compile(fold_pattern(r"অভ্যর্থনা|আতিথ্য|স্বাগত|সংবর্ধনা"))


def _meeting(ev, m, sentence, t0, agents, both, ctx, lex) -> list[Event]:
    """Participants of a meeting: the people named (countries when fewer than two people). A place
    in the locative is the venue; a genitive person away from the meeting noun is a possessor."""
    anchored = bool(_ANCHORED.search(m.group(0)))
    if anchored:
        # "বৈঠকের পর …": a meeting named as a time reference has its participants before it; with
        # only its "X-এর সঙ্গে" side named there, the other is the subject that follows
        before = [a for a in agents if a.start < t0]
        if not before:
            return []  # "বৈঠকের পর দুই দেশ …": the meeting told before, as a time reference
        after = [a for a in agents if a.start > t0 and (a.case == "nom" or a.post == "with")]
        if before and len({a.entity.slug for a in before if a.entity.kind == "Person"}) < 2 and after:
            before.append(after[0])
        agents = before
    joined = _joined_to_trigger(agents, sentence, t0 - m.start(), t0)
    venues = {a.entity.slug for a in agents if a.case == "loc" and not a.post}
    # (a capital stands for its country among the agents: "তাল্লিনে" is Estonia, as "এস্তোনিয়ায়" is)
    places = [a.entity for a in agents if a.case == "loc" and not a.post and a.entity.kind == "Country" and a.start < t0]
    agents = [a for a in agents if a.post not in ("source", "by", "after", "before", "than")
              and not (a.case == "loc" and not a.post)
              and not (a.case == "gen" and not a.post and a.entity.kind == "Person" and a.end < t0
                       and _words_between(sentence, a.end - (t0 - m.start()), m.start()) > 1
                       and a.via != "pronoun" and a not in joined)  # ("তাঁর একাধিক বৈঠক": its subject;
              # "X-এর সঙ্গে Y-এর আনুষ্ঠানিক বৈঠক": one adjective between is still Y's meeting)
              and not (a.case == "gen" and not a.post and a.start > t0
                       and not _ENDS_SENTENCE.match(sentence, a.end - (t0 - m.start())))]
    # ("… এবং রলিংসের চিঠি": another's; but "তাঁর সঙ্গে বৈঠক হয় … চো হিউনের।", whose meeting it was,
    # ending the sentence)
    people = []
    for a in agents:
        if a.entity.kind == "Person" and a.entity.slug not in {p.slug for p in people}:
            people.append(a.entity)
    host = ctx.last_person
    # "জাপানের রাষ্ট্রদূত প্রধানমন্ত্রী নাপাতের সঙ্গে দেখা করেন": the unnamed office-holder of a
    # country named before a title meets the one named; the country stands for them
    states = [a if a.entity.kind != "City" or not a.entity.capital or a.entity.country not in lex.entities else
              Mention(lex.entities[a.entity.country], a.start, a.end, a.tok, a.tok_end, a.case, a.post, via="capital")
              for a in ctx.sentence_mentions]  # ("সিউলের রাষ্ট্রদূত": Seoul's, South Korea's)
    offices = [a.entity for a in states if a.case == "gen" and not a.post and a.start < t0
               and _office_after(a, sentence, t0 - m.start(), lex, unnamed=True)
               and all(_country_of(p, lex) is not a.entity for p in people)]
    if len(people) == 1 and people[0].kind == "Person" and offices:
        people.append(offices[0])
    if len(people) == 1 and people[0].kind == "Person" and host is not None and host.kind == "Person" \
            and host.slug != people[0].slug and host.country and host.country != people[0].country \
            and not any(a.case == "nom" and not a.post for a in agents) \
            and any(a.post == "with" and a.entity is people[0] for a in agents):
        # "কমবসের সঙ্গে বৈঠকে …": with only the other side named, the subject left out is the one
        # the story is following (the visitor who arrived in the sentence before)
        people.append(host)
    if len(people) < 2:
        countries = [a.entity for a in agents if a.entity.kind != "Person"]
        for c in countries:
            if c.slug not in {p.slug for p in people} and all(p.country != c.slug for p in people):
                people.append(c)
    if len(people) < 2 and _two_met(sentence) and len(ctx.recent_people) >= 2:
        people = list(ctx.two_people())
    if len(people) < 2 and both:
        people += [c for c in ctx.topic if all(_country_of(p, lex) is not c for p in people)]
    if len(people) < 2 and people:
        partner = _partner(ctx, people[0], lex)
        if partner is not None and partner.slug not in venues:  # the venue is not the other side
            people.append(partner)
    ev.participants = people[:6]
    if _HELD_SUMMIT.match(m.group(0)) and sum(p.kind == "Person" for p in people) < 2:
        return []  # "সিউলে অনুষ্ঠিত কোরিয়া–আফ্রিকা শীর্ষ সম্মেলনে যোগ দিতে …": attending, not meeting someone
    if _RECEPTION.search(m.group(0)) and _WELCOMED_EVENT.search(sentence, 0, m.start()):
        return []  # "শীর্ষ সম্মেলনকে স্বাগত জানান": a summit welcomed is a statement, not a meeting
    if _RECEPTION.search(m.group(0)) and not any(p.kind == "Person" for p in people):
        return []  # a welcome for visitors or tourists is not a meeting of leaders
    if _RECEPTION.search(m.group(0)) and not any(a.case == "nom" and not a.post and a.start < t0 for a in agents):
        return []  # "লক্ষাধিক মানুষ তাঁহাকে অভ্যর্থনা জানায়": welcomed by crowds, no host named
    if len(ev.participants) < 2:
        return []
    sides = [_country_of(p, lex) for p in ev.participants]
    if len(sides) == 2 and None not in sides and sides[0].slug != sides[1].slug:
        # "… বৈঠকে বসেন; সেখানে তাঁরা … সই করেন": they who met are the pair of what follows, in
        # this sentence too
        ctx.last_pair, ctx.last_pair_age = (sides[0], sides[1]), 0
    return [ev] + _visit_to_venue(ev, places, lex)


#: Offices held abroad: an envoy meeting in the capital where they serve is not visiting it.
_RESIDENT_POSITIONS = {"ambassador", "envoy", "chargé d'affaires", "consul", "consul general", "diplomat",
                       "representative", "permanent representative"}


def _visit_to_venue(ev: Event, places: list[Entity], lex) -> list[Event]:
    """"রাজধানী তাল্লিনে দক্ষিণ কোরিয়ার পররাষ্ট্রমন্ত্রীর সঙ্গে বৈঠক করেন এস্তোনিয়ার পররাষ্ট্রমন্ত্রী": two
    people of two countries meeting in a city of one of them; the other came on a visit (not a
    resident envoy)."""
    hosts = {c.slug: c for c in (_country_of(p, lex) for p in places) if c is not None}
    people = ev.participants
    if len(hosts) != 1 or len(people) != 2 or any(p.kind != "Person" for p in people):
        return []
    host = next(iter(hosts.values()))
    sides = [_country_of(p, lex) for p in people]
    if None in sides or sides[0].slug == sides[1].slug or host.slug not in (sides[0].slug, sides[1].slug):
        return []
    visitor = people[0] if sides[1].slug == host.slug else people[1]
    if visitor.position in _RESIDENT_POSITIONS:
        return []
    return [Event("Visit", "meeting-venue", actors=[visitor], recipients=[host], span=ev.span)]


def _words_between(sentence: str, a: int, b: int) -> int:
    """How many words (not wiki markup such as "]]") stand in ``sentence[a:b]``."""
    return sum(1 for w in sentence[a:b].split() if any(c.isalpha() for c in w))


_CONJUNCTION = re.compile(r"\s*(?:,\s*|ও\s+|এবং\s+|আর\s+)")


def _joined_to_trigger(agents: list[Mention], sentence: str, s_start: int, t0: int) -> list[Mention]:
    """Mentions coordinated with the one right before the trigger: in "কিম ও পুতিনের বৈঠক" the
    genitive of the last conjunct covers the first, so both are the meeting's, not a possessor's."""
    before = [a for a in agents if a.end <= t0]
    if not before or _words_between(sentence, before[-1].end - s_start, t0 - s_start) > 1:
        return []
    chain = [before[-1]]
    for a in reversed(before[:-1]):
        gap = sentence[a.end - s_start:chain[-1].start - s_start]
        if not _CONJUNCTION.fullmatch(gap):
            break
        chain.append(a)
    return chain


def _directed_or_symmetric(rule, ev, m, sentence, t0, agents, pronouns, both, ctx, lex, all_mentions) -> list[Event]:
    if rule.roles == "symmetric":
        parts: list[Entity] = []
        agents = [a for a in agents if not (a.case == "loc" and a.entity.kind == "Country")
                  and a.post not in ("after", "before", "than", "against", "by")]
        # "ট্রাম্পের উপস্থিতিতে আলিয়েভ ও পাশিনিয়ান … সই করেন": who looked on is no party, when two others are
        witnesses = [a for a in agents if _PRESENCE.match(sentence, a.end - (t0 - m.start()))]
        if witnesses and len(agents) - len(witnesses) >= 2:
            agents = [a for a in agents if a not in witnesses]
        else:
            witnesses = []
        if rule.cls == "Statement":
            # a country's unnamed office-holder speaks for it ("মার্কিন দূতাবাসের একজন মুখপাত্র")
            offices = [Mention(a.entity, a.start, a.end, a.tok, a.tok_end, "nom", "", via=a.via)
                       for a in agents if a.via != "pronoun" and a.entity.kind == "Country"
                       and a.start < t0 and _office_after(a, sentence, t0 - m.start(), lex)]
            # the speaker, and whose act or decision the statement is about, named right before it
            # ("মেক্সিকোর সিদ্ধান্তকে স্বাগত জানায়", "চীনের সমালোচনা করে")
            agents = [a for a in agents if a.case == "nom" and not a.post
                      or a.case == "gen" and not a.post and 0 <= t0 - a.end <= 2
                      or a.case == "gen" and not a.post and _JUST_THAT.fullmatch(sentence, a.end - (t0 - m.start()), m.start())]
            if offices and not any(a.case == "nom" and not a.post and a.start < t0 for a in agents):
                # "মার্কিন দূতাবাসের একজন মুখপাত্র … উদ্বেগ প্রকাশ করেন, উত্তর কোরিয়া …": the office speaks,
                # not the subject of what it said
                agents = offices[-1:] + [a for a in agents if a.start < t0 and a.start != offices[-1].start]
            if rule.id in SPEECH:  # the speaker comes before the quote
                agents = [a for a in agents if a.start < t0]
                if rule.id == "statement-reported":  # a person, or a country's unnamed office-holder
                    agents = [a for a in agents if a.entity.kind == "Person"] or offices[-1:]
                if not agents:
                    return []
        subj = [a.entity for a in agents if a.case == "nom" and not a.post]
        leaders = (_TWO_LEADERS.search(sentence) or rule.cls != "Statement" and _TWO_MINISTERS.search(sentence)) \
            and len(ctx.recent_people) >= 2
        if leaders:
            agents = []
            for person in ctx.two_people():
                c = _country_of(person, lex)
                if c is not None and c.slug not in {p.slug for p in parts}:
                    parts.append(c)
            two = ctx.two_people()
            if rule.cls == "AgreementSigning" and _TWO_LEADERS.search(sentence) and len(parts) == 2 \
                    and {_country_of(p, lex).slug for p in two if _country_of(p, lex)} == {p.slug for p in parts}:
                parts = list(two)  # "দুই নেতা … চুক্তিতে সই করেন": the two leaders themselves sign
            both = False
        elif both and not parts and (these := ctx.these_two if ctx.these_two_age <= 1 else ctx.last_pair
                                     if ctx.last_pair_age <= 1 else None) and _THESE_TWO.search(sentence, 0, m.start()):
            # "মস্কো ও পিয়ংইয়াং … স্বীকার করে। দেশ দুটি … সই করে": these two are the two just told
            parts, both, agents = list(these), False, []
        elif both and (len(ctx.topic) == 2 or ctx.last_visit and _DURING.match(sentence)):
            topic = {c.slug for c in ctx.topic}
            # (a capital where it happened names its country: "২০২৩ সালে সিউলে দুই দেশ … সই করে")
            named = {e.slug: e for e in (
                a.entity if a.entity.kind == "Country" else lex.entities.get(a.entity.country)
                for a in ctx.sentence_mentions if a.via != "pronoun" and a.start < t0 and (
                    a.entity.kind == "Country" or a.entity.kind == "City" and a.entity.capital and a.entity.country))
                if e is not None and e.slug in lex.entities}
            outside = [e for k, e in named.items() if k not in topic]
            inside = [e for k, e in named.items() if k in topic]
            home = ctx.home()
            # "প্রেসিডেন্ট X ও প্রেসিডেন্ট Y-এর উপস্থিতিতে দুই দেশের মধ্যে চুক্তি সই হয়": the countries of
            # the two leaders the sentence names, not the city it happened in
            leaders = list({c.slug: c for c in (_country_of(a.entity, lex) for a in ctx.sentence_mentions
                                                 if a.entity.kind == "Person" and a.via != "pronoun" and a.start < t0
                                                 and all(a.start != w.start for w in witnesses))
                            if c is not None and c.slug in lex.entities}.values())
            if len(leaders) == 2:
                parts, both, outside = leaders, False, []
            if len(outside) == 1 and len(inside) <= 1 and (inside or home is not None) \
                    and not (ctx.last_visit and _DURING.match(sentence)):
                # "দক্ষিণ কোরিয়ার সঙ্গে তার সম্পর্ক …: দুই দেশ … সই করে": the one country named here
                # and the other named with it, or else the one the document is about
                parts = [outside[0], (inside or [home])[0]]
                both = False
            agents = [a for a in agents if a.entity.kind == "Organization" and rule.cls == "Cooperation"]
        signers: list[Entity] = []
        for a in agents:
            e = a.entity
            if rule.agreement or rule.cls in ("RelationsEstablished", "Cooperation", "MilitaryCooperation"):
                if e.kind == "Person":
                    c = _country_of(e, lex)
                    if c is not None and c.slug not in {p.slug for p in parts}:
                        parts.append(c)
                    if rule.agreement and e.slug not in {p.slug for p in signers}:
                        signers.append(e)  # (the people who signed take part too, after their states)
                    continue
            if e.slug not in {p.slug for p in parts}:
                parts.append(e)
            if e.kind == "Organization" and e.country and rule.cls in ("Cooperation",):
                c = lex.entities.get(e.country)
                if c is not None and c.slug not in {p.slug for p in parts}:
                    parts.append(c)
        pair = ctx.section_pair or ctx.topic
        told = _visit_told(ctx.sentence_mentions, sentence, t0 - m.start(), t0, lex) if (both or len(parts) <= 1) else None
        told = told or (_two_titled(ctx, sentence, lex) if both and not parts else None)
        if told is not None and len(parts) == 1 and parts[0].slug in {c.slug for c in told}:
            parts.append(next(c for c in told if c.slug != parts[0].slug))  # (the other side of that visit)
        elif told is not None and not parts:
            pair = told  # "মোদীর কলম্বো সফরের সময় দু’দেশ … সই করে": the two of the visit the sentence names
        elif (both or not parts) and ctx.last_visit and _DURING.match(sentence):
            # "সে সময় দুই দেশ …", "সেই সফরেই একটি চুক্তি সই হয়": the two of the visit just told
            pair, both = list(ctx.last_visit), True
        elif (both or _THEY.search(sentence, 0, m.start())) and not parts and ctx.last_pair \
                and ctx.last_pair_age <= (2 if _SIDES.search(sentence) else 1) \
                and (ctx.last_pair_age == 0 or not _names_country(ctx, t0)):
            # (a meeting told earlier in this sentence names its countries: they are its pair)
            # "X-এর সঙ্গে বৈঠক করেন Y। … সই করেন দুই দেশের কর্মকর্তারা": the two of the meeting just told
            # (also "তাঁরা একটি সমঝোতায় সই করেন": they who met; "উভয় পক্ষ", the sides, of a meeting
            # told two sentences before, past what one side said after it)
            pair = list(ctx.last_pair)
            both = True
        elif both and not parts and ctx.last_visit and ctx.last_visit_age <= 4 and _JOINT.search(sentence, 0, m.end()):
            # "যৌথ বিবৃতিতে দুই দেশ …": a joint statement is the visit's two's, the visit the story tells
            pair = list(ctx.last_visit)
        if not parts and rule.cls == "RelationsEstablished" and len(pair) == 2 and not any(
                a.entity.kind in ("Country", "City") and a.start < t0 for a in ctx.sentence_mentions):
            both = True  # "২০০০ সালের মে মাসে সম্পর্ক আবার চালু হয়": the relations the article is about
        if not parts and rule.cls == "AgreementTermination" and len(pair) == 2 \
                and _PASSIVE.match(sentence, m.end() + 1) and not _SIGNING_WORD.search(m.group(0)):
            both = True  # "১৯৭৯ সালের বাণিজ্য চুক্তিটিও বাতিল করা হয়": the agreement of the story's two
        if both or pronouns:
            for c in pair:
                if c.slug not in {p.slug for p in parts}:
                    parts.append(c)
        if len(parts) == 1:
            partner = _partner(ctx, parts[0], lex)
            if ctx.last_pair and ctx.last_pair_age == 0 and parts[0].slug in {c.slug for c in ctx.last_pair}:
                # "X ও Y বৈঠকে বসেন; সেখানে তাঁরা … সই করেন": the other side of the meeting this
                # sentence told
                partner = next(c for c in ctx.last_pair if c.slug != parts[0].slug)
            home = ctx.home()
            if partner is None and rule.cls == "RelationsEstablished" and parts[0].kind == "Country":
                # "দক্ষিণ কোরিয়ার সহিতও সম্পর্ক স্থাপিত হয়": the subject of the sentences before, else the
                # country the article is about
                # (or whose relations the sentence is about: "জর্ডনের কূটনৈতিক সম্পর্ক …, আর উত্তর কোরিয়ার
                # সঙ্গে সম্পর্ক স্থাপিত হয়েছিল …")
                owner = next((a.entity for a in ctx.sentence_mentions if a.case == "gen" and not a.post
                              and a.entity.kind == "Country" and a.entity.slug != parts[0].slug
                              and _RELATION_AFTER.match(sentence, a.end - (t0 - m.start()))), None)
                last = ctx.last_country if ctx.last_country is not None and ctx.last_country.slug in lex.entities \
                    else home
                partner = owner or (last if last is not None and last.slug != parts[0].slug else None)
            if partner is not None:
                parts.append(partner)
        ev.participants = parts[:6] + (signers[:2] if len(parts) >= 2 else [])
        if rule.cls in ONE_SIDED:
            # a statement, or an agreement ended, has a side that acts: the nominative subject
            # ("নামিবিয়া উত্তর কোরিয়ার প্রতিষ্ঠানের সঙ্গে চুক্তি বাতিল করেছে")
            if subj and len({e.slug for e in subj}) == 1:
                actor = subj[0] if subj[0].kind != "Person" or rule.cls == "Statement" else _country_of(subj[0], lex)
                ev.actors = [actor] if actor is not None else []
        if rule.cls == "Statement":
            return [ev] if parts else []
        return [ev] if len(parts) >= 2 else []
    # directed
    reverse = bool(rule.reverse and rule.reverse.search(sentence[max(0, m.start() - 40):m.end() + 4]))
    s_start = t0 - m.start()
    if rule.cls == "Recognition":
        # "দোনেৎস্ক ও লুহানস্ক গণপ্রজাতন্ত্রের স্বাধীনতাকে স্বীকৃতি দেয়": whose independence is recognised
        # is recognised (and the list before it with it)
        for a in [a for a in agents if a.case == "gen" and not a.post and _INDEPENDENCE_OF.match(sentence, a.end - s_start)]:
            for b in agents:
                if b is a or a.coord >= 0 and b.coord == a.coord or b.end <= a.start and b.case == "nom" \
                        and _AND_BETWEEN.fullmatch(sentence, b.end - s_start, a.start - s_start):
                    b.case, b.post = "acc", ""
                    if b is not a and a.coord < 0:  # (a list the markup split: one act per member)
                        a.coord = b.coord = 100_000 + a.start
    # "বেইজিং সফরের আমন্ত্রণ": a place before a visit noun is where to, not who
    before = [a for a in agents if a.start < t0 and not _VISIT_NOUN.match(sentence, a.end - s_start)]
    subject = [a for a in reversed(before) if a.case == "nom" and not a.post]
    subject += [a for a in agents if a.start >= t0 and a.case == "nom" and not a.post]
    objects = [a for a in agents if (a.case == "acc" and not a.post) or a.post in ("to", "for", "on")]
    with_ = [a for a in agents if a.post == "with"]
    sources = [a for a in agents if a.post in ("source", "by")]
    gens = [a for a in agents if a.case == "gen" and not a.post]
    locs = [a for a in agents if a.case == "loc" and a.entity.kind == "Country" and not a.post]
    if rule.mission and both and not [a for a in agents if a.entity.kind == "Country"] and _EACH_OTHER.search(sentence):
        # "উভয় দেশ পরস্পরের রাজধানীতে দূতাবাস খোলে": each opens one in the other's capital
        pair = ctx.these_two if ctx.these_two and ctx.these_two_age <= 1 else ctx.last_pair \
            if ctx.last_pair and ctx.last_pair_age <= 1 else tuple(ctx.topic) if len(ctx.topic) == 2 else None
        if pair is not None:
            return [Event(**{**ev.__dict__, "actors": [a], "recipients": [b]}) for a, b in (pair, pair[::-1])]
    actor = recipient = None
    if reverse:
        if rule.cls == "Support":
            actor = (gens or sources or [None])[0]
        else:
            actor = (sources or [None])[0]
        recipient = (subject or [None])[0]
    else:
        actor = (subject or sources or [None])[0]
        if rule.cls == "Expulsion":
            near = [g for g in gens if g.start < t0]
            mods = [x for x in all_mentions if x.modifier and x.case == "gen" and x.start < t0
                    and x.entity.kind in ("Country", "City")]
            if mods:
                e = mods[-1].entity
                e = lex.entities[e.country] if e.kind == "City" and e.country else e
                if e.slug == "?country":  # "স্পেন দেশটির রাষ্ট্রদূতকে …": the country other than the subject's
                    e = _partner(ctx, actor.entity, lex) if actor is not None else None
            if mods and e is not None:
                near = [Mention(e, mods[-1].start, mods[-1].end, mods[-1].tok, mods[-1].tok_end, "gen")]
            # "উত্তর কোরিয়ার রাষ্ট্রদূত কাং চল-কে বহিষ্কার করে": the diplomat named is who was expelled
            named = [o for o in objects if o.entity.kind == "Person" and o.start < t0 and o.entity.country
                     and (not near or o.start > near[-1].start and o.entity.country == near[-1].entity.slug)
                     and (actor is None or o.entity.country != (_country_of(actor.entity, lex) or actor.entity).slug)]
            recipient = (named[-1:] or near[-1:] or objects or [None])[0]
        elif rule.cls in ("Recognition", "Support"):
            # "X-এর অবস্থানের প্রতি সমর্থন": the genitive nearest before the trigger is whom it backs
            # ("পিয়ংইয়ংয়ের পূর্ণ সমর্থন": a genitive of the actor's own side is whose support it is)
            own = _country_of(actor.entity, lex) if actor is not None else None
            others = [g for g in gens if g is not actor and (own is None or _country_of(g.entity, lex) != own)
                      and not (g.start > t0 and _AND_CLAUSE.search(sentence, m.end(), g.start - s_start))]
            # ("… সমর্থন দিয়েছিল এবং একই সম্মেলনে দক্ষিণ কোরিয়ার আবেদন …": another clause's genitive)
            near = [g for g in others if g.start < t0][-1:]
            recipient = (objects or near or others or [None])[0]
        elif rule.cls == "ReduceRelations":
            # "X-এর দূতাবাসের কূটনীতিকের সংখ্যা কমিয়ে …": failing a "সঙ্গে"/-কে side, the genitive before
            recipient = (with_ or objects or [g for g in gens if g is not actor and g.start < t0][-1:]
                         or [x for x in sources if x is not actor] or [None])[0]  # "বুদাপেস্ট থেকে … প্রত্যাহার"
        elif rule.cls == "Sanction":
            # "X-এর ওপর নিষেধাজ্ঞা", "X-এর বিরুদ্ধে নিষেধাজ্ঞা", "X-এর সঙ্গে বাণিজ্য নিষিদ্ধ"
            # a genitive whose people or bodies are the target: "X-এর ছয় ব্যক্তি ও চারটি প্রতিষ্ঠানের ওপর"
            targets = [g for g in gens if g.start < t0 and g is not actor and _TARGET_OF.match(
                sentence, g.end - s_start, m.start()) and not any(g.end <= y.start < t0 for y in agents if y is not g)]
            # or whose citizens, workers or firms a measure strikes: "X-এর নাগরিকদের ভিসা দেওয়া বন্ধ করে"
            owners = [g for g in agents if g.start < t0 and g is not actor and (
                g.case == "gen" and not g.post and _owns_group(sentence[g.end - s_start:m.start()], lex)
                or g.via == "group" and g.case in ("gen", "acc"))]
            # ("রাশিয়াকে অস্ত্র সরবরাহে জড়িত উত্তর কোরিয়ার … ওপর": the object belongs to a phrase
            # that qualifies the target)
            objects = [o for o in objects if not any(o.end <= g.start for g in targets)]
            # ("ইউক্রেনের জন্য সহায়তা এবং রাশিয়ার ওপর নিষেধাজ্ঞা": the one it is on, not the one aid is for)
            objects = [o for o in objects if o.post == "on"] + [o for o in objects if o.post != "on"]
            recipient = (objects or [a for a in agents if a.post == "against"] or with_ or targets[-1:]
                         or owners[-1:] or [None])[0]
        elif rule.cls in ("TroopDeployment", "ArmsTransfer", "Aid", "Cooperation"):
            # aid for a country's people: "X-এর শিশুদের জন্য … পাঠায়"
            owners = [g for g in gens if g.start < t0 and g is not actor and rule.cls == "Aid"
                      and _FOR_GROUP.match(sentence, g.end - s_start) and _owns_group(sentence[g.end - s_start:m.start()], lex)]
            # "রাশিয়ার কুর্স্ক অঞ্চলে … সেনা পাঠায়": a region of a country, in the locative
            # (inside the trigger too: "… সেনা রাশিয়ার কুর্স্ক অঞ্চলে পাঠিয়েছিল")
            regions = [g for g in gens if g.end <= t0 + len(m.group(0)) and g is not actor
                       and g.entity.kind == "Country" and _REGION_OF.match(sentence, g.end - s_start)]
            if rule.cls == "TroopDeployment":
                # "উত্তর কোরীয় সেনাকেও … পাঠানো হয়": the troops' own country sends them
                own = [o for o in objects if o.via == "group" and _TROOP_GROUP.match(sentence, o.end - s_start)]
                if own:
                    objects = [o for o in objects if o not in own]
                    actor = actor or own[0]
                # ("উত্তর কোরিয়ার ওপর নিষেধাজ্ঞা … ঠেকাতে জাপানে … পাঠাচ্ছে": "on" is another phrase's, the
                # place sent to is the locative)
                objects = [o for o in objects if o.post != "on"] or ([] if locs else objects)
                # ("আফগানিস্তানে সেনা পাঠায় এবং তালেবান সরকারকে উৎখাত করে": an object after the verb is the
                # next act's)
                objects = [o for o in objects if o.start < t0 + len(m.group(0))] or ([] if locs else objects)
            recipient = (objects or locs or regions[-1:] or owners[-1:] or [None])[0]
        elif rule.mission:
            # "X অ্যাঙ্গোলা ও উগান্ডায় তাদের দূতাবাস বন্ধ করে": the host in the locative before it
            recipient = (objects or [x for x in locs if x.start < t0][-1:] or [None])[0]
        elif rule.cls == "MilitaryCooperation":
            # "X Y-এর সেনাদের প্রশিক্ষণ দেয়", "X-এর প্রশিক্ষকেরা Y-তে কাজ করেন"
            recipient = (objects or locs or [g for g in gens if g is not actor] or [None])[0]
        else:
            recipient = (objects or [None])[0]
        if actor is None and rule.cls == "Cooperation":
            # "উত্তর কোরিয়ার মানসুদে কোম্পানি … নির্মাণ করেছে": a country's firm or studio (a group noun
            # a word or two after its genitive) works for it
            actor = next((g for g in gens if g is not recipient and _owns_group(sentence[g.end - s_start:], lex)), None)
        if actor is None and _PASSIVE.search(m.group(0)):
            # a passive names its agent, if at all, in the genitive: "X-এর বিমানচালকদের … পাঠানো হয়"
            agent = [g for g in gens if g.start < t0 and g is not recipient]
            actor = agent[-1] if agent else None
    if rule.mission:
        # the embassy's owner is the genitive right before "দূতাবাস": "পিয়ংইয়ংয়ে মালয়েশিয়ার দূতাবাস খোলে"
        # (a determiner or adjective may stand between: "X-এর একটি দূতাবাস", "X-এর নিজস্ব দূতাবাস")
        owner = [g for g in agents if g.case == "gen" and not g.post and g.entity.kind == "Country"
                 and g.via != "capital" and 0 <= t0 - g.end and _MISSION_GAP.fullmatch(sentence, g.end - s_start, m.start())]
        if owner:
            actor = owner[0]
            if recipient is not None and recipient.entity.slug == actor.entity.slug:
                recipient = None
        # "কলম্বোর দূতাবাসটি বন্ধ করে দেওয়া হয়": the embassy in a capital is in that capital's country
        host = [x for x in all_mentions if x.entity.kind == "City" and x.entity.country and x.case in ("gen", "loc")
                and not x.post and 0 <= t0 - x.end and _MISSION_GAP.fullmatch(sentence, x.end - s_start, m.start())]
        if recipient is None and host and (actor is None or actor.entity.slug != host[-1].entity.country):
            city = host[-1]
            recipient = Mention(lex.entities[city.entity.country], city.start, city.end, city.tok, city.tok_end, "loc")
        left = [a for a in agents if a.post == "source" and a.entity.kind == "Country" and a.start < t0]
        subject = next((a.entity for a in ctx.sentence_mentions if a.case == "nom" and not a.post and not a.modifier
                        and a.entity.kind == "Country" and left and a.start < left[0].start), None)
        owner = subject or (ctx.last_mission[0] if ctx.last_mission is not None else None)
        if left and rule.cls == "MissionClosure" and _ITS_MISSION.search(sentence, 0, m.start() + 12) \
                and owner is not None:
            # "… ঢাকার দূতাবাস বন্ধ করিয়া দেয়; নেপাল ও স্পেনসহ কয়েকটি দেশ হইতেও তাহার দূতাবাস গুটাইয়া
            # লওয়া হয়": its embassies (of the sentence's subject, or the state whose embassy was just
            # closed) in the countries it left
            actor = Mention(owner, left[-1].start, left[-1].start, left[-1].tok, left[-1].tok, "nom")
            recipient = left[-1]
    if rule.cls == "Message":
        # "প্রেসিডেন্ট X-এর উদ্দেশে লেখা … চিঠি তাঁর হাতে তুলে দেন": the letter is to X, whoever is handed it
        addressed = [a for a in agents if a.start < t0 and _ADDRESSED.match(sentence, a.end - s_start)] or [
            a for a in agents if a.case == "gen" and not a.post and a.entity.kind == "Person"
            and _AT_OFFICE.match(sentence, a.end - s_start, m.end())]  # ("… লি জে-মিয়ংয়ের দপ্তরে পৌঁছে দেন")
        if addressed:
            recipient = addressed[-1]
        elif recipient is None and (met := [w for w in with_ if w.start < t0 and w.entity.kind == "Person"]):
            # "X-এর সহিত সাক্ষাৎ করেন এবং Y-এর শুভেচ্ছাবার্তা পৌঁছাইয়া দেন": to the one met
            recipient = met[-1]
        # "X-এর (একটি ব্যক্তিগত) বার্তা": the person in the genitive before the message wrote it; whoever
        # carries it is an envoy
        author = [g for g in gens if g.entity.kind == "Person" and g.start < t0 and _AUTHOR.match(
            sentence, g.end - s_start)]
        if author and (recipient is None or author[-1].entity.slug != recipient.entity.slug):
            actor = author[-1]
    a_ent = actor.entity if actor else None
    r_ent = recipient.entity if recipient else None
    # "দেশটি" and the bilateral partner fill a missing side
    dative = _DATIVE.search(sentence)
    unresolved_dative = (dative and r_ent is None and a_ent is not None
                         # ("প্রেসিডেন্সির সভাপতির কাছে": an office-holder left unnamed is of the other side)
                         and not _TITLE_BEFORE.search(sentence, 0, dative.start()))
    generic = _GENERIC_SUBJECT.search(sentence, 0, m.start())
    if a_ent is None and generic and not any(r.start() <= generic.start() < r.end()
                                             for r in _EMBEDDED_RELATIVE.finditer(sentence)):
        return []  # "যারা রাশিয়াকে অস্ত্র দিচ্ছে": whoever does it, nobody named (not ", যাঁরা …," aside)
    if a_ent is None and r_ent is not None and rule.cls in ("ArmsTransfer", "Aid", "TroopDeployment") and not reverse:
        # "দক্ষিণ কোরিয়ার হুন্দাই রোটেম … ট্যাংক পেরুর সেনাবাহিনীকে সরবরাহ করবে": a country's firm, named
        # in the genitive before the recipient, supplies for it (and its troops serve for it: "দক্ষিণ
        # কোরিয়ার … সেনার ইউনিট দক্ষিণ লেবাননের টায়ার এলাকায় মোতায়েন রয়েছে")
        maker = [a for a in agents if a.case == "gen" and not a.post and a.entity.kind == "Country"
                 and a.start < (recipient.start if recipient is not None else t0) and a.entity.slug != r_ent.slug]
        if maker:
            a_ent = maker[-1].entity
    if rule.id == "patrol-sent" and recipient is None:
        return []  # ("পূর্ব এশিয়ায় যুদ্ধজাহাজ পাঠাচ্ছে": to a region, no country's side)
    if a_ent is None and r_ent is not None and _THEY_LAST.search(sentence, m.end()) \
            and ctx.last_country is not None and ctx.last_country.slug != r_ent.slug:
        a_ent = ctx.last_country  # "… সম্পর্ক ছিন্ন করে চিনকে স্বীকৃতি দেয় তারা": they, the country just told of
    if a_ent is None and r_ent is not None and not (reverse and not pronouns and rule.cls == "Aid"):
        # (aid received from nobody named is not from the story's other country)
        a_ent = _partner(ctx, r_ent, lex) if (pronouns or len(ctx.topic) == 2) else None
    elif r_ent is None and a_ent is not None and rule.cls == "Support" and (
            obj := _THING_BACKED.search(sentence, max(0, m.start() - 40), m.start())) is not None \
            and not any(a.end - s_start >= obj.start() + 1 for a in agents):
        return []  # "… পারমাণবিক নিরস্ত্রীকরণকে সমর্থন করে": a cause backed, not the story's other country
    elif r_ent is None and a_ent is not None and not unresolved_dative and not _VOTE.search(m.group(0)):
        # (a vote on a resolution that names no country is not for the story's other country)
        r_ent = _partner(ctx, a_ent, lex) if (pronouns or len(ctx.topic) == 2) else None
        side = _country_of(a_ent, lex) or a_ent
        if rule.cls == "TroopDeployment" and _KOREAN_WAR.search(sentence) and side.slug != "north-korea":
            # "কোরীয় যুদ্ধে ফিলিপিন্স … সেনা পাঠিয়েছিল": the United Nations' members fought for the South,
            # China and the Soviet Union for the North
            r_ent = lex.entities.get("north-korea" if side.slug in _NORTHS_SIDE else "south-korea", r_ent)
        if r_ent is None and rule.cls == "Sanction" and not pronouns and (
                a_ent.kind == "Organization" or _SAME_SANCTIONS.search(sentence)):
            # "নিরাপত্তা পরিষদ … নিষেধাজ্ঞা প্রস্তাব গ্রহণ করলে": a body's sanctions that name no target,
            # in a story about North Korea, are on North Korea (so are "the same sanctions" others joined:
            # "আলবেনিয়াও একই নিষেধাজ্ঞায় শামিল হয়েছে")
            r_ent = next((c for c in ctx.topic if c.iso == "KP"), None)
        home = ctx.home()
        if r_ent is None and rule.cls in ("Aid", "TroopDeployment") and home is not None \
                and home.slug != (_country_of(a_ent, lex) or a_ent).slug:
            r_ent = home  # "সবচেয়ে বড় সহায়তা এসেছে অস্ট্রেলিয়া থেকে": to the country the story is about
    if rule.mission:
        if a_ent is None and r_ent is None and ctx.last_mission and _DEFINITE_MISSION.search(m.group(0)):
            a_ent, r_ent = ctx.last_mission  # "সেই সঙ্গে দূতাবাসটিও বন্ধ হয়ে যায়": the embassy just told
        if a_ent is None:
            return []
        ev.actors = [a_ent]
        if r_ent is not None:
            ev.recipients = [r_ent]
        return _coordinated(ev, actor, recipient, agents) if recipient is not None else [ev]
    if a_ent is None or r_ent is None:
        return []
    if a_ent.slug == r_ent.slug or _country_of(a_ent, lex) is _country_of(r_ent, lex) and a_ent.kind == r_ent.kind:
        return []
    if rule.cls == "Message" and _INVITATION.search(m.group(0)) and not (
            a_ent.kind == "Person" and r_ent.kind == "Person"):
        return []  # an invitation is a message between leaders, not an invitation of pilots or tourists
    ev.actors, ev.recipients = [a_ent], [r_ent]
    if rule.cls == "Expulsion":
        # the diplomat expelled takes part too: "রাষ্ট্রদূত কাং চলকে অবাঞ্ছিত ঘোষণা করে"
        ev.participants = [x.entity for x in all_mentions if x.entity.kind == "Person" and x.case == "acc"
                           and x.start < t0][-1:] or _described_person(
            all_mentions, sentence, t0 - m.start(), t0, ctx, lex)
    return _coordinated(ev, actor, recipient, agents)


def _coordinated(ev: Event, actor: Mention | None, recipient: Mention | None, agents: list[Mention]) -> list[Event]:
    """One event per member of a coordinated side: "ডেনমার্ক, নরওয়ে ও সুইডেন থেকে বহিষ্কৃত হন" is
    three expulsions."""
    out = [ev]
    for side, chosen in (("actors", actor), ("recipients", recipient)):
        if chosen is None or chosen.coord < 0:
            continue
        others = [a.entity for a in agents if a.coord == chosen.coord and a is not chosen
                  and a.entity.slug not in {e.slug for e in ev.agents()}]
        for entity in others:
            for base in list(out):
                copy = Event(**{**base.__dict__})
                setattr(copy, side, [entity])
                if chosen.entity in copy.participants:  # (the diplomat expelled is this member, not the first)
                    copy.participants = [entity if p is chosen.entity else p for p in copy.participants]
                out.append(copy)
    return out


def _described_person(mentions: list[Mention], sentence: str, s_start: int, t0: int,
                      ctx: DocumentContext, lex: Lexicon) -> list[Entity]:
    """A person named only by country and title ("উত্তর কোরিয়ার রাষ্ট্রদূতকে") is the one person
    of the document with that title acting for that country, if there is exactly one."""
    for x in reversed([x for x in mentions if x.entity.kind == "Country" and x.start < t0]):
        word = re.match(r"\s*([^\s,।]+)", sentence[x.end - s_start:])
        title = lex.title(word.group(1)) if word else None
        if title is None:
            continue
        known = {p.slug: p for p in [*ctx.new_people.values(), *ctx.people.values()]
                 if p.position == title[0] and p.country == x.entity.slug}
        return list(known.values()) if len(known) == 1 else []
    return []


def _hosting(ev: Event, t0: int, agents: list[Mention], lex) -> list[Event]:
    """"X Y-কে আতিথ্য করেছেন / অভ্যর্থনা জানান": the guest Y came to X's country."""
    hosts = [a for a in reversed([a for a in agents if a.start < t0]) if a.case == "nom" and not a.post]
    if not hosts:  # news word order: "… লাভরভকে বিমানবন্দরে অভ্যর্থনা জানান চো সন হুই"
        hosts = [a for a in agents if a.start > t0 and a.case == "nom" and not a.post and a.entity.kind == "Person"][:1]
    guests = [a for a in agents if a.case == "acc" and a.entity.kind == "Person"]
    if not hosts or not guests:
        return []
    host_country = _country_of(hosts[0].entity, lex)
    guest = guests[0].entity
    if host_country is None or _country_of(guest, lex) is host_country:
        return []
    ev.actors, ev.recipients = [guest], [host_country]
    return [ev]


def _hyphen_pair(mentions, sentence, s_start, t0, t1, lex) -> list[Entity] | None:
    """"রাশিয়া-উত্তর কোরিয়া শীর্ষ সম্মেলন": a hyphenated pair of countries right before the trigger."""
    for a, b in zip(mentions, mentions[1:]):
        ea, eb = a.entity, b.entity
        if ea.kind == "City" and ea.country:
            ea = lex.entities[ea.country]
        if eb.kind == "City" and eb.country:
            eb = lex.entities[eb.country]
        if ea.kind != "Country" or eb.kind != "Country" or ea.slug == eb.slug:
            continue
        gap = sentence[a.end - s_start:b.start - s_start]
        if gap.strip() == "-" and (0 <= t0 - b.end <= 3 or t0 <= a.start and b.end <= t1):
            return [ea, eb]
    return None


#: "ভিয়েতনামের সীমান্ত শহর দং দাংয়ে পৌঁছান": a place the lexicon lacks, in the genitive country.
_VOTE = re.compile(fold_pattern("ভোট"))
#: A demonstrative alone between a genitive and the act it owns: "বাহরাইনের এ পদক্ষেপকে স্বাগত জানায়".
_JUST_THAT = re.compile(fold_pattern(r"\s+(?:এ|এই|ওই|সেই)\s+"))
#: "এবং" or "কিন্তু" between two clauses.
_AND_CLAUSE = re.compile(fold_pattern(r"\s(?:এবং|কিন্তু|তবে)\s"))
#: A place of a country named before it, in the locative: "(রাশিয়ার) কুর্স্ক অঞ্চলে", "(সিরিয়ার) সীমান্তে".
_REGION_OF = re.compile(fold_pattern(
    r"\s+(?:[^\s,।]+\s+){0,2}?(?:শহর|নগরী|প্রদেশ|অঞ্চল|দ্বীপ|বন্দর|সীমান্ত|রণাঙ্গন|ফ্রন্ট|উপকূল|এলাকা)(?:ে|এ|তে|য়|টিতে)(?![\u0980-\u09ff])"))
_PLACE_IN = re.compile(fold_pattern(
    r"\s*(?:[^\s,।]+\s+)?(?:শহর|নগরী|নগর|প্রদেশ|দ্বীপ|বন্দর|অঞ্চল)\s+[^\s,।]+(?:\s+[^\s,।]+)?(?:ে|এ|তে|য|যে)\s*$"))


#: From a genitive to "ওপর/বিরুদ্ধে" through a few words naming its people or bodies.
#: A group of people after a genitive, for whom something is given: "X-এর শিশুদের জন্য".
_FOR_GROUP = re.compile(fold_pattern(r"(?:\s+[^\s,;।]+){1,3}?\s+(?:জন্য|জন্যে)(?![\u0980-\u09ff])"))
_TARGET_OF = re.compile(fold_pattern(r"(?:\s+[^\s,;।]+){1,8}?\s+(?:ওপর|উপর|বিরুদ্ধে)ও?(?![\u0980-\u09ff])"))
_NEXT_WORD = re.compile(r"\s+([\u0980-\u09ff]+)")


def _office_after(m: Mention, sentence: str, s_start: int, lex: Lexicon, unnamed: bool = False) -> bool:
    """Whether a title follows a country's name: the country stands for its unnamed office-holder
    (with ``unnamed``, only when another title follows that one, the next person's: "জাপানের
    রাষ্ট্রদূত প্রধানমন্ত্রী নাপাতের সঙ্গে …", not "বলিভিয়ার উপপররাষ্ট্রমন্ত্রী হুয়ান …")."""
    at = m.end - s_start
    office = _MINISTRY_OF.match(sentence, at)  # "X-এর পররাষ্ট্র মন্ত্রণালয়ের মুখপাত্র": the ministry's
    nxt = _NEXT_WORD.match(sentence, office.end() if office else at)
    if nxt is not None and nxt.group(1) in _ONE_OF:  # "মার্কিন দূতাবাসের একজন মুখপাত্র"
        nxt = _NEXT_WORD.match(sentence, nxt.end())
    if m.entity.kind != "Country" or nxt is None or lex.title(nxt.group(1)) is None:
        return False
    after = _NEXT_WORD.match(sentence, nxt.end()) if unnamed else None
    # (or the title in a case, no name after it: "সিউলের রাষ্ট্রদূতের সঙ্গে বৈঠক করেন …")
    return not unnamed or bool(lex.title(nxt.group(1))[1]) or after is not None and lex.title(after.group(1)) is not None


_MINISTRY_OF = re.compile(fold_pattern(
    r"(?:\s+[^\s,;।]+)?\s+(?:মন্ত্রণালয়|মন্ত্রক|দপ্তর|দফতর|সরকার|বিভাগ|দূতাবাস|মিশন)(?:ের|এর|র)(?![\u0980-\u09ff])"))
_ONE_OF = {key(w) for w in ["একজন", "এক", "জনৈক"]}


def _visit(ev, t0, agents, pronouns, ctx, lex, all_mentions, sentence, s_start, rule_id="visit") -> list[Event]:
    # destination: the place named just before the trigger (nominative or locative; an arrival
    # "তেহরানে আসেন" needs a locative place right before the verb; "X-এর মাটিতে পা রাখেন" a genitive)
    arrival = rule_id == "arrival"
    dest = None
    for mm in reversed(all_mentions):
        if mm.end > t0:
            continue
        e = mm.entity
        if arrival and e.kind == "Country" and mm.case == "gen" and t0 - mm.end <= 40 and \
                _PLACE_IN.match(sentence, mm.end - s_start, t0 - s_start):
            dest = e
            break
        if t0 - mm.end > (3 if arrival else 120 if rule_id == "attended-abroad" else 40):
            break  # (a summit attended may be named at length after its place)
        if rule_id == "set-foot" and e.kind == "Country" and mm.case == "gen":
            dest = e
            break
        if rule_id == "departure":  # "কায়রোর উদ্দেশে রওনা": the genitive place right before
            if mm.case == "gen" and e.kind in ("Country", "City") and t0 - mm.end <= 2:
                dest = lex.entities[e.country] if e.kind == "City" and e.country else e
                ev.place = e if e.kind == "City" else None
            break
        if e.slug == "?country":
            dest = "pronoun"
            break
        if e.kind == "City" and e.country:
            dest = lex.entities[e.country]
            ev.place = e
            break
        if e.kind == "Country" and mm.case in ("nom", "loc") and not mm.modifier and mm.post == "":
            dest = e
            break
    # "চীন, উত্তর কোরিয়া ও মঙ্গোলিয়া সফর করেন": each member of a listed destination is visited
    listed = [x for x in all_mentions if dest not in (None, "pronoun") and x.coord >= 0 and x.end <= t0
              and x.coord == mm.coord and not x.modifier and x.entity.kind in ("Country", "City")]
    listed_ids = {id(x) for x in listed}
    agents = [a for a in agents if id(a) not in listed_ids
              and not any(a.start == x.start for x in listed)]
    visitor = None
    delegation = _DELEGATION.search(sentence)
    leader = [a for a in agents if a.entity.kind == "Person" and a.case == "nom" and not a.post
              and delegation is not None and a.end <= s_start + delegation.start()]
    if leader:  # "X একটি প্রতিনিধিদল নিয়ে … সফর করেন": the person who leads it visits
        visitor = leader[-1].entity
    elif delegation is not None:
        for a in reversed(agents):
            if a.case == "gen" and a.end <= s_start + delegation.start() and (
                    dest in (None, "pronoun") or a.entity.slug != dest.slug):
                visitor = a.entity
                break
    # ("মস্কো সফর সেরে …": a place before a visit noun is where someone went, not who)
    candidates = [a for a in reversed(agents) if a.start < t0 and a.case == "nom" and not a.post
                  and (dest in (None, "pronoun") or a.entity.slug != dest.slug)
                  and not (a.via == "capital" and _VISIT_NOUN.match(sentence, a.end - s_start))
                  # ("উগান্ডা সফর শেষে … রওনা": the place of the visit ended, not who travels)
                  and not (a.entity.kind == "Country" and _VISIT_ENDED.match(sentence, a.end - s_start))]
    if visitor is None and rule_id == "visit-nominal":
        # "X-এর Y সফরের সময়": the genitive before the place is the visitor
        gens = [a for a in agents if a.start < t0 and a.case == "gen" and not a.post
                and (dest in (None, "pronoun") or a.entity.slug != dest.slug)]
        people = [a for a in gens if a.entity.kind == "Person"]
        # ("পুতিন পিয়ংইয়াং সফরকালে … সই করেন": the person who, while visiting, does what follows)
        people = people or [a for a in candidates if a.entity.kind == "Person"][:1]
        visitor = (people or gens or [None])[-1]
        visitor = visitor.entity if visitor is not None else None
        if visitor is None:
            return []
    if rule_id == "came-to":
        # "… যোগ দিতে আসা প্রেসিডেন্ট লি জে-মিয়ংয়ের সঙ্গে …": the one the participle names came, whatever
        # the case the rest of the sentence gives them
        came = [a for a in agents if a.start > t0 and a.entity.kind == "Person"][:1]
        if not came:
            return []
        visitor, candidates = came[0].entity, []
    if visitor is None and not candidates:
        # news word order may put the subject last: "… পিয়ংইয়ং পৌঁছেছেন লাওসের প্রেসিডেন্ট থংলুন",
        # "… মাটিতে পা রাখলেন ডোনাল্ড ট্রাম্প" (a person, or for "set foot" a country)
        after = [a for a in agents if a.start > t0 and a.case == "nom" and not a.post
                 and (a.entity.kind == "Person" or rule_id == "set-foot" or _office_after(a, sentence, s_start, lex))]
        # (the person an office names, when named: "… সফরে রয়েছেন লুক্সেমবার্গের … পররাষ্ট্রমন্ত্রী জাবিয়ের বেটেল")
        candidates = ([a for a in after if a.entity.kind == "Person"] or after)[:1] or [
            # "… রওনা হওয়ার কথা রয়েছে কিমের": whose plan it is, in the genitive after "কথা রয়েছে"
            a for a in agents if a.start > t0 and a.case == "gen" and not a.post and a.entity.kind == "Person"
            and _PLAN_OF.search(sentence, t0 - s_start, a.start - s_start)][:1]
    # "একটি পোলিশ কারিগরি দল … যায়", "উত্তর কোরিয়ার একটি প্রতিনিধিদল নমপেনে এসেছে": people of a
    # country, named as a group or a delegation, travel
    travellers = visitor is not None and delegation is not None
    if visitor is None:
        people = [a for a in candidates if a.entity.kind == "Person"]
        visitor = (people or candidates or [None])[0]
        # people of a country as a group, or its office-holder left unnamed ("লাওসের প্রেসিডেন্ট … যান")
        travellers = visitor is not None and (visitor.via == "group" and not _NOT_ENVOYS.search(
            sentence, visitor.start - s_start, visitor.end - s_start + 16) or _office_after(visitor, sentence, s_start, lex))
        visitor = visitor.entity if visitor is not None else None
    if visitor is None and ctx.last_person is not None and _DURING_VISIT.search(sentence):
        visitor = None  # a visit already reported: no new one
    if visitor is None:
        return []
    if dest == "pronoun" or dest is None:
        dest = _partner(ctx, visitor, lex) if dest == "pronoun" or (pronouns and dest is None) else None
    if dest is None:
        return []
    if arrival and visitor.kind != "Person" and not travellers:
        return []  # "X পিয়ংইয়ং যান" names a traveller; a country before the verb may be its subject
    vc = _country_of(visitor, lex)
    if vc is not None and vc.slug == dest.slug:
        return []
    if visitor.kind == "Organization" and visitor.country in lex.entities and visitor.position in ("legislature", "ministry"):
        # "উত্তর কোরিয়ার সর্বোচ্চ গণপরিষদের একটি প্রতিনিধিদল … সফর করে": a state body's delegation
        # visits for its state; the body takes part
        ev.participants = [*ev.participants, visitor]
        visitor = lex.entities[visitor.country]
    ev.actors, ev.recipients = [visitor], [dest]
    out = [ev]
    for x in listed:
        place = lex.entities[x.entity.country] if x.entity.kind == "City" and x.entity.country else x.entity
        if place.kind != "Country" or place.slug in {e.recipients[0].slug for e in out} or (
                vc is not None and vc.slug == place.slug):
            continue
        copy = Event(**{**ev.__dict__})
        copy.recipients, copy.place = [place], (x.entity if x.entity.kind == "City" else None)
        out.append(copy)
    return out
