"""Mentions: who and where a sentence names, with the case ending and postposition of each.

A mention is an entity of the lexicon (country, city, person, organisation), a person introduced
by a title ("মঙ্গোলিয়ান রাষ্ট্রপতি তসাখিয়াগিং এলবেগডোরজ") or an honorific ("মিঃ কিম"), or a
reference ("দেশটি", "দুই দেশ", "তিনি") resolved against the document. Case endings give the roles
that the event rules read: nominative (subject), -কে (object), genitive -র/-এর + a postposition
(কাছে, কাছ থেকে, সাথে, জন্য, উপর …), locative -এ/-তে. A list ("X, Y ও Z-কে") is marked once, on
its last member, and shares that case; "তাঁকে" never names the subject of its own clause.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from kutniti.loaders.dates import WEEKDAYS
from kutniti.loaders.lexicon import CASE_ENDINGS, CLITICS, SUFFIXES, Entity, Lexicon, case_of, endings, skeleton
from kutniti.loaders.text import LETTER_NAMES, Token, fold, fold_pattern, key
from kutniti.loaders.transliterate import is_name_word, romanise, style_of

#: Postpositions (folded) and the relation they give the noun before them.
POSTPOSITIONS = {
    "কাছথেকে": "source", "পক্ষথেকে": "source", "থেকে": "source", "হতে": "source",
    "পক্ষহইতে": "source", "পক্ষহতে": "source", "নিকটহইতে": "source",  # (literary: "X-এর পক্ষ হইতে")
    "কাছে": "to", "নিকট": "to", "প্রতি": "to", "জন্য": "for", "উপর": "on", "ওপর": "on", "উপরে": "on", "ওপরে": "on",
    "সাথে": "with", "সঙ্গে": "with", "সহ": "with", "বিরুদ্ধে": "against", "পর": "after", "পরে": "after",
    "আগে": "before", "মধ্যে": "between", "মধ্যকার": "between", "পক্ষে": "for", "তুলনায়": "than",
    "দ্বারা": "by", "কর্তৃক": "by",
    "সহিত": "with", "হইতে": "source", "পূর্বে": "before",  # literary (sadhu) forms
    "সমর্থনে": "for",
    "পক্ষ": "for",  # "তানজানিয়ার পক্ষ নেয়": takes Tanzania's side
    "ছেড়ে": "source",  # "ত্রিপোলি ছেড়ে … রওনা হবে": the place left
    "মধ্যস্থতায়": "by",
    "মাধ্যমে": "via",  # "বিশ্ব খাদ্য কর্মসূচির মাধ্যমে": the channel, not the giver
    "হাতে": "to",  # "হুতিদের হাতে পৌঁছায়": into the hands of  # "যুক্তরাষ্ট্রের মধ্যস্থতায়": the mediator is no party  # "মিশরের সমর্থনে সৈন্য পাঠায়": in support of, for Egypt
    "অধীনে": "under",  # "জাতিসংঘ কমান্ডের অধীনে সৈন্য পাঠায়": the command is no sender
    "নেতৃত্বে": "led",  # "X-এর নেতৃত্বে একটি প্রতিনিধিদল": X leads, and acts for, the party
}
POSTPOSITIONS = {key(k): v for k, v in POSTPOSITIONS.items()}  # folded, as tokens are ("তুলনায়", "মধ্যস্থতায়")
#: Postpositions that keep their sense with an emphatic clitic ("লারিজানির সঙ্গেও আলোচনা করেন": with
#: Larijani too); "আগেই", "পরেই" are adverbs (already, right after) and are not among them.
_CLITIC_POSTS = {"with", "to", "against", "source", "for"}
#: Postpositions that, said twice, are an adverb ("পিয়ংইয়ং সঙ্গে সঙ্গে স্বীকৃতি দেয়": at once).
_REDUPLICATED = {key("সঙ্গে"), key("সাথে")}
#: Nouns after a genitive country that make the country itself the actor ("মঙ্গোলিয়ার সরকার").
GOVERNMENT_NOUNS = {key(w) for w in ["সরকার", "প্রশাসন", "বাহিনী", "সেনাবাহিনী", "নেতৃত্ব", "কর্তৃপক্ষ",
                                      "পররাষ্ট্র মন্ত্রণালয়", "মন্ত্রণালয়", "মন্ত্রক", "পররাষ্ট্র দপ্তর", "জান্তা", "সামরিক জান্তা",
                                      "সামরিক সরকার", "বিমানবাহিনী", "নৌবাহিনী", "বিমান বাহিনী", "নৌ বাহিনী",
                                      "কোস্ট গার্ড", "কোস্টগার্ড", "উপকূলরক্ষী বাহিনী", "প্রতিরক্ষা বাহিনী"]}
#: A ministry or department by its field ("মার্কিন অর্থ মন্ত্রণালয়", "রাজস্ব বিভাগ") acts for its state.
GOVERNMENT_NOUNS |= {key(f + " " + o) for f in ["অর্থ", "প্রতিরক্ষা", "বাণিজ্য", "স্বরাষ্ট্র", "রাজস্ব", "বিচার",
                                                 "তথ্য", "শিল্প", "কৃষি", "স্বাস্থ্য", "জ্বালানি", "পররাষ্ট্র",
                                                 "রাষ্ট্র", "ট্রেজারি", "অর্থনীতি", "বিদেশ"]
                     for o in ["মন্ত্রণালয়", "বিভাগ", "দপ্তর", "দফতর", "মন্ত্রক"]}  # (মন্ত্রক: West Bengal usage)
#: The government nouns in the genitive ("মন্ত্রণালয়ের", "সরকারের").
_GOVERNMENT_GENITIVES = frozenset(g + ending for g in GOVERNMENT_NOUNS for ending in ("ের", "র"))
#: Words that never start or continue a person's name.
STOPWORDS = {key(w) for w in """এবং ও যে তিনি তাঁর তার তারা এই সেই এক একটি গত আগামী সহ প্রথম দ্বিতীয় তৃতীয়
    বলেন বলেছেন বলেছে জানান জানিয়েছেন করেন করেছেন করে করেছে সাথে সঙ্গে কাছে থেকে জন্য উপর মধ্যে দেশ দেশের
    সরকার সরকারের সময় সময়ে সালে বছর মাসে আজ সোমবার মঙ্গলবার বুধবার বৃহস্পতিবার শুক্রবার শনিবার রবিবার
    আবার আরও সর্বোচ্চ সাবেক তৎকালীন বর্তমান নতুন নিযুক্ত হিসেবে হিসাবে প্রধান উপ দুই দুজন মাত্র নেতৃত্বে যখন
    পর পরে আগে কি না নয় হয় হয়েছে ছিল ছিলেন দিয়ে দেন দেয় সফর সফরে বৈঠক বৈঠকে
    স্ত্রী স্বামী পুত্র কন্যা ছেলে মেয়ে ভাই বোন সহধর্মিণী সস্ত্রীক সপরিবারে সস্ত্রীকে
    প্রাসাদ কার্যালয় ভবন দপ্তর দফতর পদ নির্বাচন প্রার্থী শাসনামল আমল মেয়াদ
    তাঁকে তাকে তাঁহার তাহার তাঁহাকে তাহাকে তাঁহারা তাহারা তাঁরা
    সাংবাদিকদের সাংবাদিকদেরকে গণমাধ্যমকে সংবাদমাধ্যমকে বার্তা সংস্থাকে
    নিয়মিত সাপ্তাহিক দৈনিক নবনিযুক্ত নবনির্বাচিত ভারপ্রাপ্ত অস্থায়ী প্রয়াত সদ্য গতকাল আগামীকাল এদিন সেদিন
    এবার এবারের এবারও এখন এখনও ইতিমধ্যে""".split()}
#: Demonstratives (that) that may also be a syllable of a name ("সে-উং"), so not stopwords.
_THAT = {key(w) for w in ["সে", "ওই", "ঐ"]}
#: Nouns the demonstrative "এ" (this) comes before: "পিয়ংইয়ং এ সময় …" is "Pyongyang, at this
#: time …", not a detached locative ending.
DEMONSTRATIVE_NOUNS = {key(w) for w in """সময় সময়ে বছর বছরে বছরের বৎসর বৎসরে বৎসরের মাসে মাসের সপ্তাহে সপ্তাহের দিন দিনে
    বিষয়ে বিষয়টি ব্যাপারে ঘটনায় ঘটনার কারণে উপলক্ষে প্রসঙ্গে লক্ষ্যে সফরে সফরের বৈঠকে সিদ্ধান্ত
    সিদ্ধান্তের দেশ দেশের পর্যন্ত""".split()}
#: Bengali dependent vowel signs (া ি ী ু ূ ৃ ে ৈ ো ৌ).
VOWEL_SIGNS = set("\u09be\u09bf\u09c0\u09c1\u09c2\u09c3\u09c7\u09c8\u09cb\u09cc")
#: A word in the genitive ("দেশটির", "চীনের") qualifies a title; it is not the first half of one
#: ("পররাষ্ট্র মন্ত্রী", "বাণিজ্য মন্ত্রী").
_GENITIVE_WORD = re.compile(fold_pattern(r"(?:[\u09be-\u09cc]র|ের)$"))
#: Verbs that end a conditional ("হলে", if/when) or causal ("হওয়ায়", as/because) clause: its
#: subject is not the main clause's.
SUBORDINATE_VERBS = ("হলে|করলে|দিলে|গেলে|এলে|পেলে|নিলে|থাকলে|পৌঁছালে|পৌঁছলে|পাঠালে|জানালে|ফিরলে|বসলে|রাখলে|"
                     "চালালে|উঠলে|ঘটলে|পড়লে|বাড়লে|বাড়ালে|চাইলে|বললে|ধরলে|নামলে|জিতলে|হারলে|ছুড়লে|ছুঁড়লে|"
                     "ফেললে|কমালে|কমলে|ভাঙলে|তুললে|খুললে|আসিলে|উঠিলে|ঘটিলে|দিলে|"
                     "ছাড়লে|হওয়ায়|করায়|দেওয়ায়|থাকায়|যাওয়ায়|পাওয়ায়|"
                     "হইলে|করিলে|আসিলে|পৌঁছিলে|থাকিলে")  # (and the literary forms)
_SUBORDINATE_END = re.compile(fold_pattern(r"(?<![\u0980-\u09ff])(?:" + SUBORDINATE_VERBS + r")(?![\u0980-\u09ff])"
                                            # "X শপথ নেয়ার পর …": a verbal noun before "after"
                                            r"|\S(?:য়ার|ওয়ার|নোর|বার)\s+(?:পর|পরে|পরই)(?![\u0980-\u09ff])"))
#: English letters' names (folded), which stand as initials before a name.
INITIALS = {fold(k).text for k in LETTER_NAMES}
#: "(অব.)" after a military rank: retired, not a name.
RETIRED = {key(w) for w in ["অব", "অবসরপ্রাপ্ত"]}
PRONOUN_PERSON = {key(w) for w in ["তিনি", "তাঁর", "তার", "তাকে", "তাঁকে"]}
PRONOUN_OBJECT = {key(w) for w in ["তাকে", "তাঁকে", "তাঁহাকে", "তাহাকে"]}  # also the literary forms
PRONOUN_GENITIVE = {key(w) for w in ["তাঁর", "তার", "তাঁহার", "তাহার"]}
#: Nouns that name an event, whose genitive is their subject ("তাঁর আলোচনা", "পার্কের বৈঠক").
EVENT_NOUNS = {key(w) for w in ["বৈঠক", "আলোচনা", "সাক্ষাৎ", "সাক্ষাত", "সফর", "ভ্রমণ", "বৈঠকে", "সফরে"]}
#: Nouns that a city or a body names as a thing of its own: "লিমা গ্রুপ", "সিঙ্গাপুর শীর্ষ বৈঠক", "আসিয়ান
#: আঞ্চলিক ফোরাম" (one qualifying word may stand between). Not "চুক্তি": "মস্কো চুক্তিতে সই করে" is
#: Moscow signing.
NAMING_NOUNS = {key(w) for w in ["গ্রুপ", "গোষ্ঠী", "সম্মেলন", "শীর্ষ", "ফোরাম", "প্রক্রিয়া"]}
SUMMIT = key("শীর্ষ")
NAMING_ADJECTIVES = {key(w) for w in ["আঞ্চলিক", "মন্ত্রী", "বার্ষিক", "জলবায়ু", "শান্তি", "নিরাপত্তা"]}
#: Words of number or order that may stand between a genitive and its event noun.
COUNT_WORDS = {key(w) for w in ["একাধিক", "প্রথম", "দ্বিতীয়", "তৃতীয়", "শেষ", "একান্ত", "দুটি", "কয়েকটি",
                                 "আনুষ্ঠানিক", "দীর্ঘ"]}
#: Words of number, order or length that may stand between a genitive and its event noun: "তাঁর
#: একাধিক বৈঠক", "তাঁর প্রায় দু'ঘণ্টা বৈঠক".
_COUNT_OR_SPAN = re.compile("^(?:" + "|".join(sorted(COUNT_WORDS | {key(w) for w in ["প্রায়", "দু", "দুই", "এক", "তিন", "চার"]}))
                            + r"|\d+)$|" + key("ঘণ্টা") + "|" + key("মিনিট"))
AND_WORDS = {key("ও"), key("এবং")}
_TWO_WORDS = {key(w) for w in ["দুই", "দু", "উভয়", "দুজন"]}
#: Nouns a compound of two places qualifies ("কোরিয়া–আফ্রিকা শীর্ষ সম্মেলন", "চীন-ভারত সম্পর্ক").
_COMPOUND_HEADS = {key(w) for w in ["সম্পর্ক", "সম্মেলন", "শীর্ষ", "যুদ্ধ", "সীমান্ত", "চুক্তি", "ফোরাম"]}
#: An adjective's ending: "দ্বিপাক্ষিক", "সরকারি", "আনুষ্ঠানিক", "রাষ্ট্রীয়" ("তাঁর দ্বিপাক্ষিক বৈঠক").
_ADJECTIVE_END = re.compile("(?:িক|ীয|িয|ি)$")
#: Nouns of a state's act or stance: an adjective of the state before one stands for the state.
ACT_NOUNS = {key(w) for w in ["হস্তক্ষেপ", "পদক্ষেপ", "সিদ্ধান্ত", "অবস্থান", "প্রস্তাব", "উদ্যোগ", "অভিযান"]}
#: Acts a group of people undergo, named after the group ("সৈন্য প্রত্যাহারের", "সেনা মোতায়েনে").
_GROUP_ACTS = {key(w) for w in ["প্রত্যাহার", "মোতায়েন", "উপস্থিতি", "প্রেরণ", "পাঠানো", "অবস্থান", "নিয়োগ"]}
#: Nouns a country's bare name qualifies ("ইউক্রেন যুদ্ধ", "কাতার সংকট"): the name is no party then.
CRISIS_NOUNS = {key(w) for w in ["যুদ্ধ", "সংকট", "ইস্যু", "সমস্যা", "পরিস্থিতি", "সীমান্ত", "উপকূল", "প্রশ্ন", "বিরোধ"]}
#: Particles inside Arabic and other names ("আল", "বিন"): the word before them is still the name.
NAME_PARTICLES = {key(w) for w in ["আল", "বিন", "ইবনে", "বিনতে", "উদ", "উল", "দা", "দে", "ভন", "ফন", "ভ্যান"]}
#: Small numbers in words, before a counted group ("তিন বিচারক", "দুই কর্মকর্তা").
_NUMBER_WORDS = {key(w) for w in ["দুই", "তিন", "চার", "পাঁচ", "ছয়", "সাত", "আট", "নয়", "দশ", "কয়েক", "বেশ কয়েকজন",
                                  "কয়েকজন", "দুজন", "তিনজন", "চারজন", "পাঁচজন"]}
#: "X হিসেবে" (as X): a role, not a participant.
AS_WORDS = {key(w) for w in ["হিসেবে", "হিসাবে"]}
#: A state's formal name after its short one: "আফগানিস্তান গণতান্ত্রিক প্রজাতন্ত্র", "ইরান ইসলামি প্রজাতন্ত্র".
STATE_FORM_ADJECTIVES = {key(w) for w in ["গণতান্ত্রিক", "ইসলামি", "ইসলামী", "সমাজতান্ত্রিক", "জনগণের",
                                          "ফেডারেল", "যুক্তরাষ্ট্রীয়", "সমাজতান্ত্রিক"]}
STATE_FORM_NOUNS = {key(w) for w in ["প্রজাতন্ত্র", "গণপ্রজাতন্ত্র", "রাজতন্ত্র", "ফেডারেশন"]}
#: Words that end (or stand in place of) a new person's name after a title: what the office-holder
#: did or became ("প্রেসিডেন্ট নির্বাচিত হলে"), and event nouns ("… বিজিমানা চুক্তিতে সই করেন").
NOT_NAME_WORDS = EVENT_NOUNS | _COMPOUND_HEADS | ACT_NOUNS | AS_WORDS | {key(w) for w in [
    "নির্বাচিত", "নিযুক্ত", "মনোনীত", "পুনর্নির্বাচিত", "থাকাকালে", "থাকাকালীন", "হওয়ার", "হওয়ায়",
    "পদে", "পদ", "চুক্তি", "সমঝোতা", "স্মারক", "সহযোগিতা", "বিবৃতি", "বার্তা", "চিঠি", "বক্তব্য",
    # where someone spoke or arrived ("… ওনিয়েমা সংসদে বলেন"): a place or forum ends the name
    "সংসদ", "পার্লামেন্ট", "ভাষণ", "বক্তৃতা", "টেলিভিশন", "অনুষ্ঠান", "সংবাদ", "রাজধানী", "বিমানবন্দর",
    # particles that follow a subject ("প্রধানমন্ত্রী জন ব্রিসেনিও অবশ্য …"): the name has ended
    "অবশ্য", "অবশ্যই", "নিজে", "নিজেই", "স্বয়ং", "আবার", "তখন", "এখন", "শুধু", "কেবল", "ইতিমধ্যে", "ইতোমধ্যে",
    # what the speaker did ("রাষ্ট্রদূত কিম সং দাবি করেন", "… অভিযোগ করেন", "… আহ্বান জানান")
    "দাবি", "অভিযোগ", "আহ্বান", "মন্তব্য", "উদ্বেগ", "প্রতিবাদ", "নিন্দা", "সমালোচনা", "স্বাগত", "ধন্যবাদ",
    "হুঁশিয়ারি"]}
#: "the delegation" named again, definite (-টি), in any case: "প্রতিনিধিদলটিকে", "প্রতিনিধি দলটির".
_DEFINITE_PARTY = re.compile(fold_pattern(r"^(?:প্রতিনিধিদল|প্রতিনিধি দল)টি(কে|র|তে|ও)?$"))
_THAT_WORDS = {key(w) for w in ["সে", "সেই", "ওই"]}
#: Bodies of a state that a government noun may be listed with: "বিচারবিভাগ ও পুলিশের".
_FORCE_NOUNS = {key(w) for w in ["পুলিশ", "সেনাবাহিনী", "বাহিনী", "গোয়েন্দা সংস্থা", "আদালত"]}
#: "the representative, envoy of …".
_ENVOY_WORDS = {key(w) for w in ["প্রতিনিধি", "দূত", "বিশেষ দূত"]}
#: The two Koreas, whose people share family names.
_KOREAS = {"north-korea", "south-korea"}
#: "the two Koreas": "দুই কোরিয়া", "উভয় কোরিয়ার".
_BOTH_WORDS = {key(w) for w in ["দুই", "উভয়"]}
#: "the new (military, interim) government" with no country named: the country the story tells of.
_NEW_REGIME = {key(w) for w in ["নতুন", "সামরিক", "অন্তর্বর্তী", "অন্তর্বর্তীকালীন"]}
#: Institutions and places named after a person ("এস রাজারত্নম স্কুল", "কিম ইল সুং স্কয়ার").
#: (Not a place someone may simply be at, "কিম ইল সুং বিমানবন্দরে তাঁকে অভ্যর্থনা জানান": at the airport.)
_NAMED_AFTER = {key(w) for w in ["স্কুল", "কলেজ", "বিশ্ববিদ্যালয়", "ইনস্টিটিউট", "ইন্সটিটিউট", "ফাউন্ডেশন", "সেন্টার",
                                  "স্টেডিয়াম", "পুরস্কার", "স্মৃতিসৌধ", "সেতু", "সড়ক", "এভিনিউ", "স্কয়ার", "স্কোয়ার",
                                  "একাডেমি", "ট্রাস্ট", "মিউজিয়াম"]}
_GOVERNMENT = key("সরকার")
_STATE = key("রাষ্ট্র")
_KOREA = key("কোরিয়া")
#: "the guest", "the visitor": after a nationality, the visitor of that country named before.
_GUEST_NOUNS = {key(w) for w in ["অতিথি", "সফরকারী", "অতিথির", "মেহমান"]}
#: Adjectives of a government: interim, military, new, then, ruling.
_GOVERNMENT_ADJECTIVES = {key(w) for w in ["অন্তর্বর্তী", "অন্তর্বর্তীকালীন", "তৎকালীন", "নতুন", "বর্তমান", "ক্ষমতাসীন",
                                            "বেসামরিক"]}
#: The field of a foreign ministry ("পররাষ্ট্র দপ্তর", "বিদেশ মন্ত্রক").
_FOREIGN_FIELDS = {key("পররাষ্ট্র"), key("বিদেশ")}
_AND_WORD = key("আর")
#: "they", and the verbs of saying after which it is the one who said it.
_THEY = {key(w) for w in ["তারা", "তাঁরা"]}
_SAID = {key(w) for w in ["জানায়", "জানিয়েছে", "জানিয়েছিল", "বলে", "বলেছে", "বলেছিল", "জানাল", "বলল"]}
#: "them", of people just named: a delegation's members, when one was named.
_THEM = {key(w) for w in ["তাঁদের", "তাদের", "তাঁদেরকে", "তাদেরকে"]}
#: After a person's name: "(একটি …) প্রতিনিধিদল নিয়ে", at the head of a delegation.
_WITH_PARTY = re.compile(fold_pattern(r"[\s'\]]*(?:একটি\s+)?(?:[\u0980-\u09ff]+\s+){0,2}(?:প্রতিনিধিদল|প্রতিনিধি দল)\s+নিয়ে"))
_COUNTRY_NOUN = key("দেশ")
PRONOUN_COUNTRY = {key(w) for w in ["দেশটি", "দেশটির", "দেশটিকে", "দেশটিতে", "দেশে", "দেশটিও",
                                     "রাষ্ট্রটি", "রাষ্ট্রটির", "রাষ্ট্রটিকে", "রাষ্ট্রটিতে",
                                     "সরকারটি", "সরকারটির", "সরকারটিকে"]}
BOTH_COUNTRIES = re.compile(fold_pattern(r"(?:দুই|উভয়|দু'|দুটি)\s*(?:দেশ|পক্ষ|রাষ্ট্র|সরকার|নেতা|রাজধানী|মন্ত্রী|পররাষ্ট্রমন্ত্রী)|(?:দেশ|পক্ষ)\s*দুটি|দেশ\s*দুটো"))


@dataclass
class Mention:
    """An entity named in a sentence."""

    entity: Entity
    start: int  # folded offsets
    end: int
    tok: int  # index of first token
    tok_end: int  # index after last token
    case: str = "nom"
    post: str = ""  # relation given by a following postposition
    modifier: bool = False  # a genitive country qualifying a person/title ("রাশিয়ার রাষ্ট্রদূত")
    via: str = "name"  # name | title | honorific | pronoun | topic | adjective | group (its people)
    new: bool = False  # a person the lexicon does not know
    coord: int = -1  # mentions coordinated with each other ("X, Y ও Z") share a number


@dataclass
class DocumentContext:
    """What the document has established so far: people named, short forms, the last subject."""

    people: dict[str, Entity] = field(default_factory=dict)  # short key → person
    new_people: dict[str, Entity] = field(default_factory=dict)  # slug → person found by title
    last_person: Entity | None = None
    topic: list[Entity] = field(default_factory=list)  # the document's main countries
    last_weapon: str | None = None
    last_plan: object = None  # the date of a planned act this sentence told
    plan_before: object = None  # … and the sentence before, for "সেখানে তিনি … করবেন"
    last_country: Entity | None = None  # the last country named as a subject, for "দেশটির মন্ত্রী"
    last_visit: tuple[Entity, Entity] | None = None  # the visitor's country and the host of the last visit
    last_visit_age: int = 0  # sentences since that visit was told
    # the two countries of the last meeting or visit told, and how many sentences ago ("দুই মন্ত্রী …")
    last_pair: tuple[Entity, Entity] | None = None
    section_pair: list[Entity] | None = None  # the two countries of a section on one relation
    last_pair_age: int = 0
    subject_before: Entity | None = None  # the last person a sentence before had as its subject
    these_two: tuple[Entity, Entity] | None = None  # two states a subject coordinated ("মস্কো ও পিয়ংইয়াং")
    these_two_age: int = 0
    last_mission: tuple[Entity, Entity] | None = None  # the owner and host of the last mission opened or closed
    last_leader: Entity | None = None  # the person leading the last delegation named ("X-এর নেতৃত্বে")
    last_leader_age: int = 0  # sentences since that delegation was named (1: this one)
    sentence_mentions: list[Mention] = field(default_factory=list)  # the whole sentence's, for its clauses
    near_bodies: set[str] = field(default_factory=set)  # bodies named in this sentence or the one before
    bodies: list[Entity] = field(default_factory=list)  # the bodies named so far, the last one last
    named: dict[str, int] = field(default_factory=dict)  # how often each person was named so far
    possessors: set[str] = field(default_factory=set)  # people last named only as a possessor
    recent_people: list[Entity] = field(default_factory=list)  # people in order of last mention  # the last weapon named, for "এই ধরনের মিসাইল"

    def two_people(self) -> list[Entity]:
        """"দুই নেতা", "দুজনের": the last two people named who took part, not a letter's author
        named in passing."""
        acting = [p for p in self.recent_people if p.slug not in self.possessors]
        return acting[-2:] if len(acting) >= 2 else self.recent_people[-2:]

    def home(self) -> Entity | None:
        """The country the document reports from: the one of its two main countries that is not
        North Korea (none when that is not one country)."""
        home = [c for c in self.topic if c.slug != "north-korea"]
        return home[0] if len(home) == 1 else None

    def remember(self, person: Entity, subject: bool = True, surface: str = "", possessor: bool = False) -> None:
        """Note a person named; their names' words (and the words the text used, ``surface``: a
        spelling the lexicon lacks) will stand for them later in the document. A ``possessor``
        ("কিম জং উনের একটি চিঠি") is named but does not take part."""
        if subject:
            self.last_person = person
        if possessor:
            self.possessors.add(person.slug)
        else:
            self.possessors.discard(person.slug)
        if person in self.recent_people:
            self.recent_people.remove(person)
        self.recent_people.append(person)
        self.named[person.slug] = self.named.get(person.slug, 0) + 1
        for k, always in _name_keys((person.label_bn or "", *person.alt_bn, surface)):
            held = self.people.get(k)
            if always and (held is None or self.named.get(held.slug, 0) <= self.named[person.slug]):
                # (a family name two people share stays with the one the story is about: "কিম" is
                # the visitor named thrice, not a Kim named once in a background paragraph)
                self.people[k] = person
            else:
                self.people.setdefault(k, person)


@functools.lru_cache(maxsize=16384)
def _name_keys(names: tuple[str, ...]) -> tuple[tuple[str, bool], ...]:
    """The short keys that a person's names give, in the order :meth:`DocumentContext.remember`
    notes them, each with whether it replaces an earlier holder: every word of two letters or
    more that is not a stopword (kept if taken), then the first and last word of each name
    (always: family name first in Korean names). Made once per set of names, not per mention."""
    out = []
    for name in names:
        parts = [p for p in name.replace("-", " ").split() if key(p.rstrip(".")) not in INITIALS
                 and key(p) not in NAME_PARTICLES]
        # (an initial, "এস" of "এস জয়শঙ্কর", stands for no one: "এসে" is a verb; nor does a particle,
        # "বিন", "আল")
        for p in parts:
            k = key(p)
            if len(k) >= 2 and k not in STOPWORDS:
                out.append((k, False))
        if parts:
            out += [(key(parts[0]), True), (key(parts[-1]), True)]
    return tuple(out)


def _demonstrative(toks: list[Token], j: int) -> bool:
    """Whether the separate word "এ" at token j is the demonstrative before a noun, or "এর" the one of
    "এর পরের বছর", "এর আগে" (after or before that: "সিউল এর পরের বছর দূতাবাস খোলে" is Seoul, the year after)."""
    if j + 1 >= len(toks):
        return False
    if toks[j].text == key("এর"):
        return toks[j + 1].text in _AFTER_THAT
    return toks[j].text == key("এ") and toks[j + 1].text in DEMONSTRATIVE_NOUNS


_AFTER_THAT = {key(w) for w in ["পর", "পরে", "পরের", "পরপরই", "পরপর", "আগে", "আগের", "পূর্বে", "পরবর্তী"]}


def _detached_ending(word: str) -> bool:
    """A case ending written apart from its name (after a hyphen, a space or wiki brackets), also
    with an emphatic clitic ("কেও"); not the demonstrative "এই"."""
    if word in CASE_ENDINGS and len(word) <= 3:
        return True
    return len(word) <= 4 and word[-1:] in CLITICS and word[:-1] in CASE_ENDINGS and word[:-1] != "এ"


def _case_and_post(lex: Lexicon, toks: list[Token], j: int, ending: str, folded: str = "") -> tuple[str, str, int]:
    """Case of a mention ending at token j (exclusive), its postposition, and tokens consumed.
    (With the folded text: a word in quotes or joined on by a hyphen, "‘কে-রাইসবেল্ট’", is no ending.)"""
    consumed = 0
    # (an opening quote has a space before it; the wiki bold closing a name does not)
    quoted = bool(folded) and j < len(toks) and (
        toks[j].start > 1 and folded[toks[j].start - 1] in "‘'\"“" and folded[toks[j].start - 2].isspace()
        or folded[toks[j].end:toks[j].end + 1] == "-")
    if not ending and j < len(toks) and _detached_ending(toks[j].text) and not _demonstrative(toks, j) and not quoted:
        ending = toks[j].text  # "পিয়ং ইয়ং-এ", "ডিপিআরকে এর", "[[… তেব্বুন]]কেও"
        consumed = 1
    elif not ending and j < len(toks) and (regnal := _REGNAL.fullmatch(toks[j].text)):
        ending = regnal.group(1)  # "বেনিনিয়ো অ্যাকিনো তৃতীয়কে": the name's ordinal carries its case
        consumed = 1
    case = case_of(ending)
    post = ""
    k = j + consumed
    if k < len(toks):
        two = toks[k].text + (toks[k + 1].text if k + 1 < len(toks) else "")
        if k + 1 < len(toks) and toks[k].text == toks[k + 1].text and toks[k].text in _REDUPLICATED:
            return case, post, consumed  # "সঙ্গে সঙ্গে", "সাথে সাথে": at once, an adverb
        if two in POSTPOSITIONS:
            post = POSTPOSITIONS[two]
        elif toks[k].text in POSTPOSITIONS:
            post = POSTPOSITIONS[toks[k].text]
        elif toks[k].text[-1:] in ("ও", "ই") and POSTPOSITIONS.get(toks[k].text[:-1]) in _CLITIC_POSTS:
            post = POSTPOSITIONS[toks[k].text[:-1]]  # "সঙ্গেও" (with … too), "কাছেই"
        else:
            for suf in ("ের", "র"):
                t = toks[k].text
                if t.endswith(suf) and t[: -len(suf)] in POSTPOSITIONS:
                    post = POSTPOSITIONS[t[: -len(suf)]]
        if post in ("after", "before") and case == "nom":
            post = ""  # "X পরে সাংবাদিকদের বলেন": "later", an adverb (the postposition takes the genitive)
    return case, post, consumed


#: An ordinal or "junior" after a person's name, with the name's case ending: "অ্যাকিনো তৃতীয়কে"
#: (Aquino III), "মার্কোস জুনিয়রের".
#: A regnal number after a one-word name ("খামা তৃতীয়", "সেবেলে প্রথম"), with or without a case ending.
_REGNAL_NUMBER = re.compile(fold_pattern(r"(?:প্রথম|দ্বিতীয়|তৃতীয়|চতুর্থ|পঞ্চম|ষষ্ঠ|সপ্তম|অষ্টম)(কে|র|ের|এর|কেও|রও|েরও)?"))
def _regnal_after(toks: list[Token], i: int, folded: str) -> bool:
    """Whether a regnal number follows the one-word name at token i: "খামা তৃতীয়, সেবেলে প্রথম ও …"
    (with a case ending, or ending a list item; not "পিটার্স প্রথম … সফর করেন", first)."""
    if i + 1 >= len(toks) or not (m := _REGNAL_NUMBER.fullmatch(toks[i + 1].text)):
        return False
    after = folded[toks[i + 1].end:toks[i + 2].start] if i + 2 < len(toks) else ""
    return bool(m.group(1)) or "," in after or i + 2 < len(toks) and toks[i + 2].text in AND_WORDS


_REGNAL = re.compile(fold_pattern(r"(?:দ্বিতীয়|তৃতীয়|চতুর্থ|জুনিয়র|সিনিয়র)(কে|র|ের|এর|কেও|রও|েরও)"))
#: The classifier for counting people ("৩১ জন", "দুইজনের"), with its case endings.
_COUNTER = re.compile(fold_pattern(r"জন(?:ের|কে|ই|ও)?$"))


def find_mentions(lex: Lexicon, folded: str, toks: list[Token], ctx: DocumentContext) -> list[Mention]:
    """Every mention in a sentence's tokens, longest names first, left to right."""
    out: list[Mention] = []
    i = 0
    pending_country: Entity | None = None  # a country adjective/genitive just before a title
    ctx.last_leader_age += 1
    ctx.subject_before = ctx.last_person  # (who the sentences before were about, for "তাঁকে")
    while i < len(toks):
        word = toks[i].text
        if i and _COUNTER.match(word) and (toks[i - 1].text.isdigit() or toks[i - 1].text in _NUMBER_WORDS):
            i += 1  # "৩১ জন মারা গেছেন": a count of people, not a name ("জন")
            continue
        # (standing alone: "মার্চে পরিষদ", not "জাতীয় পরিষদ", a name of its own)
        alone = i == 0 or toks[i - 1].text in STOPWORDS or toks[i - 1].text.isdigit() or toks[i - 1].text.endswith("ে")
        body = _body_by_head(ctx, word) if ctx.bodies and alone and not (out and out[-1].tok_end == i) else None
        if body is not None:
            # "২০১৩ সালের মার্চে পরিষদ … প্রস্তাব গ্রহণ করে": the council (নিরাপত্তা পরিষদ) just named
            ent, ending = body
            case, post, used = _case_and_post(lex, toks, i + 1, ending, folded)
            out.append(Mention(ent, toks[i].start, toks[i].end, i, i + 1 + used, case, post, via="pronoun"))
            i += 1 + used
            continue
        if word in _NEW_REGIME and i + 1 < len(toks) and toks[i + 1].text.startswith(_GOVERNMENT) \
                and toks[i + 1].text[len(_GOVERNMENT):] in ("", *CASE_ENDINGS) \
                and not (out and out[-1].tok_end == i) and ctx.home() is not None:
            # "… ক্ষমতাচ্যুত হওয়ার পর নতুন সরকার … বহিষ্কার করে": the new government of the country the
            # story is about
            case, post, used = _case_and_post(lex, toks, i + 2, toks[i + 1].text[len(_GOVERNMENT):])
            out.append(Mention(ctx.home(), toks[i].start, toks[i + 1].end, i, i + 2 + used, case, post, via="pronoun"))
            i += 2 + used
            continue
        if word in _BOTH_WORDS and i + 1 < len(toks) and _strip(toks[i + 1].text) == _KOREA \
                and "north-korea" in lex.entities and "south-korea" in lex.entities:
            # "দুই কোরিয়ার সঙ্গেই": North and South Korea both, in the case of the noun
            case, post, used = _case_and_post(lex, toks, i + 2, toks[i + 1].text[len(_KOREA):])
            if case == "gen" and not post:
                i += 2  # ("দুই কোরিয়ার নেতাদের": the Koreas qualify who is meant)
                continue
            for k, slug in ((i, "north-korea"), (i + 1, "south-korea")):
                out.append(Mention(lex.entities[slug], toks[k].start, toks[k].end, k, i + 2 + used if k else i + 1, case,
                                   post, coord=toks[i].start))
            i += 2 + used
            continue
        base = _plain_stem(lex, word)
        if base is not None and word not in ctx.people and base not in ctx.people \
                and _named_with_ending(ctx, word) is None and (
                i + 1 == len(toks) or lex.title(word + toks[i + 1].text) is None):
            i += 1  # most words name no one: none of the steps below would take this one
            continue
        hit = None
        starts = lex.may_start(toks[i].text)
        words = [t.text for t in toks[i:i + lex.max_words + 1]] if starts else []
        for n in range(lex.longest_start(words) if starts else 0, 0, -1):
            res = lex.lookup(words[:n])
            if res and n > 1 and res[1] and res[1] == toks[i + n - 1].text and (
                    res[1] not in CASE_ENDINGS or _demonstrative(toks, i + n - 1)):
                continue  # "দক্ষিণ কোরিয়া এই …", "পিয়ংইয়ং এ সময়": a word after a name is not its ending
            if res and res[0].kind == "Person" and not res[1] and i + n < len(toks) \
                    and folded[toks[i + n - 1].end:toks[i + n].start] == "-" and not _detached_ending(toks[i + n].text):
                continue  # "পার্ক জিন-হিয়ক" is not Park Jin: the name goes on past a hyphen (not "সুং-এর")
            if res:
                hit = (res[0], res[1], n)
                break
        if hit and hit[0].kind == "Person" and hit[2] == 1:
            # one word the lexicon gives to someone ("কোইজুমি") is the person of that name the story
            # has already named in full ("শিনজিরো কোইজুমি"), if it named another
            named = ctx.people.get(word) or ctx.people.get(_strip(word))
            if named is not None and named.slug != hit[0].slug:
                hit = None
        if hit and hit[0].kind == "Person" and hit[0].position in _ONE_HOLDER_TITLES and ctx.topic \
                and hit[0].country not in {t.slug for t in ctx.topic}:
            # "বাদশাহ আবদুল্লাহ" in a story on Jordan: Jordan's king of that name, not Saudi Arabia's
            here = _holder_named(lex, hit[0].position, {t.slug for t in ctx.topic}, toks[i + hit[2] - 1].text)
            if here is not None:
                hit = (here, hit[1], hit[2])
        if hit and hit[0].kind == "Person" and hit[2] == 1 and not hit[1] and _regnal_after(toks, i, folded) \
                and toks[i + 1].text not in _own_words(hit[0]):
            i += 2  # "খামা তৃতীয়": a chief or king of that name and number, not the one known by it
            continue
        if hit and hit[0].kind == "Person" and not hit[1] and i + hit[2] < len(toks) \
                and _strip(toks[i + hit[2]].text) in _NAMED_AFTER:
            i += hit[2]  # "এস রাজারত্নম স্কুল অব …", "কিম ইল সুং বিশ্ববিদ্যালয়": a place named after someone
            continue
        if hit:
            ent, ending, n = hit
            if ent.kind == "Person" and not ending:
                # "বাদশাহ হামাদ বিন ইসা আল খলিফার": more of the person's own name goes on, with the ending
                own = _own_words(ent)
                while i + n < len(toks) and (_plain_vowels(toks[i + n].text) in own
                                             or _plain_vowels(_strip(toks[i + n].text)) in own) \
                        and not folded[toks[i + n - 1].end:toks[i + n].start].strip():
                    w = toks[i + n].text
                    n += 1
                    if _plain_vowels(w) not in own:
                        ending = w[len(_strip(w)):]
                        break
            if ent.kind == "Country" and not ending:
                # "আফগানিস্তান গণতান্ত্রিক প্রজাতন্ত্র'''কে": the state's formal name goes on, with the ending
                k = i + n
                while k < len(toks) and toks[k].text in STATE_FORM_ADJECTIVES:
                    k += 1
                if k < len(toks) and (toks[k].text in STATE_FORM_NOUNS or _strip(toks[k].text) in STATE_FORM_NOUNS) \
                        and not any(folded[toks[x].end:toks[x + 1].start].strip() for x in range(i + n - 1, k)):
                    ending = "" if toks[k].text in STATE_FORM_NOUNS else toks[k].text[len(_strip(toks[k].text)):]
                    n = k + 1 - i
            case, post, used = _case_and_post(lex, toks, i + n, ending, folded)
            if case == "gen" and not post and ent.kind == "Country":
                post = _post_of_body(lex, toks, i + n + used)
            m = Mention(ent, toks[i].start, toks[i + n - 1].end, i, i + n + used, case, post)
            out.append(m)
            if ent.kind == "Organization":
                ctx.bodies = [b for b in ctx.bodies if b.slug != ent.slug][-4:] + [ent]
            if ent.kind == "Person":
                ctx.remember(ent, subject=case == "nom" and not post, possessor=case == "gen" and not post)
            elif ent.kind == "Country" and case == "nom" and not post:
                ctx.last_country = ent
            i += n + used
            continue
        # (also when another spelling of the name begins with this word: "গুরবাঙ্গুলি বের্দিমুখামেদভ")
        spelled = None if not lex.may_start_spelled(toks[i].text) else _spelled_like(lex, toks, i, folded)
        if spelled is not None:
            ent, n, ending = spelled
            case, post, used = _case_and_post(lex, toks, i + n, ending)
            out.append(Mention(ent, toks[i].start, toks[i + n - 1].end, i, i + n + used, case, post))
            last = toks[i + n - 1].text
            ctx.remember(ent, subject=case == "nom" and not post, possessor=case == "gen" and not post, surface=" ".join(
                [t.text for t in toks[i:i + n - 1]] + [last[: len(last) - len(ending)] if ending else last]))
            i += n + used
            continue
        place = None if starts or lex.title(toks[i].text) or _common_word(toks[i].text) else lex.place_like(toks[i].text)
        if place is not None:
            # "উলানবাটর গমন করিলেন": a place the lexicon spells otherwise ("উলানবাটোর")
            ent, ending = place
            case, post, used = _case_and_post(lex, toks, i + 1, ending)
            out.append(Mention(ent, toks[i].start, toks[i].end, i, i + 1 + used, case, post))
            if ent.kind == "Country" and case == "nom" and not post:
                ctx.last_country = ent
            i += 1 + used
            continue
        adj, adj_n = None, 1
        for n in (2, 1) if starts else ():  # "উত্তর কোরীয়", "সুইডিশ"
            if i + n <= len(toks):
                adj = lex.lookup([t.text for t in toks[i:i + n]], lex.adjectives)
                if adj and (n == 1 or not adj[1]):
                    adj_n = n
                    break
                adj = None
        word = toks[i].text
        # a title of two words ("পররাষ্ট্র মন্ত্রী"), as titles.yaml lists it ("তিনি প্রধানমন্ত্রী", "কিম
        # প্রধানমন্ত্রীর" are a word and a title)
        title = lex.title(word) or (lex.title(word + toks[i + 1].text, compound=False)
                                    if i + 1 < len(toks) and not adj else None)
        if title and not lex.title(word) and _GENITIVE_WORD.search(word):
            title = None  # "দেশটির পররাষ্ট্রমন্ত্রী": a genitive before a title is not half of it
        if adj and not title:
            pending_country = adj[0]
            j = i + adj_n
            nxt = toks[j].text if j < len(toks) else ""
            group = _group_noun(lex, toks, j)
            if group is None and nxt in AND_WORDS and j + 2 < len(toks) \
                    and lex.lookup([toks[j + 1].text], lex.adjectives) and _group_noun(lex, toks, j + 2) is not None:
                # "সোভিয়েত ও চীনা উপদেষ্টাদের": two countries' people, in the case of the noun after both
                last = _group_noun(lex, toks, j + 2)
                case, post, _ = _case_and_post(lex, toks, last + 1, _ending_of(lex, toks[last].text))
                out.append(Mention(adj[0], toks[i].start, toks[j - 1].end, i, j, case, post, via="group"))
                i = j + 1
                continue
            gov = _government_noun(toks, j)
            if gov is None and j < len(toks) and _strip(nxt) == _STATE:
                gov = (1, nxt[len(_STATE):])  # "নতুন স্লোভাক রাষ্ট্রকেও স্বীকৃতি দেয়": the Slovak state
            guest = next((p for p in reversed(ctx.recent_people) if p.country == adj[0].slug), None) \
                if _strip(nxt) in _GUEST_NOUNS else None
            if guest is not None:
                # "কম্বোডীয় অতিথিকে অভ্যর্থনা জানান": the guest of that country the story has named
                case, post, used = _case_and_post(lex, toks, j + 1, nxt[len(_strip(nxt)):])
                out.append(Mention(guest, toks[i].start, toks[j].end, i, j + 1 + used, case, post, via="pronoun"))
                i = j + 1 + used
                continue
            if gov and not lex.title(nxt):
                # "থাই সরকার", "পোলিশ পররাষ্ট্র মন্ত্রণালয়": the country acts, in the case of the noun
                n, ending = gov
                case, post, used = _case_and_post(lex, toks, j + n, ending)
                listed = _listed_case(lex, toks, j + n + used) if case == "nom" and not post else None
                case, post = listed or (case, post)  # ("মালাগাসি সেনাবাহিনী ও … নিরাপত্তা বাহিনীকে")
                out.append(Mention(adj[0], toks[i].start, toks[j + n - 1].end, i, j + n + used, case, post,
                                   via="adjective"))
                if case == "nom" and not post:
                    ctx.last_country = adj[0]
                i = j + n + used
                continue
            if not lex.title(nxt) and _strip(nxt) in ACT_NOUNS and nxt != _strip(nxt):
                # "সোভিয়েত হস্তক্ষেপকে সমর্থন জানায়": the country whose act is meant, in the noun's case
                case, post, used = _case_and_post(lex, toks, j + 1, nxt[len(_strip(nxt)):])
                out.append(Mention(adj[0], toks[i].start, toks[j - 1].end, i, j + 1 + used, case, post,
                                   via="adjective"))
                i = j + 1 + used
                continue
            if (lex.title(nxt) or nxt in lex.honorifics) and not (group is not None and _PLURAL_ANY.search(toks[group].text)):
                # (a title in the plural is a group: "চীনা উপদেষ্টাদের বহিষ্কার করে")
                out.append(Mention(adj[0], toks[i].start, toks[j - 1].end, i, j, "gen", "", modifier=True,
                                   via="adjective"))
            elif group is not None and not _ending_of(lex, toks[group].text) and group + 1 < len(toks) \
                    and _strip(toks[group + 1].text) in _GROUP_ACTS and toks[group + 1].text != _strip(toks[group + 1].text):
                # "মার্কিন সৈন্য প্রত্যাহারের দাবিতে": the group qualifies an act named after it; no party
                out.append(Mention(adj[0], toks[i].start, toks[group].end, i, group + 1, "gen", "", modifier=True,
                                   via="group"))
                i = group + 1
                continue
            elif group is not None:
                # "উত্তর কোরীয় প্রশিক্ষকেরা": the country acts, in the case of the noun
                case, post, used = _case_and_post(lex, toks, group + 1, _ending_of(lex, toks[group].text))
                if case == "nom" and not post and group + 2 < len(toks) and toks[group + 1].text in AND_WORDS \
                        and _ending_of(lex, toks[group + 2].text):
                    # "ইরানি ব্যক্তি ও প্রতিষ্ঠানের ওপর": the pair takes the case of its last noun
                    case, post, used = _case_and_post(lex, toks, group + 3, _ending_of(lex, toks[group + 2].text))
                    used += 2
                leader = ctx.last_leader
                if leader is None or leader.country != adj[0].slug or not _DEFINITE_PARTY.match(toks[group].text):
                    leader = None
                # ("উত্তর কোরীয় প্রতিনিধিদলটি": the delegation named before, in its leader's person)
                out.append(Mention(leader or adj[0], toks[i].start, toks[j - 1].end, i, group + 1 + used, case,
                                   post, via="pronoun" if leader else "group"))
                i = group + 1 + used
                continue
            i = j
            continue
        if title and i and toks[i - 1].text in _TWO_WORDS:
            i += 1  # "দুই নেতা", "উভয় মন্ত্রী": the two named before, not a title before a new name
            continue
        if title or word in lex.honorifics:
            country = _country_before(out, i, pending_country, toks) or _body_country(lex, out, toks, i)
            if country is None and i and toks[i - 1].text in _GOVERNMENT_GENITIVES:
                # "… মন্ত্রণালয়ের মুখপাত্র …": of the government just named in the sentence, else (a bare
                # "বিদেশ মন্ত্রকের মুখপাত্র") of the country the document reports from
                named = [m.entity for m in out if m.entity.kind == "Country" and m.entity.slug in lex.entities]
                country = named[-1] if named else ctx.home() or ctx.last_country
            person, used = _person_after(lex, toks, i + 1 if not title or lex.title(word) else i + 2, ctx,
                                         title[0] if title else None, country, folded) \
                if not (title and title[1] and lex.title(word)) else (None, 0)
            # ("রাষ্ট্রদূতকে ‘অবাঞ্ছিত ব্যক্তি’ ঘোষণা": a title with a case ending has no name after it)
            if person is not None:
                start_tok = i + 1 if not title or lex.title(word) else i + 2
                end_tok = start_tok + used
                ending = _person_ending(_name_ending(lex, toks[end_tok - 1].text))
                if _said_after(toks, end_tok, ending) and person.slug in ctx.new_people:
                    ending = ""  # ("প্রতিনিধি সামুয়েল জ়বোগার বলেন": the speaker's own -র, no genitive)
                case, post, extra = _case_and_post(lex, toks, end_tok, ending)
                out.append(Mention(person, toks[start_tok].start, toks[end_tok - 1].end, start_tok,
                                   end_tok + extra, case, post, via="title" if title else "honorific",
                                   new=person.slug in ctx.new_people))
                surface = " ".join(t.text for t in toks[start_tok:end_tok - 1])
                last = toks[end_tok - 1].text
                surface += " " + (_strip(last) if ending else last + (" " + _strip(last) if _strip(last) != last else ""))
                ctx.remember(person, subject=case == "nom" and not post, possessor=case == "gen" and not post, surface=surface)
                i = end_tok + extra
                continue
            end = i + 1 if not title or lex.title(word) else i + 2
            ref = _titled_referent(ctx, country, title, toks, end, lex)
            if ref is not None:
                case, post, extra = _case_and_post(lex, toks, end, title[1])
                out.append(Mention(ref, toks[i].start, toks[end - 1].end, i, end + extra, case, post,
                                   via="title"))
                ctx.remember(ref, subject=case == "nom" and not post, possessor=case == "gen" and not post)
                i = end + extra
                continue
            two = toks[i + 1].text + toks[i + 2].text if i + 2 < len(toks) else ""
            if title and i + 1 < len(toks) and (lex.title(toks[i + 1].text) or lex.title(two)):
                # "পররাষ্ট্র প্রতিমন্ত্রী জেনারেল …": a title after a title serves the same country
                pending_country = _country_before(out, i, pending_country)
            i += 1
            continue
        base = _strip(word)
        if base in PRONOUN_COUNTRY or word in PRONOUN_COUNTRY:
            case, post, used = _case_and_post(lex, toks, i + 1, _ending_of(lex, word))
            out.append(Mention(Entity("?country", "Country", "?"), toks[i].start, toks[i].end, i, i + 1 + used,
                               case, post, via="pronoun"))
            i += 1 + used
            continue
        if word in _THAT_WORDS and i + 1 < len(toks) and _strip(toks[i + 1].text) == _COUNTRY_NOUN \
                and toks[i + 1].text != _COUNTRY_NOUN + "গুলো":
            # "সে দেশের উপরাষ্ট্রপ্রধান", "ওই দেশে": that country, as "দেশটি"
            nxt = toks[i + 1].text
            case, post, used = _case_and_post(lex, toks, i + 2, nxt[len(_COUNTRY_NOUN):])
            out.append(Mention(Entity("?country", "Country", "?"), toks[i].start, toks[i + 1].end, i, i + 2 + used,
                               case, post, via="pronoun"))
            i += 2 + used
            continue
        if word in PRONOUN_PERSON and ctx.last_person is not None and word == key("তিনি"):
            out.append(Mention(ctx.last_person, toks[i].start, toks[i].end, i, i + 1, "nom", "", via="pronoun"))
            i += 1
            continue
        if word in _FOREIGN_FIELDS and i + 1 < len(toks) and key(word + " " + toks[i + 1].text) in GOVERNMENT_NOUNS \
                and ctx.home() is not None and (not out or out[-1].tok_end < i) \
                and not (i and (toks[i - 1].text in PRONOUN_COUNTRY or toks[i - 1].text in _THAT_WORDS)):
            # a bare "পররাষ্ট্র দপ্তর এক বিবৃতিতে …" (no country before it): the ministry of the country
            # the story is about
            case, post, used = _case_and_post(lex, toks, i + 2, "")
            if case == "nom" and not post:
                out.append(Mention(ctx.home(), toks[i].start, toks[i + 1].end, i, i + 2, "nom", "", via="pronoun"))
                i += 2
                continue
        if word in _THEY and i >= 2 and toks[i - 1].text in _SAID and folded[toks[i - 1].end:toks[i].start].strip() == ",":
            # "সিউল জানায়, তারা … সহায়তা দেবে": they who said it
            said_by = [m for m in out if m.case == "nom" and not m.post and not m.modifier and m.tok_end < i
                       and m.entity.kind in ("Country", "City", "Organization")]
            if said_by:
                out.append(Mention(said_by[-1].entity, toks[i].start, toks[i].end, i, i + 1, "nom", "",
                                   via="pronoun"))
                i += 1
                continue
        if ctx.last_leader is not None and ctx.last_leader_age <= 2 and word in _THEM:
            # "প্রেসিডেন্ট তাঁদের অভ্যর্থনা জানান": the delegation just named, in its leader's person
            case, post, used = _case_and_post(lex, toks, i + 1, "কে" if word.endswith(key("কে")) else "দের")
            out.append(Mention(ctx.last_leader, toks[i].start, toks[i].end, i, i + 1 + used, case, post,
                               via="pronoun"))
            i += 1 + used
            continue
        if ctx.last_leader is not None and _DEFINITE_PARTY.match(word):
            # "প্রতিনিধিদলটিকে সাক্ষাৎ দেন": the delegation named before, in its leader's person
            ending = _DEFINITE_PARTY.match(word).group(1) or ""
            case, post, used = _case_and_post(lex, toks, i + 1, ending)
            out.append(Mention(ctx.last_leader, toks[i].start, toks[i].end, i, i + 1 + used, case, post,
                               via="pronoun"))
            i += 1 + used
            continue
        if word in PRONOUN_OBJECT:
            person = _object_referent(out, toks, i, folded, ctx)
            if person is not None:
                case, post, used = _case_and_post(lex, toks, i + 1, "কে")
                out.append(Mention(person, toks[i].start, toks[i].end, i, i + 1 + used, case, post, via="pronoun"))
                i += 1 + used
                continue
        if word in PRONOUN_GENITIVE and ctx.last_person is not None and i + 1 < len(toks) \
                and _strip(toks[i + 1].text) == _COUNTRY_NOUN and ctx.last_person.country in lex.entities:
            # "তিনি জানান, তাঁর দেশ … দেবে": the speaker's country
            ending = toks[i + 1].text[len(_COUNTRY_NOUN):]
            case, post, used = _case_and_post(lex, toks, i + 2, ending)
            out.append(Mention(lex.entities[ctx.last_person.country], toks[i].start, toks[i + 1].end, i,
                               i + 2 + used, case, post, via="pronoun"))
            i += 2 + used
            continue
        if word in PRONOUN_GENITIVE and ctx.last_person is not None and any(
                k < len(toks) and (toks[k].text in EVENT_NOUNS or _strip(toks[k].text) in EVENT_NOUNS)
                and all(_COUNT_OR_SPAN.search(toks[x].text) or (k - i <= 2 and _ADJECTIVE_END.search(toks[x].text))
                        for x in range(i + 1, k)) for k in range(i + 1, i + 5)):
            # "তাঁর আলোচনা হয়", "তাঁর সফর", "তাঁর একাধিক বৈঠক হয়": the genitive is the subject of the
            # event noun; after "X-এর সঙ্গে" it is the last person named of another country than X's
            person = ctx.last_person
            partner = out[-1].entity if out and out[-1].post == "with" and out[-1].entity.kind == "Person" else None
            if partner is not None and (person.country == partner.country or person is partner):
                person = next((p for p in reversed(ctx.recent_people) if p.country and p.country != partner.country),
                              person)
            out.append(Mention(person, toks[i].start, toks[i].end, i, i + 1, "gen", "", via="pronoun"))
            i += 1
            continue
        if word in PRONOUN_GENITIVE:
            case, post, used = _case_and_post(lex, toks, i + 1, "র")
            person = _object_referent(out, toks, i, folded, ctx) if post in ("with", "to") else None
            if person is not None:
                # "হুন সেন তাঁর সঙ্গে বৈঠক করেন", "তাঁহার নিকট বার্তা পাঠান": the person named before who
                # is not this clause's subject
                out.append(Mention(person, toks[i].start, toks[i].end, i, i + 1, case, post, via="pronoun"))
                i += 1
                continue
        short = None if word in _NUMBER_WORDS or word in STOPWORDS else (
            ctx.people.get(word) or (ctx.people.get(base) if len(base) > 2 or base + "ই" != word else None)
            or _named_with_ending(ctx, word))
        # ("দুই দেশের": two, not "দু" of "চন দু-হোয়ান" with a clitic)
        if short is None and not (toks[i].start and folded[toks[i].start - 1] == "-"):
            # (a piece of a hyphenated name, "হিয়ং-গিল", is not a name of its own)
            cands = lex.short_names.get(word) or lex.short_names.get(base)
            if not cands:  # ("পিনোশের": পিনোশে + র, a shorter ending than the longest, -ের)
                stem = _short_stem(lex, word)
                if stem is not None:
                    cands, base = lex.short_names[stem], stem
            shared = None if cands else (lex.shared_families.get(word) or lex.shared_families.get(base))
            if shared and ctx.topic:
                # "ভিয়েইরা" in an article on Guinea-Bissau: of the people of that family name, the one
                # of a country the document is about
                cands = [c for c in shared if c.country in {t.slug for t in ctx.topic}]
            if cands and len(cands) == 1 and not (word == base and _name_goes_on(lex, toks, i, folded, cands[0])):
                short = cands[0]
        if short is not None and _korean_full_name(lex, toks, i, folded, ctx):
            short = None  # "চো কাং ইল": a family name that begins someone else's full name
        if short is not None and _regnal_after(toks, i, folded) and toks[i + 1].text not in _own_words(short):
            i += 2  # "খামা তৃতীয়": a chief or king of that name and number, not the one the story named
            continue
        shorter = None if (word in ctx.people or base in ctx.people) else _named_with_ending(ctx, word)
        if short is not None and (word in ctx.people or base in ctx.people or word in lex.short_names
                                  or base in lex.short_names or shorter is not None
                                  or word in lex.shared_families or base in lex.shared_families):
            # the word itself a name ("ডাউনার") has no ending; else what follows the name is its ending
            exact = word in ctx.people or word in lex.short_names or word in lex.shared_families
            if shorter is not None and short is shorter:
                base = next(word[:-len(e)] for e in endings(word)[1:] if word[:-len(e)] in ctx.people)
            ending = _person_ending(word[len(base):] if word != base and not exact else "")
            case, post, used = _case_and_post(lex, toks, i + 1, ending)
            out.append(Mention(short, toks[i].start, toks[i].end, i, i + 1 + used, case, post, via="short"))
            ctx.remember(short, subject=case == "nom" and not post, possessor=case == "gen" and not post)
            i += 1 + used
            continue
        i += 1
    _event_owner(out, toks, ctx)
    for m in out:
        if m.case == "nom" and not m.post and (_HYPHEN_PARTICIPLE.match(folded, m.end) or _SPACED_PARTICIPLE.match(folded, m.end)
                                              or _FUSED_PARTICIPLE.search(folded, m.start, m.end)):
            m.case = "gen"  # "উত্তর কোরিয়া-সমর্থিত প্রস্তাব": backed by North Korea, a qualifier
    _mark_modifiers(lex, out, toks, folded)
    _coordinate(out, folded)
    _coordinate_unknown(out, folded)
    _dashed_list(lex, out, toks, folded)
    for m in out:  # a person who leads a party ("X-এর নেতৃত্বে প্রতিনিধিদল") stands for it later
        if m.entity.kind == "Person" and (m.post == "led" or m.case == "nom" and not m.post and _WITH_PARTY.match(folded, m.end)):
            # (also "X একটি প্রতিনিধিদল নিয়ে … যান": X went with a delegation)
            ctx.last_leader, ctx.last_leader_age = m.entity, 0
    for m in out:  # the country this sentence names as its subject ("চিলির পররাষ্ট্র মন্ত্রণালয় …"),
        # also by its capital ("মানাগুয়া … ঝুঁকেছে")
        if m.case == "nom" and not m.post and not m.modifier and m.entity.kind == "City" and m.entity.capital \
                and m.entity.country in lex.entities:
            ctx.last_country = lex.entities[m.entity.country]
        elif m.entity.kind == "Country" and m.case == "nom" and not m.post and not m.modifier \
                and m.entity.slug in lex.entities:
            ctx.last_country = m.entity
    for m in out:  # "কিম জং-উন ও পুতিনের প্রথম শীর্ষ বৈঠক": people whose meeting or visit it is take part
        if m.entity.kind == "Person" and m.case == "gen" and not m.post and _THEIR_ACT.match(folded, m.end):
            ctx.possessors.discard(m.entity.slug)
        # "আজ পার্কের আবিদজানে যাওয়ার কথা": the one due to do it is the subject ("সেখানে তিনি …")
        if m.entity.kind == "Person" and m.case == "gen" and not m.post and _DUE.match(folded, m.end):
            ctx.possessors.discard(m.entity.slug)
            ctx.last_person = m.entity
    return out


#: What someone is due to do, said with the genitive of the doer: "… আবিদজানে যাওয়ার কথা।"
_DUE = re.compile(fold_pattern(r"[^।,;]{0,80}?\S+(?:ার|ানোর|ওয়ার)\s+কথা(?:\s+(?:রয়েছে|আছে|ছিল))?\s*।"))
#: An act named after the genitive of the people who did it: "X ও Y-এর (প্রথম) শীর্ষ বৈঠক".
_THEIR_ACT = re.compile(fold_pattern(
    r"\s+(?:[^\s।,]+\s+)?(?:শীর্ষ\s+)?(?:বৈঠক|সাক্ষাৎ|সাক্ষাত|আলোচনা|সফর|করমর্দন)"))


#: A participle or adjective joined to a name by a hyphen: "X-সমর্থিত" (backed by X), "X-নেতৃত্বাধীন"
#: (led by X), "X-পন্থী" (pro-X), "X-বিরোধী" (anti-X), "X-ভিত্তিক" (based in X), "X-সংশ্লিষ্ট" (linked to
#: X), "X-মালিকানাধীন" (owned by X); the first four also
#: written fused to the name ("সিউলভিত্তিক").
_FUSED_QUALIFIERS = "ভিত্তিক|সমর্থিত|নেতৃত্বাধীন|পন্থী"
_HYPHEN_PARTICIPLE = re.compile(fold_pattern(
    rf"-(?:{_FUSED_QUALIFIERS}|বিরোধী|নিয়ন্ত্রিত|প্রভাবিত|ঘনিষ্ঠ|মিত্র|অনুগত|সমর্থক|সংশ্লিষ্ট|সম্পৃক্ত|মালিকানাধীন)"))
_FUSED_PARTICIPLE = re.compile(fold_pattern(rf"(?:{_FUSED_QUALIFIERS})$"))
#: The same written apart, for the words that are never a verb of the clause: "উত্তর কোরিয়া সংশ্লিষ্ট
#: দুই কোম্পানি" (linked to North Korea).
_SPACED_PARTICIPLE = re.compile(fold_pattern(r"\s+(?:সংশ্লিষ্ট|সম্পৃক্ত|নিয়ন্ত্রিত|মালিকানাধীন|সমর্থিত)(?![\u0980-\u09ff])"))
#: "মালাবো ও বাতায়": a place joined by ও/এবং to a word in the locative of a vowel-final noun
#: (-য়, -তে), most often a place the lexicon lacks.
_AND_MORE_COUNTRIES = re.compile(fold_pattern(
    r"\s+(?:[^\s,;।]+\s+){0,2}?দেশ(?:ে|েও|গুলোতে|গুলিতে|গুলোতেও|(?P<source>\s*(?:থেকে|হইতে|হতে)ও?))(?![\u0980-\u09ff])"))
_AND_CHANNEL = re.compile(fold_pattern(
    r"\s*\)?\s*(?:ও|এবং)\s+(?:[^\s,;।]+\s+){0,3}?[^\s,;।]+(?:ের|র)\s+(মাধ্যমে|মধ্যস্থতায়)(?![\u0980-\u09ff])"))
_AND_LOCATIVE = re.compile(fold_pattern(r"\s*(?:ও|এবং)\s+([^\s,;।]+(?:[\u09be-\u09cc]য়|তে))(?![\u0980-\u09ff])"))


def _dashed_list(lex: Lexicon, mentions: list[Mention], toks: list[Token], folded: str) -> None:
    """A list set off by dashes takes the case or postposition written after the closing dash:
    "চারটি দেশ — স্পেন, যুক্তরাজ্য, কাতার ও আমিরাত — থেকে … গ্রহণ করে" (from those four)."""
    groups: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.coord >= 0:
            groups.setdefault(m.coord, []).append(m)
    for members in groups.values():
        last = members[-1]
        if last.case != "nom" or last.post or not _DASH_BEFORE.search(folded, 0, members[0].start):
            continue
        close = _DASH_AFTER.match(folded, last.end)
        if close is None or last.tok_end >= len(toks):
            continue
        case, post, _ = _case_and_post(lex, toks, last.tok_end, "")
        if post:
            for m in members:
                m.case, m.post = case, post


_DASH_BEFORE = re.compile(r"\s[—–-]\s*$")
_DASH_AFTER = re.compile(r"\s*[—–-]\s")


def _coordinate_unknown(mentions: list[Mention], folded: str) -> None:
    """A place coordinated with a last member the lexicon does not know takes that member's
    locative: Bengali marks the case once, on the last member of a list."""
    starts = {m.start for m in mentions}
    for m in mentions:
        if m.case != "nom" or m.post or m.modifier or m.entity.kind not in ("Country", "City"):
            continue
        nxt = _AND_LOCATIVE.match(folded, m.end)
        if nxt and nxt.start(1) not in starts and key(nxt.group(1)) not in STOPWORDS:
            m.case = "loc"
    for m in mentions:
        # "স্পেন, উগান্ডা ও নেপালসহ আরও কয়েকটি দেশে": a list that ends "…-সহ … দেশে" takes that locative
        if m.entity.kind == "Country" and folded[m.start:m.end].endswith("সহ") and (
                more := _AND_MORE_COUNTRIES.match(folded, m.end)):
            # (or "… দেশ হইতে": from them)
            for x in mentions:
                if x is m or (m.coord >= 0 and x.coord == m.coord):
                    x.case, x.post = ("gen", "source") if more.group("source") else ("loc", "")
    for m in mentions:
        # "বিশ্ব খাদ্য কর্মসূচি ও ডেনীয় রেড ক্রসের মাধ্যমে": the channel's postposition on the unknown last member
        if m.case != "nom" or m.post or m.modifier or m.entity.kind not in ("Organization", "Country"):
            continue
        nxt = _AND_CHANNEL.match(folded, m.end)
        if nxt and not any(m.end < x.start < m.end + nxt.end() - nxt.start() and x.post != "via" for x in mentions):
            m.case, m.post = "gen", POSTPOSITIONS[key(nxt.group(1))]
    for a, b in zip(mentions, mentions[1:]):
        # "জাতিসংঘ শিশু তহবিল (ইউনিসেফ) ও …": a name and its short form in brackets are one mention's
        if a.entity is b.entity and a.case == "nom" and not a.post and re.fullmatch(r"\s*\(\s*", folded[a.end:b.start]):
            a.case, a.post = b.case, b.post


def _post_of_body(lex: Lexicon, toks: list[Token], j: int) -> str:
    """The postposition after a country's body named at token j in the genitive: in "এরিত্রিয়ার
    নৌবাহিনীর ওপর", "রাশিয়ার সরকারের সঙ্গে", the relation the body has is the country's."""
    if j < len(toks) and (toks[j].text in COUNT_WORDS or toks[j].text.isdigit() or toks[j].text in _NUMBER_WORDS):
        j += 1  # "নিকারাগুয়ার তিন বিচারকের ওপর"
    k = _group_noun(lex, toks, j)
    if k is not None:
        ending = _ending_of(lex, toks[k].text)
        n = 1
    else:
        gov = _government_noun(toks, j)
        if gov is None:
            return ""
        n, ending = gov
        k = j + n - 1
    if case_of(ending) != "gen":
        return ""
    return _case_and_post(lex, toks, k + 1, ending)[1]


_LITERARY_PLURAL = re.compile(fold_pattern(r"(?:গণ|বৃন্দ)(?:ের|কে|ও)?$"))


def _group_noun(lex: Lexicon, toks: list[Token], j: int) -> int | None:
    """The index of a group noun ("প্রশিক্ষকেরা", "কূটনীতিকদের") at token j, or after one qualifier."""
    for k in (j, j + 1):
        if k >= len(toks):
            return None
        w = toks[k].text
        if w in lex.groups or _strip(w) in lex.groups or _strip(_strip(w)) in lex.groups \
                or _LITERARY_PLURAL.sub("", w) in lex.groups:  # ("প্রশিক্ষকগণ": the literary plural)
            return k
        if k == j and w not in lex.qualifiers:
            return None
    return None


def _object_referent(out: list[Mention], toks: list[Token], i: int, folded: str, ctx: DocumentContext):
    """Whom "তাঁকে" (him/her) refers to: the last person named who is not the subject of its own
    clause (that would be "নিজেকে")."""
    first = toks[0].start if toks else 0
    clause = max(folded.rfind(",", first, toks[i].start), folded.rfind(";", first, toks[i].start), first)
    for end in _SUBORDINATE_END.finditer(folded, clause, toks[i].start):
        clause = end.end()  # "X পুনর্নির্বাচিত হওয়ায় তাঁকে …": X is not this clause's subject
    subjects = [m for m in out if m.case == "nom" and not m.post and m.start >= clause]
    # nor a possessor after the subject: "তিনি … রলিংসের চিঠি তাঁর হাতে তুলে দেন" hands Rawlings' letter
    # to someone else (but "হোক্সার জন্মদিন উপলক্ষে কিম তাঁহাকে …" greets Hoxha)
    possessors = [m for m in out if m.case == "gen" and not m.post and subjects and m.start > subjects[0].start]
    subjects = {m.entity.slug for m in subjects + possessors}
    # "X … Y-এর সঙ্গে আলোচনা করেন। পরদিন প্রধানমন্ত্রী Z তাকে স্বাগত জানান": him, the one the story
    # was about, not the last person named
    # (unless the sentence itself named someone else before: "X প্রেসিডেন্ট নির্বাচিত হলে কিম তাঁকে …")
    others = [m for m in out if m.entity.kind == "Person" and m.entity.slug not in subjects]
    if ctx.subject_before is not None and ctx.subject_before.slug not in subjects and subjects and not others:
        return ctx.subject_before
    for person in reversed(ctx.recent_people):
        if person.slug not in subjects:
            return person
    return None


def _event_owner(out: list[Mention], toks: list[Token], ctx: DocumentContext) -> None:
    """"কিম ইয়ং নামের এটি দ্বিতীয় ইরান সফর।": in a sentence with no person as its subject, a person in
    the genitive whose visit or meeting it names is what the sentence is about, and what "তিনি" in
    the next one refers to."""
    if any(m.entity.kind == "Person" and m.case == "nom" and not m.post for m in out):
        return
    for m in out:
        if m.entity.kind == "Person" and m.case == "gen" and not m.post and any(
                toks[k].text in EVENT_NOUNS or _strip(toks[k].text) in EVENT_NOUNS
                for k in range(m.tok_end, min(m.tok_end + 6, len(toks)))):
            # ("লি জে-মিয়ংয়ের আগামী মে মাসে ইতালি সফরের কথা": a date and a place may stand between)
            ctx.last_person = m.entity
            return


def _spelled_like(lex: Lexicon, toks: list[Token], i: int, folded: str) -> tuple[Entity, int, str] | None:
    """A known person's full name (two or three words from token i, or four with a middle name
    the lexicon leaves out) written in a spelling the lexicon lacks ("ফ্রাঙ্ক-ভাল্টার স্টাইনমায়ার", "টিমো সোইনি"/"তিমো সইনি"): the one person whose name
    has the same spelling skeleton (:func:`kutniti.loaders.lexicon.skeleton`), and the case ending."""
    for n in (4, 3, 2):
        if i + n > len(toks) or any(t.text in STOPWORDS or t.text.isdigit() or _common_word(t.text)
                                    for t in toks[i:i + n]) or (
                i + n < len(toks) and folded[toks[i + n - 1].end:toks[i + n].start] == "-"
                and not _detached_ending(toks[i + n].text)) or any(
                folded[toks[k - 1].end:toks[k].start] not in (" ", "-") for k in range(i + 1, i + n)):
            continue
        words = [t.text for t in toks[i:i + n]]
        ending = _person_ending(_name_ending(lex, words[-1]))
        bare = words[:-1] + [words[-1][: len(words[-1]) - len(ending)] if ending else words[-1]]
        if n == 4:
            # "ব্রিস ক্লোতেয়ার অলিগি এনগেমা": a known name of three words with a middle name it leaves out
            # (the name known as three words, word for word; not a particle left out: "আবদুল লতিফ বিন
            # রশিদ …" is not Abdul Latif Rashid; nor a noun after a two-word name: "ইয়োরান পেরসন ইউরোপীয় ইউনিয়নের")
            known = [b for k, b in ((1, bare[:1] + bare[2:]), (2, bare[:2] + bare[3:]))
                     if bare[k] not in NAME_PARTICLES and any(
                         len(n.split()) == 3 and [skeleton(w) for w in n.split()] == [skeleton(w) for w in b]
                         for e in lex.skeletons.get(skeleton(" ".join(b)), ()) for n in (e.label_bn or "", *e.alt_bn))]
            if len(known) != 1:
                continue
            bare = known[0]
        form = skeleton(" ".join(bare))
        if len(form) < 5 or form not in lex.skeletons:
            continue
        person = lex.person_like(" ".join(bare), None)
        if person is not None:
            return person, n, ending
    return None


def _common_word(word: str) -> bool:
    """A weekday, "the country" or another word no name is spelled like ("রোববার দেশটির" is not
    Robert Dussey, "রোবের দুসেই")."""
    base = _strip(word)
    return word in WEEKDAYS or base in WEEKDAYS or word in PRONOUN_COUNTRY or base in PRONOUN_COUNTRY \
        or word in NOT_NAME_WORDS or base in NOT_NAME_WORDS


#: Verbs of saying a name's subject goes with ("X বলেন"): no genitive stands before one.
_SAYING = {key(w) for w in ["বলেন", "বলেছেন", "বললেন", "বলিয়াছেন", "জানান", "জানিয়েছেন", "বলছেন"]}


def _said_after(toks: list[Token], k: int, ending: str) -> bool:
    """Whether a verb of saying follows a name whose last letter looks like the genitive -র."""
    return ending in ("র", "ের") and k < len(toks) and toks[k].text in _SAYING


def _person_ending(ending: str) -> str:
    """A person's name takes no locative: a name whose last letters look like one ("নায়েরে",
    "মুগাবে", "কন্তে") ends in the vowel -e, so the ending is part of the name (nominative); nor a
    plural or a count word ("ফেরেইরা", "হেরেরা" end in -রা)."""
    return "" if ending in _NAME_OWN_LOCATIVES or ending in _NOT_PERSON_ENDINGS else ending


#: Locative endings that are more likely a name's own final vowel (-e, -te) than a case ending.
_NAME_OWN_LOCATIVES = {"ে", "তে", "যে", "য", "এ", "েতে"}


_NOT_PERSON_ENDINGS = {"রা", "েরা", "গুলো", "গুলি", "টি", "বাসী", "ভিত্তিক"}


@functools.lru_cache(maxsize=65536)
def _plain_stem(lex: Lexicon, word: str) -> str | None:
    """The stem (:func:`_strip`) of a word that cannot, by itself, begin a mention: it begins no
    name or adjective of the lexicon (in any spelling), is no title or honorific, no pronoun and no
    short name; None for any other word. (Whether the word and the next make a title, and the
    people the document has named, are for the caller to check.) :func:`find_mentions` passes over
    such a word at once: a new step there that takes other words must be reflected here."""
    base = _strip(word)
    if (lex.may_start(word) or lex.may_start_spelled(word) or lex.title(word) or word in lex.honorifics
            or word in PRONOUN_COUNTRY or base in PRONOUN_COUNTRY or word in _THAT_WORDS
            or word in PRONOUN_PERSON or word in PRONOUN_OBJECT or word in PRONOUN_GENITIVE or word in _THEM
            or word in _THEY or word in _FOREIGN_FIELDS
            or _DEFINITE_PARTY.match(word) or word in lex.short_names or base in lex.short_names
            or word in lex.shared_families or base in lex.shared_families or _short_stem(lex, word)
            or lex.place_like(word)):
        return None
    return base


def _short_stem(lex: Lexicon, word: str) -> str | None:
    """A short name (:attr:`Lexicon.short_names`) that ``word`` is with a shorter case ending than
    the longest it allows: "পিনোশের" is পিনোশে + র, not পিনোশ + ের."""
    stem = word[:-1]
    if word.endswith("র") and len(stem) >= 3 and "\u09be" <= stem[-1] <= "\u09cc" and stem in lex.short_names \
            and len(endings(word)) > 1:
        return stem  # (only -র after a vowel: "ব্লকে" is no ব্লক + এ)
    return None


@functools.lru_cache(maxsize=65536)
def _strip(word: str) -> str:
    for suf in SUFFIXES:
        if word.endswith(suf) and len(word) > len(suf) + 1:
            return word[: -len(suf)]
    return word


@functools.lru_cache(maxsize=65536)
def _ending_of(lex: Lexicon, word: str) -> str:
    for suf in SUFFIXES:
        if word.endswith(suf) and len(word) > len(suf) + 1 and not (
                suf[0] == "য" and word[-len(suf) - 1] == "\u09cd"):  # ("সৈন্য": a ya-phala, no locative)
            return suf
    return ""


def _name_ending(lex: Lexicon, word: str) -> str:
    """The case ending of a word of a new person's name. A bare -র is the genitive of a vowel-final
    word only ("মোদির"; after a consonant it is "-এর": "আকবর" is a name, "আকবরের" its genitive), and
    ই/ও after a vowel is the name's own diphthong ("প্রমুদউইনাই", "সের্গেই"), not a clitic."""
    ending = _ending_of(lex, word)
    if ending == "র" and len(word) > 1 and word[-2] not in VOWEL_SIGNS and word[-2] != "হ":
        return ""  # (a final -হ is said as a vowel: "আল-সাবাহর" is Al-Sabah's)
    if ending in ("ই", "ও") and len(word) > 1 and word[-2] in VOWEL_SIGNS:
        return ""
    if ending.startswith("দের") and not ending.startswith("দেরকে"):
        return ending[1:]  # one person takes no plural: "পাহাদের" is Pahad's, not the Paha family's
    return ending


#: Offices a country has one holder of, whom a bare title names when the story has named one
#: holder of it ("সুলতানের কাছে").
_ONE_HOLDER_TITLES = {"sultan", "king", "queen", "emir", "pope", "crown prince", "emperor"}
#: Heads of state and government: a bare title in a case names the one the story has named.
_HEAD_TITLES = {"president", "prime minister"}
#: Titles general enough to name any office-holder of the country ("উত্তর কোরীয় নেতা").
_GENERIC_TITLES = {"leader", "head of state", "ruler"}


def _holder_named(lex: Lexicon, position: str, countries: set[str], word: str) -> Entity | None:
    """The one known holder of ``position`` in one of ``countries`` whose names have ``word``."""
    wanted = {key(word), key(_strip(word))}
    found = [e for e in lex.entities.values() if e.kind == "Person" and e.position == position
             and e.country in countries and any(key(w) in wanted for n in (e.label_bn or "", *e.alt_bn)
                                                for w in n.replace("-", " ").split())]
    return found[0] if len(found) == 1 else None


#: One office under the names countries give it: a "প্রতিরক্ষামন্ত্রী" of the United States is its
#: secretary of defense, a "পররাষ্ট্রমন্ত্রী" its secretary of state or Britain's foreign secretary.
_SAME_OFFICE = {"secretary of defense": "defence minister", "defense secretary": "defence minister",
                "secretary of state": "foreign minister", "foreign secretary": "foreign minister"}


def _office_words(position: str) -> frozenset[str]:
    """The words of an office, deputy and vice made one: "deputy minister" is within "vice foreign minister"."""
    return frozenset(w.replace("deputy", "vice") for w in _SAME_OFFICE.get(position, position).split())


def _titled_referent(ctx: DocumentContext, country: Entity | None, title, toks: list[Token],
                     end: int, lex: Lexicon | None = None) -> Entity | None:
    """"উত্তর কোরীয় নেতা", "মার্কিন প্রেসিডেন্ট বলেন": a country's title with no name after it (the
    sentence ends or a verb or particle follows) is the person of that country the text named last,
    when that person holds the office (or the title is general: leader)."""
    if not title:
        return None
    if country is None and title[0] in _HEAD_TITLES and title[1] and (
            end >= len(toks) or toks[end].text in STOPWORDS or toks[end].text in POSTPOSITIONS):
        # "… একটি চিঠি প্রেসিডেন্টের হাতে তুলে দেন": the one president the story has named
        holders = {p.slug: p for p in ctx.recent_people if p.position == title[0]}
        if len(holders) == 1:
            return next(iter(holders.values()))
    if country is None and title[0] in _ONE_HOLDER_TITLES and (title[1] or lex is not None and end < len(toks) and any(
            (hit := lex.lookup([t.text for t in toks[end:end + n]])) and hit[0].kind in ("Country", "City")
            for n in (1, 2, 3))) and (
            end >= len(toks) or toks[end].text in STOPWORDS or toks[end].text in POSTPOSITIONS or not title[1]):
        # (or bare, before the place a visit goes to: "সুলতান দক্ষিণ কোরিয়া সফর করেন")
        # "রাষ্ট্রদূত … সুলতানের কাছে পরিচয়পত্র পেশ করেন": the one holder of that office named so far
        holders = {p.slug: p for p in ctx.recent_people if p.position == title[0]}
        return next(iter(holders.values())) if len(holders) == 1 else None
    # (a title with its case ending, "উত্তর কোরীয় মন্ত্রীকে সাক্ষাৎ দেবেন", needs no stopword after it)
    if country is None or end < len(toks) and toks[end].text not in STOPWORDS and not (
            title[1] and (case_of(title[1]) == "acc" or toks[end].text in POSTPOSITIONS)) and not (
            # (nor a name when another country's title follows: "মার্কিন প্রতিরক্ষামন্ত্রী সিঙ্গাপুরের
            # প্রতিরক্ষামন্ত্রী চ্যান চুন সিংয়ের সঙ্গে …")
            lex is not None and end + 1 < len(toks) and (hit := lex.lookup([toks[end].text]))
            and hit[0].kind == "Country" and lex.title(toks[end + 1].text) is not None):
        return None
    for person in reversed(ctx.recent_people):
        if person.country == country.slug:
            # ("মন্ত্রী", a minister, is any minister: the foreign minister named before)
            # ("উপমন্ত্রী", a deputy minister, is the vice foreign minister named before)
            same = _SAME_OFFICE.get(person.position or "", person.position) == _SAME_OFFICE.get(title[0], title[0]) \
                or title[0] == "minister" and (person.position or "").endswith("minister") \
                or _office_words(title[0]) <= _office_words(person.position or "") and len(_office_words(title[0])) > 1
            if title[0] in _GENERIC_TITLES or same:
                return person
            if not _office_words(title[0]) & {"vice"}:
                return None
            # (a deputy's title passes over the leader named since: "কিম জং উনের চিঠি … উত্তর কোরীয়
            # উপমন্ত্রী", the vice minister the story follows)
    return None


def _country_before(mentions: list[Mention], tok: int, adjective: Entity | None,
                    toks: list[Token] | None = None) -> Entity | None:
    for m in reversed(mentions):
        if m.tok_end >= tok - 1 and m.entity.kind == "Country" and m.case == "gen":
            return m.entity
        if toks is not None and m.entity.kind == "Country" and m.case == "gen" and not m.post \
                and (gov := _government_noun(toks, m.tok_end)) is not None and m.tok_end + gov[0] == tok and gov[1]:
            # "মেক্সিকোর পররাষ্ট্র দপ্তরে উপ-পররাষ্ট্রমন্ত্রী …": an office at (or of) that ministry; not
            # after the ministry as a subject ("… মন্ত্রণালয় রাষ্ট্রদূত কিমকে …": another's envoy)
            return m.entity
        if m.tok_end >= tok - 1 and m.entity.kind == "City" and m.case == "gen" and m.entity.country:
            return None
    return adjective


def _body_country(lex: Lexicon, mentions: list[Mention], toks: list[Token], tok: int) -> Entity | None:
    """The country of an office named through a genitive chain before the title at ``tok``: "X-এর
    (Y-এর) … সভাপতি", where X is a country or a national body ("সুপ্রিম পিপলস অ্যাসেম্বলির
    প্রেসিডিয়ামের ভাইস প্রেসিডেন্ট …")."""
    before = [m for m in mentions if m.tok_end <= tok]
    if not before:
        return None
    m = before[-1]
    chain = toks[m.tok_end:tok]
    if m.case != "gen" or m.post or len(chain) > 3 or chain and not _GENITIVE_WORD.search(chain[-1].text):
        return None
    if m.entity.kind == "Country" and m.entity.slug in lex.entities:
        return m.entity
    if m.entity.kind == "Organization" and m.entity.country in lex.entities:
        return lex.entities[m.entity.country]
    return None


def _korean_full_name(lex: Lexicon, toks: list[Token], j: int, folded: str, ctx: DocumentContext | None = None) -> bool:
    """"চো কাং ইল" after a title: a Korean family name ("চো", the short form of a known Choe, or of a
    Korean the document named: "কিম") followed by two one-syllable words is a three-syllable full
    name, someone else's."""
    if j + 2 >= len(toks) or not folded:
        return False
    cands = list(lex.short_names.get(toks[j].text) or [])
    if ctx is not None and toks[j].text in ctx.people:
        cands.append(ctx.people[toks[j].text])
    if not any(e.country in lex.entities and "korean" in style_of(lex.entities[e.country].iso) for e in cands):
        return False
    for k in (j + 1, j + 2):
        w = toks[k].text
        if len(_strip(w) if k == j + 2 else w) > 4 or w in STOPWORDS or lex.title(w) or lex.lookup([w]) or folded[toks[k - 1].end:toks[k].start] != " ":
            return False
        if not _ONE_SYLLABLE.fullmatch((_strip(w) if k == j + 2 else w).replace("য", "")):
            return False  # "কিম আগরা ঘুরে দেখবেন": Kim, then other words
    return True


#: A word of one syllable, as Korean names are written syllable by syllable ("সন", "গিয়ং", "হুই",
#: "দে"): at most two consonants around one run of vowels ("আগরা", "ঘুরে" have two).
_ONE_SYLLABLE = re.compile("[\u0995-\u09b9\u09dc-\u09df]?[\u0985-\u0994\u09be-\u09cc]*[\u0995-\u09b9\u09dc-\u09df\u0982]?")


def _person_after(lex: Lexicon, toks: list[Token], j: int, ctx: DocumentContext, position: str | None,
                  country: Entity | None, folded: str = "") -> tuple[Entity | None, int]:
    """The person named right after a title or honorific at token j, and how many tokens. A new
    person's name is at most three words, and ends at punctuation or markup between its words
    (a name in wiki bold followed by "স্ত্রী …" is the two bold words)."""
    aside = int(j < len(toks) and bool(folded) and folded[toks[j].start - 1:toks[j].start] == "("
                and folded[toks[j].end:toks[j].end + 1] == ")")
    j += aside  # "সচিব (পূর্ব) পেরিয়াসামি কুমারন": a word in brackets after the title qualifies it
    if j < len(toks) and j and folded and folded[toks[j - 1].end:toks[j].start].strip() in (",", ":", ";"):
        return None, 0  # "যুবরাজ, তত দিনে যিনি …": a comma after the title, no name
    honorific = j < len(toks) and toks[j].text in lex.honorifics
    j += honorific  # "রাষ্ট্রপ্রধান প্রিন্স সিহানুক": an honorific between the title and the name
    honorific += aside
    # a known person (full name) right after the title is found by the main loop instead
    city_name = _city_given_name(lex, toks, j, folded)
    for n in range(min(lex.max_words, len(toks) - j), 0, -1):
        res = lex.lookup([t.text for t in toks[j:j + n]])
        if res and n == 1 and res[0].kind == "Person" and country is not None and country.slug in _KOREAS \
                and res[0].country in _KOREAS and res[0].country != country.slug and j + 1 < len(toks) \
                and toks[j + 1].text not in STOPWORDS and lex.lookup([toks[j + 1].text]) is None and not res[1]:
            continue  # ("দক্ষিণ কোরিয়ার উপপররাষ্ট্রমন্ত্রী কিম জিনা": a family name, not Kim Jong Un's short name)
        if res and n == 1 and res[0].kind == "Person" and not res[1] and folded \
                and _name_goes_on(lex, toks, j, folded, res[0]):
            continue  # ("মুখপাত্র মাও নিং": a new name that begins with a known one-word name, not Mao's)
        if res and not (n == 1 and city_name):
            return None, 0
    spelled = _spelled_like(lex, toks, j, folded) if folded and j < len(toks) else None
    if spelled is not None and spelled[1] >= 3:
        # "পররাষ্ট্রমন্ত্রী মারিয়া মালমার স্টেনারগার্ড": a known full name of three words in another spelling
        # (its middle word in -র is no genitive)
        return spelled[0], spelled[1] + honorific
    # "চোয়ে সু-হন": a family name followed by a hyphenated given name is someone's full name
    full_name = j + 2 < len(toks) and folded[toks[j + 2].start - 1:toks[j + 2].start] == "-"
    full_name = full_name or _korean_full_name(lex, toks, j, folded, ctx)
    if j < len(toks) and not full_name:
        w = toks[j].text
        base = _strip(w)
        if (w in ctx.people or base in ctx.people) and not (
                w == base and _name_goes_on(lex, toks, j, folded, ctx.people[w])):
            # ("হাবিব শাত্তির": a given name the document gave someone else, here with another name)
            named = ctx.people.get(w) or ctx.people[base]
            if position and named.position != position:
                # "রাষ্ট্রপতি কেইতা": of two people of one family name, the one who holds this office
                holder = next((p for p in reversed(ctx.recent_people) if p.position == position and p is not named
                               and any(k in (w, base) for k, _ in _name_keys((p.label_bn or "", *p.alt_bn)))), None)
                named = holder or named
            return named, 1 + honorific
        cands = lex.short_names.get(w) or lex.short_names.get(base)
        # ("মার্শাল চোয় কোয়াং": a family name with -য় that reads as a locative, and more of a name after it)
        if cands and len(cands) == 1 and not ((w == base or w in lex.short_names or w[len(base):] == "য")
                                              and _name_goes_on(lex, toks, j, folded, cands[0])) \
                and not (country is not None and country.slug in lex.entities and cands[0].country
                         and cands[0].country != country.slug):
            # ("কোমোরোসের পররাষ্ট্রমন্ত্রী এমবায়ে …" is not Gabon's Léon M'ba, "এমবা" + -য়ে)
            return cands[0], 1 + honorific
    if position is None:
        return None, 0
    referenced = country is not None and country.slug not in lex.entities  # ("দেশটির", "সে দেশের")
    if referenced and ctx.last_country is not None:
        country = ctx.last_country  # "দেশটির পররাষ্ট্রমন্ত্রী …": the country just named
    from_home = referenced
    if country is None and not full_name:
        # a bare title ("পররাষ্ট্রমন্ত্রী হাকান ফিদান বলেন"): an office of the country the document
        # reports from, the one of its two main countries that is not North Korea
        country, from_home = ctx.home(), True
    if (country is None or country.slug not in lex.entities) and full_name:
        # "সে দেশের উপরাষ্ট্রপ্রধান কিম ইয়ং দে": a Korean's full name, of the Korea the document is about
        country = next((c for c in ctx.topic if c.iso in ("KP", "KR")), country)
    unresolved = country is None or country.slug not in lex.entities
    skipped = int(honorific)
    if j < len(toks) and toks[j].text in RETIRED:
        j += 1  # "জেনারেল (অব.) …": retired
        skipped += 1
    words = []
    # Iberian and Arabic names run to four words ("মারিয়া লরা দা রোশা", "সালেম বিন সালেহ বিন বুরাইক")
    longest = 4 if not unresolved and style_of(country.iso or country.slug) & {"hispanic", "arabic"} else 3
    # (a particle, "আল-আহমাদ আল-জাবের", does not count as a word of its own)
    span = longest + sum(1 for t in toks[j:j + 2 * longest] if t.text in NAME_PARTICLES)
    for k in range(j, min(j + span, len(toks))):
        w = toks[k].text
        hyphened = k > j and folded[toks[k - 1].end:toks[k].start] == "-" and not _detached_ending(w)
        # ("কিম জিন-আ": a syllable of one letter; not "দে-র", a case ending)
        if w in STOPWORDS or _strip(w) in STOPWORDS or lex.title(w) or w.isdigit() \
                or len(w) < 2 and not hyphened \
                or w in POSTPOSITIONS or w in NOT_NAME_WORDS or _strip(w) in NOT_NAME_WORDS or w in _NUMBER_WORDS:
            break  # ("… বেরিস্ট্রম চার দিনের সফরে": a number ends the name)
        if w == _AND_WORD and k > j and folded[toks[k - 1].end:toks[k].start] != "-":
            break  # "… ইসমাইল আল-জাবারি আর উত্তর কোরিয়ার …": "and" ends the name
        if w in _THAT and k + 1 < len(toks) and toks[k + 1].text in DEMONSTRATIVE_NOUNS:
            break  # "… গেব্রেমেসকেল সে সময়": "at that time" follows the name
        gap = folded[toks[k - 1].end:toks[k].start].strip(" -\u200c\u200d") if k > j and folded else ""
        if gap and not (gap == "." and toks[k - 1].text in INITIALS):  # "এম. জে. আকবর": initials
            break
        pair = [t.text for t in toks[k:k + 2]]
        known = lex.lookup([w]) if words else None
        if known and known[0].kind == "Person" and lex.lookup([t.text for t in toks[j:k + 1]]) is None:
            pass  # "ফেরিত হোজা": a family name the lexicon knows, after a given name it does not
        elif k == j and city_name:
            pass  # "প্রেসিডেন্ট সান্তিয়াগো পেনিয়া": a city's name as a given name
        elif k == j and (one := lex.lookup([w])) and one[0].kind == "Person" and not one[1] \
                and _name_goes_on(lex, toks, k, folded, one[0]):
            pass  # "মুখপাত্র মাও নিং": a known one-word name beginning a new one
        elif lex.lookup([w]) or lex.lookup([w], lex.adjectives) or lex.lookup(pair, lex.adjectives) or any(
                lex.lookup([t.text for t in toks[k:k + n]]) for n in range(2, min(lex.max_words, len(toks) - k) + 1)):
            break  # a name the lexicon knows ("ইউরোপীয় ইউনিয়নের") ends the new person's name
        dash = folded[toks[k].end:toks[k + 1].start].strip() if folded and k + 1 < len(toks) else ""
        after = _strip(toks[k + 2].text) if dash and k + 2 < len(toks) else ""
        if dash in ("–", "—", "-") and not _ONE_SYLLABLE.fullmatch(w.replace("য", "")) and (
                after in NAMING_NOUNS or after in _COMPOUND_HEADS or (
                lex.lookup([toks[k + 1].text]) and lex.lookup([toks[k + 1].text])[0].kind in ("Country", "City"))):
            break  # "হিচিলেমা কোরিয়া–আফ্রিকা শীর্ষ সম্মেলনে": a compound of places follows the name
        if words and _MANNER.search(w):
            break  # "সাবেক রাষ্ট্রপতি ক্লিনটন আকস্মিকভাবে …": an adverb of manner ends the name
        if len(words) >= 2 and _NATIVE_NOUN.search(w) and not (
                folded and folded[toks[k - 1].end:toks[k].start] == "-"):
            break  # "মাইক ওয়াল্টজ পরীক্ষাটিকে …": an ordinary word after two name words ends the name
        words.append(w)
        if case_of(_name_ending(lex, w)) in ("gen", "acc") and not (
                k + 1 < len(toks) and toks[k + 1].text in NAME_PARTICLES) and not _given_name_in_r(toks, k, lex, folded) \
                and not _middle_name_in_ke(toks, k, lex):
            break  # ("মুয়াম্মার আল-এরিয়ানি": -র before a name particle is the name's own)
    if len(words) == 1 and not unresolved:
        # "প্রেসিডেন্ট আউনের": a known person of the title's country, by the family name alone
        w = words[0]
        ending = _name_ending(lex, w)
        known = lex.by_family_name(w[: -len(ending)] if ending else w, country.slug)
        if known is not None:
            return known, 1 + skipped
    if len(words) < 2:
        return None, 0
    if (unresolved or from_home) and _korean_name(words):
        # "… বিষয়ক মন্ত্রী ইউন জং হো-র": a Korean name, of the Korea the document is about
        korea = next((c for c in ctx.topic if c.iso in ("KP", "KR")), None)
        if korea is not None:
            country, unresolved = korea, False
    if not (not unresolved and (style_of(country.iso or country.slug) & {"south-asian"}
                                or country.iso in _SOUTH_ASIAN_NAMES_TOO)) and any(
            _NATIVE_WORD.search(w) for w in words):
        return None, 0  # "রাষ্ট্রপতি পদে শপথ গ্রহণ": ordinary Bengali words after a title, not a name
    last = words[-1]
    ending = _person_ending(_name_ending(lex, last))  # "মন্ত্রী বাইবা ব্রাজে": -e is the name's own
    if _said_after(toks, j + skipped + len(words), ending):
        ending = ""  # "প্রতিনিধি সামুয়েল জ়বোগার বলেন": a genitive cannot say; the -র is the name's
    raw_names = words[:-1] + [last[: -len(ending)] if ending else last]
    known = lex.person_like(" ".join(raw_names), None if unresolved else country.slug)
    if known is not None:
        return known, len(words) + skipped
    if unresolved:
        return None, 0  # the country is a reference ("দেশটির প্রেসিডেন্ট") not yet resolved, or none
    label = romanise(" ".join(raw_names), country.iso or country.slug)
    from kutniti.graph.namespaces import slugify

    slug = slugify(label)
    person = ctx.new_people.get(slug)
    if person is None:
        person = Entity(slug, "Person", label, label_bn=" ".join(raw_names), country=country.slug,
                        position=position,
                        alt_en=_other_korean_spelling(label, "korean" in style_of(country.iso or country.slug)))
        ctx.new_people[slug] = person
    return person, len(words) + skipped


#: Verbs and nouns of travel after a bare city ("পররাষ্ট্রমন্ত্রী পিয়ংইয়াং যাবেন"): where to, no given name.
_TRAVEL_WORDS = {key(w) for w in [
    "যান", "যাবেন", "যাবে", "যাচ্ছেন", "যাচ্ছে", "গেছেন", "গেছে", "গিয়েছেন", "গিয়েছিলেন", "গেলেন", "যাওয়ার",
    "আসেন", "আসবেন", "আসছেন", "এসেছেন", "এলেন", "আসার", "পৌঁছান", "পৌঁছেছেন", "পৌঁছাবেন", "পৌঁছান",
    "সফর", "সফরে", "সফরের", "সফরকালে", "ভ্রমণ", "ভ্রমণে", "থেকে", "ছাড়েন", "ত্যাগ"]}


def _body_by_head(ctx: DocumentContext, word: str) -> tuple[Entity, str] | None:
    """A body named before by a name of two words or more, now by its last word alone ("পরিষদ" for
    "নিরাপত্তা পরিষদ"), and the case ending."""
    for body in reversed(ctx.bodies):
        if body.position != "intergovernmental":
            continue  # (a news agency or a firm named again is "সংস্থাটি", "প্রতিষ্ঠানটি": other words)
        for name in (body.label_bn or "", *body.alt_bn):
            head = key(name.split()[-1]) if len(name.split()) >= 2 else ""
            if head and len(head) >= 3 and word.startswith(head) and word[len(head):] in ("", *CASE_ENDINGS):
                return body, word[len(head):]
    return None


def _city_given_name(lex: Lexicon, toks: list[Token], j: int, folded: str) -> bool:
    """Whether the word right after a title is a city's name used as a given name: the bare city
    ("সান্তিয়াগো", no case ending) with an unknown name word right after it, nothing between."""
    if j + 1 >= len(toks) or not folded:
        return False
    city = lex.lookup([toks[j].text])
    if city is None or city[0].kind != "City" or city[1]:
        return False
    nxt = toks[j + 1].text
    gap = folded[toks[j].end:toks[j + 1].start].strip(" '\u200c\u200d")
    return gap == "" and lex.lookup([nxt]) is None and not lex.title(nxt) and nxt not in _TRAVEL_WORDS \
        and nxt not in STOPWORDS and _strip(nxt) not in STOPWORDS and nxt not in POSTPOSITIONS \
        and _strip(nxt) not in NOT_NAME_WORDS and nxt not in NOT_NAME_WORDS


def _named_with_ending(ctx: DocumentContext, word: str) -> Entity | None:
    """A person the story has named, by a name word with a shorter case ending than the longest one
    the word allows: "কাগামের" is কাগামে + র, not কাগাম + ের."""
    if not ctx.people:
        return None
    for e in endings(word)[1:]:
        if len(word) - len(e) > 2 and word[:-len(e)] in ctx.people:
            return ctx.people[word[:-len(e)]]
    return None


def _given_name_in_r(toks: list[Token], k: int, lex: Lexicon | None = None, folded: str = "") -> bool:
    """"রণধীর জয়সওয়াল বুধবার …", "কবির আহমেদ বলেন": a given name ending in -ির/-ীর, not a genitive,
    when one more name word follows and then a word that ends a name. So is one in -ার
    ("অলিভার টাম্বো" in wiki bold, then "পিয়ংইয়াং সফর করেন") when the next word closes the name's
    markup or a name the lexicon knows follows it."""
    w = toks[k].text
    if not (w.endswith("ির") or w.endswith("ীর") or w.endswith("ার")) or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1].text
    if nxt in STOPWORDS or nxt in POSTPOSITIONS or _NATIVE_WORD.search(nxt):
        return False
    if is_name_word(w) or is_name_word(nxt) or is_name_word(
            nxt[: -len(_name_ending(lex, nxt))] if lex and _name_ending(lex, nxt) else nxt):
        return True  # "আবুকার দাহির ওসমান": a name of names.yaml, or one before another, goes on
    if _strip(nxt) != nxt:
        return False
    if k + 2 >= len(toks):
        return True
    if w.endswith("ার"):
        gap = folded[toks[k + 1].end:toks[k + 2].start] if folded else ""
        # (or the next word is a name: "আবুকার ওসমান", "অলিভার টাম্বো" — "ওবামার প্রশাসন" is a genitive)
        return lex is not None and ("''" in gap or "]]" in gap or bool(lex.lookup([toks[k + 2].text]))
                                    or is_name_word(nxt) or is_name_word(w))
    return toks[k + 2].text in STOPWORDS


def _middle_name_in_ke(toks: list[Token], k: int, lex: Lexicon) -> bool:
    """"লার্স লোকে রাসমুসেন": a name word in -কে, not an accusative, when a family name that
    names.yaml knows follows it."""
    if not toks[k].text.endswith("কে") or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1].text
    ending = _name_ending(lex, nxt)
    return nxt not in STOPWORDS and (is_name_word(nxt) or bool(ending) and is_name_word(nxt[: -len(ending)]))


#: Korean family names as Bengali news spells them.
KOREAN_FAMILY_NAMES = {key(w) for w in """কিম পাক পার্ক লি রি চো চোয়ে জং চ্যাং জাং হান কাং ইউন ইয়ুন মুন শিন সিন রিম
    লিম হং নাম সং সন ইয়াং আন কো চু জু বেক সো হো ওহ চা চে জো জেয়ং চং""".split()}


@functools.lru_cache(maxsize=4096)
def _own_words(person: Entity) -> frozenset[str]:
    """The words of a person's Bengali names (:func:`_plain_vowels`), particles included."""
    return frozenset(_plain_vowels(key(w)) for n in (person.label_bn or "", *person.alt_bn) for w in n.replace("-", " ").split())


_LONG_VOWELS = str.maketrans({"ঈ": "ই", "ঊ": "উ"})


def _plain_vowels(word: str) -> str:
    """A folded word with its long independent vowels short ("ঈসা" and "ইসা" are one spelling)."""
    return word.translate(_LONG_VOWELS)


def _name_goes_on(lex: Lexicon, toks: list[Token], j: int, folded: str, known: Entity) -> bool:
    """"পররাষ্ট্রসচিব আসাদ আলম সিয়ামের": a known person's one-word name followed by more of a name
    (no ordinary word, title, place or time) is the given name of someone else."""
    if j + 1 >= len(toks) or (folded and folded[toks[j].end:toks[j + 1].start].strip()):
        return False
    nxt = toks[j + 1].text
    own = {key(w) for n in (known.label_bn or "", *known.alt_bn) for w in n.replace("-", " ").split()}
    return not (nxt in STOPWORDS or _strip(nxt) in STOPWORDS or nxt in own or _strip(nxt) in own
                or lex.title(nxt) or lex.lookup([nxt]) or lex.may_start(nxt) or _NATIVE_WORD.search(nxt)
                or nxt.isdigit() or len(nxt) < 2 or _LATER_WORDS.match(nxt))


#: Words of time that may follow a name: "পুতিন গতকাল …".
_LATER_WORDS = re.compile("|".join(key(w) for w in ["গতকাল", "আগামীকাল", "সম্প্রতি", "শিগগিরই", "এর", "এক"]))


def _korean_name(words: list[str]) -> bool:
    """Whether a new name looks Korean: a Korean family name and one-syllable words ("ইউন জং হো")."""
    return 2 <= len(words) <= 3 and words[0] in KOREAN_FAMILY_NAMES and all(
        _ONE_SYLLABLE.fullmatch(_strip(w).replace("য", "")) for w in words[1:])


#: Letters and endings that Bengali spelling of foreign names does not use, but its own words do:
#: ষ, ণ, ঢ, ঞ, ঋ-kar, ৈ, ক্ষ ("রাষ্ট্রীয়", "গ্রহণ", "কৃষি", "অর্থনৈতিক", "প্রতিরক্ষা"), the adjective
#: endings -নিক/-সিক/-দিক/-তিক ("আনুষ্ঠানিক", "সাংবাদিক"), and a classifier -টি ("কয়েকটি", "এটি").
#: (South Asian names are spelled with them, and are not checked.)
#: An adverb of manner ("আকস্মিকভাবে", "আনুষ্ঠানিকভাবেই"): no word of a name.
_MANNER = re.compile(fold_pattern(r"ভাবে(?:ই|ও)?$"))
#: Countries many of whose people bear South Asian names ("মরিশাসের বিদেশমন্ত্রী ধনঞ্জয় রামফুল").
_SOUTH_ASIAN_NAMES_TOO = {"MU", "FJ", "GY", "TT", "SR"}
_NATIVE_WORD = re.compile("[ষণঢঞৃৈ]|ক্ষ|(?:নি|সি|দি|তি)ক$|টি$")
#: Letters names rarely have, or a noun's classifier with its case ending ("পরীক্ষাটিকে").
_NATIVE_NOUN = re.compile("[ষণঢঞৃৈ]|ক্ষ|টি(?:কে|র|তে|ও)?$")
def _other_korean_spelling(label: str, korean: bool = False) -> list[str]:
    """A Korean name's other usual English spellings: "Pak Myong-ho" is also written "Pak Myong Ho"
    (the North's own style, syllables apart and capitalised), and a Korean's family name has the
    spellings of both Koreas ("চো" is Cho or Choe, "পাক" Pak or Park, "রি" Ri or Lee)."""
    words = label.split(" ")
    if len(words) != 2 or "-" not in words[1]:
        return []
    given = [" ".join(w.capitalize() for w in words[1].split("-")), words[1]]
    out = [f"{words[0]} {given[0]}"]
    for family in _KOREAN_FAMILY_SPELLINGS.get(words[0], ()) if korean else ():
        out += [f"{family} {g}" for g in given]
    return out


#: The spellings one Korean family name takes in English (the North's, the South's, the older ones).
_KOREAN_FAMILY_SPELLINGS = {"Cho": ("Choe", "Jo"), "Choe": ("Cho", "Choi"), "Choi": ("Choe",), "Pak": ("Park",),
                            "Park": ("Pak",), "Ri": ("Lee", "Yi"), "Lee": ("Ri", "Yi"), "Jong": ("Chong", "Jeong"),
                            "Chong": ("Jong",), "Yun": ("Yoon",), "Yoon": ("Yun",), "Ryu": ("Yu",), "Kang": ("Gang",),
                            "Jo": ("Cho",), "Rim": ("Lim",), "Lim": ("Rim",), "Ryom": ("Yeom",), "Yo": ("Yeo",), "Han": ()}


_RELATION_NOUN = re.compile(fold_pattern(r"\s*(?:সম্পর্ক|বিভক্ত|বিভাজন|দ্বন্দ্ব|বিরোধ|সীমান্ত)"))


_PLURAL = re.compile(fold_pattern(r"(?:রা|েরা|গুলো|গুলি)$"))
#: A plural in any case ("উপদেষ্টাদের", "কর্মকর্তাদেরকে").
_PLURAL_ANY = re.compile(fold_pattern(r"(?:রা|েরা|গুলো|গুলি|গুলোকে|গুলোর|দের|দেরকে|দেরও)$"))
#: (also between wiki links; not the clitic "ও" fused to a link's end: "[[স্পেন]]ও" is "Spain too")
_CONJUNCTION = re.compile(fold_pattern(
    r"(?:\]\])?(?:\s*,(?:\s*(?:ও|এবং|আর))?|\s+(?:ও|এবং|আর|এবং\s+তার)|(?<!\]\])(?:ও|এবং))\s*(?:\[\[)?"))


_CAPITAL_OF = re.compile(fold_pattern(r"\s+রাজধানী\s+"))


def _coordinate(mentions: list[Mention], folded: str) -> None:
    """A list joined by commas, ও or এবং ("ডেনমার্ক, নরওয়ে ও ফিনল্যান্ড থেকে", "চীন ও রাশিয়ার")
    takes the case ending and postposition of its last member: Bengali marks the case once. The
    last member follows ও/এবং; a comma alone may just end a subject ("মিশর, উত্তর কোরিয়ার কাছ থেকে")."""
    group: list[Mention] = []
    joiner = [""]

    def close() -> None:
        if len(group) > 1 and joiner[0].strip(" ,"):
            last = group[-1]
            for m in group:
                m.coord = group[0].start
                if m is not last and m.case == "nom" and not m.post and not m.modifier and (
                        last.case != "nom" or last.post or last.modifier):
                    m.case, m.post, m.modifier = last.case, last.post, last.modifier
        group.clear()

    starts: dict[int, int] = {}
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if m.entity.kind == "Country" and m.case == "gen" and not m.post and nxt is not None and \
                nxt.entity.kind == "City" and _CAPITAL_OF.fullmatch(folded, m.end, nxt.start):
            # "স্পেনের রাজধানী মাদ্রিদ এবং লিবিয়ার রাজধানী ত্রিপোলিতে": the country names the capital
            # that follows, and the capitals are what the list joins
            m.modifier = True
            starts[id(nxt)] = m.start
            continue
        if m.modifier and m.entity.kind == "Country" and nxt is not None and nxt.entity.kind == "Person" \
                and group and group[-1].entity.kind == "Person" and _TITLE_WORDS.fullmatch(folded, m.end, nxt.start):
            # "মেক্সিকোর রাষ্ট্রদূত A এবং স্পেনের ভারপ্রাপ্ত রাষ্ট্রদূত B-কে": each person comes with
            # a country and a title, and the people are what the list joins
            starts[id(nxt)] = m.start
            continue
        start = starts.get(id(m), m.start)
        kinds = {"Person"} if m.entity.kind == "Person" else {"Country", "City", "Organization"}
        if group and group[-1].entity.kind in kinds and _CONJUNCTION.fullmatch(folded, group[-1].end, start):
            group.append(m)
            joiner[0] = folded[group[-2].end:start]
            continue
        close()
        group.append(m)
    close()


#: One to three words of a title between a country and a person ("ভারপ্রাপ্ত রাষ্ট্রদূত").
_TITLE_WORDS = re.compile(r"(?:\s+[\u0980-\u09ff]+){1,3}\s+")
#: A hyphen and the word after it, or a word and the hyphen after it ("চীন-সোভিয়েত").
_HYPHEN_AFTER = re.compile(r"-[^\s-]+")
_HYPHEN_BEFORE = re.compile(r"[^\s-]+-$")


#: Nouns of one person's place relative to another's in an office: "X-এর পূর্বসূরি Y".
_KIN_OF_OFFICE = {key(w) for w in ["পূর্বসূরি", "পূর্বসূরী", "উত্তরসূরি", "উত্তরসূরী"]}


def _mark_modifiers(lex: Lexicon, mentions: list[Mention], toks: list[Token], folded: str = "") -> None:
    """Genitive countries that qualify a named person or a title are modifiers, not participants
    (an office holder left unnamed acts for the country); a genitive country before "সরকার"/"বাহিনী"
    acts itself, with that noun's case (a leader's "সরকার" is the leader's country), as do "its
    diplomats" in the plural; "X হিসেবে" is a role; hyphenated pairs before a relation noun
    ("চীন-সোভিয়েত সম্পর্ক") name a relation, not actors."""
    for m in mentions:
        if m.entity.kind != "Country":
            continue
        after = _HYPHEN_AFTER.match(folded[m.end:m.end + 30])
        if after and _RELATION_NOUN.match(folded, m.end + after.end()):
            m.modifier = True
        elif _HYPHEN_BEFORE.search(folded[max(0, m.start - 30):m.start]) and _RELATION_NOUN.match(
                folded, toks[m.tok_end].start if m.tok_end < len(toks) else m.end):
            m.modifier = True
    for idx, m in enumerate(mentions):
        nxt_tok = toks[m.tok_end].text if m.tok_end < len(toks) else ""
        after = toks[m.tok_end + 1].text if m.tok_end + 1 < len(toks) else ""
        if m.entity.kind == "Person" and m.case == "gen" and not m.post and _strip(nxt_tok) in _KIN_OF_OFFICE:
            m.modifier = True  # "মাহামার পূর্বসূরি নানা আকুফো-আদো": whose predecessor, not a party
            continue
        if m.case == "nom" and not m.post and (m.entity.kind in ("City", "Organization") and (
                _strip(nxt_tok) in NAMING_NOUNS or _strip(after) in NAMING_NOUNS and nxt_tok in NAMING_ADJECTIVES)
                or m.entity.kind == "Country" and nxt_tok == SUMMIT and _GENITIVE_WORD.search(after)
                and not folded[m.start - 1:m.start] == "-"):
            # "লিমা গ্রুপ", "আসিয়ান আঞ্চলিক ফোরাম", "সিঙ্গাপুর শীর্ষ বৈঠকের পর" (a summit named by its
            # venue, as a reference): a name, not a party ("উত্তর কোরিয়া শীর্ষ বৈঠকে রাজি হয়" is one)
            m.modifier = True
            continue
        if m.entity.kind == "Country" and m.via == "name" and m.case == "nom" and not m.post and _strip(nxt_tok) in CRISIS_NOUNS:
            m.modifier = True  # "ইউক্রেন যুদ্ধে", "কাতার সংকটের": the country names a war or crisis
            continue
        if nxt_tok in AS_WORDS or ((lex.title(nxt_tok) or nxt_tok in _ENVOY_WORDS) and after in AS_WORDS):
            # (also "রাজা ষষ্ঠ মোহাম্মদের প্রতিনিধি হিসেবে": whom someone stands in for)
            m.modifier = True  # "ইউরোপীয় ইউনিয়নের সভাপতি হিসেবে": a role, not a participant
            continue
        if m.case == "nom" and not m.post and m.entity.kind in ("Country", "Person", "Organization"):
            # "সিলন সরকারকে সাহায্য করতে": a name and a government noun are one compound, in the
            # case of the noun; a leader's "… কাদার সরকারকে" is the leader's country (and a body's
            # force: "জাতিসংঘ বাহিনীতে সৈন্য পাঠায়", into the UN's force)
            gov = _government_noun(toks, m.tok_end)
            if gov and m.entity.kind == "Person" and m.entity.country in lex.entities:
                m.entity = lex.entities[m.entity.country]
            if gov and gov[1]:
                m.case, m.post, _ = _case_and_post(lex, toks, m.tok_end + gov[0], gov[1])
            if m.entity.kind == "Country":
                continue
        if m.case != "gen" or m.post:
            continue
        gov = _government_noun(toks, m.tok_end)
        if m.entity.kind == "Person" and gov and m.entity.country in lex.entities:
            # "বাশার আল-আসাদের সরকারের প্রতি": the leader's government is the country
            m.entity = lex.entities[m.entity.country]
        if m.entity.kind == "Organization" and (lex.title(nxt_tok) or nxt_tok in lex.honorifics or any(
                k < len(toks) and _GENITIVE_WORD.search(toks[k - 1].text) and lex.title(toks[k].text)
                for k in (m.tok_end + 1, m.tok_end + 2))):
            # "জাতিসংঘের মহাসচিব …", "… অ্যাসেম্বলির (স্থায়ী) কমিটির চেয়ারম্যান …": the body qualifies
            # an office
            m.modifier = True
            continue
        if m.entity.kind not in ("Country", "City"):
            continue
        nxt_m = mentions[idx + 1] if idx + 1 < len(mentions) else None
        if gov:
            n, ending = gov
            m.case, m.post, _ = _case_and_post(lex, toks, m.tok_end + n, ending)
            listed = _listed_case(lex, toks, m.tok_end + n) if m.case == "nom" and not m.post else None
            if listed is not None:
                m.case, m.post = listed  # "নিকারাগুয়ার বিচারবিভাগ ও পুলিশের … উপরে": the case of the last noun
            continue
        group = _group_noun(lex, toks, m.tok_end)
        if group is not None and _PLURAL.search(toks[group].text) and m.entity.kind == "Country":
            # "উত্তর কোরিয়ার কূটনীতিকরা …", "… সামরিক উপদেষ্টারা …": the country's people act
            m.case, m.post = "nom", ""
            continue
        title = lex.title(nxt_tok)
        # (a title with a case ending, "জাপানের পররাষ্ট্রমন্ত্রীর সঙ্গে পেনি ওংয়ের বৈঠক", names no one after it)
        named = nxt_m is not None and nxt_m.entity.kind == "Person" and nxt_m.tok - m.tok_end <= 3 and not (
            title and title[1] and nxt_m.tok > m.tok_end + 1)
        if title and not named and m.entity.kind == "Country" and m.entity.slug in lex.entities:
            # "চেকোস্লোভাকিয়ার প্রধানমন্ত্রী পিয়ংইয়ং সফর করেন": an office holder left unnamed acts
            # for the country, in the case of the title
            m.modifier = False
            m.case, m.post, _ = _case_and_post(lex, toks, m.tok_end + 1, title[1])
            continue
        if title or (nxt_tok in lex.honorifics) or named:
            m.modifier = True


def _listed_case(lex: Lexicon, toks: list[Token], k: int) -> tuple[str, str] | None:
    """After a government or force noun without an ending, "ও/এবং" and another such noun within four
    words ("বিচারবিভাগ ও পুলিশের", "সেনাবাহিনী ও রাষ্ট্রপতির নিরাপত্তা বাহিনীকে"): the case and
    postposition of that last noun, which the list shares; None for no such list."""
    if k >= len(toks) or toks[k].text not in AND_WORDS:
        return None
    for x in range(k + 1, min(k + 5, len(toks))):
        gov = _government_noun(toks, x)
        if gov is not None and gov[1]:
            case, post, _ = _case_and_post(lex, toks, x + gov[0], gov[1])
            return case, post
        if _strip(toks[x].text) in _FORCE_NOUNS and _ending_of(lex, toks[x].text):
            case, post, _ = _case_and_post(lex, toks, x + 1, _ending_of(lex, toks[x].text))
            return case, post
    return None


def _government_noun(toks: list[Token], j: int) -> tuple[int, str] | None:
    """How many tokens from j name a government ("সরকার", "পররাষ্ট্র মন্ত্রণালয়"), and the case
    ending the noun carries ("সরকারের" → ের), or None. One adjective may come first ("আনিয়েসের অন্তর্বর্তী
    সরকার")."""
    if j + 1 < len(toks) and toks[j].text in _GOVERNMENT_ADJECTIVES:
        inner = _government_noun(toks, j + 1)
        return (inner[0] + 1, inner[1]) if inner else None
    for n in (2, 1):
        if j + n <= len(toks):
            if n == 2 and toks[j + 1].text in AND_WORDS:
                continue  # ("সেনাবাহিনী ও …": "and", not a clitic written apart)
            words = "".join(t.text for t in toks[j:j + n])
            if words in GOVERNMENT_NOUNS:
                return n, ""
            for ending in endings(words):  # (not only the longest: "মন্ত্রণালয়ের" is -ের, not -য়ের)
                if words[: -len(ending)] in GOVERNMENT_NOUNS:
                    return n, ending
    return None
