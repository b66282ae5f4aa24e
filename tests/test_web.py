"""The pages over HTTP: query page, things, documents, ontology, VoID; escaping and 404s."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import requests

from kutniti.graph.namespaces import KID, SPARQL_PREFIXES

SCRIPT_LABEL = """@prefix dip: <https://w3id.org/kutniti/ontology#> . @prefix kid: <https://w3id.org/kutniti/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
kid:test-mallory a dip:Person ; rdfs:label "<script>alert(1)</script>"@en ; dip:represents kid:north-korea .
"""


def test_query_page_runs_a_canned_query_server_side(live_server):
    s = live_server()
    r = requests.get(s.url + "/", params={"name": "visits"})
    assert r.status_code == 200
    assert "Kim Yong-nam" in r.text and 'href="/id/' in r.text and "format=csv" in r.text
    r = requests.get(s.url + "/", params={"name": "visits", "visitor": "kid:kim-yong-nam"})
    assert r.text.count('href="/id/event-') == 3
    assert 'value="kid:kim-yong-nam"' in r.text  # the form keeps what was asked


def test_result_tables_name_things_and_link_them(live_server):
    s = live_server()
    html = requests.get(s.url + "/", params={"name": "visits", "visitor": "kid:kim-yong-nam"}).text
    table = html.split('id="results"', 1)[1].split("</table>", 1)[0]
    head = re.findall(r"<th>([^<]*)</th>", table)
    # ?visitor and ?visitorLabel make one column: the name, linked to the thing's page, its IRI on hover
    assert head[:2] == ["visitor", "destination"] and not any(h.endswith("Label") for h in head)
    assert table.count('<a href="/id/kim-yong-nam" title="https://w3id.org/kutniti/id/kim-yong-nam">Kim Yong-nam</a>') == 3
    assert table.count('<a href="/id/mongolia" title="https://w3id.org/kutniti/id/mongolia">Mongolia</a>') == 3
    # the document, a bare IRI without a label, is shown by its file name
    assert table.count('title="https://w3id.org/kutniti/id/doc-000_bd59f91ca0b70020">000_bd59f91ca0b70020.txt</a>') == 3

    # bare IRIs of things in the graph are shown by their English labels, as the graph gives them
    q = SPARQL_PREFIXES + "SELECT ?c WHERE { ?c a dip:Country } ORDER BY ?c"
    html = requests.get(s.url + "/", params={"query": q}).text
    table = html.split('id="results"', 1)[1].split("</table>", 1)[0]
    names = {r["c"].value: r["l"].value for r in s.store.query(
        SPARQL_PREFIXES + 'SELECT ?c ?l WHERE { ?c a dip:Country ; rdfs:label ?l FILTER(LANG(?l) = "en") }')}
    cells = re.findall(r'<a href="/id/([^"]+)" title="([^"]+)">([^<]+)</a>', table)
    assert len(cells) == len(names) >= 5
    for slug, iri, text in cells:
        assert iri == str(KID) + slug and text == names[iri]


def test_query_page_downloads_in_every_format_of_the_query_form(live_server):
    s = live_server()
    select = requests.get(s.url + "/", params={"name": "people"}).text
    assert all(f"format={f}" in select for f in ("json", "xml", "csv", "tsv"))
    construct = requests.get(s.url + "/", params={"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 4"})
    assert construct.status_code == 200
    assert all(f"format={f}" in construct.text for f in ("turtle", "nt", "jsonld", "rdfxml", "trig"))
    link = construct.text.split('href="/sparql?', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    r = requests.get(s.url + "/sparql?" + link)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/turtle")


def test_query_errors_say_where_and_what_to_do(live_server):
    s = live_server()
    r = requests.get(s.url + "/", params={"query": "SELECT ?x WHERE {\n  ?x a dip:Country }"})
    assert r.status_code == 400
    assert "line 2" in r.text and "PREFIX dip: &lt;https://w3id.org/kutniti/ontology#&gt;" in r.text
    r = requests.get(s.url + "/", params={"name": "visits", "visitor": "not an iri"})
    assert r.status_code == 400 and "is not an IRI" in r.text
    r = requests.get(s.url + "/", params={"name": "no-such-query"})
    assert r.status_code == 400 and "no canned query named" in r.text


def test_things_dereference_as_html_and_rdf(live_server):
    s = live_server()
    r = requests.get(s.url + "/id/north-korea", headers={"Accept": "text/html"})
    assert r.status_code == 200 and "<svg" in r.text and "উত্তর কোরিয়া" in r.text
    assert r.headers["Vary"] == "Accept"
    r = requests.get(s.url + "/id/north-korea", headers={"Accept": "text/turtle"})
    assert r.headers["Content-Type"].startswith("text/turtle") and "North Korea" in r.text
    r = requests.get(s.url + "/id/north-korea", params={"format": "jsonld"})
    assert r.json()
    r = requests.get(s.url + "/id/north-korea", params={"format": "png"})
    assert r.status_code == 406 and "text/turtle" in r.text
    r = requests.get(s.url + "/id/north-kore")
    assert r.status_code == 404 and 'href="/id/north-korea"' in r.text  # did you mean


def test_entity_page_quotes_the_document_and_links_to_the_place(live_server):
    s = live_server()
    html = requests.get(s.url + "/id/kim-yong-nam").text
    assert "কিম ইয়ং-নাম" in html and "Kim Yong-nam" in html
    assert html.count('href="/doc/000_bd59f91ca0b70020#ev-') == 3
    assert "সাম্প্রতিকতম উচ্চ পর্যায়ের ভ্রমণ" in html  # the quoted sentence
    assert html.count("<circle") == 3  # three visits on the timeline


def test_country_page_network_counts_events_by_kind(live_server):
    s = live_server()
    html = requests.get(s.url + "/id/north-korea").text
    network = html.split('id="network"', 1)[1].split("</svg>", 1)[0]
    for partner in ("Mongolia", "Russia", "Egypt"):
        assert partner in network
    # Kim Yong-nam's three visits to Mongolia count for North Korea
    row = html.split('id="partners"', 1)[1].split("Mongolia", 1)[1].split("</tr>", 1)[0]
    visits = int(row.split("Visit ", 1)[1].split("<", 1)[0].split(",")[0])
    assert visits >= 3


def test_document_page_highlights_every_evidence_span(live_server):
    s = live_server()
    r = requests.get(s.url + "/doc/002_63125d0b3e90fd15")
    assert r.status_code == 200
    assert r.text.count("<mark id=\"ev-") >= 8
    # every evidence span of the document has its anchor, and every event a link
    q = """PREFIX dip: <https://w3id.org/kutniti/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT DISTINCT ?e ?s WHERE { ?e prov:wasDerivedFrom <https://w3id.org/kutniti/id/doc-002_63125d0b3e90fd15> ;
        dip:evidence/dip:start ?s }"""
    rows = list(s.store.oxigraph.query(q, use_default_graph_as_union=True))
    assert rows
    for row in rows:
        assert f'id="ev-{row["s"].value}"' in r.text
        assert f'href="/id/{row["e"].value.rsplit("/", 1)[1]}"' in r.text


def test_path_traversal_is_404(live_server):
    s = live_server()
    for path in ["/doc/..%2F..%2Fetc%2Fpasswd", "/doc/../../etc/passwd", "/id/..%2Fsecret", "/id/a%00b"]:
        r = requests.get(s.url + path)
        assert r.status_code == 404, path
        assert "root:" not in r.text


def test_labels_with_markup_render_as_text(live_server):
    s = live_server(UPDATE_TOKEN="t")
    r = requests.post(s.url + "/facts", data=SCRIPT_LABEL.encode(),
                      headers={"Authorization": "Bearer t", "Content-Type": "text/turtle"})
    assert r.status_code == 201
    r = requests.get(s.url + "/id/test-mallory")
    assert "<script>alert(1)</script>" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    r = requests.get(s.url + "/", params={"name": "people"})
    assert "<script>alert(1)</script>" not in r.text


def test_ontology_and_void(live_server):
    s = live_server()
    r = requests.get(s.url + "/ontology")
    assert r.status_code == 200 and "dip:Visit" in r.text and "সফর" in r.text
    r = requests.get(s.url + "/ontology", headers={"Accept": "text/turtle"})
    assert r.headers["Content-Type"].startswith("text/turtle")
    r = requests.get(s.url + "/.well-known/void")
    assert "void:triples" in r.text and "void:sparqlEndpoint" in r.text


def test_pictures_escape_what_they_draw_and_draw_spans_as_bars():
    from kutniti.server.pictures import network_svg, timeline_svg

    svg = network_svg("<b>centre</b>", [{"name": "<script>x</script>", "href": '/id/x" onmouseover="y',
                                         "kinds": {"Visit<": 2}}])
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "<b>" not in svg
    assert 'onmouseover="y' not in svg and "Visit&lt; 2" in svg
    svg = timeline_svg([{"date": "1976", "end": "1981", "cls": "ArmsTransfer", "href": "/id/e1", "title": "<i>"},
                        {"date": "2025-10-27", "end": "", "cls": "Visit", "href": "/id/e2", "title": "t"},
                        {"date": "not a date", "end": "", "cls": "Visit", "href": "/id/e3", "title": "t"}])
    assert svg.count('rx="5"') == 1 and svg.count("<circle") == 1 and "&lt;i&gt;" in svg
    assert "/id/e3" not in svg  # what cannot be placed is left out, not guessed


def test_a_things_events_come_a_page_at_a_time(live_server):
    s = live_server(PAGE_EVENTS=20)
    expected = {r["e"].value for r in s.store.query(SPARQL_PREFIXES + """SELECT DISTINCT ?e WHERE {
        { ?e ?r kid:north-korea } UNION { ?p dip:represents kid:north-korea . ?e ?r ?p }
        ?r rdfs:subPropertyOf* dip:participant }""")}
    assert len(expected) > 40
    seen, url, pages = [], s.url + "/id/north-korea", 0
    while url:
        html = requests.get(url).text
        assert f"<h2>Events ({len(expected)})</h2>" in html
        table = html.split('id="events"', 1)[1].split("</table>", 1)[0]
        rows = re.findall(r'<tr><td><a href="/id/([^"]+)">', table)
        assert 0 < len(rows) <= 20
        seen += rows
        pages += 1
        more = re.search(r'rel="next" href="\?events=(\d+)"', html)
        url = s.url + f"/id/north-korea?events={more.group(1)}" if more else None
    assert pages == -(-len(expected) // 20)
    assert sorted(seen) == sorted(e[len(str(KID)):] for e in expected)  # each event once
    r = requests.get(s.url + "/id/north-korea", params={"events": "x"})
    assert r.status_code == 400 and "whole number" in r.text


def test_a_page_whose_lookup_is_cut_off_says_so(live_server):
    s = live_server(QUERY_TIMEOUT=0.001)
    r = requests.get(s.url + "/id/north-korea")
    assert r.status_code == 503 and "could not be made in time" in r.text and "stopped" in r.text
    assert requests.get(s.url + "/id/north-korea", params={"format": "ttl"}).status_code == 503


def test_a_long_answer_comes_a_page_at_a_time(live_server):
    from kutniti.server.web import PAGE_ROWS

    s = live_server()
    query = SPARQL_PREFIXES + "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    total = len(requests.get(s.url + "/sparql", params={"query": query},
                             headers={"Accept": "application/sparql-results+json"}).json()["results"]["bindings"])
    assert total > 2 * PAGE_ROWS  # the corpus graph is long enough for three pages
    seen, url, pages = [], s.url + "/?" + urlencode({"query": query}), 0
    while url:
        html = requests.get(url).text
        table = html.split('id="results"', 1)[1].split("</table>", 1)[0]
        rows = table.split("<tbody>", 1)[1].count("<tr>")
        assert rows == min(PAGE_ROWS, total - len(seen))
        first, last = map(int, re.search(r"rows <strong>(\d+)–(\d+)</strong>", html).groups())
        assert (first, last) == (len(seen) + 1, len(seen) + rows)
        seen.extend([None] * rows)
        pages += 1
        more = re.search(r'rel="next" href="([^"]+)"', html)
        url = s.url + "/" + more.group(1).replace("&amp;", "&") if more else None
        if pages > 1:
            assert 'rel="prev"' in html
    assert len(seen) == total and pages == -(-total // PAGE_ROWS)
    # a short answer has no page links; an offset that is not a number is refused
    html = requests.get(s.url + "/", params={"name": "visits"}).text
    assert 'rel="next"' not in html and "rows <strong>" not in html
    r = requests.get(s.url + "/", params={"query": query, "offset": "ten"})
    assert r.status_code == 400 and "offset" in r.text
