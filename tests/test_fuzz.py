"""Property-based tests of the loaders: on any Unicode string, on Bengali-alphabet strings and on
shuffled words of the corpus, folding, sentences, dates and the extractor never raise, every
offset stays inside the text, and every piece of evidence is an exact slice of it."""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path

import rdflib
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kutniti.graph.namespaces import DIP
from kutniti.loaders.dates import PartialDate, _valid, document_date, find_dates
from kutniti.loaders.document import Document
from kutniti.loaders.pipeline import read, read_facts
from kutniti.loaders.text import _fold_slow, fold, sentences, tokens

ROOT = Path(__file__).resolve().parent.parent
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

BENGALI = st.text(alphabet=st.one_of(
    st.characters(min_codepoint=0x0980, max_codepoint=0x09FF),
    st.sampled_from(list(" \n\t।॥,.-–—()'\"?!|=0123456789\u200b\u200c\u200d\u00ad\ufeff\u2060"))), max_size=300)
ANY = st.text(max_size=300)


@functools.cache
def corpus_words() -> list[str]:
    words = set()
    for p in sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "devset" / "docs").glob("*.txt")):
        words.update(re.findall(r"\S+", p.read_text("utf-8")))
    return sorted(words)


#: Real words of the corpus in random order and with random breaks: reaches the extraction rules.
WORDS = st.lists(st.one_of(st.sampled_from(corpus_words()) if corpus_words() else st.just("কোরিয়া"),
                           st.sampled_from(["।", "\n", "\n\n", ",", "==", "'''", "—", "২০২৩", "১৫ মার্চ"])),
                 max_size=80).map(" ".join)
TEXTS = st.one_of(ANY, BENGALI, WORDS)


def document(text: str) -> Document:
    return Document(path=Path("fuzz.txt"), text=text, sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())


@FAST
@given(TEXTS)
def test_fold_keeps_a_way_back_to_every_raw_offset(raw):
    f = fold(raw)
    assert f == _fold_slow(raw)
    assert len(f.offsets) == len(f.text) + 1 and f.offsets[-1] == len(raw)
    assert all(0 <= a <= b <= len(raw) for a, b in zip(f.offsets, f.offsets[1:]))
    for i in range(len(f.text)):
        a, b = f.raw_span(i, i + 1)
        assert 0 <= a < b <= len(raw)


@FAST
@given(TEXTS)
def test_sentences_and_tokens_stay_inside_the_text(raw):
    spans = sentences(raw)
    for a, b in spans:
        assert 0 <= a < b <= len(raw)
        assert raw[a:b] == raw[a:b].strip()
    assert spans == sorted(spans) and all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))
    folded = fold(raw).text
    for t in tokens(folded):
        assert 0 <= t.start < t.end <= len(folded)


@FAST
@given(TEXTS, st.none() | st.builds(PartialDate, st.integers(1900, 2030), st.integers(1, 12), st.integers(1, 28)))
def test_dates_are_valid_and_inside_the_text(raw, doc_date):
    folded = fold(raw).text
    for m in find_dates(folded, 0, len(folded), doc_date):
        assert 0 <= m.start <= m.end <= len(folded)
        for d in (m.value, m.begin, m.finish):
            if d is not None:
                assert _valid(d.year, d.month, d.day)
    d = document_date(raw)
    assert d is None or _valid(d.year, d.month, d.day)


@SLOW
@given(TEXTS)
@example("দেশটি")  # "the country" with no country named before it
@example("0\x1f।\u2003কোরিয়া\u00a0")  # sentences end in whitespace other than space
def test_the_extractor_never_raises_and_its_spans_are_slices(raw):
    reading = read(document(raw))
    for ev in reading.events:
        a, b = ev.span
        assert 0 <= a <= b <= len(raw)
    for m in reading.missions:
        a, b = m.span
        assert 0 <= a <= b <= len(raw)


@SLOW
@given(TEXTS)
def test_every_evidence_quote_is_the_text_between_its_offsets(raw):
    g = read_facts(document(raw))
    assert isinstance(g, rdflib.Graph)
    for ev in g.objects(None, DIP.evidence):
        quote = str(g.value(ev, DIP.quote))
        start, end = int(g.value(ev, DIP.start)), int(g.value(ev, DIP.end))
        assert 0 <= start <= end <= len(raw)
        assert raw[start:end] == quote
