"""Property-based fuzzing of the query path (hypothesis).

Random text and random query syntax (quotes, brackets, AND/OR/NOT,
field:value with known and unknown fields, wildcards, fuzzy and boost marks,
ranges, characters of every Unicode category drawn evenly, digits that are
not ASCII digits (superscripts, circled, Arabic-Indic), control characters,
very long tokens, nothing at all), random
filters and paging, against ``search.search`` and ``answer.ask`` over the seed
index and over an index holding a report full of markup, and through the
Flask app (``/api/search``, ``/api/ask``, ``/search``).

What must hold for every input: no unexpected exception and no 5xx; every
refusal is a QueryError (core) or a 4xx in the documented error shape (web);
every hit's match offsets lie inside its text and mark exactly the words
shown; every snippet is escaped HTML whose only tags are <mark>; totals,
pages and facets agree with each other.

The normal suite runs 200 derandomized examples per property (profile "ci");
``make fuzz`` (HYPOTHESIS_PROFILE=fuzz) runs 10,000 random ones.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from urllib.parse import quote_from_bytes

from hypothesis import example, given
from hypothesis import strategies as st

from conftest import MARKUP_ID, SEED_ID
from htmlparse import parse
from search_service import answer as answer_mod
from search_service import search as search_mod
from search_service.rules import GRADES
from search_service.rules import FACETS, QueryError, split_values
from search_service.web.shapes import answer_json, search_json

# ------------------------------------------------------------------ strategies

WORDS = ["crime", "police", "force", "organised", "anti-social", "behaviour", "victims", "missing", "children",
         "neighbourhood", "ASB", "OCG", "IOM", "MASH", "West", "Midlands", "Marshfield", "Harbourside",
         "script", "alert", "img", "onerror", "the", "of", "and", "requires", "improvement", "inadequate",
         "how", "many", "what", "is", "does", "good", "2015", "2016", "68", "percent"]
FIELDS = ["heading", "text", "force", "year", "kind", "report", "title", "grade",  # known
          "foo", "Heading", "YEAR", "id", "doctype", "meta", "fingerprint", "page", "_", "x1", "inspection"]
OPERATORS = ["AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "and", "or", "not", "&&", "||", "!", "+", "-"]
SYMBOLS = ['"', "'", "(", ")", "[", "]", "{", "}", "*", "?", "~", "~2", "^", "^2", "^-1", ":", "\\", "/",
           "TO", "<", ">", "&", ";", ",", ".", "…", "’", "“", "”", "%", "#", "=", "|", "@", "$"]
MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>',
          "javascript:alert(1)", "&lt;b&gt;", "&amp;", "&#x3C;", "</mark>", "<mark>", "{{ 7*7 }}", "${7*7}"]
ODD_CHARS = ["\x00", "\x01", "\x1b", "\x7f", "\u200b", "\u200e", "\u202e", "\ufeff", "\ufffd", "\u0301",
             "\t", "\n", "\r", "\u2028", "🚓", "ß", "İ", "ﬁ", "Ⅻ", "٣", "中文", "ع"]

# Every Unicode category (surrogates aside: they cannot be sent as UTF-8),
# drawn evenly: hypothesis's default text is mostly ASCII and rarely offers
# the characters that broke a rule, e.g. "²", "①" and "٣", which are digits
# to str.isdigit() but not to int() (year:² was a 500).
CATEGORIES = ["Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi",
              "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Co", "Cn"]
any_char = st.one_of(*(st.characters(categories=[c]) for c in CATEGORIES))
DIGIT_LIKE = ["²", "³", "¹", "⁵", "₂", "①", "⑳", "½", "٣", "۴", "५", "৩", "๓", "߁", "Ⅻ", "ⅷ", "𝟙", "１", "〇", "൰"]
digit_like = st.one_of(st.sampled_from(DIGIT_LIKE), st.characters(categories=["Nd", "Nl", "No"]))
word = st.sampled_from(WORDS)
random_word = st.one_of(st.text(min_size=1, max_size=12), st.text(any_char, min_size=1, max_size=12),
                        st.text(st.one_of(digit_like, st.sampled_from("0123456789")), min_size=1, max_size=6))
long_token = st.builds(lambda c, n: c * n, st.sampled_from(["a", "crime", "é", "*", "x y", "\u0301"]),
                       st.integers(100, 1200))
odd_year = st.builds(lambda a, b: a + b, st.sampled_from(["", "20", "201"]), st.text(digit_like, min_size=1, max_size=4))
field_clause = st.builds(lambda f, v, q: f"{f}:{q}{v}{q}", st.sampled_from(FIELDS),
                         st.one_of(word, random_word, odd_year,
                                   st.sampled_from(["", "*", "2015", "abc", "good", "requires-improvement", "(a OR b)"])),
                         st.sampled_from(["", '"']))
# restrictions (field:value that filter) with values of every category:
# where a rule parses a number, a digit that is not 0-9 must be a 400
restriction = st.builds(lambda f, v: f"{f}:{v}", st.sampled_from(["year", "YEAR", "Year", "force", "grade", "kind",
                                                                   "report", "title"]),
                        st.one_of(odd_year, st.text(any_char, min_size=1, max_size=6)))
wildcard = st.builds(lambda w, s: w + s, word, st.sampled_from(["*", "?", "~", "~1", "^3", "*?", "**"]))
range_clause = st.builds(lambda f, a, b, o, c: f"{f}{o}{a} TO {b}{c}", st.sampled_from(["", "year:", "text:"]),
                         word, word, st.sampled_from("[{"), st.sampled_from("]}"))
token = st.one_of(
    word, word, word, random_word, st.sampled_from(OPERATORS), st.sampled_from(SYMBOLS), field_clause, restriction,
    wildcard, range_clause, st.sampled_from(MARKUP), st.sampled_from(ODD_CHARS), long_token,
    st.builds(lambda ws: '"' + " ".join(ws) + '"', st.lists(word, min_size=1, max_size=4)),
    st.builds(lambda ws: "(" + " OR ".join(ws) + ")", st.lists(word, min_size=1, max_size=3)),
)
separator = st.sampled_from([" ", " ", " ", "", "  ", "\t", "\n", " AND ", " OR "])


@st.composite
def queries(draw) -> str:
    """A query: random tokens of query syntax and words, or plain random text."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.one_of(st.text(max_size=60), st.text(any_char, max_size=60)))
    tokens = draw(st.lists(token, max_size=8))
    seps = draw(st.lists(separator, min_size=len(tokens), max_size=len(tokens)))
    return "".join(s + t for s, t in zip(seps, tokens))


FILTER_VALUES = {
    "force": ["West Midlands Police", "west midlands police", "Marshfield <img src=x onerror=alert('force')> "
              "Constabulary", "Nowhere Police", ""],
    "year": ["2015", "2016", "1999", "20x5", "99999", "-1", "", "²", "201⁵", "２０１５", "٢٠١٥", "2015²"],
    "inspection": ["PEEL effectiveness", "peel EFFECTIVENESS", "nothing"],
    "grade": list(GRADES) + ["requires-improvement", "GOOD", "excellent", ""],
    "kind": ["body", "summary", "footnote", "table", "area_for_improvement", "nothing"],
    "report": [SEED_ID, MARKUP_ID, "no-such-report", "../etc/passwd", "UPPER", ""],
}


@st.composite
def filter_dicts(draw) -> dict:
    out = {}
    for name in draw(st.lists(st.sampled_from(sorted(FILTER_VALUES)), max_size=3, unique=True)):
        values = draw(st.lists(st.one_of(st.sampled_from(FILTER_VALUES[name]), st.text(max_size=15),
                                         st.text(any_char, max_size=15)), min_size=1, max_size=3))
        out[name] = values if draw(st.booleans()) else ",".join(values)
    return out


pages = st.one_of(st.integers(-2, 4), st.integers(5, 200_000))
per_pages = st.one_of(st.integers(-1, 12), st.integers(13, 150))
groups = st.sampled_from([None, None, None, "", "report", "REPORT", "force", "x"])

# ------------------------------------------------------------------ checks


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []
        self.text: list[str] = []
        self.marked: list[str] = []
        self._in_mark = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_mark = tag == "mark"

    def handle_endtag(self, tag):
        self.tags.append(("/" + tag, []))
        self._in_mark = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_mark:
            self.marked.append(data)


def check_snippet(snippet: str, text: str, matches: list[list[int]]) -> None:
    """Escaped HTML whose only tags are bare, balanced <mark>s around matched
    words, and whose text is the passage's own text (newlines as spaces)."""
    assert re.fullmatch(r"(?:[^<>&]|&(?:amp|lt|gt|quot|#x27);|<mark>|</mark>)*", snippet), snippet
    assert re.fullmatch(r"(?:[^<]|<mark>[^<]*</mark>)*", snippet), snippet  # balanced, never nested
    p = _Tags()
    p.feed(snippet)
    p.close()
    assert all(tag in ("mark", "/mark") and not attrs for tag, attrs in p.tags), p.tags
    shown = "".join(p.text)
    body = shown[1:] if shown.startswith("…") and not text.startswith("…") else shown
    body = body[:-1] if body.endswith("…") and not text.replace("\n", " ").endswith(body) else body
    assert body in text.replace("\n", " "), (body, text)
    marked_words = {text[a:b].replace("\n", " ") for a, b in matches}
    assert all(m in marked_words for m in p.marked), (p.marked, marked_words)


def check_hit(hit: dict, per_page_rank: int | None = None) -> None:
    text = hit["text"]
    last = 0
    for a, b in hit["matches"]:
        assert isinstance(a, int) and isinstance(b, int)
        assert last <= a < b <= len(text), (hit["matches"], len(text))
        last = b
    check_snippet(hit["snippet"], text, hit["matches"])
    assert hit["url"] == f"/reports/{hit['report']['id']}#{hit['id']}"
    assert hit["page"] >= 0 and hit["citation"]
    assert hit["grade"] in (None, *GRADES)


def check_result(d: dict, page: int, per_page: int, kind_filtered: bool = False) -> None:
    """A search response (SearchResult.to_dict()) agrees with itself. Every
    passage has a kind, so without a kind filter its counts add up to the total."""
    assert d["page"] == page and d["per_page"] == per_page
    total, hits = d["total"], d["results"]
    assert total >= 0
    for h in hits:
        check_hit(h)
    if d.get("group"):
        gtotal, grs = d["groups_total"], d["groups"]
        assert gtotal <= total
        expected = max(0, min(per_page, gtotal - (page - 1) * per_page))
        assert len(grs) == expected, (len(grs), gtotal, page, per_page)
        assert [h["id"] for g in grs for h in g["hits"]] == [h["id"] for h in hits]
        for g in grs:
            assert 1 <= len(g["hits"]) <= min(3, g["count"])
            assert all(h["report"]["id"] == g["report"]["id"] for h in g["hits"])
            assert len(g["pages"]) <= g["count"]
        assert len({g["report"]["id"] for g in grs}) == len(grs)
        if gtotal <= per_page and page == 1:
            assert sum(g["count"] for g in grs) == total
    else:
        expected = max(0, min(per_page, total - (page - 1) * per_page))
        assert len(hits) == expected, (len(hits), total, page, per_page)
        assert [h["rank"] for h in hits] == list(range((page - 1) * per_page + 1,
                                                       (page - 1) * per_page + 1 + len(hits)))
        assert len({h["id"] for h in hits}) == len(hits)
        # best first; when relaxed, passages lacking fewer of the dropped words first
        lacking = [len(h["missing"]) for h in hits]
        assert lacking == sorted(lacking) and set().union(*map(set, [h["missing"] for h in hits])) <= set(d["dropped"])
        for n in set(lacking):
            scores = [h["score"] for h in hits if len(h["missing"]) == n]
            assert scores == sorted(scores, reverse=True)
    assert set(d["facets"]) == set(FACETS)
    if not kind_filtered:
        assert sum(d["facets"]["kind"].values()) == total, (d["facets"]["kind"], total)
    for name, counts in d["facets"].items():
        assert all(isinstance(v, int) and v > 0 for v in counts.values()), (name, counts)


def check_asked(d: dict, answer) -> None:
    """The passages shown with an answer: at most a page of distinct,
    well-formed passages ranked 1, 2, 3 …, led by the answer's own passage;
    the others in the order of their (fused) scores."""
    hits = d["results"]
    assert len(hits) <= d["per_page"]
    for h in hits:
        check_hit(h)
    assert [h["rank"] for h in hits] == list(range(1, len(hits) + 1))
    assert len({h["id"] for h in hits}) == len(hits)
    led = 0
    if answer is not None:
        pid = answer["passage_id"] if isinstance(answer, dict) else answer.passage_id
        assert hits and hits[0]["id"] == pid
        led = 1 + len(answer["items"] if isinstance(answer, dict) else answer.items)
    rest = hits[led:]
    # best first; a declined question's keyword results may be relaxed:
    # passages lacking fewer of the dropped words first, then by score
    lacking = [len(h.get("missing") or []) for h in rest]
    assert lacking == sorted(lacking)
    for n in set(lacking):
        scores = [h["score"] for h in rest if len(h.get("missing") or []) == n]
        assert scores == sorted(scores, reverse=True)


def check_error(e: QueryError) -> None:
    assert isinstance(e.code, str) and re.fullmatch(r"[a-z_]+", e.code), e.code
    assert isinstance(e.message, str) and e.message.strip()


def run_search(store, q, page=1, per_page=10, filters=None, group=None):
    try:
        result = search_mod.search(store, q, page=page, per_page=per_page, filters=filters, group=group)
    except QueryError as e:
        check_error(e)
        return None
    d = json.loads(json.dumps(search_json(result)))  # what the API would send
    check_result(d, page, per_page, kind_filtered=bool(split_values((filters or {}).get("kind"))))
    return d


# ------------------------------------------------------------------ core: search and ask

@given(q=queries())
@example(q='"')
@example(q="heading:(missing")
@example(q="NOT crime")
@example(q="crime NOT police NOT force")
@example(q="year:2015 grade:good")
@example(q="title:")
@example(q="force:\"\"")
@example(q="*:*")
@example(q="a" * 1000)
@example(q="(" * 300 + "crime")
@example(q="year:²")  # a digit to str.isdigit(), not to int(): was a 500
@example(q="crime YEAR:①")
def test_search_core_never_crashes_and_hits_are_consistent(count_case, store, q):
    count_case()
    run_search(store, q)


@given(q=queries(), page=pages, per_page=per_pages, filters=filter_dicts(), group=groups)
@example(q="crime", page=2, per_page=3, filters={}, group="report")
@example(q="crime", page=1, per_page=100, filters={"grade": "requires-improvement"}, group=None)
@example(q="script", page=1, per_page=10, filters={"force": ["Marshfield <img src=x onerror=alert('force')> "
                                                              "Constabulary"]}, group=None)
def test_search_core_with_filters_paging_and_groups_over_markup(count_case, markup_store, q, page, per_page, filters, group):
    count_case()
    run_search(markup_store, q, page, per_page, filters, group)


@given(q=st.one_of(queries(), st.builds(lambda w, q: f"{w} {q}?", st.sampled_from(
    ["How many", "What is", "When did", "Who", "Which body", "How often", "What grade", "Is"]), queries())))
@example(q="How many organised crime groups was the force managing?")
@example(q="What grade did Marshfield <img src=x onerror=alert('force')> Constabulary get?")
@example(q="What does <script>alert(1)</script> stand for?")
@example(q="?")
@example(q=' "ASB inadequate good"')  # make fuzz: a list answer for two grades ("Inadequate or good: …")
@example(q="missing 2015 (police OR Marshfield)")  # make fuzz: declined, then relaxed keyword results
def test_ask_never_crashes_and_answers_quote_their_passage(count_case, markup_store, q):
    count_case()
    try:
        answer, result = answer_mod.ask(markup_store, q)
    except QueryError as e:
        check_error(e)
        return
    d = json.loads(json.dumps(search_json(result)))
    check_asked(d, answer)
    if answer is not None:
        a = answer_json(answer)
        assert 0 <= a["confidence"] <= 1
        passage = markup_store.passage(a["passage_id"])
        assert passage is not None
        assert a["url"] == f"/reports/{passage.report_id}#{passage.id}"
        if a["end"] > a["start"]:  # a sentence answer quotes its passage exactly
            assert 0 <= a["start"] < a["end"] <= len(passage.text)
            assert passage.text[a["start"]:a["end"]].strip() == a["text"]
        else:  # a grade answer names one of the report's grades ("Good — area", "Good: force (2016)"); a report's
            # every grade ("Marshfield Constabulary, 2016 (…): Overall judgment — Good; …") names one in each item
            named = [i["text"] for i in a["items"]] if a.get("kind") == "list" and a.get("items") else [a["text"]]
            assert a["start"] == a["end"] == 0
            for text in named:  # "Good: …" or, for a question naming two, "Inadequate or good: …"
                assert {g.capitalize() for g in re.split(r" — |: ", text)[0].split(" or ")} <= \
                    {g.capitalize() for g in GRADES}


# ------------------------------------------------------------------ HTTP

def assert_error_shape(r) -> dict:
    assert 400 <= r.status_code < 500, (r.status_code, r.data[:500])
    assert r.mimetype == "application/json"
    body = r.get_json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    assert isinstance(body["error"]["code"], str) and body["error"]["code"]
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]


def param_value(strategy):
    """A query-string value: a well-formed one or random text."""
    return st.one_of(strategy, st.text(max_size=12), st.text(st.one_of(any_char, digit_like), max_size=6),
                     st.just(""))


@st.composite
def api_params(draw) -> list[tuple[str, str]]:
    params = [("q", draw(queries()))] if draw(st.integers(0, 19)) else []
    if draw(st.booleans()):
        params.append(("page", draw(param_value(st.integers(-5, 100_001).map(str)))))
    if draw(st.booleans()):
        params.append(("per_page", draw(param_value(st.integers(-5, 150).map(str)))))
    if draw(st.integers(0, 3)) == 0:
        params.append(("group", draw(param_value(st.sampled_from(["report", "none", "REPORT", "force"])))))
    for name, values in draw(filter_dicts()).items():
        for v in (values if isinstance(values, list) else [values]):
            params.append((name, v))
    if draw(st.integers(0, 9)) == 0:
        params.append((draw(st.text(min_size=1, max_size=8)), draw(st.text(max_size=8))))
    return draw(st.permutations(params))


def _as_int(params, name, default):
    values = [v for k, v in params if k == name]
    return int(values[0]) if values and values[0].strip() else default


@given(params=api_params())
@example(params=[("q", "crime"), ("page", "2"), ("per_page", "5"), ("group", "report")])
@example(params=[("q", "crime"), ("force", "west midlands police"), ("force", "Nowhere Police")])
@example(params=[("q", "crime"), ("page", "99999999999999999999")])
@example(params=[("q", "crime year:⁵")])
def test_api_search_answers_200_or_a_4xx_in_the_error_shape(count_case, markup_app, params):
    count_case()
    r = markup_app.test_client().get("/api/search", query_string=params)
    if r.status_code != 200:
        assert_error_shape(r)
        return
    d = r.get_json()
    check_result(d, _as_int(params, "page", 1), _as_int(params, "per_page", 10),
                 kind_filtered=bool(split_values([v for k, v in params if k == "kind"])))


@given(params=api_params())
@example(params=[("q", "How many organised crime groups was the force managing?")])
@example(params=[("q", "What grade in year:²?")])
@example(params=[("q", " anti-social LT")])  # relaxed keywords: the passage holding both came after those lacking one
def test_api_ask_answers_200_or_a_4xx_in_the_error_shape(count_case, markup_app, params):
    count_case()
    r = markup_app.test_client().get("/api/ask", query_string=params)
    if r.status_code != 200:
        assert_error_shape(r)
        return
    d = r.get_json()
    assert set(d) == {"question", "answer", "declined_reason", "results", "expansions"}
    check_asked({**d, "per_page": _as_int(params, "per_page", 10)}, d["answer"])


@given(raw=st.binary(max_size=40), name=st.sampled_from(["q", "force", "page", "x", "q[]", ""]))
@example(raw=b"\xff\xfe", name="q")
@example(raw=b"crime\x00", name="q")
def test_raw_query_string_bytes_never_crash(count_case, markup_app, raw, name):
    count_case()
    client = markup_app.test_client()
    qs = f"{name}={quote_from_bytes(raw)}" + ("" if name == "q" else "&q=crime")
    for path in ("/api/search", "/api/ask", "/api/reports", "/api/compare"):
        r = client.get(f"{path}?{qs}")
        if r.status_code != 200:
            assert_error_shape(r)
    r = client.get(f"/search?{qs}")
    assert r.status_code in (200, 302, 400), r.status_code
    assert "Traceback" not in r.get_data(as_text=True)


# Elements the search page may contain; anything else came from the data.
PAGE_TAGS = {"html", "head", "meta", "title", "link", "script", "body", "a", "header", "div", "nav", "form",
             "label", "input", "button", "main", "h1", "h2", "p", "section", "aside", "ul", "li", "span",
             "strong", "ol", "mark", "blockquote", "footer", "h3", "fieldset", "legend", "details", "summary", "s",
             "br"}


@given(params=api_params())
@example(params=[("q", '"><script>alert(1)</script>'), ("force", "<img src=x onerror=alert(1)>")])
@example(params=[("q", "Harbourside <script>alert('body')</script>")])
@example(params=[("q", "scirpt alret")])  # did-you-mean
@example(params=[("q", "year:①")])
@example(params=[("q", "\r"), ("group", "report")])  # make fuzz: a blank query shows an empty box
def test_search_page_is_200_or_400_and_never_lets_input_become_markup(count_case, markup_app, params):
    count_case()
    r = markup_app.test_client().get("/search", query_string=params)
    if not any(k == "q" for k, _ in params):
        assert r.status_code == 302
        return
    assert r.status_code in (200, 400), (r.status_code, r.data[:300])
    assert r.mimetype == "text/html"
    text = r.get_data(as_text=True)
    doc = parse(text)
    for el in doc.iter():
        assert el.tag in PAGE_TAGS, el.tag
        assert not any(k.startswith("on") for k in el.attrs), el.attrs
        if el.tag == "script":
            assert el.attrs.get("src", "").startswith("/static/") and not el.text.strip()
        for attr in ("href", "src", "action"):
            assert not (el.attrs.get(attr) or "").strip().lower().startswith("javascript:"), el.attrs
    q = next(v for k, v in params if k == "q")
    box = doc.find("input", id="q")
    # shown as typed, as text (a blank query is the search page with a hint and an empty box)
    assert box is not None and box.attrs.get("value") == (q if q.strip() else "")
