"""A later report's table of both inspections' grades: read from the
fixture fire report's PDF text (wrapped grades and area names), never from
any other table of the fixture corpus, and used to answer a change of grade
when the earlier report is not indexed."""
from __future__ import annotations

from search_service.grades_table import Earlier, earlier_grades
from search_service.model import Judgment, Report
from search_service.organisations import Organisation, timeline
from test_question_kinds import _passage_says, answered, store  # noqa: F401


def test_the_fire_reports_table_gives_each_areas_earlier_grade(store):
    with store.searcher():
        found = {p.id: earlier_grades(p.text) for r in store.reports() for p in store.passages(r.id)}
    tables = {pid: t for pid, t in found.items() if t is not None}
    # one table in the whole corpus sets grades beside the last inspection's; no other table (counts by year,
    # recording rates by audit) is read as one
    assert list(tables) == ["frs-2021-22-fenmoor-0007"]
    table = tables["frs-2021-22-fenmoor-0007"]
    assert table.label == "2018/19"
    grades = dict(table.grades)
    assert len(grades) == 14
    assert grades["Effectiveness"] == "Good"  # "Good  Requires / improvement": the wrap belongs to 2021/22
    assert grades["Preventing fires and other risks"] == "Requires improvement"
    # "… affordable now and in Good  Outstanding / the future": the area's name wraps, its grade does not
    assert grades["Making the fire and rescue service affordable now and in the future"] == "Good"
    assert grades["Managing performance and developing leaders"] == "Requires improvement"


def test_text_that_is_not_such_a_table_is_not_read_as_one():
    assert earlier_grades("Question  2018/19  2021/22\nEffectiveness  Good  Requires\nimprovement") is None  # one row
    assert earlier_grades("Role  31 March 2017  31 March 2022\nOfficers  1,116  1,284\nStaff  700  771") is None
    assert earlier_grades("Area  2016  2017\nInvestigating crime  Good  Good\nThe force has improved.\n"
                          "Protecting vulnerable people  Inadequate  Good") is None  # a sentence with a grade word


def test_a_change_of_grade_is_read_from_the_later_reports_table(store):
    a = answered(store, "How has Fenmoor fire's grade for getting the right people changed since its first "
                        "inspection?")
    assert a.kind == "comparison"
    assert a.text == "Fenmoor Fire and Rescue Service: Requires improvement (2018/19) → Good (2021/22)"
    then, now = a.items
    assert then.year == "2018/19" and then.passage_id == "frs-2021-22-fenmoor-0007"  # cited to the table
    _passage_says(store, then, "2018/19")
    assert now.year == "2021/22" and now.value == "Good"


def test_an_earlier_column_goes_on_the_scale_of_its_own_year():
    """A PEEL 2021/22 report (five-tier) setting its grades beside 2018/19's (four-tier, no "Adequate"):
    the earlier grades form a four-tier group of their own, never a column of the five-tier chart; an
    earlier column that grades something "Adequate" is five-tier whatever its year says."""
    later = Report(id="peel-2021-22-xshire", title="PEEL 2021/22 Xshire", force="Xshire Police", year=2021,
                   organisations=["Xshire Police"], organisation_type="police force", family="PEEL 2021/22",
                   inspection_year="2021/22", grading_scale="five-tier",
                   judgments=[Judgment("Investigating crime", "Adequate", "peel-2021-22-xshire-0003")])
    org = Organisation("xshire-police", "Xshire Police", "police force", [later])
    four = Earlier("2018/19", [("Effectiveness", "Good"), ("Efficiency", "Requires improvement")])
    groups = timeline(org, {later.id: (four, "peel-2021-22-xshire-0009")})
    assert [(g["grading_scale"], g["cycles"]) for g in groups] == [("four-tier", ["2018/19"]),
                                                                    ("five-tier", ["2021/22"])]
    cell = groups[0]["rows"][0]["cells"]["2018/19"]
    assert (cell["grade"], cell["report"], cell["passage_id"], cell["from_table"]) == \
        ("Good", later, "peel-2021-22-xshire-0009", True)
    assert groups[1]["rows"][0]["cells"]["2021/22"]["from_table"] is False
    five = Earlier("2019/20", [("Investigating crime", "Adequate"), ("Protecting vulnerable people", "Good")])
    groups = timeline(org, {later.id: (five, "peel-2021-22-xshire-0009")})
    assert [(g["grading_scale"], g["cycles"]) for g in groups] == [("five-tier", ["2019/20", "2021/22"])]
    assert timeline(org) == timeline(org, {})  # no table: the report's own grades only


def test_a_fire_services_earlier_column_is_four_tier_before_its_2023_25_round():
    """Fire and rescue services were first graded on five tiers in 2023–25: a 2023–25 report's column of
    2021/22 grades is four-tier, and each group carries the caution that says so."""
    later = Report(id="frs-2023-25-xmoor", title="Xmoor FRS 2023–25", force="Xmoor Fire and Rescue Service",
                   year=2024, organisations=["Xmoor Fire and Rescue Service"],
                   organisation_type="fire and rescue service", family="Fire and rescue", inspection_year="2023–25",
                   grading_scale="five-tier", judgments=[Judgment("Preventing fires and other risks", "Adequate")])
    org = Organisation("xmoor-fire-and-rescue-service", later.force, "fire and rescue service", [later])
    table = Earlier("2021/22", [("Preventing fires and other risks", "Good"), ("Efficiency", "Good")])
    groups = timeline(org, {later.id: (table, "frs-2023-25-xmoor-0004")})
    assert [(g["grading_scale"], g["cycles"]) for g in groups] == [("four-tier", ["2021/22"]),
                                                                    ("five-tier", ["2023–25"])]
    assert "fire and rescue services from their 2023–25" in groups[1]["caution"]
    assert "compared only with each other" in groups[0]["caution"]
