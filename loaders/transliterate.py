"""Romanisation of names written in Bengali script, for people the lexicon does not know.

Bengali newspapers write foreign and Korean names by sound, so a name can be turned back into its
usual English spelling by rules: which consonants carry the inherent vowel (kept between a
consonant cluster and the next consonant, dropped between a vowel and a consonant and at the end of
a word), how the vowel is said (``o`` in most names, ``a`` in South Asian and Arabic ones), the
phala forms (``স্ব`` → sw, ``ল্যা`` → la), glides (``ওয়া`` → wa, ``রিয়ং`` → ryong in Korean) and the
conventions of the name's own language (ভ → v in Slavic names, ফ → ph in Vietnamese and Lao ones,
ঝ → zh). The country the person acts for chooses those conventions. The result is an English
label good enough to match the usual spelling in most cases; the Bengali spelling is always kept
beside it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kutniti.loaders.text import LETTER_NAMES, fold

#: Countries (ISO codes or historical slugs) whose names follow one language's conventions.
STYLES = {
    "south-asian": {"IN", "PK", "BD", "NP", "LK", "BT", "MV", "MU"},
    "hindustani": {"IN", "NP", "MU"},
    "arabic": {"DZ", "BH", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "OM", "PS", "QA", "SA", "SD", "SY",
               "TN", "AE", "YE", "MR", "IR", "AF", "MY", "BN", "ID", "PK", "BD"},
    "korean": {"KP", "KR"},
    "south-korean": {"KR"},
    "chinese": {"CN", "TW", "HK", "MO"},
    "indochinese": {"VN", "north-vietnam", "LA", "KH", "TH"},
    "vietnamese": {"VN", "north-vietnam"},
    "russian": {"RU", "soviet-union", "BY", "UA", "KZ", "KG", "TJ", "UZ", "TM"},
    "german": {"DE", "AT", "CH", "east-germany"},
    "central-european": {"DE", "AT", "CH", "east-germany", "NL", "SE", "NO", "DK", "FI", "IS", "HU", "PL", "CZ", "SK",
                         "czechoslovakia"},
    "slavic": {"RU", "soviet-union", "BY", "UA", "BG", "RS", "yugoslavia", "PL", "CZ", "SK", "czechoslovakia",
               "HR", "SI", "MK", "ME", "BA", "KZ", "KG", "TJ", "UZ", "TM"},
    "english": {"US", "GB", "AU", "NZ", "CA", "IE"},
    "italian": {"IT", "SM", "VA", "MT"},
    "burmese": {"MM"},
    "japanese": {"JP"},
    "hispanic": {"CU", "VE", "NI", "MX", "CL", "AR", "PE", "BO", "EC", "CO", "ES", "PT", "BR", "UY", "PY", "GT",
                 "HN", "SV", "CR", "PA", "DO", "PH", "AO", "MZ", "GQ", "CV", "GW", "ST"},
    "african": {"AO", "BJ", "BW", "BF", "BI", "CM", "CF", "TD", "KM", "CG", "CD", "CI", "DJ", "GQ", "ER", "SZ",
                "ET", "GA", "GM", "GH", "GN", "GW", "KE", "LS", "LR", "MG", "MW", "ML", "MZ", "NA", "NE", "NG",
                "RW", "SN", "SL", "SO", "ZA", "SS", "TZ", "TG", "UG", "ZM", "ZW"},
    # Kirundi and Kinyarwanda write z where Bengali has জ ("বিজিমানা", Bizimana; "এনকুরুনজিজা")
    "great-lakes": {"BI", "RW"},
    # patronymic names: the given name, first, is the one that stands alone ("মেঙ্গিস্তু", "আবি")
    "given-first": {"ET", "ER", "IS"},
    # (and the French-speaking states of Africa, whose people's given names are mostly French)
    "french": {"FR", "BE", "LU", "MC", "HT", "BI", "BJ", "BF", "CM", "CF", "TD", "KM", "CG", "CD", "CI", "DJ",
               "GA", "GN", "MG", "ML", "NE", "RW", "SN", "TG"},
}

#: Naming traditions in which a short word before the family name is an initial, not a syllable.
INITIALS = {"south-asian", "english", "african"}
VOWELS = {"অ": "o", "আ": "a", "ই": "i", "উ": "u", "ঋ": "ri", "এ": "e", "ঐ": "oi", "ও": "o", "ঔ": "ou"}
SIGNS = {"া": "a", "ি": "i", "ু": "u", "ৃ": "ri", "ে": "e", "ৈ": "oi", "ো": "o", "ৌ": "ou"}
CONSONANTS = {"ক": "k", "খ": "kh", "গ": "g", "ঘ": "gh", "ঙ": "ng", "চ": "ch", "ছ": "ch", "জ": "j",
              "ঝ": "zh", "ঞ": "n", "ট": "t", "ঠ": "th", "ড": "d", "ঢ": "dh", "ণ": "n", "ত": "t", "থ": "th",
              "দ": "d", "ধ": "dh", "ন": "n", "প": "p", "ফ": "f", "ব": "b", "ভ": "v", "ম": "m", "য": "y",
              "র": "r", "ল": "l", "শ": "sh", "ষ": "sh", "স": "s", "হ": "h"}
#: Conjuncts said otherwise than their parts.
CONJUNCTS = {"কষ": "ksh", "জঞ": "gy", "ঞজ": "nj", "ঞচ": "nch", "ঙক": "nk", "ঙগ": "ng", "ঙখ": "nkh"}
#: Style-specific letters.
LETTERS = {
    "south-asian": {"ভ": "bh", "ঝ": "jh", "ছ": "chh", "ৈ": "ai", "ৌ": "au", "ঐ": "ai", "ঔ": "au"},
    "arabic": {"ভ": "v", "ৈ": "ai", "ৌ": "ou"},
    "indochinese": {"ফ": "ph"},
    "slavic": {"জ": "z"},
}
VIRAMA, NASALS = "্", {"ং": "ng", "ঁ": "n", "ঃ": "h"}
_C = "bcdfghjklmnpqrstvwxyz"
#: Spelling conventions of a language, applied to a romanised word (pattern, replacement).
SPELLINGS = {
    "english": [(rf"(?<=[{_C}])i$", "y"), (r"^k(?=[aoulr])", "c"), (r"(?<=^[a-z][aeiou])k$", "ck"),
                (r"(?<=[{_C}])ar$", "er")],
    "german": [("^v", "w"), ("sh", "sch"), ("ai", "ei"), (rf"(?<=[{_C}])ar$", "er")],
    "central-european": [("^y(?=[aeiou])", "j")],
    # (Spanish j is said as h: inside a word, ত্রুহিলো → truj…, হোর্হে → jorge; at the start of one
    # it is kept, as many Latin American names are English or German: হোমস → holmes, হেইনে → heine)
    "hispanic": [(r"k(?=[ei])", "qu"), ("k", "c"), ("j$", "z"), ("ge", "gue"), ("sh", "ch"),  # রোশা → rocha
                 (r"(?<=[a-z])(?<![cs])h(?=[aeiou])", "j")],
    "chinese": [(r"^i(?![aeiou])", "yi"), (r"^u(?![aeiou])", "wu"), (r"(?:k|ch)i(?=[aeu])", "qi"),
                (r"ki", "qi"), (r"j(?=[aeou])", "z"), (r"shi(?=[aeou]|n|$)", "xi")],
    "vietnamese": [(r"^nog(?=u)", "ng"), (r"in$", "inh"), (r"k$", "c")],
    "south-korean": [(r"(?<!y)u(?!ng|k|h)", "oo"), ("^yun$", "yoon"), ("^li$", "lee"), ("^yong", "young"),
                     (r"(?<=[^aeiou])yong", "yung")],
    "russian": [(r"(?<=[^aeiour])i$", "y"), (r"^dimit", "dmit"), (rf"(?<=[{_C}])ar$", "er")],
    "arabic": [("j$", "z")],
    # Italian and Maltese write k as c before a, o, u and consonants (কারমেলো → carmelo), the sound
    # ch as c before e and i (চিরিয়েল্লি → cirielli), k as ch there (কিয়ারা → chiara), and j as g or gi
    # (জোর্জো → giorgio, জুসেপ্পে → giuseppe, জেন্তিলোনি → gentiloni)
    "italian": [(r"ch(?=[ei])", "c"), (r"k(?=[ei])", "ch"), (r"k(?=[aour])", "c"), (r"^k(?=l)", "c"),
                (r"j(?=[aou])", "gi"), (r"j(?=[ei])", "g")],
    "burmese": [(r"(?<![aeiou])ong", "aung")],
    "african": [(r"^e([nm])(?=[bdgkptjz])", r"\1")],  # (also "এনজোরোগে", Njoroge; "এনজেয়িমানা", Nzeyimana)
    "great-lakes": [(r"(?<=[a-z])j", "z")],
    # Hepburn: জ inside a word before a, u, e, o is z (কোইজুমি → koizumi, ওজাওয়া → ozawa), but ji
    # stays (শিনজিরো → shinjiro) and so does an initial j (জুনিচিরো → junichiro)
    "japanese": [(r"(?<=[a-z])j(?=[aueo])", "z")],
    "south-asian": [(r"^sing$", "singh"), (r"^shekh$", "sheikh")],
    # Hindi and Nepali names: য is y (যাদব → yadav), a final ব is v (কেশব → keshav)
    "hindustani": [(r"(?<=[aeiou])b$", "v")],
}


def style_of(country: str | None) -> frozenset[str]:
    """The naming conventions of a country's people (none: the common ones of foreign names)."""
    return frozenset(style for style, members in STYLES.items() if country in members)


def _letters(table: dict[str, str], style: frozenset[str]) -> dict[str, str]:
    out = dict(table)
    for name in sorted(style):
        out.update({k: v for k, v in LETTERS.get(name, {}).items() if k in table})
    return out


@dataclass
class _Unit:
    """A syllable onset (a consonant or cluster, possibly empty) and its vowel."""

    cons: list[str]
    vowel: str | None  # a sign or independent vowel; None: the inherent vowel; "": none (virama)
    coda: str = ""  # ং ঁ ঃ after it
    schwa: bool = False  # whether the inherent vowel is said


def _units(word: str) -> list[_Unit]:
    """A folded word cut into onsets with their vowels (অ্যা counts as one vowel, "a")."""
    units: list[_Unit] = []
    i, n = 0, len(word)
    while i < n:
        c = word[i]
        if c in CONSONANTS:
            cons = [c]
            i += 1
            while i + 1 < n and word[i] == VIRAMA and word[i + 1] in CONSONANTS:
                cons.append(word[i + 1])
                i += 2
            vowel = None
            if i < n and word[i] == VIRAMA:
                vowel, i = "", i + 1
            elif i < n and word[i] in SIGNS:
                vowel, i = word[i], i + 1
            units.append(_Unit(cons, vowel))
        elif c in VOWELS:
            if word[i + 1:i + 3] == VIRAMA + "য":  # অ্যা, এ্যা: the vowel of "cat"
                units.append(_Unit([], "আ"))
                i += 4 if word[i + 3:i + 4] == "া" else 3
                continue
            units.append(_Unit([], c))
            i += 1
        elif c in NASALS and units:
            units[-1].coda += c
            i += 1
        else:
            i += 1  # marks that carry no sound of their own
    return units


def _glide(units: list[_Unit], k: int) -> bool:
    """Whether unit k is an independent ও or উ said as w (ওয়া, উই)."""
    u = units[k]
    nxt = units[k + 1] if k + 1 < len(units) else None
    return bool(not u.cons and nxt is not None and (
        u.vowel == "ও" and nxt.cons == ["য"] or u.vowel == "উ" and nxt.vowel == "ই" and not nxt.cons))


def _mark_schwas(units: list[_Unit], style: frozenset[str]) -> None:
    """Decide, right to left, which inherent vowels are said (a vowel to the left counts as said
    while it is undecided)."""
    indic = bool(style & {"south-asian", "arabic"})
    for k in range(len(units) - 1, -1, -1):
        u = units[k]
        if u.vowel is not None:
            continue
        prev = units[k - 1] if k else None
        nxt = units[k + 1] if k + 1 < len(units) else None
        if u.coda or len(units) == 1:
            u.schwa = True
        elif nxt is None:  # word-final: silent, but South Asian conjuncts end in "a" (Narendra, Krishna)
            u.schwa = "south-asian" in style and len(u.cons) > 1 and (u.cons[-1] in "রয" or u.cons[0] not in "নমঙণঞ")
        elif not indic and k + 2 == len(units) and nxt.cons in (["স"], ["জ"]) and nxt.vowel is None \
                and prev is not None and prev.vowel:
            u.schwa = False  # জেমস → james (but কমবস → kombos: the vowel goes somewhere)
        elif k == 0 and u.cons == ["ত"] and nxt.cons[:1] == ["স"]:
            u.schwa = False  # তসিপ্রাস → tsipras
        elif k == 0 and "african" in style and u.cons in (["ন"], ["ম"]) and nxt.cons and nxt.cons[0] in "কগবপডদটতজচ":
            u.schwa = False  # নক্রুমা → nkrumah, এমবেকি; but মরিসান্দা → morisanda
        elif prev is None and "korean" in style and _glide(units, 1):
            u.schwa = False  # কওয়ান → kwan
        elif prev is None or prev.vowel == "" or (prev.vowel is None and not prev.cons):
            u.schwa = True  # at the start, or after a vowel-less consonant
        elif len(u.cons) > 1 and indic:
            u.schwa = True  # a conjunct keeps its vowel in South Asian names (Rabindranath)
        elif not indic and len(u.cons) == 1 and prev.vowel is None and prev.cons and len(nxt.cons) > 1:
            u.schwa = True  # two bare consonants before a conjunct: the second says it (এডমন্ডো → edmondo)
        elif not indic and len(u.cons) == 1 and (prev.vowel or k == 1 and prev.vowel is None and prev.cons) \
                and nxt.cons and nxt.vowel is None and not nxt.schwa and k + 2 < len(units) \
                and u.cons != ["য"] and nxt.cons != u.cons and nxt.cons[0] not in "যলরনমভ" \
                and units[k + 2].cons[:1] not in (["র"], ["ল"]):
            u.schwa = False  # a said vowel, then two bare consonants: মটসফেল্ট → motsfelt
        elif nxt.cons and (len(nxt.cons) == 1 or not indic) and (nxt.vowel is not None or nxt.schwa):
            u.schwa = nxt.vowel == ""  # dropped between a vowel and a consonant that has its own
        elif _glide(units, k + 1):
            u.schwa = False  # এডওয়ার্ড → edward
        else:
            u.schwa = True


def _consonants(cons: list[str], style: frozenset[str], first: bool, vowel: str | None) -> str:
    """An onset (one consonant or a conjunct) in Latin letters."""
    letters = _letters(CONSONANTS, style)
    out = ""
    i = 0
    while i < len(cons):
        pair = "".join(cons[i:i + 2])
        if pair in CONJUNCTS:
            out += CONJUNCTS[pair]
            i += 2
            continue
        c = cons[i]
        if i and c == "ব":  # ব-ফলা: w (v in Slavic names), but a real b after ম, র and ব
            out += "b" if cons[i - 1] in "মরব" else ("v" if "slavic" in style else "w")
        elif i and c == "য":  # য-ফলা: ্যা is the vowel of "cat" in foreign names
            out += "y" if "south-asian" in style or vowel != "া" else ""
        elif c == "য" and first and i == 0:
            out += "y" if "hindustani" in style else "j"  # যাদব: Yadav in Hindi and Nepali names
        elif c == "স" and i and cons[i - 1] == "ক" and "south-asian" not in style:
            out = out[:-1] + "x"  # ক্স → x
        else:
            out += letters[c]
        i += 1
    return out


def _word(word: str, style: frozenset[str]) -> str:
    """One folded word in Latin letters, lower case."""
    units = _units(word)
    _mark_schwas(units, style)
    inherent = "a" if style & {"south-asian", "arabic"} else "o"
    letters = _letters({**SIGNS, **VOWELS}, style)
    out: list[str] = []
    for k, u in enumerate(units):
        prev = units[k - 1] if k else None
        nxt = units[k + 1] if k + 1 < len(units) else None
        onset = _consonants(u.cons, style, k == 0, u.vowel) if u.cons else ""
        if u.cons == ["য"] and k:  # য় between or after vowels
            before = out[-1][-1:]
            if u.vowel is None and not u.schwa and nxt is None:
                onset = "y" if before in ("a", "e", "o") else ""  # সঞ্জয় → sanjay
            elif u.vowel is None and not u.schwa:
                onset = "i" if before in ("a", "e", "o") else ""  # চয়বালসান → choibalsan, ফয়সাল → faisal
            elif prev.vowel == "ই" and not prev.coda:
                if k == 1:
                    out[-1] = out[-1][:-1]  # ইয়েলৎসিন → yeltsin
                else:
                    onset = ""  # ইসাইয়াস → isaias
            elif prev.vowel == "ি" and not prev.coda and "hispanic" in style and u.vowel == "ো" and prev.cons:
                out[-1] = out[-1][:-1]
                onset = "ill"  # Spanish ll is said y: আস্তুদিয়ো → astudillo, কাস্তিয়ো → castillo
            elif prev.vowel == "ি" and not prev.coda:
                if style & {"korean", "slavic"} and prev.cons:
                    out[-1] = out[-1][:-1]  # রিয়ং → ryong
                else:
                    onset = ""  # জুলিয়াস → julias
            elif prev.vowel in ("উ", "ু") and ("vietnamese" not in style or u.vowel != "ে"):
                onset = ""  # মিগুয়েল → miguel (but নগুয়েন → nguyen)
            elif prev.vowel in ("া", "ে", "ো") and u.vowel in ("ে", "া") and "russian" in style:
                onset = "y"  # নাজারবায়েভ → nazarbayev, তোকায়েভ → tokayev
            elif prev.vowel in ("া", "ে") and u.vowel in ("ে", "া") and u.vowel != prev.vowel:
                onset = ""  # রাফায়েল → rafael, কোরেয়া → correa
            elif prev.vowel == "ো" and u.vowel == "ে" and "korean" in style:
                onset = ""  # চোয়ে → choe (최)
            elif prev.vowel in ("ও", "ো") and "hispanic" in style:
                onset = ""  # জোয়াও → joao
            elif prev.vowel in ("ও", "ো") and (u.vowel in ("া", "ে")
                                                or "korean" in style or not prev.cons):
                out[-1] = out[-1][:-1]
                onset = "w"  # ওয়াং → wang, গোয়ন → gwon, আনোয়ার → anwar
        if u.vowel is None:
            vowel = inherent if u.schwa else ""
        elif u.vowel == "অ":
            vowel = inherent
        elif u.vowel == "":
            vowel = ""  # a written virama: no vowel ("শাহ্" → shah)
        else:
            vowel = letters[u.vowel]
        if u.vowel == "উ" and nxt is not None and nxt.vowel == "ই" and not nxt.cons and "korean" not in style:
            vowel = "w"  # উইলসন → wilson, এডউইন → edwin
        if u.vowel == "ই" and prev is None and nxt is not None and not nxt.cons and nxt.vowel in ("উ", "ও", "এ", "আ") \
                and not _glide(units, 1):
            vowel = "y"  # ইউরি → yuri, ইওল → yeol
        if "korean" in style and u.vowel in ("উ", "ও") and not u.cons and prev is not None and prev.vowel == "ি" \
                and prev.cons:
            out[-1] = out[-1][:-1] + "y"  # হিউন → hyun, রিওল → ryol
        if "korean" in style and u.vowel == "ে" and u.cons and not (u.cons == ["য"] and onset == ""):
            vowel = "ae"  # জে → jae
        coda = "".join(NASALS[c] for c in u.coda)
        if u.coda.endswith("ং") and nxt is not None and nxt.cons[:1] in (["গ"], ["ক"]):
            coda = coda[:-1]  # ংগ, ংক (also written ঙ্গ, ঙ্ক) are ng, nk: "অ্যাংগেলা" → angela
        out.append(onset + vowel + coda)
    latin = "".join(out)
    if "south-asian" not in style:
        latin = re.sub(r"k[jz](?=a)", "x", latin)  # আলেকজান্ডার → alexander
    if not style & _NOT_LATIN:
        latin = re.sub(r"(?<=[lnrt])j$", "z", latin)  # a final জ after a consonant is z: ওয়াল্টজ → waltz
    for name in sorted(style):
        for pattern, repl in SPELLINGS.get(name, []):
            latin = re.sub(pattern, repl, latin)
    return latin


#: The traditions of names.yaml each naming style reads, in order; "common" goes last for names
#: written in the Latin alphabet (not for Korean, Chinese, Indochinese, Burmese or South Asian ones).
_TRADITIONS = {"english": "english", "french": "french", "german": "german", "central-european": "german",
               "hispanic": "hispanic", "italian": "italian", "slavic": "slavic", "russian": "slavic",
               "arabic": "arabic"}
_NOT_LATIN = {"korean", "chinese", "indochinese", "burmese", "south-asian"}


@functools.cache
def _known_spellings(style: frozenset[str]) -> dict[str, str]:
    """Folded Bengali spellings of common names → their own spelling, for a naming style: its
    traditions' tables first, then the common one."""
    tables = _name_tables()
    # (South Asian Muslims' names keep their own spellings: আসাদ is Asad in Bangladesh, Assad in Syria)
    order = [_TRADITIONS[s] for s in sorted(style) if s in _TRADITIONS and not (s == "arabic" and "south-asian" in style)]
    if not style & _NOT_LATIN and "arabic" not in style:
        order.append("common")
        # then every other tradition: a name a Bengali paper spells as a known name is most likely
        # that name, whatever the bearer's country ("আজিজ" → Aziz for a South African minister)
        order += [t for t in dict.fromkeys(_TRADITIONS.values()) if t not in order]
    out: dict[str, str] = {}
    for name in order:
        for bn, latin in tables[name].items():
            out.setdefault(fold(bn.replace("ৎ", "ত্")).text, latin)  # (as romanise reads a name: ৎ is a bare t)
    return out


@functools.cache
def _name_tables() -> dict[str, dict[str, str]]:
    from kutniti.loaders.datafiles import read_data

    return read_data("names.yaml")["traditions"]


@functools.cache
def _name_words() -> frozenset[str]:
    return frozenset(fold(bn.replace("ৎ", "ত্")).text for table in _name_tables().values() for bn in table)


def is_name_word(word: str) -> bool:
    """Whether a folded word is a given or family name of names.yaml, in any tradition."""
    return word in _name_words()


def romanise(name: str, country: str | None = None) -> str:
    """The usual English spelling of a Bengali-script name of someone acting for ``country``
    (an ISO code or a historical state's slug): "সুষমা স্বরাজ", "IN" → "Sushma Swaraj"."""
    style = style_of(country)
    words = [w for w in re.split(r"[\s\-]+", fold(name.replace("ৎ", "ত্")).text) if w]  # ৎ: a bare t
    out = []
    letters = {fold(k).text: v for k, v in LETTER_NAMES.items()} if style & INITIALS else {}
    known = _known_spellings(style)
    for i, w in enumerate(words):
        if i < len(words) - 1 and w in letters:
            out.append(letters[w] + ".")
            continue
        if w in known:  # "জন" → John, "সালিভান" → Sullivan: a common name's own spelling
            out.append(known[w])
            continue
        latin = _word(w, style) if any(c in CONSONANTS or c in VOWELS for c in w) else w
        out.append(latin[:1].upper() + latin[1:])
    if "korean" in style and len(out) > 2:
        return f"{out[0]} {out[1]}-" + "-".join(s.lower() for s in out[2:])
    return " ".join(out)
