"""The lexicon: who and where names in Bengali text refer to.

Countries come from CLDR through Babel (every territory's Bengali and English name, ISO code),
completed by ``data/places.yaml`` (alternative names, adjectives, historical states, cities that
stand for their government); people from ``data/people.yaml`` and the world gazetteer
``data/leaders.yaml``; organisations from
``data/organizations.yaml``; titles from ``data/titles.yaml``. Lookups use folded keys
(:func:`kutniti.loaders.text.key`), so spelling variants, hyphens and spaces do not matter, and
case endings are stripped by :func:`Lexicon.lookup`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from kutniti.graph.namespaces import slugify
from kutniti.loaders.datafiles import read_data
from kutniti.loaders.text import fold, key, tokens
from kutniti.loaders.transliterate import style_of


@dataclass
class Entity:
    """A real thing the text can mention."""

    slug: str
    kind: str  # Country | Person | Organization | City
    label_en: str
    label_bn: str | None = None
    alt_en: list[str] = field(default_factory=list)
    alt_bn: list[str] = field(default_factory=list)
    iso: str | None = None
    country: str | None = None  # slug of the country a person acts for / a city or body is in
    position: str | None = None
    capital: bool = False  # a city (or seat) that stands for its government

    def __hash__(self) -> int:
        return hash(self.slug)


#: Case endings (folded: য় folds to য).
CASE_ENDINGS = ["যের", "য়ের", "এর", "ের", "র", "কে", "দের", "দেরকে", "তে", "েতে", "যে", "য", "এ", "ে", "টির"]
#: Emphatic clitics that may follow a case ending: "মোহাম্মদকেও" (… too), "সেদিনই", "মালয়েশিয়ারও".
CLITICS = ["ও", "ই"]
#: Case endings, clitics and other endings a name may carry, longest first.
SUFFIXES = sorted(
    {*CASE_ENDINGS, *(e + c for e in CASE_ENDINGS for c in CLITICS), *CLITICS, "সহ", "গুলো", "গুলি", "টি", "রা",
     "েরা", "বাসী", "ভিত্তিক", "স্থ"},
    key=len, reverse=True)
_SUFFIX_SET = frozenset(SUFFIXES)
_SUFFIX_LENGTHS = sorted({len(s) for s in SUFFIXES}, reverse=True)


def endings(word: str) -> list[str]:
    """The suffixes (of :data:`SUFFIXES`) that ``word`` ends with, longest first."""
    return [word[-n:] for n in _SUFFIX_LENGTHS if len(word) >= n and word[-n:] in _SUFFIX_SET]


GENITIVE = {"যের", "এর", "ের", "র", "দের", "টির"}
ACCUSATIVE = {"কে", "দেরকে"}
#: (and "-স্থ", "situated in": "পিয়ংইয়াংস্থ দূতাবাস", the embassy in Pyongyang)
LOCATIVE = {"তে", "েতে", "যে", "য", "এ", "ে", "স্থ"}


_VOWEL_SIGNS = re.compile("[\u0981-\u0983\u09be-\u09cc\u09cd\u09d7]")
#: ং before a velar is the ঙ of ঙ্ক/ঙ্গ (the two spellings fold alike): a consonant of the skeleton.
_VELAR_NASAL = re.compile("\u0982(?=[\u0995-\u0998])")


_SKELETON = str.maketrans({"ঙ": "ন", "ং": "ন", "ঞ": "ন", "ণ": "ন", "শ": "স", "ষ": "স",
                           "থ": "ত", "ঠ": "ত", "ট": "ত", "ধ": "দ", "ঢ": "দ", "ড": "দ", "ঝ": "জ", "য": None, "ও": "অ",
                           "ঈ": "ই", "ঊ": "উ"})
#: An independent vowel inside a word ("সালিউমসাই", "সালুমসাই") is a glide spellings disagree on.
_INNER_VOWEL = re.compile("(?<=[\u0995-\u09b9\u09dc-\u09df])[\u0985-\u0994]+")  # (a run: "ওউল্দ"/"উলদ")
_DOUBLED = re.compile(r"(.)\1+")
#: "বিন হামাদ", "ইবনে সৌদ": a father's name inside an Arabic name.
_PATRONYMIC = re.compile(r"(?:^|\s)(?:বিন|ইবনে|বিনতে)\s+[^\s]+(?=\s)")
#: A final হ after a vowel is not said ("গেলেহ"/"গেলে", Guelleh), and spellings drop it.
_FINAL_H = re.compile("(?<=[\u09be-\u09cc])হ(?![\u0980-\u09ff])")


@functools.lru_cache(maxsize=65536)
def _one_edit(a: str, b: str) -> bool:
    """Whether two different strings are one substitution, insertion or deletion apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


#: Aspirate consonants written for plain ones and back: "ৎসাখনা" for "তসাহকনা" (Tsahkna), where
#: the skeleton already joins থ/ত and ধ/দ.
_PLAIN = str.maketrans({"খ": "ক", "ঘ": "গ", "ছ": "চ", "ভ": "ব"})


def _near(a: str, b: str) -> bool:
    """Whether two family-name skeletons are one letter apart, aspiration aside."""
    plain_a, plain_b = a.translate(_PLAIN), b.translate(_PLAIN)
    return a != b and (_one_edit(a, b) or plain_a == plain_b or _one_edit(plain_a, plain_b))


_VOWEL_MARKS = re.compile("[\u0985-\u0994\u09be-\u09cc]")


def _vowels(name: str) -> str:
    """The first vowel each word of a name writes ("" for none), in order: what its skeleton leaves
    out ("কিম জিন-আ" ি, ি, আ; "কিম জং উন" ি, "", উ)."""
    out = []
    for word in re.split(r"[\s\-]+", name.strip()):
        found = _VOWEL_MARKS.search(word)
        out.append(found.group(0) if found else "-")
    return "".join(out)


def _other_vowels(a: str, b: str) -> bool:
    """Whether most words of two names of one skeleton write other vowels ("লে হোয়াই চুং", "লি হোই-চাং")."""
    va, vb = _vowels(a), _vowels(b)
    return len(va) == len(vb) and 2 * sum(x != y for x, y in zip(va, vb)) > len(va) or len(va) != len(vb)


@functools.lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """A name without vowel signs and virama, its nasals and sibilants made one: foreign names
    written in Bengali vary mostly in these ("ইয়োরান পেরসন", "ইয়োরান পারসন", "পার্সন";
    "মেঙ্গিস্তু", "মেনগিস্তু"), and also in aspiration (থ/ত), the glide য়, a vowel letter inside a
    word, doubled consonants ("কায়সোন"/"কেসোন", "কোমাসিত"/"কোম্মাসিথ"), an initial o written
    ও or অ ("ওর্তেগা"/"অর্তেগা"), t, d written retroflex or dental ("টিমো"/"তিমো", "ডেভিড"/"দাভিদ") and a
    silent final হ ("গেলেহ"/"গেলে")."""
    bare = _VOWEL_SIGNS.sub("", _VELAR_NASAL.sub("ন", _FINAL_H.sub("", key(name))))
    return _DOUBLED.sub(r"\1", _INNER_VOWEL.sub("", bare).translate(_SKELETON))


def demonyms(name: str) -> list[str]:
    """Nationality adjectives Bengali forms regularly from a country's name: -িয়া → -ীয়, -িয়ান
    ("কেনিয়া" → কেনীয়, কেনিয়ান); -া → -ান ("উগান্ডা" → উগান্ডান); a final consonant takes -ি, -ী or -ীয়
    ("পাকিস্তান" → পাকিস্তানি, "ভারত" → ভারতীয়). Irregular ones are listed in places.yaml."""
    if " " in name or len(name) < 3:
        return []
    if name.endswith("িয়া") or name.endswith("িয়া"):
        stem = name[: -len("িয়া")] if name.endswith("িয়া") else name[: -len("িয়া")]
        return [stem + "ীয়", name + "ন"]
    if name.endswith("া"):
        return [name + "ন"]
    if "\u0995" <= name[-1] <= "\u09b9" or name[-1] in "ৎড়ঢ়য়":
        return [name + "ি", name + "ী", name + "ীয়"]
    return []


#: Naming traditions whose last word is not a family name that stands alone (Korean, Chinese and
#: Vietnamese names put the family name first; South Asian and Burmese names have none, or one that is
#: also an ordinary word).
GIVEN_NAME_LAST = frozenset({"korean", "chinese", "indochinese", "burmese", "south-asian"})
#: ... and traditions whose family names are also Bengali words or names ("মালিক", "আমিন"): their
#: family name alone is not taken for the person unless the document named them in full first.
NO_FAMILY_SHORT = GIVEN_NAME_LAST | {"arabic"}


def _data(name: str) -> dict:
    return read_data(name)


def _first_consonant(word: str) -> str:
    """The first consonant of a name, past a silent or weak হ and য ("উগো" and "হুগো" both give গ)."""
    return next((c for c in skeleton(word) if "\u0995" <= c <= "\u09b9" and c not in "হয"), "")


class Lexicon:
    """Name → entity lookups built once per process."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self._families: dict[tuple[str, str], set[str]] | None = None  # (country, family-name skeleton) → people
        self._by_country: dict[str, list] | None = None  # country → (name skeletons, person), for near spellings
        self.names: dict[str, Entity] = {}  # folded key → entity
        self.adjectives: dict[str, Entity] = {}  # folded key → country
        self.short_names: dict[str, list[Entity]] = {}
        #: a city's slug → the body seated there ("ব্রাসেলস" stands for the European Union near its name)
        self.seats: dict[str, Entity] = {}
        self.shared_families: dict[str, list[Entity]] = {}  # family names several known people share
        self.skeletons: dict[str, list[Entity]] = {}  # people's full names without vowel signs
        self.place_skeletons: dict[str, set[str]] = {}  # one-word place names without vowel signs → slugs
        self.first_skeletons: set[str] = set()  # the skeletons of those names' first words
        self.titles: dict[str, str] = {}  # folded key → English position
        self.honorifics: set[str] = set()
        #: successor state's slug → (from, until, the state that held its name and capital then)
        self.held_before: dict[str, list[tuple[int, int, Entity]]] = {}
        self.groups: set[str] = set()  # "প্রশিক্ষক", "কূটনীতিক" …: people of a country (see titles.yaml)
        self.qualifiers: set[str] = set()
        self.max_words = 1
        self.first_words: set[str] = set()  # folded first words of every name: a quick pre-check
        self.prefixes: set[str] = set()  # keys of every name's first words (all but the last)
        self._load_countries()
        self._load_people()
        self._load_organizations()
        self._load_titles()

    # -- building ----------------------------------------------------------------------------
    def _add_name(self, name: str, entity: Entity, table: dict | None = None) -> None:
        table = self.names if table is None else table
        k = key(name)
        if not k or (k in table and table[k] is not entity and table is self.names and table[k].kind == "Country"):
            return  # a country's name is never taken over by a later entry
        table[k] = entity
        if table is self.names and entity.kind in ("Country", "City") and len(tokens(fold(name).text)) == 1 \
                and len(form := skeleton(name)) >= 5:
            self.place_skeletons.setdefault(form, set()).add(entity.slug)
        self.max_words = max(self.max_words, len(name.split()) + name.count("-"))
        words = re.split(r"[\s\-.'’]+", name.strip())
        self.first_words.add(key(words[0]))
        self.prefixes.update(key(" ".join(words[:k])) for k in range(1, len(words)))
        parts = [t.text for t in tokens(fold(name).text)]  # as the text's tokens cut it
        self.prefixes.update("".join(parts[:k]) for k in range(1, len(parts)))

    def _add_country_name(self, name: str, entity: Entity) -> None:
        """A country's name, and the same name with "ও" (and) written এবং or in English (অ্যান্ড):
        "ত্রিনিদাদ ও টোবাগো", "ত্রিনিদাদ অ্যান্ড টোবাগো"."""
        self._add_name(name, entity)
        for other in sorted({name.replace(" ও ", f" {w} ") for w in ("এবং", "অ্যান্ড", "এন্ড")} | {
                name.replace(" & ", " ও ")} - {name}):
            self._add_name(other, entity)
            entity.alt_bn.append(other)

    def _entity(self, entity: Entity) -> Entity:
        existing = self.entities.get(entity.slug)
        if existing is not None:
            return existing
        self.entities[entity.slug] = entity
        return entity

    def _load_countries(self) -> None:
        from babel import Locale

        bn, en = Locale("bn"), Locale("en")
        extra = _data("places.yaml")
        by_iso: dict[str, Entity] = {}
        bn_names = bn.territories  # (Babel looks the table up anew at each access)
        for code, name_en in en.territories.items():
            if not re.fullmatch(r"[A-Z]{2}", code) or code in ("ZZ", "EU", "EZ", "UN", "QO", "XA", "XB", "XK"):
                continue
            label = re.sub(r"\s*\(.*\)$", "", name_en)
            ent = self._entity(Entity(slugify(label), "Country", label, iso=code))
            by_iso[code] = ent
            name_bn = bn_names.get(code)
            if name_bn:
                parts = [p.strip() for p in re.split(r"[()]", name_bn) if p.strip()]
                ent.label_bn = parts[0]
                for p in parts:
                    self._add_country_name(p, ent)
            if label != name_en:
                ent.alt_en.append(name_en)
            # CLDR's short forms ("Trinidad & Tobago", "St. Lucia") also in the words an English text uses
            spelled = label.replace(" & ", " and ").replace("St. ", "Saint ")
            if spelled != label:
                ent.alt_en.append(spelled)
        for code, info in (extra.get("countries") or {}).items():
            ent = by_iso.get(code)
            if ent is None:
                continue
            for n in info.get("names", []):
                self._add_country_name(n, ent)
                if n != ent.label_bn:
                    ent.alt_bn.append(n)
            for a in info.get("adjectives", []) or []:
                self._add_name(a, ent, self.adjectives)
            ent.alt_en.extend(info.get("english_alt", []) or [])
        states = {**(extra.get("historical") or {}), **(extra.get("partly_recognised") or {})}
        for slug, info in states.items():
            ent = self._entity(Entity(slug, "Country", info["label"], label_bn=info["names"][0],
                                      alt_bn=info["names"][1:], alt_en=info.get("english_alt", [])))
            if info.get("held") and info["held"]["by"] in by_iso:
                held = info["held"]
                self.held_before.setdefault(by_iso[held["by"]].slug, []).append((held["from"], held["until"], ent))
            for n in info["names"]:
                self._add_name(n, ent)
            for a in info.get("adjectives", []) or []:
                self._add_name(a, ent, self.adjectives)
        self.by_iso = by_iso
        for ent in by_iso.values():
            for name in [ent.label_bn or "", *ent.alt_bn]:
                for adj in demonyms(name):
                    if key(adj) not in self.adjectives and key(adj) not in self.names:
                        self._add_name(adj, ent, self.adjectives)
        for city in extra.get("cities") or []:
            # an ISO code, or the slug of a state of `partly_recognised` (Pristina: Kosovo)
            country = by_iso.get(city["country"]) or self.entities.get(city["country"] or "")
            slug = slugify(city["label"])
            ent = self._entity(Entity(slug, "City", city["label"], label_bn=city["names"][0],
                                      alt_bn=city["names"][1:], country=country.slug if country else None,
                                      capital=bool(city.get("capital"))))
            for n in city["names"]:
                self._add_name(n, ent)

    def _country_slug(self, code: str | None) -> str | None:
        if code is None:
            return None
        if code in self.by_iso:
            return self.by_iso[code].slug
        return code if code in self.entities else None

    def _load_people(self) -> None:
        words: dict[str, set[str]] = {}  # every word of a person's names → who has it
        family: dict[str, Entity] = {}  # a family name that comes last → its person
        family_all: dict[str, list[Entity]] = {}  # every person whose family name (last) it is
        no_family: set[str] = set()  # people whose family name is an ordinary word (family_short: false)
        given: dict[str, Entity] = {}  # a given name that stands alone (patronymic names) → its person
        for p in [*_data("people.yaml")["people"], *_data("leaders.yaml")["people"]]:
            known = self.entities.get(slugify(p["label"]))
            ent = self._entity(Entity(slugify(p["label"]), "Person", p["label"], label_bn=p["bn"][0],
                                      alt_bn=p["bn"][1:], country=self._country_slug(p.get("country")),
                                      position=p.get("position")))
            if ent is known:  # a later entry with the same label adds spellings
                ent.alt_bn.extend(n for n in p["bn"] if n != ent.label_bn and n not in ent.alt_bn)
            if p.get("family_short") is False:
                no_family.add(ent.slug)
            for n in p["bn"]:
                if len(n.split()) > 1 or n in (p.get("short") or []) or len(p["bn"]) == 1:
                    self._add_name(n, ent)
                else:
                    self.short_names.setdefault(key(n), []).append(ent)
            for s in p.get("short") or []:
                self.short_names.setdefault(key(s), []).append(ent)
            for n in p["bn"]:
                parts = [key(w) for w in n.replace("-", " ").split()]
                for w in parts:
                    words.setdefault(w, set()).add(ent.slug)
                if len(parts) > 1 and len(parts[-1]) >= 4 and not style_of(p.get("country")) & NO_FAMILY_SHORT:
                    family[parts[-1]] = ent
                    if ent.slug not in no_family and ent not in family_all.setdefault(parts[-1], []):
                        family_all[parts[-1]].append(ent)
                if len(parts) > 1 and len(parts[0]) >= 4 and "given-first" in style_of(p.get("country")):
                    given[parts[0]] = ent  # "মেঙ্গিস্তু": a patronymic name's given name stands alone
            for n in p["bn"]:
                if len(n.split()) > 1:
                    self.skeletons.setdefault(skeleton(n), []).append(ent)
                    first = skeleton(n.replace("-", " ").split()[0])
                    if len(first) >= 3:  # "কিম", "লি" (two letters or fewer): too common a start to try
                        self.first_skeletons.add(first)
        # the family name alone stands for the person ("মাদুরো", "ওর্তেগা") where the tradition puts it
        # last, and no one else's name has that word
        for w, ent in family.items():
            if words[w] == {ent.slug} and ent not in self.short_names.get(w, []) and ent.slug not in no_family:
                self.short_names.setdefault(w, []).append(ent)
        for w, ent in given.items():
            if words[w] == {ent.slug} and ent not in self.short_names.get(w, []):
                self.short_names.setdefault(w, []).append(ent)
        # a family name several people share ("ভিয়েইরা"): it stands for one of them only where the
        # document is about that one's country
        self.shared_families = {w: ents for w, ents in family_all.items()
                                if len(ents) > 1 and words[w] == {e.slug for e in ents}}

    def _load_organizations(self) -> None:
        for o in _data("organizations.yaml")["organizations"]:
            ent = self._entity(Entity(slugify(o["label"]), "Organization", o["label"], label_bn=o["bn"][0],
                                      alt_bn=o["bn"][1:], country=self._country_slug(o.get("based")),
                                      position=o.get("kind")))
            for n in o["bn"]:
                self._add_name(n, ent)
            if o.get("seat"):
                self.seats[slugify(o["seat"])] = ent

    def _load_titles(self) -> None:
        data = _data("titles.yaml")
        for bn_title, en in data["titles"].items():
            self.titles[key(bn_title)] = en
        self.honorifics = {key(h) for h in data["honorifics"]}
        self.groups = {key(g) for g in data.get("groups") or []}
        self.qualifiers = {key(q) for q in data.get("qualifiers") or []}

    # -- lookups -----------------------------------------------------------------------------
    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one lexicon per process
    def may_start(self, word: str) -> bool:
        """Whether a (folded) word can begin a name, case endings allowed."""
        if word in self.first_words:
            return True
        return any(word[: -len(suf)] in self.first_words or word[-len(suf) - 1] == "ঙ"
                   and word[: -len(suf) - 1] + "ং" in self.first_words for suf in endings(word) if len(word) > len(suf))

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one lexicon per process
    def may_start_spelled(self, word: str) -> bool:
        """Whether a (folded) word could begin a known person's full name spelled another way."""
        return skeleton(word) in self.first_skeletons

    def longest_start(self, words: list[str]) -> int:
        """How many of the (folded) ``words`` a name could span: one more than the longest run of
        them that begins some name."""
        n, k = 1, ""
        while n < len(words):
            k += words[n - 1]
            if k not in self.prefixes:
                break
            n += 1
        return n

    def person_like(self, name: str, country: str | None) -> Entity | None:
        """The one known person of ``country`` whose name differs from ``name`` only in its spelling
        skeleton; for a full name (two words or more), the one known person of any country."""
        same = self.skeletons.get(skeleton(name), [])
        found = {e.slug: e for e in same if e.country == country}
        if not found and len(name.split()) >= 2 and (
                country is None or len(skeleton(name)) >= 4 or len(name.replace("-", " ").split()) >= 3):
            # a full name the lexicon has once, whatever the country (a short skeleton of another
            # country's title is too weak a match: "নুনো মেলো" of Portugal is not Nam Il, নমল; nor is
            # a South Korean "কিম জিন-আ" the North's Kim Jong-un: the two Koreas' names are alike)
            koreas = {"north-korea", "south-korea"}
            found = {e.slug: e for e in same if not (
                country in koreas and e.country in koreas and e.country != country
                and all(_vowels(name)[1:2] != _vowels(n)[1:2] for n in (e.label_bn or "", *e.alt_bn)))
                # (another country's person, the vowels all other: Vietnam's "লে হোয়াই চুং" is not South
                # Korea's "লি হোই-চাং")
                and not (country is not None and e.country and e.country != country
                         and all(_other_vowels(name, n) for n in (e.label_bn or "", *e.alt_bn)))}
        if not found and len(name.split()) >= 2 and country and not style_of(
                self.entities[country].iso if country in self.entities else country) & GIVEN_NAME_LAST:
            # "আলেক্সান্দর লুকাশেঙ্কো": the family name of the one known person of that country who has it
            firsts = {_first_consonant(w) for w in name.split()[:-1]}
            found = {e.slug: e for e in self.short_names.get(key(name.split()[-1]), []) if e.country == country
                     and any(_first_consonant(n.split()[0]) in firsts for n in (e.label_bn or "", *e.alt_bn) if n)}
            # (whose given name begins alike: "ফেরিত হোজা" is not Enver Hoxha, another Hoxha; a given name
            # may come second: "মারিয়া তেরেসা লাজারো" is Theresa Lazaro)
        if not found and country and len(name.split()) >= 2:
            found = self._one_letter_off(name, country)
        if not found and (short := _PATRONYMIC.sub(" ", name).strip()) != name and len(short.split()) >= 2:
            # "বদর বিন হামাদ আল-বুসাইদি": the full name with the father's name, of a person known
            # without it ("বদর আল-বুসাইদি")
            return self.person_like(short, country)
        return next(iter(found.values())) if len(found) == 1 else None

    def _one_letter_off(self, name: str, country: str) -> dict[str, Entity]:
        """Known people of ``country`` whose name has the same given names and a family name one
        letter off in its skeleton ("মাইনল-রাইসিঙ্গার" for "মাইনল-রাইজিঙ্গার": স and জ for an s said z;
        "মারগুস সাখনা" for "মার্গুস সাহকনা": খ for হক)."""
        parts = [skeleton(w) for w in name.replace("-", " ").split()]
        if len(parts[-1]) < 3:
            return {}
        if self._by_country is None:  # made on first use
            by: dict[str, list[tuple[list[str], Entity]]] = {}
            for e in self.entities.values():
                if e.kind == "Person" and e.country:
                    for n in (e.label_bn or "", *e.alt_bn):
                        by.setdefault(e.country, []).append(([skeleton(w) for w in n.replace("-", " ").split()], e))
            self._by_country = by
        return {e.slug: e for words, e in self._by_country.get(country, ())
                if len(words) == len(parts) and words[:-1] == parts[:-1] and _near(words[-1], parts[-1])}

    def by_family_name(self, word: str, country: str) -> Entity | None:
        """The one known person of ``country`` whose family name (the last word of one of their
        Bengali names) is spelled like ``word`` ("প্রেসিডেন্ট আউনের": Michel Aoun of Lebanon)."""
        if self._families is None:  # made on first use
            fam: dict[tuple[str, str], set[str]] = {}
            for e in self.entities.values():
                if e.kind == "Person" and e.country:
                    for n in (e.label_bn or "", *e.alt_bn):
                        parts = n.replace("-", " ").split()
                        if len(parts) > 1:
                            fam.setdefault((e.country, skeleton(parts[-1])), set()).add(e.slug)
            self._families = fam
        found = self._families.get((country, skeleton(word)), set())
        return self.entities[next(iter(found))] if len(found) == 1 else None

    def lookup(self, words: list[str], table: dict | None = None) -> tuple[Entity, str] | None:
        """The entity named by folded ``words`` (the last may carry a case ending), and the ending.
        (The answers for names and adjectives are kept: the tables do not change once built.)"""
        k = "".join(words)
        if table is None or table is self.names:
            return self._name(k)
        if table is self.adjectives:
            return self._adjective(k)
        return _lookup(table, k)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one lexicon per process
    def place_like(self, word: str) -> tuple[Entity, str] | None:
        """The one country or city whose one-word name differs from the (folded) word only in its
        spelling skeleton, and the case ending: "উলানবাটর" (উলানবাটোর, Ulaanbaatar), "উলানবাটরে"."""
        # (a case ending first: the skeleton has no vowel signs, so "উলানবাটরে" would match whole)
        for suf in (*endings(word), ""):
            base = word[: len(word) - len(suf)] if suf else word
            slugs = self.place_skeletons.get(skeleton(base)) if len(base) >= 4 else None
            if slugs and len(slugs) == 1:
                return self.entities[next(iter(slugs))], suf
        return None

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one lexicon per process
    def _name(self, k: str) -> tuple[Entity, str] | None:
        return _lookup(self.names, k)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one lexicon per process
    def _adjective(self, k: str) -> tuple[Entity, str] | None:
        return _lookup(self.adjectives, k)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one lexicon per process
    def title(self, word: str, compound: bool = True) -> tuple[str, str] | None:
        """The English position a (folded) title word names, and its case ending (``compound``: also
        a minister of any field, "শিল্পমন্ত্রী")."""
        for suf in ("", *endings(word)):
            base = word[: len(word) - len(suf)] if suf else word
            if base in self.titles:
                return self.titles[base], suf
            for pre in ("উপ-", "উপ"):  # "উপরাষ্ট্রপ্রধান", "উপ-মহাসচিব": the deputy of a title
                if base.startswith(pre) and base[len(pre):] in self.titles:
                    return "deputy " + self.titles[base[len(pre):]], suf
            if compound and base.endswith("মন্ত্রি") and len(base) > 7:  # শিল্পমন্ত্রী, বাণিজ্যমন্ত্রী …: a minister
                return "minister", suf
        return None


def _lookup(table: dict, k: str) -> tuple[Entity, str] | None:
    """The entity of ``table`` named by the key ``k`` (perhaps with a case ending), and the ending."""
    hit = table.get(k)
    if hit is not None:
        return hit, ""
    for n in _SUFFIX_LENGTHS:  # longest ending first
        if len(k) > n + 1 and k[-n:] in _SUFFIX_SET:
            hit = table.get(k[:-n])
            if hit is None and k[-n - 1] == "ঙ" and k[-n] in _VOWEL_SIGN_START:
                hit = table.get(k[:-n - 1] + "ং")  # "কিম ইল-সুঙের": a final ং spelled ঙ before a vowel
            if hit is not None:
                return hit, k[-n:]
    return None


#: Vowel signs an ending may begin with (after a consonant: "-ের", "-ে").
_VOWEL_SIGN_START = frozenset("ািীুূেৈোৌ")

@functools.cache
def lexicon() -> Lexicon:
    """The process-wide lexicon (built on first use; Babel's data is read once)."""
    return Lexicon()


def case_of(ending: str) -> str:
    """'gen', 'acc', 'loc' or 'nom' for a case ending (an emphatic clitic after it does not count)."""
    for c in CLITICS:
        if ending.endswith(c) and ending[: -len(c)] in CASE_ENDINGS:
            ending = ending[: -len(c)]
            break
    if ending in GENITIVE:
        return "gen"
    if ending in ACCUSATIVE:
        return "acc"
    if ending in LOCATIVE:
        return "loc"
    return "nom"
