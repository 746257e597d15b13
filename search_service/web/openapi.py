"""OpenAPI 3.0 description of the JSON API that exists today.

Kept as a Python dict next to the views so a new endpoint and its spec land in
the same change; tests check every route under /api is listed here. Enums,
limits and patterns come from rules.py, the rules the API enforces.
The admin endpoints (POST/DELETE /api/reports) need the bearer token.
"""
from __future__ import annotations

import search_service
from search_service.completion import DEFAULT_LIMIT, MAX_LIMIT
from search_service.model import ANSWER_KINDS, FAMILIES, GRADING_SCALES, ORGANISATION_TYPES
from search_service.rules import (DEFAULT_PER_PAGE, EXPORT_FORMATS, GRADES, GROUPS, MAX_EXPORT, MAX_PAGE,
                                  MAX_PER_PAGE, MAX_QUERY_LENGTH, MAX_REPORT_PER_PAGE, RELAX_BELOW, REPORT_ID_PATTERN,
                                  REPORT_PER_PAGE, SORTS, YEAR_PATTERN)
from search_service.web.shapes import EXPORT_COLUMNS

_STR = {"type": "string"}
# a group of grades' inspection programme and the heading it is shown under
_PROGRAMME = {"programme": {"type": "string", "description": "PEEL, Fire and rescue, or another programme whose "
                                                             "grades are compared only among themselves (a national "
                                                             "child protection inspection's)"},
              "title": {"type": "string", "description": "Who is graded, and the programme unless PEEL or fire "
                                                         "and rescue: the heading the web page shows"}}
_INT = {"type": "integer"}
_NULL_STR = {"type": "string", "nullable": True}
_NULL_INT = {"type": "integer", "nullable": True}
_GRADES = list(GRADES)
_REPORT_ID_SCHEMA = {"type": "string", "pattern": f"^{REPORT_ID_PATTERN}$"}
_PER_PAGE = {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": DEFAULT_PER_PAGE}
_Q = {"type": "string", "maxLength": MAX_QUERY_LENGTH}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_ERROR = _json(_ref("Error"), "Error")

_SCHEMAS = {
    "Error": {
        "type": "object", "required": ["error"],
        "properties": {"error": {
            "type": "object", "required": ["code", "message"],
            "properties": {
                "code": {"type": "string", "example": "bad_parameter",
                         "description": "Stable machine-readable code"},
                "message": {"type": "string", "description": "Human-readable explanation"},
            }}},
    },
    "ReportSummary": {
        "type": "object", "required": ["id", "title", "force", "year"],
        "properties": {"id": _STR, "title": _STR, "force": _STR, "year": _NULL_INT},
    },
    "Judgment": {
        "type": "object", "required": ["area", "grade"],
        "properties": {"area": _STR, "grade": {"type": "string", "enum": _GRADES},
            "passage_id": _NULL_STR},
    },
    "Report": {
        "type": "object", "required": ["id", "title", "force", "year"],
        "properties": {
            "id": _STR, "title": _STR,
            "force": {"type": "string", "description": "The organisation inspected (a police force or a fire and "
                                                       "rescue service); empty when the report covers several"},
            "year": _NULL_INT,
            "inspection": _STR, "publisher": _STR, "published": _STR,
            "source": {"type": "string", "description": "File name in the corpus"},
            "sha256": _STR, "pages": _INT,
            "organisations": {"type": "array", "items": _STR, "description": "Every organisation inspected"},
            "organisation_type": {"type": "string", "enum": list(ORGANISATION_TYPES) + [""]},
            "family": {"type": "string", "enum": list(FAMILIES) + [""],
                       "description": "The inspection family the report belongs to"},
            "inspection_year": {"type": "string", "example": "2021/22",
                                "description": "The cycle as the report names it"},
            "grading_scale": {"type": "string", "enum": list(GRADING_SCALES) + [""],
                              "description": "Four-tier and five-tier grades are not directly comparable"},
            "url": {"type": "string", "description": "Where the report is published, when the file says"},
            "indexed_at": {"type": "string", "example": "2025-06-01T09:30:00.000000Z",
                           "description": "When this version of the file was first indexed (UTC, RFC 3339): what "
                                          "the Atom feeds call new"},
            "judgments": {"type": "array", "items": _ref("Judgment")},
            "areas_for_improvement": {"type": "array", "items": _ref("Finding")},
            "causes_of_concern": {"type": "array", "items": _ref("CauseOfConcern")},
            "recommendations": {"type": "array", "items": _ref("Recommendation")},
            "innovative_practice": {"type": "array", "items": _ref("Practice")},
        },
    },
    "Finding": {
        "type": "object", "required": ["text", "passage_id"],
        "description": "An area for improvement as the report states it, and the passage that states it",
        "properties": {"text": _STR, "passage_id": _NULL_STR},
    },
    "CauseOfConcern": {
        "type": "object", "required": ["text", "recommendations", "deadline", "passage_id"],
        "properties": {"text": _STR, "recommendations": {"type": "array", "items": _STR},
                       "deadline": {"type": "string", "description": "From the lead-in, e.g. 'By 31 January 2023'"},
                       "passage_id": _NULL_STR},
    },
    "Recommendation": {
        "type": "object", "required": ["number", "text", "addressed_to", "deadline", "passage_id"],
        "properties": {"number": _STR, "text": _STR,
                       "addressed_to": {"type": "string", "example": "Chief constables"},
                       "deadline": {"type": "string", "example": "By 31 March 2026",
                                    "description": "Empty when the report states none"},
                       "passage_id": _NULL_STR},
    },
    "Practice": {
        "type": "object", "required": ["title", "kind", "passage_id"],
        "properties": {"title": _STR, "kind": {"type": "string", "enum": ["innovative", "promising", "notable"]},
                       "passage_id": _NULL_STR},
    },
    "Passage": {
        "type": "object",
        "required": ["id", "report_id", "heading", "heading_path", "page", "pdf_page", "kind", "text", "order"],
        "properties": {
            "id": _STR, "report_id": _STR, "heading": _STR,
            "heading_path": {"type": "array", "items": _STR,
                             "description": "Enclosing headings, outermost first"},
            "page": {"type": "integer", "nullable": True,
                     "description": "Printed page label; null in a web page, whose passages have an anchor"},
            "page_end": {"type": "integer", "nullable": True,
                         "description": "Printed page where the passage ends, when later than page"},
            "pdf_page": {"type": "integer", "nullable": True,
                         "description": "Physical page of a PDF report; null for text reports"},
            "anchor": {"type": "string", "nullable": True,
                       "description": "Id of the section heading in a web page report"},
            "kind": {"type": "string", "example": "body",
                     "description": "body, summary, area_for_improvement, cause_of_concern, recommendation, "
                                    "innovative_practice, footnote, table"},
            "text": _STR, "order": _INT, "url": _STR,
        },
    },
    "Change": {
        "type": "object", "required": ["status", "passages", "report"],
        "properties": {"status": {"type": "string", "enum": ["added", "updated", "unchanged"]},
                       "passages": {"type": "integer", "description": "Passages indexed (0 when unchanged)"},
                       "report": _ref("Report")},
    },
    "ReportDetail": {"allOf": [_ref("Report"), {
        "type": "object",
        "required": ["passages", "passages_total", "passages_page", "passages_per_page", "passages_next"],
        "properties": {"passages": {"type": "array", "items": _ref("Passage"),
                                    "description": "One page of the passages, in reading order"},
                       "passages_total": {"type": "integer", "description": "Passages of the whole report"},
                       "passages_page": _INT, "passages_per_page": _INT,
                       "passages_next": {"type": "string", "nullable": True,
                                         "description": "URL of the next page of passages; null on the last"}}}]},
    "Hit": {
        "type": "object",
        "required": ["id", "rank", "score", "text", "snippet", "matches", "heading",
                     "heading_path", "page", "pdf_page", "kind", "citation", "url", "report"],
        "properties": {
            "id": _STR, "rank": _INT, "score": {"type": "number"}, "text": _STR,
            "snippet": {"type": "string", "description": "HTML-escaped text with <mark> around matches"},
            "matches": {"type": "array", "description": "[start, end) offsets into text",
                        "items": {"type": "array", "items": _INT, "minItems": 2, "maxItems": 2}},
            "heading": _STR, "heading_path": {"type": "array", "items": _STR},
            "page": {"type": "integer", "nullable": True,
                     "description": "Printed page label; null in a web page (see anchor)"},
            "page_end": {"type": "integer", "nullable": True},
            "pdf_page": {"type": "integer", "nullable": True,
                         "description": "Physical page of a PDF report; null for text reports"},
            "anchor": {"type": "string", "nullable": True,
                       "description": "Id of the section heading in a web page report"},
            "kind": _STR,
            "citation": {"type": "string", "description": "Reference ready to quote"},
            "url": {"type": "string", "example": "/reports/some-report#some-report-0001",
                    "description": "Permalink to the passage in its report"},
            "report": _ref("ReportSummary"),
            "grade": {"type": "string", "nullable": True, "enum": _GRADES + [None],
                      "description": "Grade of the section the passage is in: the grade of the most specific "
                                     "judgment whose area (question) is on its heading path, else the report's "
                                     "overall grade; null when the report records no grades"},
            "missing": {"type": "array", "items": _STR,
                        "description": "Words of the query (as typed) that relaxing dropped and this passage "
                                       "lacks; empty when it has every word"},
        },
    },
    "Group": {
        "type": "object", "required": ["report", "count", "score", "pages", "hits"],
        "description": "The matching passages of one report (results grouped by report)",
        "properties": {
            "report": _ref("ReportSummary"),
            "count": {"type": "integer", "description": "Passages of this report that match"},
            "score": {"type": "number", "description": "Score of the report's best passage; groups are ordered by it"},
            "pages": {"type": "array", "description": "Every page with a match, in page order, with its best passage",
                      "items": {"type": "object", "required": ["page", "id", "url"], "properties": {
                          "page": _INT, "id": {"type": "string", "description": "Passage id"},
                          "url": {"type": "string", "example": "/reports/some-report#some-report-0004"}}}},
            "hits": {"type": "array", "items": _ref("Hit"), "description": "The report's best few passages, best first"},
        },
    },
    "CompareResponse": {
        "type": "object", "required": ["areas", "rows"],
        "properties": {
            "groups": {"type": "array", "description": "The same rows apart by organisation type, grading "
                                                       "scale and inspection programme (four-tier and five-tier grades are not comparable), "
                                                       "each with its own columns and the inspectorate's caution",
                       "items": {"type": "object", "properties": {
                           "organisation_type": _STR, "grading_scale": _STR, **_PROGRAMME, "caution": _STR,
                           "areas": {"type": "array", "items": _STR},
                           "rows": {"type": "array", "items": {"type": "object"}}}}},
            "areas": {"type": "array", "items": _STR,
                      "description": "Column labels: \"Overall\" first, then one per PEEL question, the same "
                                     "question under its different wordings being one column"},
            "rows": {"type": "array", "items": {
                "type": "object", "required": ["report", "grades", "sources"],
                "properties": {
                    "report": {"type": "object", "required": ["id", "title", "force", "year", "inspection", "url"],
                               "properties": {"id": _STR, "title": _STR, "force": _STR, "year": _NULL_INT,
                                              "inspection": _STR, "url": _STR}},
                    "grades": {"type": "object", "description": "Area label → grade, null when not graded",
                               "additionalProperties": {"type": "string", "nullable": True,
                                                        "enum": _GRADES + [None]}},
                    "sources": {"type": "object", "description": "Area label → where the grade is given: the "
                                                                 "question as worded in the report and its passage",
                                "additionalProperties": {"type": "object", "properties": {
                                    "area": _STR, "passage_id": _NULL_STR, "url": _NULL_STR}}},
                }}},
        },
    },
    "Findings": {
        "type": "object", "required": ["total", "items"],
        "properties": {"total": _INT, "items": {"type": "array", "items": {
            "type": "object",
            "required": ["kind", "text", "organisation", "year", "family", "report", "title", "passage_id", "url",
                         "progress"],
            "properties": {
                "kind": {"type": "string", "enum": ["cause_of_concern", "recommendation", "area_for_improvement"]},
                "text": _STR, "number": _STR, "addressed_to": _STR, "deadline": _STR,
                "recommendations": {"type": "array", "items": _STR},
                "organisation": _STR, "year": _NULL_INT, "family": _STR, "report": _STR, "title": _STR,
                "passage_id": _NULL_STR, "url": _STR,
                "progress": {"type": "array", "items": {"type": "object", "properties": {
                    "report": _STR, "title": _STR, "year": _NULL_INT, "passage_id": _STR, "url": _STR,
                    "citation": _STR}}},
            }}}},
    },
    "SearchResponse": {
        "type": "object",
        "required": ["query", "total", "page", "per_page", "results", "facets", "suggestion", "expansions"],
        "properties": {
            "query": _STR, "total": _INT, "page": _INT, "per_page": _INT,
            "results": {"type": "array", "items": _ref("Hit")},
            "facets": {"type": "object",
                       "description": "Facet name (force, year, inspection, grade, kind) → value → count. A facet's "
                                      "own filter is left out of its counts, the other filters apply: the count of "
                                      "a value is the total the results would have with that value chosen alone "
                                      "in its facet",
                       "additionalProperties": {"type": "object", "additionalProperties": _INT}},
            "suggestion": {"type": "string", "nullable": True, "description": "Did-you-mean query"},
            "expansions": {"type": "array", "items": _ref("Expansion"),
                           "description": "How query terms were expanded (acronyms, both ways; words the "
                                          "reports write closed and open)"},
            "group": {"type": "string", "enum": list(GROUPS), "description": "Only with group=report"},
            "groups_total": {"type": "integer", "description": "Only with group=report: reports with a match; "
                                                               "page and per_page count these"},
            "groups": {"type": "array", "items": _ref("Group"),
                       "description": "Only with group=report: this page's reports, best first. results then "
                                      "holds these groups' hits, ranked as without grouping"},
            "corrected": {"type": "boolean",
                          "description": "true when the query as typed matched nothing and these are the results "
                                         "for suggestion, a confident spelling correction (autocorrect=false "
                                         "turns this off)"},
            "relaxed": {"type": "boolean",
                        "description": f"Every word is required; true when fewer than {RELAX_BELOW} passages had "
                                       "them all and the words in dropped were given up (see Hit.missing)"},
            "dropped": {"type": "array", "items": _STR, "description": "Words given up when relaxed, as typed"},
            "sort": {"type": "string", "enum": list(SORTS)},
            "year_from": _NULL_INT, "year_to": _NULL_INT,
            "took_ms": {"type": "number", "description": "Time the search took on the server, in milliseconds"},
        },
    },
    "Suggestions": {
        "type": "object", "required": ["query", "suggestions"],
        "properties": {
            "query": _STR,
            "suggestions": {"type": "array", "items": {
                "type": "object", "required": ["text", "kind", "count", "label"],
                "properties": {
                    "text": {"type": "string", "description": "What the search box should hold"},
                    "kind": {"type": "string", "enum": ["term", "heading", "acronym", "long_form", "force"]},
                    "count": {"type": "integer", "description": "Passages using it"},
                    "label": {"type": "string", "description": "How to show it, e.g. \"OCG – organised crime group\""},
                }}},
        },
    },
    "Expansion": {
        "type": "object", "required": ["term", "acronym", "expansion", "direction"],
        "description": "One acronym expansion applied to the query. \"IOM\" gives direction "
                       "\"acronym\" and expansion \"integrated offender management\"; "
                       "\"integrated offender management\" gives direction \"long_form\" and expansion \"IOM\".",
        "properties": {
            "term": {"type": "string", "description": "The query's words that were expanded"},
            "acronym": {"type": "string", "example": "IOM"},
            "expansion": {"type": "string", "description": "What the term was also searched as"},
            "direction": {"type": "string", "enum": ["acronym", "long_form"]},
            "kind": {"type": "string", "enum": ["compound"],
                     "description": "Only for a word the reports write both closed and open (\"cybercrime\", "
                                    "\"cyber crime\"): term as typed, expansion the other form"},
        },
    },
    "Answer": {
        "type": "object",
        "required": ["text", "passage_id", "citation", "url", "confidence", "start", "end", "kind", "items", "note"],
        "properties": {
            "text": {"type": "string", "description": "The answering sentence, or a grade and its area"},
            "passage_id": _STR,
            "citation": {"type": "string", "description": "Reference ready to quote"},
            "url": {"type": "string", "description": "Permalink to the passage in its report"},
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "start": {"type": "integer", "description": "Offset of the answer in the passage text "
                                                        "(0 with end 0 for grade answers read from judgments)"},
            "end": {"type": "integer", "description": "End offset (exclusive) of the answer in the passage text"},
            "kind": {"type": "string", "enum": list(ANSWER_KINDS),
                     "description": "grade, list, number, date, definition, sentence or comparison"},
            "items": {"type": "array", "description": "List and comparison answers: one line each, with its "
                                                      "own report and citation",
                      "items": {"type": "object", "required": ["text", "report", "citation", "url"], "properties": {
                          "text": _STR, "report": _STR, "title": _STR, "organisation": _STR, "year": _STR,
                          "value": {"type": "string", "description": "The grade or value the item gives"},
                          "quote": {"type": "string", "description": "The sentence of the passage that gives it"},
                          "area": {"type": "string", "description": "The judgment area a grade item is for "
                                                                    "(empty for other items)"},
                          "passage_id": _STR, "citation": _STR, "url": _STR}}},
            "note": {"type": "string", "description": "What the reader should know, e.g. that five-tier and "
                                                      "four-tier grades are not directly comparable"},
        },
    },
    "AskResponse": {
        "type": "object", "required": ["question", "answer", "results", "expansions"],
        "properties": {
            "question": _STR,
            "answer": {"allOf": [_ref("Answer")], "nullable": True,
                       "description": "null when nothing in the reports answers the question"},
            "declined_reason": {"type": "string", "nullable": True,
                                "description": "Why there is no answer (e.g. no indexed report covers the force "
                                               "named); null when there is one"},
            "results": {"type": "array", "items": _ref("Hit"), "description": "The passages searched for the answer"},
            "expansions": {"type": "array", "items": _ref("Expansion")},
        },
    },
    "Glossary": {
        "type": "object", "required": ["glossary"],
        "properties": {"glossary": {"type": "array", "items": {
            "type": "object", "required": ["acronym", "expansion"],
            "properties": {"acronym": {"type": "string", "example": "IOM"},
                           "expansion": {"type": "string", "example": "integrated offender management"}}}}},
    },
    "Headline": {
        "type": "object", "required": ["area", "grade", "passage_id", "url"],
        "description": "A grade that sums up a report or one of its pillars (Overall, Effectiveness, Efficiency, "
                       "Legitimacy, People), with the passage that gives it",
        "properties": {"area": _STR, "grade": {"type": "string", "enum": _GRADES}, "passage_id": _NULL_STR,
                       "url": _STR},
    },
    "Latest": {
        "type": "object", "nullable": True,
        "required": ["report", "title", "year", "inspection_year", "grading_scale", "url", "overall", "grades"],
        "description": "The newest graded report on the organisation; null when none is graded",
        "properties": {
            "report": _STR, "title": _STR, "year": _NULL_INT, "inspection_year": _STR, "inspection": _STR,
            "family": _STR, "grading_scale": _STR, "url": _STR,
            "overall": {"type": "array", "items": _ref("Headline"),
                        "description": "Its summing-up grades; empty from PEEL 2021/22 on, which grades areas only"},
            "grades": {"type": "object", "additionalProperties": _INT,
                       "description": "Grade → how many of its areas got it"}},
    },
    "OrganisationSummary": {
        "type": "object", "required": ["id", "name", "organisation_type", "reports", "url", "latest"],
        "properties": {
            "id": {"type": "string", "example": "northshire-constabulary"}, "name": _STR,
            "organisation_type": {"type": "string", "enum": ["police force", "fire and rescue service"]},
            "reports": {"type": "integer", "description": "Indexed reports on it (thematic ones included)"},
            "url": _STR, "latest": _ref("Latest")},
    },
    "TimelineGroup": {
        "type": "object", "required": ["organisation_type", "grading_scale", "caution", "cycles", "rows"],
        "description": "Grades on one scale (four-tier and five-tier are never mixed) by area and cycle",
        "properties": {
            "organisation_type": _STR, "grading_scale": {"type": "string", "enum": ["four-tier", "five-tier"]},
            **_PROGRAMME, "caution": _STR, "cycles": {"type": "array", "items": _STR, "description": "Oldest first"},
            "rows": {"type": "array", "items": {
                "type": "object", "required": ["area", "area_url", "grades", "sources"],
                "properties": {
                    "area": _STR, "area_url": {"type": "string", "description": "The area's national picture"},
                    "grades": {"type": "object", "description": "Cycle → grade, null when not graded",
                               "additionalProperties": {"type": "string", "nullable": True, "enum": _GRADES + [None]}},
                    "sources": {"type": "object", "description": "Cycle → the question as worded, its report and "
                                                                 "the passage giving the grade",
                                "additionalProperties": {"type": "object", "properties": {
                                    "area": _STR, "report": _STR, "passage_id": _NULL_STR, "url": _STR,
                                    "from_table": {"type": "boolean", "description":
                                                   "True when the grade is read from a later report's table of "
                                                   "both inspections' grades (that cycle's report is not "
                                                   "indexed): report and passage are the later report's"}}}}}}}},
    },
    "Organisation": {
        "type": "object",
        "required": ["id", "name", "organisation_type", "url", "latest", "reports", "timeline", "findings",
                     "search_url", "feed_url"],
        "properties": {
            "id": _STR, "name": _STR, "organisation_type": _STR, "url": _STR, "latest": _ref("Latest"),
            "reports": {"type": "array", "description": "Newest first, thematic reports that inspected it included",
                        "items": {"type": "object", "required": ["id", "title", "year", "url"], "properties": {
                            "id": _STR, "title": _STR, "year": _NULL_INT, "inspection_year": _STR, "family": _STR,
                            "inspection": _STR, "grading_scale": _STR, "published": _STR,
                            "organisations": {"type": "array", "items": _STR}, "indexed_at": _STR, "url": _STR}}},
            "timeline": {"type": "array", "items": _ref("TimelineGroup")},
            "findings": {"type": "object", "required": ["open", "progress", "others"],
                         "description": "Causes of concern, recommendations and areas for improvement of its reports: "
                                        "open (no later report on it says what became of them), progress (a later "
                                        "report does) and others (recommendations addressed to other bodies). "
                                        "Items as in /api/recommendations, with a citation",
                         "properties": {k: {"type": "array", "items": {"type": "object"}}
                                        for k in ("open", "progress", "others")}},
            "search_url": {"type": "string", "description": "Search within its reports: add q"},
            "feed_url": {"type": "string", "description": "Atom feed of new reports on it"},
        },
    },
    "NationalPicture": {
        "type": "object", "required": ["area", "key", "url", "cycle", "grade", "groups"],
        "properties": {
            "area": _STR, "key": _STR, "url": _STR, "cycle": _NULL_STR,
            "grade": {"type": "string", "nullable": True, "enum": _GRADES + [None]},
            "groups": {"type": "array", "items": {
                "type": "object", "required": ["organisation_type", "grading_scale", "caution", "grades", "cycles",
                                               "rows"],
                "properties": {
                    "organisation_type": _STR, "grading_scale": _STR, **_PROGRAMME, "caution": _STR,
                    "grades": {"type": "array", "items": {"type": "string", "enum": _GRADES}},
                    "cycles": {"type": "array", "description": "Oldest first: organisations per grade (the chart)",
                               "items": {"type": "object", "required": ["cycle", "counts", "total"], "properties": {
                                   "cycle": _STR, "counts": {"type": "object", "additionalProperties": _INT},
                                   "total": _INT}}},
                    "rows": {"type": "array", "description": "The organisations behind the counts, newest cycle "
                                                             "first (narrowed by cycle and grade)",
                             "items": {"type": "object", "required": ["organisation", "cycle", "grade", "url"],
                                       "properties": {
                                           "organisation": _STR, "organisation_id": _STR, "organisation_url": _STR,
                                           "cycle": _STR, "year": _NULL_INT,
                                           "grade": {"type": "string", "enum": _GRADES},
                                           "area": {"type": "string", "description": "The question as worded"},
                                           "report": {"type": "object", "properties": {
                                               "id": _STR, "title": _STR, "year": _NULL_INT}},
                                           "passage_id": _NULL_STR, "url": _STR}}}}}},
        },
    },
    "Health": {
        "type": "object", "required": ["status", "reports", "passages"],
        "properties": {"status": {"type": "string", "enum": ["ok"]}, "reports": _INT, "passages": _INT},
    },
}


def _query(name: str, description: str, schema: dict | None = None, required: bool = False) -> dict:
    return {"name": name, "in": "query", "required": required,
            "description": description, "schema": schema or _STR}


def _multi(name: str, description: str, item: dict | None = None) -> dict:
    """A filter taking several values: repeated (name=a&name=b) or comma-separated (name=a,b); OR-ed."""
    return {"name": name, "in": "query", "required": False, "style": "form", "explode": True,
            "description": description + ". Repeat it or separate values with commas for any of several.",
            "schema": {"type": "array", "items": item or _STR}}


_YEAR = {"type": "string", "pattern": f"^{YEAR_PATTERN}$"}
_GRADE_PARAM = {"type": "string", "enum": _GRADES,
                "description": "Case and hyphens are ignored: requires-improvement works too"}
_REPORT_FILTERS = [
    _multi("force", "Only this force or fire and rescue service (name as in facets; case is ignored)"),
    _multi("year", "Only this year", _YEAR),
    _multi("family", "Only this report family, e.g. PEEL 2021/22, Fire and rescue, Thematic (case is ignored)"),
    _multi("inspection", "Only this inspection, e.g. PEEL effectiveness (case is ignored)"),
]

_SEARCH_PARAMS = [
    _query("q", "Query: words, \"phrases\", AND/OR/NOT, field:value", _Q, True),
    _query("page", "Result page, from 1 (of report groups with group=report)",
           {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1}),
    _query("per_page", "Results (or report groups) per page", _PER_PAGE),
    *_REPORT_FILTERS,
    _multi("grade", "Only passages in sections with this grade (see Hit.grade)", _GRADE_PARAM),
    _multi("kind", "Only this passage kind"),
    _multi("report", "Only this report id", _REPORT_ID_SCHEMA),
    _query("group", "report: one entry per report (groups), ordered by its best hit",
           {"type": "string", "enum": list(GROUPS)}),
    _query("sort", "relevance (default), newest or oldest (by report year and publication date, then relevance)",
           {"type": "string", "enum": list(SORTS), "default": SORTS[0]}),
    _query("year_from", "Only reports of this year or later", _YEAR),
    _query("year_to", "Only reports of this year or earlier", _YEAR),
    _query("autocorrect", "When the query matches nothing, show the results of a confident spelling correction "
                          "(default true)", {"type": "string", "enum": ["true", "false"], "default": "true"}),
    _query("format", f"json (default), or every result (up to {MAX_EXPORT:,}, page and per_page ignored) as a "
                     f"download: csv or jsonl, one row per passage with {', '.join(EXPORT_COLUMNS)}",
           {"type": "string", "enum": ["json", *EXPORT_FORMATS], "default": "json"}),
]

_REPORT_ID = {"name": "id", "in": "path", "required": True, "schema": _REPORT_ID_SCHEMA}
_COMPARE_PARAMS = [
    *_REPORT_FILTERS,
    _multi("area", "Only these columns: area label or its URL form (e.g. preventing-crime-and-anti-social-behaviour)"),
    _multi("grade", "Only cells with this grade, and the rows and columns holding one", _GRADE_PARAM),
]
_CSV = {"description": "The table as CSV (RFC 4180 quoting), one row per report, one column per area; "
                       "sent as an attachment",
        "content": {"text/csv": {"schema": {"type": "string"}}}}

_PATHS = {
    "/api/search": {"get": {
        "summary": "Search passages", "operationId": "search", "parameters": _SEARCH_PARAMS,
        "responses": {"200": {"description": "Ranked, cited passages (JSON), or all of them as CSV or JSON Lines",
                              "content": {"application/json": {"schema": _ref("SearchResponse")},
                                          "text/csv": {"schema": {"type": "string"}},
                                          "application/x-ndjson": {"schema": {"type": "string"}}}},
                      "400": _ERROR}}},
    "/api/suggest": {"get": {
        "summary": "Completions of a partly typed query", "operationId": "suggest",
        "description": "Words, headings, acronyms and force names of the reports that start with q (and, for "
                       "several words, completions of the last word that follow the one before it in a report), "
                       "most used first.",
        "parameters": [
            _query("q", "What has been typed so far", _Q, True),
            _query("limit", "Most completions returned",
                   {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT}),
        ],
        "responses": {"200": _json(_ref("Suggestions"), "Completions, most used first"), "400": _ERROR}}},
    "/api/ask": {"get": {
        "summary": "Answer a question with a cited sentence", "operationId": "ask",
        "description": "Searches the whole corpus for the question and returns the sentence that answers it, "
                       "or answer null when no passage supports an answer.",
        "parameters": [
            _query("q", "A question in plain words", _Q, True),
            _query("per_page", "Passages returned", _PER_PAGE),
        ],
        "responses": {"200": _json(_ref("AskResponse"), "The answer (or null) and the passages searched"),
                      "400": _ERROR}}},
    "/api/glossary": {"get": {
        "summary": "Acronyms and their long forms", "operationId": "glossary",
        "responses": {"200": _json(_ref("Glossary"), "Every known acronym, sorted")}}},
    "/api/reports": {"get": {
        "summary": "List reports with their judgments", "operationId": "listReports",
        "parameters": _REPORT_FILTERS,
        "responses": {"200": _json({"type": "object", "required": ["reports"], "properties": {
            "reports": {"type": "array", "items": _ref("Report")}}}, "The indexed reports the filters allow"),
                      "400": _ERROR}},
        "post": {
        "summary": "Add a report (admin)", "operationId": "addReport",
        "description": "Upload a PDF or plain-text report; it is parsed, indexed and searchable when this "
                       "returns. Refused with a reason, leaving corpus and index unchanged, when the file "
                       "is not a PDF or text report, cannot be parsed, is larger than 50 MB, duplicates an "
                       "indexed report (by SHA-256), or its name is taken (unless replace=true).",
        "security": [{"bearerAuth": []}],
        "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
            "type": "object", "required": ["file"], "properties": {
                "file": {"type": "string", "format": "binary"},
                "replace": {"type": "string", "enum": ["true", "false"],
                            "description": "Replace an indexed report with the same name"}}}}}},
        "responses": {"201": _json(_ref("Change"), "Added"),
                      "200": _json(_ref("Change"), "Replaced, or already indexed unchanged"),
                      **{code: _ERROR for code in ("400", "401", "403", "409", "413", "415", "422")}}}},
    "/api/compare": {"get": {
        "summary": "Judgments side by side: reports × judgment areas", "operationId": "compare",
        "parameters": _COMPARE_PARAMS + [_query("format", "json (default) or csv",
                                                {"type": "string", "enum": ["json", "csv"], "default": "json"})],
        "responses": {"200": {"description": "The comparison table",
                              "content": {"application/json": {"schema": _ref("CompareResponse")},
                                          "text/csv": {"schema": {"type": "string"}}}},
                      "400": _ERROR}}},
    "/api/recommendations": {"get": {
        "summary": "Causes of concern, recommendations and areas for improvement across reports",
        "operationId": "recommendations",
        "description": "Newest report first. Each item links to the passage that states it; progress lists the "
                       "passages of later reports on the same organisation that clearly report on it.",
        "parameters": [
            _multi("force", "Only items of reports on this organisation (case is ignored)"),
            _multi("year", "Only items of reports of this year", _YEAR),
            _multi("family", "Only items of reports of this family (case is ignored)"),
            _multi("kind", "Only this kind", {"type": "string", "enum": ["cause_of_concern", "recommendation",
                                                                       "area_for_improvement"]}),
            _query("q", "Words every item returned must contain (in any form), e.g. vetting, 31 March 2026",
                   {"type": "string", "maxLength": 200}),
            _query("format", "json (default) or csv", {"type": "string", "enum": ["json", "csv"], "default": "json"}),
        ],
        "responses": {"200": {"description": "The items",
                              "content": {"application/json": {"schema": _ref("Findings")},
                                          "text/csv": {"schema": {"type": "string"}}}},
                      "400": _ERROR}}},
    "/api/compare.csv": {"get": {
        "summary": "The comparison table as CSV", "operationId": "compareCsv",
        "parameters": _COMPARE_PARAMS,
        "responses": {"200": _CSV, "400": _ERROR}}},
    "/api/reports/{id}": {"get": {
        "summary": "One report with its passages in reading order", "operationId": "getReport",
        "parameters": [_REPORT_ID,
                       _query("page", "Page of passages, from 1",
                              {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1}),
                       _query("per_page", "Passages per page",
                              {"type": "integer", "minimum": 1, "maximum": MAX_REPORT_PER_PAGE,
                               "default": REPORT_PER_PAGE})],
        "responses": {"200": _json(_ref("ReportDetail"), "The report"), "400": _ERROR, "404": _ERROR}},
        "delete": {
        "summary": "Remove a report (admin)", "operationId": "deleteReport",
        "security": [{"bearerAuth": []}],
        "parameters": [_REPORT_ID],
        "responses": {"200": _json({"type": "object", "required": ["status", "report"], "properties": {
            "status": {"type": "string", "enum": ["deleted"]}, "report": _ref("ReportSummary")}},
            "Removed from the corpus and the index"),
            **{code: _ERROR for code in ("401", "403", "404", "409")}}}},
    "/api/forces": {"get": {
        "summary": "Police forces and fire and rescue services with their latest summing-up grades",
        "operationId": "listOrganisations",
        "responses": {"200": _json({"type": "object", "required": ["total", "organisations"], "properties": {
            "total": _INT, "organisations": {"type": "array", "items": _ref("OrganisationSummary")}}},
            "Every organisation an indexed report inspected, by name")}}},
    "/api/forces/{id}": {"get": {
        "summary": "One organisation's record: reports, grades across cycles, open findings",
        "operationId": "getOrganisation",
        "parameters": [{"name": "id", "in": "path", "required": True,
                        "schema": {"type": "string", "example": "northshire-constabulary"}},
                       _query("format", "json (default) or csv (the grades, one row per area and cycle)",
                              {"type": "string", "enum": ["json", "csv"], "default": "json"})],
        "responses": {"200": {"description": "The organisation",
                              "content": {"application/json": {"schema": _ref("Organisation")},
                                          "text/csv": {"schema": {"type": "string"}}}},
                      "400": _ERROR, "404": _ERROR}}},
    "/api/areas": {"get": {
        "summary": "Judgment areas with the cycles in which they were graded", "operationId": "listAreas",
        "responses": {"200": _json({"type": "object", "required": ["groups"], "properties": {"groups": {
            "type": "array", "items": {"type": "object", "properties": {
                "organisation_type": _STR, "grading_scale": _STR, **_PROGRAMME, "caution": _STR,
                "areas": {"type": "array", "items": {"type": "object", "properties": {
                    "area": _STR, "key": _STR, "cycles": {"type": "array", "items": _STR},
                    "organisations": _INT}}}}}}}}, "Areas apart by organisation type and grading scale")}}},
    "/api/areas/{id}": {"get": {
        "summary": "The national picture of one area: organisations per grade and cycle, and which ones",
        "operationId": "getArea",
        "parameters": [{"name": "id", "in": "path", "required": True,
                        "description": "The area's URL form (key), e.g. protecting-vulnerable-people-and-supporting-victims",
                        "schema": {"type": "string", "example": "protecting-vulnerable-people-and-supporting-victims"}},
                       _query("cycle", "Only organisations of this cycle in rows, e.g. 2017, 2021/22"),
                       _query("grade", "Only organisations with this grade in rows", _GRADE_PARAM),
                       _query("format", "json (default) or csv", {"type": "string", "enum": ["json", "csv"],
                                                                 "default": "json"}),
                       _query("table", "With format=csv: organisations (default; one row each) or counts (the "
                                       "chart: one row per cycle and grade)",
                              {"type": "string", "enum": ["organisations", "counts"], "default": "organisations"})],
        "responses": {"200": {"description": "The area",
                              "content": {"application/json": {"schema": _ref("NationalPicture")},
                                          "text/csv": {"schema": {"type": "string"}}}},
                      "400": _ERROR, "404": _ERROR}}},
    "/api/health": {"get": {
        "summary": "Liveness and index size", "operationId": "health",
        "responses": {"200": _json(_ref("Health"), "Service is up")}}},
    "/api/openapi.json": {"get": {
        "summary": "This document", "operationId": "openapi",
        "responses": {"200": _json({"type": "object"}, "OpenAPI 3.0 document")}}},
}


def _limited(paths: dict) -> dict:
    """Every operation under the per-client rate limits may answer 429 (the
    health check is exempt), and searches may be cut off at their time
    budget with a 503."""
    for path, operations in paths.items():
        for method, operation in operations.items():
            if path != "/api/health":
                operation["responses"].setdefault("429", _ERROR)
            if path in ("/api/search", "/api/ask"):
                operation["responses"].setdefault("503", _ERROR)
    return paths


_PATHS = _limited(_PATHS)


def spec() -> dict:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Police inspection report search", "version": search_service.__version__,
                 "description": "Search HMIC PEEL inspection reports; every hit carries a citation "
                                "and a permalink. Errors always have the Error shape."},
        "paths": _PATHS,
        "components": {"schemas": _SCHEMAS, "securitySchemes": {
            "bearerAuth": {"type": "http", "scheme": "bearer",
                           "description": "The server's SEARCH_SERVICE_ADMIN_TOKEN"}}},
    }
