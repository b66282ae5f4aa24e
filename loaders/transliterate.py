"""Romanisation of Bengali names, for people the lexicon does not know.

A plain, readable scheme (not a standard one): consonants carry an inherent "o" that is dropped
at the end of a word and before a vowel sign or virama. It is good enough to give a person an
English label when nothing better is known; the Bengali spelling is always kept beside it.
"""

from __future__ import annotations

VOWELS = {"অ": "o", "আ": "a", "ই": "i", "ঈ": "i", "উ": "u", "ঊ": "u", "ঋ": "ri", "এ": "e", "ঐ": "oi",
          "ও": "o", "ঔ": "ou"}
SIGNS = {"া": "a", "ি": "i", "ী": "i", "ু": "u", "ূ": "u", "ৃ": "ri", "ে": "e", "ৈ": "oi", "ো": "o",
         "ৌ": "ou"}
CONSONANTS = {"ক": "k", "খ": "kh", "গ": "g", "ঘ": "gh", "ঙ": "ng", "চ": "ch", "ছ": "chh", "জ": "j",
              "ঝ": "jh", "ঞ": "n", "ট": "t", "ঠ": "th", "ড": "d", "ঢ": "dh", "ণ": "n", "ত": "t", "থ": "th",
              "দ": "d", "ধ": "dh", "ন": "n", "প": "p", "ফ": "f", "ব": "b", "ভ": "bh", "ম": "m", "য": "y",
              "র": "r", "ল": "l", "শ": "sh", "ষ": "sh", "স": "s", "হ": "h", "ড়": "r", "ঢ়": "rh", "য়": "y",
              "ৎ": "t"}
OTHER = {"ং": "ng", "ঃ": "h", "ঁ": "n", "্": "", "়": ""}


def romanise(word: str) -> str:
    """A Latin spelling of a Bengali word, capitalised ("এলবেগডোরজ" → "Elbegdorj")."""
    out: list[str] = []
    chars = list(word)
    for i, c in enumerate(chars):
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
        if c in CONSONANTS:
            out.append(CONSONANTS[c])
            if nxt and (nxt in SIGNS or nxt == "্" or nxt == "়"):
                continue
            if nxt and nxt in CONSONANTS and i > 0:
                continue  # medial clusters usually drop the inherent vowel
            if nxt and nxt not in OTHER:
                out.append("o")
        elif c in SIGNS:
            out.append(SIGNS[c])
        elif c in VOWELS:
            out.append(VOWELS[c])
        elif c in OTHER:
            out.append(OTHER[c])
        elif c.isascii():
            out.append(c)
    text = "".join(out)
    return text[:1].upper() + text[1:]
