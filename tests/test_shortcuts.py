"""The build's shortcuts give what the plain computation gives, on the corpus and the development
documents: each test compares a shortcut with the straightforward way it replaces."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kutniti.loaders.dates import _period_patterns, _period_words, _periods
from kutniti.loaders.events import rule_candidates, rules, rules_that_may_match
from kutniti.loaders.lexicon import lexicon
from kutniti.loaders.mentions import STOPWORDS, DocumentContext
from kutniti.loaders.text import fold, key, sentences

ROOT = Path(__file__).resolve().parent.parent


def development_texts() -> list[str]:
    """The raw text of every corpus and development document."""
    folders = [ROOT / "corpus", ROOT / "devset" / "docs", *sorted((ROOT / "devset").glob("heldout*/docs"))]
    return [p.read_text("utf-8") for d in folders for p in sorted(d.glob("*.txt"))]


@pytest.fixture(scope="module")
def folded_sentences() -> list[str]:
    out = []
    for raw in development_texts():
        f = fold(raw)
        out += [f.text[a:b] for a, b in sentences(f.text)]
    assert len(out) > 300
    return out


def test_rules_that_may_match_are_the_rules_with_a_needle_in_the_sentence(folded_sentences):
    """The needle index skips exactly the rules none of whose leading words is in the sentence."""
    for s in folded_sentences:
        plain = [r for r in rules()[0] if not r.needles or any(w in s for w in r.needles)]
        assert rules_that_may_match(s) == plain


def test_every_period_match_holds_the_words_its_pattern_is_skipped_without(folded_sentences):
    """A period's pattern runs only on sentences with all the words :func:`_period_words` gives:
    each name, in the text and in what matches it, holds them."""
    words = _period_words()
    assert set(words) == set(_periods()) and all(words.values())
    for name, pat in _period_patterns():
        folded = fold(" ".join(re.split(r"[\s-]+", name))).text  # the pattern takes spaces between words
        m = pat.search(folded)
        assert m is not None, name
        assert all(w in m.group(0) for w in words[name]), name
    for s in folded_sentences:
        for name, pat in _period_patterns():
            for m in pat.finditer(s):
                assert all(w in m.group(0) for w in words[name]), (name, m.group(0))


def test_a_line_folds_to_the_slice_of_the_document_fold():
    """:func:`kutniti.loaders.clutter.article_spans` reads each line's folded text as a slice of the
    document's fold: folding a line on its own gives the same text and offsets."""
    lines = 0
    for raw in development_texts() + ["কে\u200cা\nে\nা এ\u09bcক\n\n", "\u09c7\n\u09be"]:
        f = fold(raw)
        pos = 0
        for line in raw.split("\n"):
            a, b = pos, pos + len(line)
            pos = b + 1
            fa, fb = f.folded_span(a, b)
            alone = fold(line)
            assert f.text[fa:fb] == alone.text
            assert [o - a for o in f.offsets[fa:fb]] == list(alone.offsets[:-1])
            lines += 1
    assert lines > 100


def _remember_plainly(ctx: DocumentContext, person, surface: str = "") -> None:
    """What :meth:`DocumentContext.remember` does with a person's names, word by word: initials
    give no key, and a first or last word goes to the person named more often so far."""
    from kutniti.loaders.mentions import INITIALS, NAME_PARTICLES

    ctx.named[person.slug] = ctx.named.get(person.slug, 0) + 1
    for name in [person.label_bn or "", *person.alt_bn, surface]:
        parts = [p for p in name.replace("-", " ").split() if key(p.rstrip(".")) not in INITIALS
                 and key(p) not in NAME_PARTICLES]
        for p in parts:
            k = key(p)
            if len(k) >= 2 and k not in STOPWORDS:
                ctx.people.setdefault(k, person)
        for k in ([key(parts[0]), key(parts[-1])] if parts else []):
            held = ctx.people.get(k)
            if held is None or ctx.named.get(held.slug, 0) <= ctx.named[person.slug]:
                ctx.people[k] = person


def test_remembered_names_give_the_same_short_keys_as_word_by_word():
    """The short keys of a person's names are made once per set of names (:func:`_name_keys`);
    remembering people in turn leaves the same keys to the same people as doing it word by word."""
    people = [e for e in lexicon().entities.values() if e.kind == "Person"]
    assert len(people) > 20
    fast, plain = DocumentContext(), DocumentContext()
    for i, person in enumerate(people + people[::-1]):
        surface = "কিম জং-উন" if i % 7 == 0 else ""
        fast.remember(person, surface=surface)
        _remember_plainly(plain, person, surface)
    assert {k: e.slug for k, e in fast.people.items()} == {k: e.slug for k, e in plain.people.items()}
    assert len(fast.people) > len(people)


def test_validation_reads_plain_tuples_as_it_reads_triples():
    """The build hands its triples to validation as 3-tuples of Oxigraph terms (no triple object
    made for each): the report is the one the same facts give as Oxigraph triples, ill-typed
    literals included."""
    import pyoxigraph as ox

    from kutniti.graph.validate import validate
    from kutniti.loaders.document import read_document
    from kutniti.loaders.pipeline import read
    from kutniti.loaders.rdf import reading_triples

    triples = reading_triples(read(read_document(sorted((ROOT / "corpus").glob("*.txt"))[0])))
    event = next(t[0] for t in triples if "/event-" in t[0].value)
    date = ox.NamedNode("https://w3id.org/kutniti/ontology#date")
    xsd_date = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
    triples = [t for t in triples if not (t[0] == event and t[1] == date)]
    triples.append((event, date, ox.Literal("2019-13-45", datatype=xsd_date)))  # no such day

    def found(report) -> list[tuple]:
        return [(r.focus, r.path, r.value, r.message) for r in report.results]

    from_tuples = validate(triples)
    assert not from_tuples.conforms
    assert any(r.focus == event.value for r in from_tuples.results)
    assert found(from_tuples) == found(validate([ox.Triple(*t) for t in triples]))


def test_a_description_made_once_follows_the_entity_it_describes():
    """:func:`kutniti.loaders.rdf.entity_triples` keeps each description made: every lexicon thing
    gets the triples made afresh from its fields, and a thing whose fields change (a person found
    by title, then given a position) is described anew, not from the kept copy."""
    from dataclasses import replace

    from kutniti.loaders.rdf import _entity_triples, entity_triples

    things = list(lexicon().entities.values())
    for e in things + things[:50]:
        assert entity_triples(e) == _entity_triples(e)
    person = next(e for e in things if e.kind == "Person")
    other = replace(person, position="ambassador", alt_bn=[*person.alt_bn, "নতুন নাম"])
    assert entity_triples(other) == _entity_triples(other) != entity_triples(person)


def test_the_writer_loads_early_only_enough_results_and_loads_them_all():
    """While the workers read, the build loads what has come (:meth:`_Writer.load_early`) once
    there are enough results for a load; every result ends up in the store, each in its graph."""
    import pyoxigraph as ox

    from kutniti.graph import build as b
    from kutniti.graph.store import Store

    def result(i: int) -> b.DocumentResult:
        quad = ox.Quad(ox.NamedNode(f"urn:x:{i}"), ox.NamedNode("urn:p"), ox.Literal(str(i)),
                       ox.NamedNode(f"https://w3id.org/kutniti/graph/doc/d{i}"))
        return b.DocumentResult(f"d{i}", f"d{i}", ox.serialize([quad], format=ox.RdfFormat.N_QUADS), 1, 0)

    store = Store()
    writer = b._Writer()
    writer.store = store
    for i in range(b.EARLY_LOAD - 1):
        writer.add(result(i))
    writer.load_early()
    assert len(store) == 0 and len(writer.pending) == b.EARLY_LOAD - 1  # too few for a load of their own
    writer.add(result(b.EARLY_LOAD - 1))
    writer.load_early()
    assert len(store) == b.EARLY_LOAD and not writer.pending
    for i in range(b.EARLY_LOAD, b.EARLY_LOAD + b.WRITE_BATCH):
        writer.add(result(i))
    assert len(store) == b.EARLY_LOAD + b.WRITE_BATCH and not writer.pending  # a full write batch loads at once
    assert {q.graph_name.value for q in store.quads()} == {
        f"https://w3id.org/kutniti/graph/doc/d{i}" for i in range(b.EARLY_LOAD + b.WRITE_BATCH)}


def test_the_documents_naming_a_thing_are_those_whose_triples_have_it():
    """Quarantine looks up which documents of a batch name a failing thing in an index made once
    per round: for every term, the documents (in batch order) that have it as subject or object."""
    from kutniti.graph.build import _documents_naming
    from kutniti.loaders.document import read_document
    from kutniti.loaders.pipeline import read
    from kutniti.loaders.rdf import reading_triples

    documents = [(p.stem, reading_triples(read(read_document(p)))) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    index = _documents_naming(documents)
    terms = {term for _, triples in documents for t in triples for term in (t[0], t[1], t[2])}
    shared = 0
    for term in terms:
        plain = [i for i, (_, triples) in enumerate(documents) if any(t[0] == term or t[2] == term for t in triples)]
        assert index.get(term, []) == plain
        shared += len(plain) > 1
    assert shared > 5  # countries and people several documents name


def test_date_patterns_tried_where_a_number_or_month_begins_find_what_finditer_finds(folded_sentences):
    """The date patterns that begin with a digit are tried only where a number begins a word, those
    that begin with a month's name only where one begins (:func:`kutniti.loaders.text.matches_at`):
    on every sentence, and on the same sentences read from a third of the way in, they find the
    matches ``finditer`` finds; the needles (and the periods' words) found in one pass are those
    ``in`` finds."""
    from kutniti.loaders.dates import (
        DIGIT_FIRST, MONTH_FIRST, _month_alt, _needles_present, _number_starts, _patterns, _period_strings,
        _word_needles)
    from kutniti.loaders.text import matches_at

    patterns = [(name, pat) for name, pat in _patterns() if name in DIGIT_FIRST | MONTH_FIRST]
    assert len(patterns) == len(DIGIT_FIRST | MONTH_FIRST)
    extra = ["১৯৭১-১৯৭২ সালে 21.03.2018 আর2019, ক1990 12 মার্চ 2001", "x2001-03-21 5 march, 1999 ২০০১",
             "জুনজুলাই জুলাই, ২০০৭ মে মাসে আগামী এপ্রিলে গত বছর", "একই বৎসরের সেপ্টেম্বরে"]
    matched = 0
    month = re.compile(_month_alt())
    first, needed = _period_strings()
    period_strings = first.union(*needed.values())
    assert first and all(needed.values())
    for s in folded_sentences + [fold(t).text for t in extra]:
        for a in (0, len(s) // 3):
            present, months, periods = _needles_present(s, a, len(s))
            assert months == sorted({i for i in range(a, len(s)) if month.match(s, i, len(s))})
            assert periods == {w for w in period_strings if w in s[a:]}
            assert present["month"] == (month.search(s, a, len(s)) is not None)
            spellings = {}  # a needle word is present when any of its spellings is
            for w, folded_w in _word_needles():
                spellings.setdefault(w, []).append(folded_w)
            assert all(present[w] == any(f in s[a:] for f in fs) for w, fs in spellings.items())
            for name, pat in patterns:
                plain = [m.span() for m in pat.finditer(s, a, len(s))]
                starts = _number_starts(s, a, len(s)) if name in DIGIT_FIRST else months
                assert [m.span() for m in matches_at(pat, s, starts, len(s))] == plain, (name, s)
                matched += len(plain)
    assert matched > 100


def test_triggers_tried_where_their_needles_begin_find_what_finditer_finds(folded_sentences):
    """Each rule's trigger is tried only where one of its needles begins in the sentence
    (:func:`rule_candidates`): it finds the matches ``finditer`` finds over the whole sentence."""
    from kutniti.loaders.text import matches_at

    matched = 0
    for s in folded_sentences:
        for rule, starts in rule_candidates(s):
            plain = [m.span() for m in rule.trigger.finditer(s)]
            if starts is None:
                continue
            assert starts == sorted({i for w in rule.needles for i in range(len(s)) if s.startswith(w, i)})
            assert [m.span() for m in matches_at(rule.trigger, s, starts, len(s))] == plain, (rule.id, s)
            matched += len(plain)
    assert matched > 100


def test_descriptions_handed_over_once_per_build_leave_the_store_as_every_copy_does():
    """A build worker hands over the description of a thing once per build, not with every
    document naming it (:func:`kutniti.graph.build.process_documents`): the store holds what
    loading every document's full N-Quads gives, and a second build in the same process still
    hands over every description it needs."""
    import pyoxigraph as ox

    from kutniti.graph.build import build, process_documents
    from kutniti.graph.namespaces import ONTOLOGY_GRAPH
    from kutniti.graph.store import Store

    folders = [ROOT / "corpus", ROOT / "devset" / "docs"]
    paths = [str(p) for d in folders for p in sorted(d.glob("*.txt"))]
    full = ox.Store()
    full.load(b"".join(r.nquads for r in process_documents(paths)), format=ox.RdfFormat.N_QUADS)
    expected = set(full)
    for _ in range(2):
        sizes: list[int] = []
        store = Store()
        build(folders, None, store=store, workers=1, on_progress=lambda r: sizes.append(len(r.nquads)))
        got = {q for q in store.oxigraph if q.graph_name.value != str(ONTOLOGY_GRAPH)}
        assert got == expected
        assert sum(sizes) < len(b"".join(r.nquads for r in process_documents(paths)))
