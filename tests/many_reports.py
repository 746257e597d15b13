"""What the reports of the multi-report store say, written by hand from
reading each file: metadata and every judgment (the question as worded in the
report, the comparison column it belongs to, the grade).

Adding a report to the multi-report store (conftest.MULTI_FIXTURES) means
adding its entry here; every test over the store then covers it.
"""
from __future__ import annotations

PREVENT = "Preventing crime and anti-social behaviour"
INVESTIGATE = "Investigating crime and reducing re-offending"
VULNERABLE = "Protecting vulnerable people and supporting victims"
SOC = "Tackling serious and organised crime"
PUBLIC = "Treating the public fairly"
ETHICAL = "Ethical and lawful workforce behaviour"
WORKFORCE = "Treating the workforce fairly"

RI = "Requires improvement"

REPORTS = {
    "peel-effectiveness-2015-west-midlands": {
        "file": "corpus/peel-effectiveness-2015-west-midlands.txt",
        "force": "West Midlands Police", "year": 2015, "inspection": "PEEL effectiveness",
        "judgments": [
            ("Overall", "Overall", "Good"),
            ("How effective is the force at preventing crime and anti-social behaviour, and keeping people safe?",
             PREVENT, "Good"),
            ("How effective is the force at investigating crime and managing offenders?", INVESTIGATE, "Good"),
            ("How effective is the force at protecting from harm those who are vulnerable, and supporting victims?",
             VULNERABLE, RI),
            ("How effective is the force at tackling serious and organised crime, including its arrangements for "
             "fulfilling its national policing responsibilities?", SOC, "Good"),
        ],
    },
    "peel-2016-northshire": {
        "file": "tests/fixtures/peel-2016-northshire.txt",
        "force": "Northshire Constabulary", "year": 2016, "inspection": "PEEL effectiveness",
        "judgments": [
            ("Overall", "Overall", RI),
            ("How effective is the force at preventing crime and anti-social behaviour, and keeping people safe?",
             PREVENT, RI),
        ],
    },
    "peel-2017-northshire": {
        "file": "tests/fixtures/peel-2017-northshire.txt",
        "force": "Northshire Constabulary", "year": 2017, "inspection": "PEEL effectiveness",
        "judgments": [
            ("Overall", "Overall", "Good"),
            ("How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?",
             PREVENT, "Good"),
            ("How effective is the force at investigating crime and reducing re-offending?", INVESTIGATE, RI),
            ("How effective is the force at protecting those who are vulnerable from harm, and supporting victims?",
             VULNERABLE, "Good"),
        ],
    },
    "peel-2016-eastmoor": {
        "file": "tests/fixtures/peel-2016-eastmoor.txt",
        "force": "Eastmoor Police", "year": 2016, "inspection": "PEEL effectiveness",
        "judgments": [
            ("Overall", "Overall", RI),
            ("How effective is the force at preventing crime and anti-social behaviour, and keeping people safe?",
             PREVENT, "Good"),
            ("How effective is the force at investigating crime and reducing re-offending?", INVESTIGATE, RI),
            ("How effective is the force at protecting those who are vulnerable from harm, and supporting victims?",
             VULNERABLE, "Inadequate"),
        ],
    },
    "peel-2017-fenmoor": {  # only as PDF; its text checks are in test_pdf
        "file": "tests/fixtures/peel-2017-fenmoor.pdf",
        "force": "Fenmoor Constabulary", "year": 2017, "inspection": "PEEL effectiveness",
        "judgments": [
            ("Overall", "Overall", RI),
            ("How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?",
             PREVENT, "Good"),
            ("How effective is the force at investigating crime and reducing re-offending?", INVESTIGATE, RI),
            ("How effective is the force at protecting those who are vulnerable from harm, and supporting victims?",
             VULNERABLE, "Inadequate"),
        ],
    },
    "peel-legitimacy-2017-eastmoor": {
        "file": "tests/fixtures/peel-legitimacy-2017-eastmoor.txt",
        "force": "Eastmoor Police", "year": 2017, "inspection": "PEEL legitimacy",
        "judgments": [
            ("Overall", "Overall", "Good"),
            ("To what extent does the force treat all of the people it serves with fairness and respect?",
             PUBLIC, "Good"),
            ("How well does the force ensure that its workforce behaves ethically and lawfully?", ETHICAL, RI),
            ("To what extent does the force treat its workforce with fairness and respect?", WORKFORCE, "Outstanding"),
        ],
    },
}


def grades(report_id: str) -> dict[str, str]:
    """Column → grade of one report."""
    return {column: grade for _, column, grade in REPORTS[report_id]["judgments"]}


def section_grade(report_id: str, heading_path: list[str]) -> str:
    """The grade a passage with this heading path sits under, by the rule the
    README documents: the innermost graded question on the path, else Overall."""
    by_question = {q: g for q, _, g in REPORTS[report_id]["judgments"]}
    for heading in reversed(heading_path):
        if heading in by_question and heading != "Overall":
            return by_question[heading]
    return by_question["Overall"]
