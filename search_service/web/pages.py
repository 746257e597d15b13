"""HTML pages: search (with an answer card for questions), results, report
list, a report read in context, the acronym glossary, organisations and the
national picture per area (with charts), and the Atom feeds.

Every state (query, filters, page, target passage) lives in the URL so any
page can be shared; the views only gather data and templates do the rest.
"""
from __future__ import annotations

from collections import Counter

from flask import Blueprint, Response, redirect, render_template, request, url_for

from search_service import answer as answer_mod
from search_service import compare as compare_mod
from search_service import national as national_mod
from search_service import organisations as organisations_mod
from search_service.model import citation
from search_service.rules import (COMPARE_FILTERS, FILTERS, GRADES, MAX_EXPORT, MAX_QUERY_LENGTH, PER_PAGE_CHOICES,
                                  REPORT_FILTERS, SORTS, grade_value, scale_grades, split_values)
from search_service.web import atom, charts, service
from search_service.web.outline import outline
from search_service.web.params import filter_params, search_params
from search_service.web.service import get_store
from search_service.web.shapes import cite_with_url, compare_json, finding_json, snippet_html
from search_service.web.shapes import national_json, organisation_json, organisation_summary_json
from search_service.web.urls import area_url, feed_url, organisation_url, passage_url, report_url, search_url

bp = Blueprint("pages", __name__)  # templates/ and static/ belong to the app

FACET_LABELS = {"force": "Organisation", "year": "Year", "family": "Report family", "inspection": "Inspection",
                "grade": "Grade of section", "kind": "Passage type"}
FILTER_LABELS = dict(FACET_LABELS, report="Report", area="Area", grade="Grade")
MULTI_PARAMS = FILTERS + ("area",)  # may hold several values
STATE_PARAMS = ("q", "per_page", "page", "group", "sort", "year_from", "year_to", "autocorrect") + MULTI_PARAMS
ANSWER_CONTEXT = 300  # characters of the paragraph shown either side of the answer


def _state() -> dict[str, list[str]]:
    """The page's state from its URL: every parameter as a list of values,
    filter values spelt as indexed (so toggling one finds it)."""
    args = {}
    for k in STATE_PARAMS:
        values = split_values(request.args.getlist(k)) if k in MULTI_PARAMS else \
            [v for v in request.args.getlist(k)[:1] if v]
        if k == "grade":
            values = [grade_value(v) or v for v in values]
        if values:
            args[k] = values
    return canonical(args)


@bp.app_template_global()
def url_with(**changes) -> str:
    """The current page's URL with some parameters changed (None removes one,
    a list sets several values).

    Changing anything but the page starts again at page 1.
    """
    args = _state()
    if "page" not in changes:
        args.pop("page", None)
    for key, value in changes.items():
        if value is None or value == "" or value == []:
            args.pop(key, None)
        else:
            args[key] = [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]
    if args.get("page") == ["1"]:
        del args["page"]
    return url_for(request.endpoint or "pages.search_page", **(request.view_args or {}), **args)


@bp.app_template_global()
def url_without_filters() -> str:
    """The current page's URL with every filter (and the year range) removed, the query kept."""
    return url_with(**{name: None for name in MULTI_PARAMS + ("year_from", "year_to")})


@bp.app_template_global()
def url_toggle(name: str, value) -> str:
    """The current URL with ``value`` added to or removed from filter ``name``."""
    values = _state().get(name, [])
    value = str(value)
    values = [v for v in values if v != value] if value in values else values + [value]
    return url_with(**{name: values or None})


def canonical(filters: dict[str, list[str]]) -> dict[str, list[str]]:
    """Force and inspection values spelt as indexed ("eastmoor police" →
    "Eastmoor Police"), so facets show them as chosen."""
    known = get_store().known_values() if any(k in filters for k in ("force", "inspection")) else {}
    out = {}
    for name, values in filters.items():
        by_lower = {k.lower(): k for k in known.get(name, ())}
        out[name] = list(dict.fromkeys(by_lower.get(v.lower(), v) for v in values))
    return out


def _grade_order(value: str) -> int:
    return GRADES.index(value) if value in GRADES else len(GRADES)


def facet_sections(facets: dict[str, dict[str, int]], filters: dict[str, list[str]],
                   labels: dict[str, str]) -> list[dict]:
    """Facets ready to render: per facet its values with count, whether
    selected and the URL that toggles it. Years newest first, grades from
    best to worst, other values by count. A selected value no longer counted
    is still listed, so it can be unticked."""
    sections = []
    for name, label in labels.items():
        counts = dict(facets.get(name) or {})
        selected = [str(v) for v in filters.get(name, [])]
        for v in selected:
            counts.setdefault(v, 0)
        if name == "year":
            order = sorted(counts, key=lambda v: (-int(v) if v.isdigit() else 0, v))
        elif name == "grade":
            order = sorted(counts, key=lambda v: (_grade_order(v), v))
        else:
            order = sorted(counts, key=lambda v: (-counts[v], v))
        if not order:
            continue
        sections.append({"name": name, "label": label, "values": [
            {"value": v, "count": counts[v], "selected": v in selected, "href": url_toggle(name, v)}
            for v in order]})
    return sections


def active_filters(filters: dict[str, list[str]], titles: dict[str, dict[str, str]] | None = None) -> list[dict]:
    """One removable chip per filter value: {"name", "label", "value", "text", "href"};
    ``titles`` gives readable text for values (e.g. report ids → titles)."""
    chips = []
    for name, values in filters.items():
        for v in values:
            text = (titles or {}).get(name, {}).get(str(v).lower(), str(v))
            chips.append({"name": name, "label": FILTER_LABELS.get(name, name), "value": v,
                          "text": text, "href": url_toggle(name, v)})
    return chips


def _strings(filters: dict) -> dict[str, list[str]]:
    return {k: [str(v) for v in vals] for k, vals in filters.items()}


@bp.app_template_global()
def snippet(hit):
    """A hit's snippet as HTML (escaped text, <mark>ed matches)."""
    return snippet_html(hit.snippet)


bp.add_app_template_global(passage_url, "passage_url")
bp.add_app_template_global(report_url, "report_url")
bp.add_app_template_global(GRADES, "grade_names")
for _link in (area_url, feed_url, organisation_url, search_url, organisations_mod.organisation_id):
    bp.add_app_template_global(_link)


@bp.app_template_global()
def full_citation(text: str, report_id: str, passage_id: str) -> str:
    """The citation with the passage's absolute URL, as "Copy citation" copies it."""
    return cite_with_url(text, request.host_url.rstrip("/") + passage_url(report_id, passage_id))


@bp.app_template_filter()
def seconds(ms: float) -> str:
    """12.3 (ms) → "0.012 s"; 230 → "0.23 s"."""
    return f"{ms / 1000:.3f} s" if ms < 10 else f"{ms / 1000:.2f} s"


def with_quotes(q: str, word: str) -> str:
    """The query with ``word`` (as typed) in quotes, so relaxing keeps it."""
    return q.replace(word, f'"{word}"', 1) if f'"{word}"' not in q else q


@bp.app_template_global()
def page_label(p) -> str:
    """Where a passage is: its printed page(s), or its section in a web page."""
    if p.page is None:
        return f"section “{p.heading_path[0]}”" if p.heading_path else "web page"
    return f"pp. {p.page}–{p.page_end}" if p.page_end else f"p. {p.page}"


@bp.app_template_filter()
def humanize(value) -> str:
    """'area_for_improvement' → 'Area for improvement'."""
    text = str(value).replace("_", " ")
    return text[:1].upper() + text[1:]


@bp.get("/")
def index(hint: str | None = None):
    reports, passages = get_store().counts()
    return render_template("index.html", reports=reports, passages=passages, hint=hint)


@bp.get("/search")
def search_page():
    if "q" not in request.args:
        return redirect(url_for("pages.index"))
    q = request.args.get("q", "")
    if not q.strip():  # an empty box is no error: the search page again, with a hint
        return index(hint="Type a word or two to search for, such as “missing children”.")
    store = get_store()
    params = search_params(request.args)
    # A question gets an answer card on its first, unfiltered, ungrouped
    # page: the core answers over the whole corpus, so a filtered list
    # could sit under an answer from a report the filters exclude.
    asked = answer_mod.is_question(q) and params.page == 1 and not params.filters and not params.group
    declined = None
    if asked:
        answered = service.run_ask(params.q, params.per_page)
        answer, result, declined = answered.answer, answered.result, answered.declined_reason
    else:
        answer, result = None, service.run_search(params)
    filters = canonical({k: [str(v) for v in vals] for k, vals in params.filters.items()})
    within = [store.report(rid) for rid in filters.get("report", [])]
    titles = {"report": {r.id: r.title or r.id for r in within if r}}
    state = {k: v for k, v in _state().items() if k not in ("page", "per_page", "group")}
    return render_template("search.html", q=q, result=result, filters=filters, params=params, declined=declined,
                           group=params.group, asked=asked, answer=answer, quote=answer_quote(store, answer),
                           answer_url=passage_url(answer.report_id, answer.passage_id) if answer else None,
                           facets=facet_sections(result.facets, filters, FACET_LABELS),
                           chips=active_filters(filters, titles), within=[r for r in within if r],
                           sorts=SORTS, per_page_choices=PER_PAGE_CHOICES, max_export=MAX_EXPORT,
                           max_query=MAX_QUERY_LENGTH, with_quotes=with_quotes,
                           export_url={fmt: url_for("api.search", **state, format=fmt) for fmt in ("csv", "jsonl")})


def answer_quote(store, answer, context: int = ANSWER_CONTEXT) -> dict | None:
    """The answer sentence in its paragraph, split for highlighting:
    {"before", "mark", "after"} (plain text, escaped by the template), with
    the paragraph trimmed to about ``context`` characters either side.

    None when there is nothing to highlight (grade answers, whose start and
    end are 0, come from judgments, not a sentence) or when the offsets do not
    hold the answer text; the card then shows the answer text alone.
    """
    if answer is None or answer.end <= answer.start:
        return None
    passage = store.passage(answer.passage_id)
    if passage is None:
        return None
    text, a, b = passage.text, answer.start, answer.end
    if not (0 <= a < b <= len(text)) or squash(text[a:b]) != squash(answer.text):
        return None
    lo = text.rfind("\n\n", 0, a)
    lo = 0 if lo < 0 else lo + 2
    hi = text.find("\n\n", b)
    hi = len(text) if hi < 0 else hi
    before, after = text[lo:a], text[b:hi]
    if len(before) > context:
        cut = before.find(" ", len(before) - context)
        before = "… " + before[cut + 1:] if cut >= 0 else before
    if len(after) > context:
        cut = after.rfind(" ", 0, context)
        after = after[:cut if cut > 0 else context] + " …"
    return {"before": before.lstrip(), "mark": text[a:b], "after": after.rstrip()}


def squash(text: str) -> str:
    return " ".join(text.split())


@bp.get("/glossary")
def glossary():
    return render_template("glossary.html", entries=service.glossary_entries())


def _facet_counts(reports, names) -> dict[str, dict[str, int]]:
    return {name: dict(Counter(str(getattr(r, name)) for r in reports if getattr(r, name)))
            for name in names}


def _disjunctive_counts(all_reports, filters: dict, names) -> dict[str, dict[str, int]]:
    """Report counts per value of each filter, the filter's own values left
    out (as the search facets), so other values can be added."""
    return {name: _facet_counts(compare_mod.select_reports(all_reports, {k: v for k, v in filters.items() if k != name}),
                                [name])[name] for name in names}


@bp.get("/reports")
def reports():
    store = get_store()
    chosen = service.list_reports(request.args)
    filters = canonical(_strings(filter_params(request.args, REPORT_FILTERS)))
    labels = {k: FACET_LABELS[k] for k in REPORT_FILTERS}
    facets = facet_sections(_disjunctive_counts(store.reports(), filters, REPORT_FILTERS), filters, labels)
    return render_template("reports.html", reports=chosen, facets=facets, filters=filters,
                           chips=active_filters(filters), total=store.counts()[0],
                           area_label=compare_mod.area_label)


@bp.get("/compare")
def compare():
    store = get_store()
    table = compare_json(service.run_compare(request.args))
    filters = canonical(_strings(filter_params(request.args, COMPARE_FILTERS)))
    everything = compare_mod.compare(store.reports())
    reports = store.reports()
    options = {
        "force": sorted({r.force for r in reports if r.force}),
        "year": sorted({str(r.year) for r in reports if r.year}, reverse=True),
        "family": sorted({r.family for r in reports if r.family}),
        "inspection": sorted({r.inspection for r in reports if r.inspection}),
        "area": everything["areas"],
        "grade": list(GRADES),
    }
    selected = {k: {v.lower() for v in vals} for k, vals in filters.items()}
    area_titles = {k: a for a in everything["areas"] for k in (a.lower(), compare_mod.area_key(a))}
    return render_template("compare.html", table=table, options=options, selected=selected,
                           filters=filters, chips=active_filters(filters, {"area": area_titles}),
                           area_key=compare_mod.area_key,
                           csv_url=url_for("api.compare_csv", **filters),
                           json_url=url_for("api.compare", **filters))


@bp.get("/recommendations")
def recommendations():
    from search_service import findings as findings_mod

    items = service.list_findings(request.args)
    store = get_store()
    reports = store.reports()
    options = {"force": sorted({o for r in reports for o in ([r.force] if r.force else r.organisations)}),
               "year": sorted({str(r.year) for r in reports if r.year}, reverse=True),
               "family": sorted({r.family for r in reports if r.family}),
               "kind": list(findings_mod.KINDS)}
    selected = {k: {v.lower() for v in request.args.getlist(k)} for k in findings_mod.FILTERS}
    args = {k: request.args.getlist(k) for k in findings_mod.FILTERS if request.args.getlist(k)}
    return render_template("recommendations.html", items=[finding_json(i) for i in items], options=options,
                           selected=selected, words=request.args.get("q", ""),
                           csv_url=url_for("api.recommendations", format="csv", **args),
                           json_url=url_for("api.recommendations", **args))


@bp.get("/reports/<report_id>")
def report(report_id: str):
    r = service.find_report(report_id)
    passages = get_store().passages(r.id)
    toc, items = outline(passages)
    citations = {p.id: citation(r, p) for p in passages}
    return render_template("report.html", report=r, toc=toc, items=items, citations=citations)


# ------------------------------------------------------------------ organisations, areas, feeds

@bp.get("/forces")
def forces():
    orgs = [organisation_summary_json(o, organisations_mod.headline(o)) for o in service.all_organisations()]
    kinds = [("police force", "Police forces"), ("fire and rescue service", "Fire and rescue services")]
    groups = [{"type": kind, "label": label, "organisations": [o for o in orgs if o["organisation_type"] == kind]}
              for kind, label in kinds]
    return render_template("forces.html", groups=[g for g in groups if g["organisations"]], total=len(orgs),
                           grades_best_first=GRADES)


def _table_cycles(group: dict) -> list[str]:
    """The cycles whose grades are all read from a later report's table (its own report not indexed)."""
    by_cycle: dict[str, list[bool]] = {}
    for row in group["rows"]:
        for c, src in row["sources"].items():
            by_cycle.setdefault(c, []).append(src["from_table"])
    return [c for c in group["cycles"] if by_cycle.get(c) and all(by_cycle[c])]


@bp.get("/forces/<organisation_id>")
def force(organisation_id: str):
    org = service.find_organisation(organisation_id)
    search_link, feed_link = service.organisation_links(org)
    body = organisation_json(org, service.organisation_record(org), search_link, feed_link)
    timelines = [dict(g, chart=charts.timeline(g["cycles"], g["rows"], list(scale_grades(g["grading_scale"]))),
                      legend=charts.legend(scale_grades(g["grading_scale"])),
                      table_cycles=_table_cycles(g),
                      from_table=any(src["from_table"] for row in g["rows"] for src in row["sources"].values()))
                 for g in body["timeline"]]
    return render_template("force.html", org=body, timelines=timelines, report_ids=[r["id"] for r in body["reports"]],
                           json_url=url_for("api.force", organisation_id=org.id),
                           csv_url=url_for("api.force", organisation_id=org.id, format="csv"))


@bp.get("/areas")
def areas():
    return render_template("areas.html", groups=national_mod.areas_index(service.national_cells()))


@bp.get("/areas/<key>")
def area(key: str):
    picture = national_json(service.national_picture(key, request.args))
    groups = [dict(g, chart=charts.stacked_bars(g["cycles"], g["grades"]), legend=charts.legend(g["grades"]))
              for g in picture["groups"]]
    chosen = {k: v for k, v in (("cycle", picture["cycle"]), ("grade", picture["grade"])) if v}
    return render_template("area.html", picture=picture, groups=groups, chosen=chosen,
                           json_url=url_for("api.area", key=picture["key"], **chosen),
                           csv_url=url_for("api.area", key=picture["key"], format="csv", **chosen),
                           counts_csv_url=url_for("api.area", key=picture["key"], format="csv", table="counts"))


def _atom_response(body: bytes) -> Response:
    """The feed with an ETag, so feed readers' conditional requests get a 304 while nothing is new."""
    response = Response(body, content_type="application/atom+xml; charset=utf-8")
    response.add_etag()
    return response.make_conditional(request)


@bp.get("/search.atom")
def search_feed():
    """Passages matching a search (same words and filters as /search), newest report first."""
    params = search_params(request.args)
    hits, result = service.search_feed(params)
    filters = _strings(params.filters)
    base = request.host_url.rstrip("/")
    shown = "; ".join(f"{FILTER_LABELS.get(k, k)}: {', '.join(v)}" for k, v in filters.items())
    subtitle = (f"{result.total} passage{'' if result.total == 1 else 's'} match"
                f"{'es' if result.total == 1 else ''}; the newest {len(hits)} are here, newest report first, "
                "each with its citation.")
    body = atom.feed(feed_id=base + feed_url("search", q=params.q, **filters),
                     title=f"Inspection reports: “{params.q}”" + (f" ({shown})" if shown else ""),
                     subtitle=subtitle, self_url=base + feed_url("search", q=params.q, **filters),
                     html_url=base + search_url(q=params.q, **filters),
                     entries=[atom.passage_entry(h, base + passage_url(h.report.id, h.passage.id)) for h in hits])
    return _atom_response(body)


@bp.get("/reports.atom")
def reports_feed():
    """Reports newly added to the service (filters of /reports), newest first."""
    chosen = service.newest_reports(request.args)
    filters = canonical(_strings(filter_params(request.args, REPORT_FILTERS)))
    base = request.host_url.rstrip("/")
    shown = "; ".join(f"{FILTER_LABELS.get(k, k)}: {', '.join(v)}" for k, v in filters.items())
    entries = []
    for r in chosen:
        top = organisations_mod.report_headline(r)
        entries.append(atom.report_entry(r, base + report_url(r.id), [(label, j.grade) for label, j in top]))
    body = atom.feed(feed_id=base + feed_url("reports", **filters),
                     title="New inspection reports" + (f" ({shown})" if shown else ""),
                     subtitle="Reports as they are added to the service, newest first.",
                     self_url=base + feed_url("reports", **filters),
                     html_url=base + url_for("pages.reports", **filters), entries=entries)
    return _atom_response(body)
