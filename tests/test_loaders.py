"""The loaders on Bengali written for these tests (not taken from any corpus document)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kutniti.loaders.clutter import article_spans
from kutniti.loaders.dates import PartialDate, document_date, find_dates
from kutniti.loaders.document import Document, DocumentError, read_document
from kutniti.loaders.events import rules
from kutniti.loaders.lexicon import lexicon
from kutniti.loaders.pipeline import read
from kutniti.loaders.text import _fold_slow, fold, key, sentences, tokens

ROOT = Path(__file__).resolve().parent.parent


def doc(text: str, name: str = "t.txt") -> Document:
    import hashlib

    return Document(path=Path(name), text=text, sha256=hashlib.sha256(text.encode()).hexdigest())


# -- text --------------------------------------------------------------------------------------
def test_fold_keeps_offsets_and_meets_spelling_variants():
    a, b = "জানুয়ারী", "জানুয\u09bcারি"  # precomposed য় with ী, and য + nukta with ি
    assert fold(a).text == fold(b).text
    raw = "কো\u09c7\u09beরিয়া\u200d দেশ"
    f = fold(raw)
    assert f == _fold_slow(raw)
    i = f.text.index("দেশ")
    s, e = f.raw_span(i, i + 3)
    assert raw[s:e] == "দেশ"


def test_sentences_split_at_danda_and_not_at_abbreviations_or_numbers():
    text = "মিঃ কিম ঢাকায় এলেন। তিনি ৩.৫ ঘণ্টা থাকলেন! ড. রহমান কি আসবেন? হ্যাঁ."
    got = [text[a:b] for a, b in sentences(text)]
    assert got == ["মিঃ কিম ঢাকায় এলেন।", "তিনি ৩.৫ ঘণ্টা থাকলেন!", "ড. রহমান কি আসবেন?", "হ্যাঁ."]


def test_tokens_split_hyphens_and_keep_case_endings():
    f = fold("কিম জং-উনের সঙ্গে পিয়ং ইয়ং-এ").text
    assert [t.text for t in tokens(f)] == ["কিম", "জং", "উনের", fold("সঙ্গে").text, "পিযং", "ইযং", "এ"]


@pytest.mark.parametrize("phrase,slug,ending", [
    ("উত্তর কোরিয়ার", "north-korea", "র"), ("মিশরকে", "egypt", "কে"), ("ইরানের", "iran", "ের"),
    ("পিয়ংইয়ংয়ে", "pyongyang", "যে"), ("সোভিয়েত ইউনিয়নের", "soviet-union", "ের"), ("ভিয়েতনামে", "vietnam", "ে"),
    ("কিউবাতে", "cuba", "তে"), ("কিম জং উনকে", "kim-jong-un", "কে"), ("জাতিসংঘের", "united-nations", "ের"),
])
def test_names_resolve_with_case_endings(phrase, slug, ending):
    hit = lexicon().lookup([key(w) for w in phrase.split()])
    assert hit is not None and hit[0].slug == slug and hit[1] == ending


def test_every_territory_has_a_bengali_name_from_cldr():
    lex = lexicon()
    countries = [e for e in lex.entities.values() if e.kind == "Country" and e.iso]
    assert len(countries) > 240
    missing = [e.iso for e in countries if not e.label_bn]
    assert len(missing) <= 2, missing  # CLDR names all but the newest codes (e.g. CQ, Sark)
    assert lex.lookup([key("বুরকিনা"), key("ফাসোর")])[0].iso == "BF"


# -- clutter -----------------------------------------------------------------------------------
def test_clutter_is_left_out():
    text = "[ad_1]\nশিরোনাম\nছবি: সংগৃহীত\nমূল খবর এখানে।\nবিভাগ : আন্তর্জাতিক\nআরও পড়ুন\nঅন্য খবর\n"
    kept = "\n".join(text[a:b] for a, b in article_spans(text))
    assert "মূল খবর" in kept and "শিরোনাম" in kept
    assert "ad_1" not in kept and "ছবি" not in kept and "অন্য খবর" not in kept and "বিভাগ" not in kept


# -- dates -------------------------------------------------------------------------------------
@pytest.mark.parametrize("phrase,expected", [
    ("১৯৫৬ সালের ২৬ জুলাই", "1956-07-26"), ("৩ মার্চ, 2019", "2019-03-03"), ("নভেম্বর ১৯৯৮", "1998-11"),
    ("১৯৭২ সালে", "1972"), ("২০০১ সালের জানুয়ারীতে", "2001-01"), ("গত বছর", "2018"), ("গত মাসে", "2019-02"),
    ("চলতি বছরের মে মাসে", "2019-05"), ("আগামী মাসে", "2019-04"), ("গতকাল", "2019-03-14"),
    ("বৃহস্পতিবার", "2019-03-14"), ("কোরীয় যুদ্ধের সময়", "1950..1953"), ("১৯৭০ এর দশকে", "1970..1979"),
    ("১৯৬৫ থেকে ১৯৬৮ সালের মধ্যে", "1965..1968"),
])
def test_dates(phrase, expected):
    f = fold(phrase).text
    found = find_dates(f, 0, len(f), PartialDate(2019, 3, 15))
    assert found, phrase
    d = found[0]
    got = d.value.lexical() if d.value else f"{d.begin.lexical()}..{d.finish.lexical()}"
    assert got == expected


def test_relative_dates_stay_unresolved_without_a_document_date():
    f = fold("গত বছর এপ্রিলে").text
    assert find_dates(f, 0, len(f), None) == []


def test_document_dates_from_datelines_not_from_history():
    news = "শিরোনাম\nহ্যানয়, ১২ মে ২০১৬ —\nখবর।"
    assert document_date(news) == PartialDate(2016, 5, 12)
    encyclopedia = "'''ক–খ সম্পর্ক''' ১৯৪৯ সালের ১ জানুয়ারি, দুই দেশ … ==ইতিহাস== …"
    assert document_date(encyclopedia) is None


# -- events: each rule's own test sentence ------------------------------------------------------
@pytest.mark.parametrize("rule", rules()[0], ids=lambda r: r.id)
def test_each_rule_fires_on_its_example(rule):
    reading = read(doc(rule.test))
    classes = {e.cls for e in reading.events}
    assert rule.cls in classes, (rule.id, [(e.cls, e.rule) for e in reading.events])
    for ev in reading.events:
        a, b = ev.span
        assert reading.document.text[a:b]


def test_roles_from_case_endings():
    r = read(doc("১৯৮০-এর দশকে ইরান উত্তর কোরিয়ার কাছ থেকে স্কাড ক্ষেপণাস্ত্র ক্রয় করে।"))
    arms = [e for e in r.events if e.cls == "ArmsTransfer"]
    assert arms and arms[0].actors[0].slug == "north-korea" and arms[0].recipients[0].slug == "iran"
    r = read(doc("২০০৪ সালে পাকিস্তান উত্তর কোরিয়াকে পারমাণবিক প্রযুক্তি বিক্রি করে।"))
    assert all(e.actors[0].slug == "pakistan" for e in r.events if e.cls == "ArmsTransfer")


def test_planned_and_negated_events():
    r = read(doc("প্রকাশিত: ১ মে ২০১৯\nআগামী মাসে রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন পিয়ংইয়ং সফর করবেন।"))
    assert r.events and all(e.planned for e in r.events)
    r = read(doc("২০১০ সালে জাপানের প্রধানমন্ত্রী শিনজো আবে পিয়ংইয়ং সফর করেননি।"))
    assert not [e for e in r.events if e.cls == "Visit"]


def test_people_found_by_title_get_a_country_and_a_romanised_label():
    r = read(doc("২০১১ সালে লাওসের প্রধানমন্ত্রী থংসিং থাম্মাভং পিয়ংইয়ং সফর করেন।"))
    visits = [e for e in r.events if e.cls == "Visit"]
    assert visits
    person = visits[0].actors[0]
    assert person.kind == "Person" and person.country == "laos" and person.label_bn == "থংসিং থাম্মাভং"
    assert person.label_en.startswith("Th")


def test_evidence_is_an_exact_slice_for_every_event_of_the_corpus():
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        r = read(read_document(path))
        assert r.events
        for ev in r.events:
            a, b = ev.span
            assert 0 <= a < b <= len(r.document.text)


def test_broken_documents_are_refused(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok \xff")
    with pytest.raises(DocumentError, match="bad.txt: not UTF-8 text: byte 0xff at offset 3"):
        read_document(bad)
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n", "utf-8")
    with pytest.raises(DocumentError, match="empty"):
        read_document(empty)
