"""Whether a sentence gives the kind of answer a question wants: a count
of what is asked, a date, a length of time, a frequency, a sum of money, a
share, a deadline, a grade or a person."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from search_service.analysis import STOP_WORDS, stems_of, term_spans
from search_service.answer.checks import (_PHRASE_BREAK_RE, _NEGATED_VERB_RE, _NEGATED_WORD_RE, _NEGATION_RE,
                                          _NUMBER_RE, _NUMBER_WORDS, _SAMPLE_RE)
from search_service.answer.tables import _CAPTION_LABEL_RE, _DATE_RE
from search_service.counts import (ASKS_HELD_RE, CHANGED_BY_RE, COUNT_WORD, DIFFERENCE_RE, DIGITS_RE, NUMERAL_RE,
                                   TIME_AFTER_RE, TIME_UNIT, adds_what_is_counted, counts_what_is_asked)
from search_service.question import (HORIZON_RE, INSPECTION_KIND_RE, LENGTH_ASKED_RE, MONEY_NOUNS, MONTHS, NOT_DATA,
                                     Question, core_of, grades_named)
from search_service.question import MEASURE_ASKED_RE as _MEASURE_ASKED_RE
from search_service.rules import CAPTION_RE, DATED_DEADLINE_RE, STATED_DEADLINE_RE

_WHO_RE = re.compile(r"\b([A-Z][a-z]+ ){1,4}(Police|Service|Agency|Unit|Office|Council|Commissioner|Board|Team|"
                     r"Constable|Inspectorate|Partnership|Alliance|Forum|University)\b|\b(HMIC|NCA|ROCU|PCC|CPS)\b")
_DEF_RE = re.compile(r"\([A-Z][A-Za-z]{1,9}\)|\b(means|is defined as|known as|refers to|is an?|are)\b|"
                     r"\b[A-Z]{2,}\s\([A-Z]")
_LAST_WORD_ASKED_RE = re.compile(r"([A-Za-z][\w-]*)\W*$")
# "a monthly demand reduction board", "a quarterly bulletin": the thing asked about held or done so often, whatever
# the question's verb ("How often does the board meet?")
_HELD_SO_OFTEN_RE = re.compile(r"\b(?:daily|weekly|fortnightly|monthly|quarterly|annual|yearly)\s+"
                               r"(?:[\w-]+\s+){0,3}?([\w-]+)(?=\s*[,.;:(]|\s+(?:for|of|in|on|at|with|which|that|who|to|"
                               r"and|is|are|was|were|meets?|met|chaired|run|held)\b)", re.I)  # the noun ending it
_FREQ_RE = re.compile(r"\b(every (\w+ )?(weeks?|months?|days?|weekdays?|mornings?|evenings?|nights?|years?|fortnight|"
                      r"quarter|shift)|daily|weekly|monthly|quarterly|annually|fortnightly|"
                      r"each (day|weekday|week|month|quarter|year|shift)|once a \w+|"
                      r"twice a \w+|\w+ times a \w+|"
                      r"\w+ (?:days|nights|evenings|mornings|weekends) a (?:week|month|year)|"  # "six days a week"
                      r"(?:\w+ times|twice|once) (?:in|per|each|every) (?:\w+ )?\w+|"
                      # a frequency set by reference: "at the frequency the risk assessment requires"
                      r"at the (?:frequency|intervals?) (?:that |which )?(?:the |its |their |each )?\w+|as often as|"
                      r"regular(ly)?|"
                      # a share of the time: "available for 52 percent of weekday daytime hours", "79 percent of the
                      # time"
                      r"\d+(?:\.\d+)?\s*(?:percent|per cent|%)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
                      r"(?:time|hours|days|nights|shifts|occasions))\b", re.I)  # (and "three times in two years")
_DATE_FULL_RE = re.compile(rf"\b\d{{1,2}} {MONTHS} (19|20)\d\d\b|\b(19|20)\d\d\b")


TYPE_PATTERNS = {"number": _NUMBER_RE, "date": _DATE_RE, "who": _WHO_RE, "definition": _DEF_RE,
                 "frequency": _FREQ_RE,
                 # a grade as prose or a table states one: "is good at", "judged to be good", "graded as adequate", a
                 # cell "Good"; not praise ("good analysis", "a good level of understanding" of a topic no grade
                 # covers) nor "412 outstanding suspects" (not yet dealt with)
                 "grade": re.compile(r"(?:\b(?:is|was|are|were|be|been|being|remains?|remained|now|still|not|rated|"
                                     r"judged|graded)\s+(?:(?:to be|as)\s+)?|\bto be\s+|\bas\s+|(?-i:(?<![\w,] )"
                                     r"(?=[A-Z])))(?<!there is )(?<!there are )(?<!there was )(?<!there were )"
                                     r"(?:outstanding|good|adequate)"
                                     r"(?=\s+(?:at|in|overall|and)\b|[^\S\n]*(?:[.,;:)\n]|$)|\s{2,})|"
                                     r"\b(?:requires?|required) improvement\b|\binadequate\b", re.I)}


_ASKS_SCALE_RE = re.compile(r"\b(?:scale|grades|tiers?)\b", re.I)


# "what share / proportion / percentage of …": a share asked, given best as a percentage; also asked as a fraction
# or a rate (`_SHARE_ASKED_RE`)
_SHARE_ASKED = r"\b(?:what|which) (?:percentage|share|proportion)\b|\bwhat per ?cent\b|\bhow many per ?cent\b"


# the period a figure is counted over ("in the 12 months to 30 June 2015", "the year ending March 2019")
_COUNTED_OVER = (r"\b(?:(?:in|during|for|over) )?(?:the )?(?:12|twelve) months (?:to|ending)(?: \d{1,2})? \w+(?: \d{4})?|"
                 r"\byears? (?:to|ending)(?: \d{1,2})? \w+(?: \d{4})?")
_COUNTED_OVER_RE = re.compile(_COUNTED_OVER, re.I)
_PERIOD_RE = re.compile(rf"{_COUNTED_OVER}|\b\d{{1,2}} {MONTHS}(?: \d{{4}})?", re.I)  # or a day's date


# "It", "Its", "The scheme": the thing the sentence before named. ("This is lower than …" points back to a
# fact, and must not outrank the sentence stating it.)
# "… a partial adoption of this model in other areas": a demonstrative and a noun point back anywhere in it.
_REFERRED = r"(?:scheme|team|unit|programme|panel|project|hub|operation|initiative|campaign|pilot|" \
            r"partnership|model|approach|course|strategy|group|network|board|tool|change|measure|step|reform|" \
            r"arrangement|target)s?"
# "… began a half-day course, Record It Right. … 212 of its 287 sergeants had attended the course.": a thing the
# sentence before introduced ("a … course", "a project"), named again as "the course", "the scheme"
_INTRODUCED_RE = re.compile(rf"\b(?:an?|one)\s+(?:[\w’'-]+\s+){{0,3}}?{_REFERRED}\b", re.I)
_REFERRED_AGAIN_RE = re.compile(rf"\bthe\s+{_REFERRED}\b", re.I)


def refers_back(sentence: str, previous: str) -> bool:
    """Does the sentence name again, as "the …", a thing the sentence before introduced?"""
    return bool(previous) and bool(_REFERRED_AGAIN_RE.search(sentence)) and bool(_INTRODUCED_RE.search(previous))


# "This is lower than …", "That compares with …": a sentence whose subject is the fact before it
_POINTS_BACK_RE = re.compile(r"\W*(?:this|that|these|those)\s+(?:is|are|was|were|represents?|means?|compares?|"
                             r"compared)\b|"
                             # "This delays charging decisions …", "This has led to …": "this" as a verb's subject
                             # (not "This process", "This analysis", whose nouns end in -ss, -us, -is)
                             r"\W*this\s+(?:\w+ly\s+)?(?:has|had|led|meant|left|made|[a-z]+ed|[a-z]+[^sui\W]s)\b",
                             re.I)
# "We told the force about these during the inspection": a demonstrative standing alone points back too; and
# "In 61 of these incidents …", "The best of these …" count from or pick among what came before
_DEMONSTRATIVE_WORDS = (r"(?:about|with|to|for|on) (?:these|those)\b(?=\s*[,.;]|\s+(?:during|in|at|and|by|when|"
                        r"before|after|because)\b)|of (?:these|those)\b(?!\s+(?:who|which|that)\b)")


# (the words that may stand anywhere in the sentence are read in one scan of it: this is read for every sentence)
_ANAPHOR_RE = re.compile(rf"\W*(?:it|its|they|their|the {_REFERRED})\b|"
                         # "Each completes a four-week course …": each of those the sentence before named
                         rf"\W*each(?:\s+of\s+(?:them|these|those))?\s+(?-i:[a-z]+s)\b(?<!ss)|"
                         # "Both forces work with the RCCH …": the forces the sentence before named
                         r"\W*(?:both|the two|these|those)\s+(?:forces|services|constabularies|organisations)\b|"
                         # "The other 7 have not been achieved": the rest of those the sentence before counted
                         r"\W*(?:the\s+(?:other|remaining)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)|"
                         r"the\s+rest)\b(?!\s+of\b)|"
                         # "The other was referred nine days late …": the one left of those the sentence before counted
                         r"\W*the\s+other(?:\s+one)?\s+(?:was|is|had|has|did|went|got)\b|"
                         # "Thirty-one of them replied.", "In 58 of these …": so many of those named before
                         rf"\W*(?:in\s+)?{COUNT_WORD}(?:-[a-z]+)?\s+of\s+(?:them|these|those)\b|"
                         # "Several told us they had not been taught …": some of those the sentence before named
                         r"\W*(?:several|some|many|most|others|a few|few)(?:\s+of\s+(?:them|these|those))?\s+"
                         r"(?:told|said|were|had|did|felt|thought|knew|described|reported|lacked|understood)\b|"
                         rf".*?\b(?:(?:this|these|such) {_REFERRED}\b|"
                         # "Police and partners have come together in that area to …": the place the sentence before
                         # named (not "this area", a report's own area of judgment)
                         r"(?:in|across|within|throughout)\s+that\s+(?:area|district|town|city|place|county|region)\b|"
                         # "The force has since extended IOM to the whole force area": since the state the sentence
                         # before gave ("In 2016 … covered only Greystone"), which names what changed
                         r"(?:has|have|had)\s+since\s+(?-i:[a-z]+(?:ed|en|t))\b|since then\b|"
                         # "A superintendent attends each of them": each of those the sentence before named
                         r"each\s+of\s+them\b|"
                         # "… in these two areas has fallen …": the places the sentence before named
                         r"these\s+(?:(?:two|three|four|five)\s+)?(?:areas|places|towns|districts|sites)\b|"
                         rf"{_DEMONSTRATIVE_WORDS})", re.I)


def _counts_another_failing(sentence: str, question_text: str) -> bool:
    """Does the sentence negate the verb a question negates only outside its counts of a sample, counting another
    failing there ("… did not always identify repeat victims, and in 13 of the 60 calls they did not give callers
    advice …", asked in how many calls they did not identify repeat victims)?"""
    asked = {st for m in _NEGATED_VERB_RE.finditer(question_text) for st in stems_of(m.group(1))}
    samples = list(_SAMPLE_RE.finditer(sentence)) if asked else []
    counted = {st for sample in samples for m in _NEGATED_WORD_RE.finditer(sample.group(1))
               for st in stems_of(next(g for g in m.groups() if g))}
    return bool(counted) and not asked & counted and bool(
        asked & {st for m in _NEGATED_VERB_RE.finditer(sentence) for st in stems_of(m.group(1))})


# what gives a reason, in the sentence or opening the next one
# (a change "after it began to pay on-call firefighters for each hour" says what brought it about)
_SAMPLE_NAMED_RE = re.compile(r"\b(?:the|this|that|our)\s+sample\b", re.I)


_NUMBER_WORD_RE = re.compile(rf"\b{_NUMBER_WORDS}\b", re.I)


# a difference given with its figure: "38 percent fewer offences", "2.1 times more likely", "47 minutes a shift less",
# "from 10 minutes 05 seconds to 10 minutes 52 seconds" (not "260 offenders, fewer than the 310 of 2017")
_FIGURED_DIFFERENCE_RE = re.compile(r"\d[\d,.]*\s*(?:%|per ?cent|times|[a-z]+)?(?:\s+(?:a|an|per|each)\s+[a-z]+)?\s+"
                                    r"(?:fewer|more|less|lower|higher)\b|\bfrom\s+\S*\d[^.;]{0,40}?\bto\s+\S*\d", re.I)
_ASKS_HOW_MUCH_DIFFERENCE_RE = re.compile(r"\bhow much (?:less|more|fewer|lower|higher)\b", re.I)
# how much more is still to be done, not a difference: "How much more does it need to save by 2020/21?" is answered by
# "it needs to save a further £14.2m"
_ASKS_FURTHER_RE = re.compile(r"\bhow much (?:more|further)\b[^?]*\b(?:need|needs|needed|have to|has to|had to|must|"
                              r"still)\b", re.I)
_FURTHER_SAID_RE = re.compile(r"\b(?:a further|another|an additional|the remaining|remaining|still to)\b", re.I)
# a count of what was not done: "How many of the recommendations had it not achieved?"
# (the verb's own negation: "had it not achieved", not "save by not attending")
_COUNT_OF_NOT_RE = re.compile(r"\bhow many\b[^?]*\b(?:(?:had|have|has|did|do|does|was|were|is|are|could|would|will|"
                              r"can)\s+(?:(?!(?:by|for|of|from|in|to|with|at|when|while)\b)[\w’'-]+\s+){0,6}?(?:not|never)|failed to)\b|"
                              r"\bhow many\b[^?]*n[’']t\b",
                              re.I)
_ASKS_TIME_TAKEN_RE = re.compile(r"^\s*how long (?:do|does|did|will|would|should|can)\b[^?]*\b(?:take|took)\b", re.I)
_TAKES_PLACE_RE = re.compile(r"\b(?:take|takes|took|taken|taking) place\b", re.I)
_TAKES_RE = re.compile(r"\b(?:take|takes|took|taken|taking)\b", re.I)
_HOW_LONG_RE = re.compile(r"\bhow (?:long|soon|quickly|fast)\b", re.I)
# a time set as an aim or a rule, not one taken: "a target of attending … within 60 minutes", "should be answered
# within"
_TARGET_WORD_RE = re.compile(r"\b(?:targets?|aims?|aimed|standards?|should|must|expected|meant|supposed|pledges?|"
                             r"commitments?|promises?|required|requires?|deadlines?|goal)\b", re.I)
_CHANGE_VERB = (r"(?:replac\w*|mov(?:e|ed|ing)|bought|buy(?:ing)?|sold|sell(?:ing)?|clos(?:e|ed|ing)|open(?:ed|ing)?|"
                r"add(?:ed|ing)?|cut(?:ting)?|lost|los(?:e|ing)|recruit(?:ed|ing)?|withdr\w*|remov\w*|hir(?:e|ed|ing)|"
                r"upgrad\w*)")


_ACTED_QUALIFIER = r"(?:a further|another|up to|an extra|extra|more|new)"  # between a change verb and its count
_ACTED_ON_RE = re.compile(rf"\b{_CHANGE_VERB}\s+(?:{_ACTED_QUALIFIER}\s+)?"
                          rf"{COUNT_WORD}\b|"
                          # a count of the places something was done at: "fitted solar panels at 12 fire stations"
                          rf"\b(?:at|in|across|into|within)\s+(?:(?:all|only|just)\s+)?(?!(?:19|20)\d\d\b)"
                          rf"{COUNT_WORD}\b(?!\s*(?:%|percent|per cent|of\b|{MONTHS}))|"  # not "at 31 March 2019"
                          # something done to a count ("It has trained 640 frontline officers"), a count allotted
                          # ("Eastmoor Police's share is 296 officers")
                          rf"\b(?:has|have|had)\s+[a-z]+ed\s+{COUNT_WORD}\b|"
                          rf"\b(?:share|allocation|quota|target)\s+(?:is|was|of)\s+{COUNT_WORD}\b|"
                          # a count of those who did something: "612 officers and staff used its counselling services"
                          rf"\b{COUNT_WORD}\s+(?:[\w-]+\s+){{1,4}}?(?<!\band )(?<!\bor )"  # not "… staff and used it"
                          rf"(?:used|attended|received|took|joined|left|called|"
                          rf"visited|applied|responded|completed)\b|"
                          # a count in a state: "612 officers and staff were working with expired vetting clearance"
                          rf"\b{COUNT_WORD}\s+(?:[\w-]+\s+){{1,4}}?(?<!\band )(?<!\bor )(?:were|was|are|is)\s+"
                          rf"(?!employed\b)[a-z]+ing\b",
                          re.I)


_HELD_COUNT_RE = re.compile(rf"\b(?:has|have|had|owns?|operates?|runs?|employs?|keeps?)\s+"  # not "has moved two"
                            rf"(?:(?![\w-]+ed\b)(?!{_CHANGE_VERB}\b)[\w-]+\s+){{0,2}}?{COUNT_WORD}\b", re.I)
# and the other way round: "How many hubs did it open in 2016?" asks what was done, not "the force runs 14 hubs"
_ASKS_ACTED_RE = re.compile(rf"\bhow many\b[^?]*\b(?:does|do|did|has|have|had|will)\b[^?]*?\b({_CHANGE_VERB})\b", re.I)
# what was done to or by what is counted, asked of it: "How many on-call firefighters left …?", "… were recruited"
_ASKS_MOVED_RE = re.compile(rf"\bhow many\b(?:\s+[\w-]+){{1,5}}?\s+(left|leav\w*|join\w*|retir\w*|resign\w*|quit|"
                            rf"{_CHANGE_VERB})\b", re.I)
_ASKS_FUTURE_RE = re.compile(r"\bwhen (?:will|is|are)\b(?=[^?]*\b(?:will|due|going to|expected|planned|next|return|"
                             r"check|revisit)\b)|\bwhen will\b", re.I)
# a paragraph's number where a sentence (or a row read with its headers, on its last line) begins
_PARAGRAPH_NUMBER_RE = re.compile(r"(?:^|(?<=\n))\s*\d{1,2}\.\d{1,2}\s+(?=[A-Z])")
# what is left of a whole ("still to be identified", "yet to be found", "the remaining 12"): asked only as such
# (and a backlog: "a backlog of 1,412 referrals" is what waits, not how many came in)
_REMAINDER_RE = re.compile(r"\b(?:still|yet) to be\b|\bremaining\b|\bleft to\b|\bbacklog of\b", re.I)
_ASKS_REMAINDER_RE = re.compile(r"\b(?:still|yet|remain\w*|left|outstanding|more|backlogs?|wait\w*|await\w*|overdue|"
                                r"queue\w*|unassessed|unallocated|behind)\b", re.I)
_ASKS_EVENT_DATE_RE = re.compile(r"\b(?:when|(?:in )?(?:what|which) (?:year|date|month))\s+"
                                 r"(?:was|were|did|will|is|are|has|have|had)\b", re.I)
_DURATION_RE = re.compile(r"\b(\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                          r"fifteen|twenty|thirty|forty|fifty|sixty|several|few)(?:\s+|-)"
                          r"(?:(?:working|calendar|clear|full|whole|consecutive)\s+)?(seconds?|minutes?|hours?|"
                          r"days?|weeks?|months?|years?)\b|\bwithin (a|an|the) (day|week|month|year)\b", re.I)


# "When are victims surveyed after reporting a crime?": "six to twelve weeks after they reported"
_ASKS_TIME_AFTER_RE = re.compile(r"^\s*when\b[^?]*\b(?:after|before)\b", re.I)
_TIME_AFTER_EVENT_RE = re.compile(rf"(?:{_DURATION_RE.pattern})\s+(?:after|before|of)\b", re.I)


_MONEY_ASKED_RE = re.compile(rf"\b({MONEY_NOUNS}|"
                             r"how much ((?!time\b|hours?\b|minutes?\b|days?\b)\w+ ){0,8}?(save|saved|spend|spent|cost|costs|paid|pay|invest|invested))\b",
                             re.I)
_MONEY_RE = re.compile(r"[£$€]\s?\d|\b\d[\d,.]*\s?(m|bn|k|million|billion|thousand|pounds?)\b", re.I)


# what the inspectors themselves examined, read, heard or met: a sentence counting only that ("To answer them, we
# interviewed 58 staff …, reviewed 31 fire safety audits …", "all 38 we examined had been recorded correctly")
# answers questions about the inspection's fieldwork, not about what a force or service did or had
_FIELDWORK_VERB = (r"(?:examined|reviewed|looked at|listened to|checked|sampled|read|interviewed|visited|held|"
                   r"spoke to|met|(?:made|paid)\s+(?:[\w-]+\s+)?visits\s+to)")  # "we also made unannounced visits to nine …"
_FIELDWORK_SAID = rf"\b(?:we|inspectors|our team)\s+(?:also\s+)?{_FIELDWORK_VERB}\b"  # "we reviewed", "inspectors met"
# (the list of what they did, up to a finding: "We examined 40 cancelled rapes and found that 36 …"; a count standing
# right before "we examined", not a part of a sample: "in 5 of the 12 cases we reviewed")
# (what the inspectors examined, as far as the finding: not past "In the cases we reviewed," which ends it)
_FIELDWORK_RE = re.compile(rf"{_FIELDWORK_SAID}(?!\s*,)"
                           rf"(?:(?!\b(?:found|find|but|which|whom|who|where|when|while|whereas|that|"
                           rf"gave|graded|judged|rated)\b)[^.;:])*|"  # (a judgment given ends what was looked at)
                           rf"\b\d[\d,]*\s+(?:(?!of\b)[\w-]+\s+){{0,4}}?(?:that\s+)?(?:we|inspectors)\s+{_FIELDWORK_VERB}\b", re.I)
_ASKS_FIELDWORK_RE = re.compile(r"\b(?:we|us|our|inspectors?|inspectorate|hmic\w*|inspections?|inspected|fieldwork|"
                                r"review\w*|examin\w*|sampl\w*|look(?:ed)? at|listen\w*|interview\w*|"
                                r"focus groups?|spoke|speak|survey\w*)\b", re.I)


# "How many cases did the inspection review?", "How many calls did inspectors listen to?": a count of the fieldwork
_ASKS_FIELDWORK_COUNT_RE = re.compile(r"\bhow many\b[^?]*\b(?:did|do|have|has|had)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
                                      r"(?:inspectors?|inspection|inspectorate|hmic\w*|we|our team)\s+"
                                      r"(review|examine|look at|listen to|check|sample|read|interview|visit|speak to|meet)\b",
                                      re.I)
_FIELDWORK_SAID_RE = re.compile(_FIELDWORK_SAID, re.I)


def _fieldwork_only(text: str, question_text: str = "") -> bool:
    """Is every figure of the sentence (not its years or lengths of time) one of what the inspectors examined?
    ("all 38 we examined had been recorded correctly" counts a finding too, when the question asks what it says
    of them)"""
    covered = [m.span() for m in _FIELDWORK_RE.finditer(text)
               if not (text[max(0, m.start() - 4):m.start()].lower() == "all "
                       and stems_of(re.split(r"[.;:]", text[m.end():])[0]) & stems_of(question_text))]
    figures = [m for figure in (_FIGURE_RE, _NUMBER_WORD_RE) for m in figure.finditer(text)
               if not TIME_AFTER_RE.match(text, m.end())]  # in words too: "visits to nine police stations"
    return bool(covered) and bool(figures) and all(any(a <= m.start() < b for a, b in covered) for m in figures)


# savings made, asked and said ("has saved", "made £3.6m of savings", "Savings made 2010/11 to 2015/16"), not those to
# come ("needs to save", "Savings still to find")
_ASKS_SAVED_RE = re.compile(r"\b(?:has|have|had)\b[^?]*\bsaved\b|\bdid\b(?![^?]*\b(?:expect|plan|need|aim|intend|"
                            r"forecast|hope|want)\w*\b)[^?]*\bsave\b", re.I)  # (not "did it expect … to save")
_SAVED_RE = re.compile(r"\bsaved\b|\bsavings made\b|"
                       r"\b(?:made|achieved|delivered|realised)\b(?:[^.;]|(?<=\d)\.(?=\d)){0,30}\bsavings\b", re.I)


@lru_cache(maxsize=1024)
def _asks_saved(question_text: str) -> bool:
    """Does the question ask savings made? (Read once a question: asked of every sentence a number question reads.)"""
    return bool(_ASKS_SAVED_RE.search(question_text))


_BY_HOW_MUCH_RE = re.compile(r"\bby how much\b", re.I)
_MONEY_WORD_RE = re.compile(r"[£$€]|\b(?:money|pounds?|save[sd]?|saving|spen[dt]|fund\w*|grants?|pay|paid|precept|"
                            r"council tax|expenditure|invest\w*|financ\w*|afford\w*|value)\b", re.I)


def _only_money(text: str) -> bool:
    """Are all the figures a sentence gives (not its years) sums of money ("£14.2m by 2020/21")?"""
    figures = list(_FIGURE_RE.finditer(text))
    return bool(figures) and all(text[:m.start()].endswith(("£", "$", "€")) or _MONEY_RE.match(text, m.start())
                                 for m in figures)


_FIGURE_RE = re.compile(r"(?<![\w/-])(?!(?:19|20)\d\d\b)\d[\d,.]*(?:\s*(?:%|per ?cent|million|m\b|bn\b))?")


# "How many people live in …?", "How many children are living in the force area?": its population, or a part of it
_LIVE = r"(?:live|lives|lived|living|reside|resided|are resident|were resident)"
# (or are in an area: "How many children are in the Holmbridge force area?" asks its population's children, not "it
# worked with 212 children")
_LIVES_IN_RE = re.compile(rf"\bhow many ((?:[\w-]+ ){{0,2}}?[\w-]+) (?:(?:\w+ )?{_LIVE}\b|(?:are|were) (?:there )?in "
                          r"(?:the )?(?:[\w’'-]+ ){0,3}?(?:force area|county|area|city|region|district)\b)", re.I)
_RESIDENTS_RE = re.compile(r"(?:the )?(?:people|persons|residents|inhabitants)", re.I)


# "a largely rural county of about 910,000 people", "polices … 612,000 people": an area's people, its population
_AREA_PEOPLE_RE = re.compile(r"\b(?:county|area|city|region|district|serves|polices|covers)\b[^.;]{0,40}?"
                             r"(\d[\d,]*(?:\.\d+)?)(?:\s*(million))?\s+(?:people|residents|inhabitants)\b", re.I)


# a figure of the measure the sentence before names: "For Harrowmere this estimate was 742,300."
_MEASURE_BEFORE_RE = re.compile(r"\b(?:this|that)\s+(?:estimate|figure|number|total)\s+(?:is|was|stood at)\s+\S*\d",
                                re.I)


def _states_measure(text: str, measure: str, count: bool = False) -> bool:
    """Does the text give the measure asked for with a figure close after it
    ("a population of 1,046,000", "Population (mid-2017 estimate): 1,046,000"),
    a year not counting as one? A ``count`` is no share: "The population is
    younger …, and 8.9 percent of residents …" gives no population."""
    wanted = stems_of(measure)
    for stem, a, b in term_spans(text, wanted):
        if _RATE_UNIT_BEFORE_RE.search(text, max(0, a - 24), a):
            continue  # "Fires attended per 1,000 population: 2.6": the measure is a rate's unit
        if _RELATIVE_TO_RE.search(text, max(0, a - 30), a):
            continue  # "… has the most relative to its size, with 18": a comparison, the size not given
        if any(m.start() < 60 and not (count and (_SHARE_FIGURE_RE.search(m.group(0)) or re.search(
                r"\bper\s*$", text[b:b + m.start()], re.I)))
               for m in _FIGURE_RE.finditer(text[b:b + 80])):  # a figure starting close after, read whole
            return True
    return False


_SHARE_FIGURE_RE = re.compile(r"%|per ?cent", re.I)
_RELATIVE_TO_RE = re.compile(r"\b(?:relative to|for|in proportion to|compared with)\s+(?:its|their|the|a)\s+(?:[\w-]+\s+)?\Z",
                             re.I)


_PER_UNIT = r"\bper\s+(?:\d[\d,]*|head|person|officer|capita|thousand|hundred|million)\b"  # "per 1,000 people"
_RATE_UNIT_BEFORE_RE = re.compile(_PER_UNIT + r"\s*(?:thousand|million)?\s*(?:of\s+(?:the\s+)?)?\Z", re.I)
_PER_ASKED_RE = re.compile(_PER_UNIT, re.I)


# a count for each one of something: an average or a share out, not a total
_EACH_ASKED_RE = re.compile(rf"\bhow many\b[^?]*\beach\s+(?!{TIME_UNIT}\b)([\w-]+)",
                            re.I)  # (not "each year": a count over a time)
_AVERAGE_ASKED_RE = re.compile(r"\b(?:on )?average\b", re.I)
_EACH_NAMED_RE = re.compile(r"\b(?:each|per|every)\s+([\w-]+)", re.I)
_EACH_GIVEN_RE = re.compile(r"\b(?:average|apiece|a head)\b|\beach\b(?=\s*[,.;)]|\s+(?:and|but|while|with)\b|\s*$)",
                            re.I)


def _gives_each(text: str, unit: str) -> bool:
    """Does the text give a count for each one ("an average of 17 investigations each", "19 cases per
    investigator"), not a count within each of something else ("ten cases a month in each unit")?"""
    unit_stems = stems_of(unit)
    return bool(_EACH_GIVEN_RE.search(text)) or any(
        stems_of(m.group(1)) == unit_stems for m in _EACH_NAMED_RE.finditer(text))
_PER_RE = re.compile(_PER_UNIT + r"|\brate\b.*\d", re.I)
# ("rate per 1,000" names its unit; an accuracy is a share)
_SHARE_ASKED_RE = re.compile(_SHARE_ASKED + r"|\b(?:what|which) fraction\b|\brate\b(?!.*\bper\b)|"
                             r"\b(?:recording )?accuracy\b", re.I)
_SHARE_RE = re.compile(r"%|\bper ?cent\b|" + _PER_UNIT + r"|\b\d[\d,.]*\s+(of|in|out of)\s+(the\s+|every\s+)?\d|"
                       # "one in five", "one call in five", "one recorded crime in twelve"
                       r"\b(one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[a-z]+\s+){0,2}(in|of)\s+(every\s+)?"
                       r"(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|(?!(?:19|20)\d\d\b)\d+)\b|"
                       r"\b(half|a third|a quarter|two[- ]thirds|three[- ]quarters)\b", re.I)


# "Who is the chief constable of X?", "Who was chief constable at the time?": a person holding a post
_POSTS = (r"(?:deputy |assistant )?chief (?:constable|fire officer|executive|officer)|(?:police(?:, fire)? and crime |"
          r"fire and rescue )?commissioner|mayor|head|lead|director|chair")
# ("Who is responsible for West Midlands' national policing responsibilities?" asks who, a post as well as a name)
_WHO_HOLDS_RE = re.compile(rf"^\s*who (?:is|was|are|were) (?!(?:responsible|accountable|in charge)\b)"
                           rf"(?:the|its|their|[\w'’ -]+?['’]s?|(?={_POSTS}\b))\s*", re.I)
_PERSON_RE = re.compile(r"\b([A-Z][a-z]+) (?:[A-Z]\. )?([A-Z][a-z]+)\b")


_ASKS_TIME_OF_DAY_RE = re.compile(r"\b(?:what|which) time\b(?! (?:period|frame|scale)s?\b)", re.I)
_TIME_OF_DAY_RE = re.compile(r"\b\d{1,2}(?:[.:]\d\d)?\s?(?:am|pm)\b|\b\d{1,2}:\d\d\b|\b(?:midnight|midday|noon)\b", re.I)
def _states_deadline(text: str) -> bool:
    """"by 31 December 2022", "immediately", "within 48 hours"; not a date by which something had been done ("By
    March 2018, 74 percent of officers had completed …" says how far it had got)."""
    return any(not _REACHED_BY_RE.match(text, m.end()) and not _REACHED_BEFORE_RE.search(text[:m.start()])
               for m in STATED_DEADLINE_RE.finditer(text)) or bool(_WITHIN_RE.search(text))


_REACHED_BY_RE = re.compile(r",?\s+(?:[^,.;:]{0,60}?\s)?had\s+(?!to\b)", re.I)
# "… had fallen to 96 by 3 March 2023": where a thing had got to by then, said before the date in its clause
# (not a plan it had made: "It had agreed to finish the work by 31 March 2024")
_REACHED_BEFORE_RE = re.compile(r"\bhad\s+(?!to\b)(?:(?!to\s+[a-z])[\w’',.-]+\s+){1,8}?$", re.I)


def _deadline_before(question: Question, sentence: str, previous: str) -> bool:
    """Is a deadline asked, and stated in the sentence before: only there, or
    in the lead-in of the list the sentence is an item of ("By 31 January
    2023, the force should: … clear the backlog …, and make sure that every
    new referral is assessed within 48 hours": the date is the deadline, the
    48 hours a standard)?"""
    return bool(_ASKS_DEADLINE_RE.search(question.text)) and _deadline_of(sentence, previous) and (
        # (an item dated in itself, "… report to the police and crime commissioner … by 31 March 2020", has its own
        # deadline, whatever its list's lead-in says: "should immediately:")
        not _states_deadline(sentence) or previous.rstrip().endswith(":") and not DATED_DEADLINE_RE.search(sentence))


def _deadline_of(sentence: str, previous: str) -> bool:
    """Does the sentence before set the sentence's deadline: a list's lead-in, or a sentence it points back to
    ("… within 24 hours. It should also …"), not any sentence before it ("Of the 50 reports of rape …, 44 of these
    within 24 hours." sets none for "We examined 14 records relating to modern slavery.")?"""
    return bool(previous) and _states_deadline(previous) and (
        previous.rstrip().endswith(":") or bool(_ANAPHOR_RE.match(sentence) or _POINTS_BACK_RE.match(sentence)))


# a time from now: "within six months", "within a year", "in 18 months"
_WITHIN_RE = re.compile(r"\b(?:within\s+(?:the\s+next\s+)?[\w-]+|in\s+(?:a|an|the\s+next\s+[\w-]+|\d+|two|three|four|"
                        r"five|six|nine|twelve|eighteen))\s+(?:working\s+)?(?:hours?|days?|weeks?|months?|years?)\b",
                        re.I)
_PRESCRIBED_RE = re.compile(r"\b(?:must|should|needs? to|has to|have to|due|expected|required|asked)\b", re.I)
# "When should …?", "When must …?": a deadline, or the condition on which it should be done
_ASKS_WHEN_PRESCRIBED_RE = re.compile(r"\s*when\s+(?:should|must)\b", re.I)
# (not a time compared with: "better than when we last inspected"; nor the inspectors' own visit)
_CONDITION_SAID_RE = re.compile(r"(?<!\bthan )\b(?:only\s+)?(?:when|whenever|once|unless)\s+"
                                r"(?!\d|we\b|our\b|the inspectorate\b|hmic\w*\b|inspectors\b)", re.I)
_ASKS_DEADLINE_RE = re.compile(r"\b(?:by when|how soon|deadline|by what date|when (?:must|should|is \w+(?: \w+)? due))\b",
                               re.I)


# the size of a place or an organisation, asked and said (not of a backlog: "How big was the backlog …?" is a count)
# (a place or organisation, named: "the county of Fenmoor", "the Fenmoor county")
_ASKS_SIZE_RE = re.compile(r"^\s*(?i:how (?:big|large|small) (?:is|was) )(?:(?i:the (?:county|area|city|region|force|"
                           r"service) of) |(?i:the) )?(?:[A-Z][\w'’-]*\s*)+"
                           r"(?i:fire|county|area|force area|city|region)?\s*\??\s*$")
_SIZE_SAID_RE = re.compile(r"\d[\d,.]*\s*(?:million\s+)?(?:square|sq\b|km|kilomet|miles?\b|hectares?|acres?|people|"
                           r"residents|inhabitants|officers|staff|firefighters|employees|(?:full-time|FTE))|"
                           r"\b(?:area|population|workforce|establishment|budget)\b[^.;]{0,30}?\d", re.I)


class _NumberAsks(NamedTuple):
    """What a number question asks, read once a question (_typed reads every sentence against it)."""
    money: re.Match | None
    size: re.Match | None
    lives: re.Match | None
    measure: re.Match | None
    per: re.Match | None
    each: re.Match | None
    rate_of_row: bool
    share: re.Match | None
    difference: re.Match | None
    further: re.Match | None
    held: re.Match | None
    acted: re.Match | None
    moved: re.Match | None
    count_of_not: re.Match | None
    remainder: re.Match | None
    fieldwork_count: re.Match | None
    fieldwork: re.Match | None
    by_how_much_not_money: bool
    given: frozenset[str]


@lru_cache(maxsize=1024)
def _number_asks(q: str) -> _NumberAsks:
    """The question's reads that _typed's number checks need, cached by its text."""
    money, per, share = _MONEY_ASKED_RE.search(q), _PER_ASKED_RE.search(q), _SHARE_ASKED_RE.search(q)
    return _NumberAsks(
        money=money, size=_ASKS_SIZE_RE.search(q), lives=_LIVES_IN_RE.search(q), measure=_MEASURE_ASKED_RE.match(q),
        per=per, each=_EACH_ASKED_RE.search(q),
        rate_of_row=bool(per or share or _EACH_NAMED_RE.search(q) or _AVERAGE_ASKED_RE.search(q)),
        share=share, difference=_ASKS_HOW_MUCH_DIFFERENCE_RE.search(q), further=_ASKS_FURTHER_RE.search(q),
        held=ASKS_HELD_RE.search(q), acted=_ASKS_ACTED_RE.search(q), moved=_ASKS_MOVED_RE.search(q),
        count_of_not=_COUNT_OF_NOT_RE.search(q), remainder=_ASKS_REMAINDER_RE.search(q),
        fieldwork_count=_ASKS_FIELDWORK_COUNT_RE.search(q), fieldwork=_ASKS_FIELDWORK_RE.search(q),
        by_how_much_not_money=bool(_BY_HOW_MUCH_RE.search(q) and not money and not _MONEY_WORD_RE.search(q)),
        given=frozenset(DIGITS_RE.findall(q)))


# "How many times was it asked …?" counts occasions, said as a count of times or in a word ("twice", "checked once";
# not "three times as many", "3.1 times more likely", which compare, nor "Once a crime is recorded, …")
_ASKS_TIMES_RE = re.compile(r"\bhow many times\b(?!\s+(?:more|less|higher|lower|greater|as)\b)", re.I)
_TIMES_SAID_RE = re.compile(rf"\b(?:(?<=\w )once|twice|thrice|(?:\d+|{_NUMBER_WORDS})\s+times)\b"
                            r"(?!\s+(?:as|more|less|higher|lower|greater|the|that)\b)", re.I)


def _typed(question: Question, text: str, previous: str = "", row: bool = False) -> bool:
    """A number or date question is answered only by a sentence that has one
    (``previous``: the sentence before, for a count that leaves its noun to it;
    ``row``: a table row, whose column headers say what its cells measure)."""
    if question.kind == "number":
        text = _PARAGRAPH_NUMBER_RE.sub("", text)  # "4.3 Detainees held for long periods …" numbers a paragraph
        asks = _number_asks(question.text)
        if _ASKS_TIMES_RE.search(question.text) and _TIMES_SAID_RE.search(text):
            return True  # "asked to check its answers twice"
        if asks.money and not _MONEY_RE.search(text):
            return False  # "What is the hub's budget?" is answered by a sum, not "it is funded one year at a time"
        if asks.size and not _SIZE_SAID_RE.search(text):
            return False  # "How big is the county of Fenmoor?" is answered by "an area of 3,410 square kilometres" (or
            # its people), not "… a long coastline, three ports and …"
        lives = asks.lives
        if lives:
            # "How many people live in Brackenshire?" asks its population: "a population of 1,046,000" gives it;
            # "How many children live in …?" a part of it, counted as children ("301,000 are children")
            return (_states_measure(text, "population", count=True) or bool(_AREA_PEOPLE_RE.search(text))) and (
                bool(_RESIDENTS_RE.fullmatch(lives.group(1))) or counts_what_is_asked(question, text, previous))
        measure = asks.measure
        if measure and not _states_measure(text, measure.group(1) or measure.group(2)) and not (
                _asks_population(question) and _AREA_PEOPLE_RE.search(text)) and not (  # "a county of 910,000 people"
                _MEASURE_BEFORE_RE.search(text) and _FIGURE_RE.search(text)
                and stems_of(measure.group(1) or measure.group(2)) <= stems_of(previous)):
            # ("For Harrowmere this estimate was 742,300." after "… use the estimated population of each force area")
            # "What is the population of …?" is answered by a population and its figure, not the area beside
            # it or "population estimates for mid-2017"
            return False
        if asks.per and not row and not _PER_RE.search(text):
            return False  # "How many checks per 1,000 people?" is a rate: not "8,690 home fire safety checks"
        each = asks.each
        if each and not _gives_each(text, each.group(1)):
            return False  # "How many investigations does each investigator carry?": "an average of 17 … each"
        if row and not asks.rate_of_row and \
                _PER_ASKED_RE.search(text.partition(":")[0]):
            # "How many checks did it do?" is a count: not the row "Checks per 1,000 population: 14.2"; "What is its
            # net revenue budget?" a sum, not "Net revenue expenditure per head: £218" (but "How many days did each
            # officer lose …?", "… per Harrowmere officer?", "… on average?" asks the row "… per officer: …")
            return False
        if asks.share and not row and not _SHARE_RE.search(text):
            return False  # "What proportion of crime does it record?", "What is its find rate?" are answered by a
            # share or a rate, not "400 records"
        if asks.difference and not (
                DIFFERENCE_RE.search(text) or _FIGURED_DIFFERENCE_RE.search(text) or CHANGED_BY_RE.search(text)) \
                and not (asks.further and _FURTHER_SAID_RE.search(text)):
            return False  # "How much less did they offend?" is answered by "31 percent fewer offences", not a count
        if asks.held and not _HELD_COUNT_RE.search(text) and (
                _ACTED_ON_RE.search(text) or adds_what_is_counted(question, text)):
            return False  # "How many fire engines does it have?" is not "… to replace four fire engines", nor how
            # many detectives "… train 60 extra detectives"
        if (acted := asks.acted) and _HELD_COUNT_RE.search(text) and not (
                stems_of(acted.group(1)) & stems_of(text)):
            return False  # "How many hubs did it open?" is not "… the force runs 14 neighbourhood hubs"
        if (moved := asks.moved) and not stems_of(moved.group(1)) & stems_of(text) and any(
                re.match(_CHANGE_VERB, m.group(0), re.I) for m in _ACTED_ON_RE.finditer(text)):
            return False  # "How many on-call firefighters left?" is not "… a plan to recruit 60 on-call firefighters"
        if asks.count_of_not and not _NEGATION_RE.search(text):
            return False  # "How many … had it not achieved?" is not answered by "achieved 9 of the 21 …"
        if _counts_another_failing(text, question.text):
            return False  # "In how many of the 60 calls did it not identify repeat victims?" is not "… did not always
            # identify repeat victims, and in 13 of the 60 calls they did not give callers advice …"
        if _REMAINDER_RE.search(text) and not asks.remainder:
            return False  # "How much must it save?" is not answered by "Savings still to be identified: £4.6m"
        if fieldwork := asks.fieldwork_count:
            if _FIELDWORK_SAID_RE.search(text):
                if not any(_FIELDWORK_RE.finditer(text)):
                    return False  # "How many cases did the inspection review?" is not "In the cases we reviewed, …
                    # in 41 of 48 cases": a count of what the inspectors examined is one in their clause
            elif not stems_of(fieldwork.group(1)) & stems_of(text) and not (
                    _SAMPLE_NAMED_RE.search(text) and stems_of(fieldwork.group(1)) & stems_of(previous)):
                return False  # "How many staff did inspectors interview?" is not "Our staff survey was completed by
                # 212 of the service's staff": what the inspectors did, said as they did it, or in its own verb (or
                # the sample it made, after the sentence saying so: "We reviewed 150 crime records … The sample
                # comprised 75 rural crime records, 40 wildlife crime records …")
        if not asks.fieldwork and _fieldwork_only(text, question.text):
            return False  # "How many crimes were reported online?" is not "all 38 we examined had been recorded"
        if _asks_saved(question.text) and not _SAVED_RE.search(text):
            return False  # "How much has it saved?" is not "It needs to save £11.2m by 2026/27 and has identified how
            # it will save £8.4m of this": savings to come
        if asks.by_how_much_not_money and _only_money(text):
            return False  # "By how much will it cut its police staff?" is not "it needs to save a further £14.2m"
        caption = bool(CAPTION_RE.match(text.lstrip()))
        text = _CAPTION_LABEL_RE.sub(" ", text)  # "Figure 7: …" numbers a chart; it states no value
        given = asks.given
        if given and not row and not _NUMBER_WORD_RE.search(text) and \
                set(DIGITS_RE.findall(_DATE_FULL_RE.sub(" ", _PERIOD_RE.sub(" ", text)))) <= given:
            return False  # "How many 999 calls …?": the "999" of "Counts of 999 calls … come from …" is no answer
        # "rates in West Midlands (per 1,000 population)" names a unit: its number is no value
        text = _PER_ASKED_RE.sub(" per unit ", text)
        if caption and not re.search(r"\d", _DATE_FULL_RE.sub(" ", _PERIOD_RE.sub(" ", text))):
            return False  # "Figure 1: Crime rates … for the five year period to 30 June 2015" titles a chart
        return bool(_NUMBER_RE.search(_DATE_FULL_RE.sub(" ", text)) or "%" in text) and \
            counts_what_is_asked(question, text, previous)
    if question.kind == "date":
        if _ASKS_TIME_OF_DAY_RE.search(question.text):
            return bool(_TIME_OF_DAY_RE.search(text))  # "After what time …?": "after 11pm", not a year
        if _ASKS_DEADLINE_RE.search(question.text):
            # "By when must it train its officers?": "within six months, gives every officer training", or a
            # bullet under "By 31 December 2022, the service should:"; a date of something done ("audited only
            # 412 of them in 2021") sets no deadline
            stated = [t for t in (text,) if _states_deadline(t)] + [previous] * _deadline_of(text, previous)
            if not stated and _ASKS_WHEN_PRESCRIBED_RE.match(question.text) and any(
                    len(stems_of(text[:m.start()]) & stems_of(core_of(question.text))) > 1
                    for m in _CONDITION_SAID_RE.finditer(text)):
                return True  # "When should officers take someone into custody?" may ask on what condition: "take
                # people into custody only when it is necessary …", said of what is asked (its doing and its
                # object, not "staff" alone: "Staff knew when the shift would end")
            if stated or _PRESCRIBED_RE.search(question.text):
                return bool(stated)
        if _HOW_LONG_RE.search(question.text) or LENGTH_ASKED_RE.match(core_of(question.text)):
            # "How long did callers wait?", "What was the average wait?": a length of time, not a date; asked how
            # long a thing takes, not when it takes place ("meant to take place within 72 hours of a child's return")
            return bool(_DURATION_RE.search(text)) and not (
                _ASKS_TIME_TAKEN_RE.search(question.text) and _TAKES_PLACE_RE.search(text)
                and not _TAKES_RE.search(_TAKES_PLACE_RE.sub(" ", text))) and not (
                # "How long does it take to attend priority incidents?" is not "The force sets a target of attending
                # them within 60 minutes": a time aimed at, unless that is what is asked
                not _TARGET_WORD_RE.search(question.text)
                and all(_TARGET_WORD_RE.search(_PHRASE_BREAK_RE.split(text[max(0, m.start() - 60):m.start()])[-1])
                        for m in _DURATION_RE.finditer(text)))  # (in its own clause: "…, but took 22 minutes")
        if _ASKS_FUTURE_RE.search(question.text) and _WITHIN_RE.search(text):
            return True  # "When will the inspectorate return?": "within a year", "in six months", a time from now
        if _ASKS_TIME_AFTER_RE.search(question.text) and _TIME_AFTER_EVENT_RE.search(text):
            return True  # "When are victims surveyed after reporting a crime?": "six to twelve weeks after they
            # reported the crime", a time from the event the question names
        if _ASKS_EVENT_DATE_RE.search(question.text):
            # "In what year was its last inspection?" asks when something happened: the period a figure is
            # counted over ("increased by 2 percent for the 12 months to 30 June 2015") dates no event; a day's
            # date does ("open from 10 January to 4 February 2022")
            text = _COUNTED_OVER_RE.sub(" ", text)
        # "our 2017 effectiveness inspection" names an inspection; it dates nothing asked; nor does "since our
        # last inspection", which names no date at all
        # nor does the year of an Act's title ("the Police and Criminal Evidence Act 1984")
        text = HORIZON_RE.sub(" ", _ACT_YEAR_RE.sub(" ", _PLAN_NAME_YEAR_RE.sub(" ", text)))  # nor a plan's horizon:
        # "projections to 2020", nor its name: "a clear plan, Northshire 2027"
        text = _OUR_EARLIER_CLAUSE_RE.sub(" ", text)  # nor "which we praised in 2017": when the inspectors saw it
        text = _LABEL_YEAR_RE.sub(" ", text)  # nor "our 2014 recommendations": which ones, not when
        text = _without_years_asked(text, question.text)  # nor the year the question names itself
        text = _without_compared_years(text, question.text)  # nor the year of a figure compared with
        text = _without_dated_modifiers(text, question.text)  # nor "…, last revised in April 2024": another's date
        if _ASKS_INSPECTION_DATE_RE.search(question.text) and (asked := INSPECTION_KIND_RE.findall(
                question.text)) and (said := INSPECTION_KIND_RE.findall(text)) and not {
                k.lower() for k in asked} & {k.lower() for k in said}:
            return False  # "When was Eastmoor's last legitimacy inspection?" is not "… our last crime data integrity
            # inspection of the force in 2018": an inspection of another kind
        if _ASKS_INSPECTION_DATE_RE.search(question.text):
            # "In what year was its previous crime inspection?" is answered by a year an inspection is named or done
            # in ("HMIC's 2014 crime inspection", "inspection of crime data in 2014"), not by a deadline set in one
            return bool(_INSPECTION_YEAR_RE.search(text) or _INSPECTION_DATED_RE.search(text))
        if _ASKS_HABIT_RE.match(question.text) and _TIME_OF_RE.search(text):
            return True  # "When do officers complete their e-learning?": "… in officers' own time"
        return bool(_DATE_RE.search(_INSPECTION_YEAR_RE.sub(" ", _SINCE_EVENT_RE.sub(" ", text))))
    if question.kind == "grade" and len(grades_named(text)) >= 3 and not re.search(
            r"\d\s*(?:[;,]|$)", text) and (question.organisations or not _ASKS_SCALE_RE.search(question.text)):
        return False  # "We grade each topic on a five-tier scale: outstanding, good, …" names the scale, no grade
        # (a table's columns named by grade hold counts: "Good 12; Requires improvement 9; Inadequate 4"); unless
        # the scale is what is asked: "What are the grades on the five-tier scale?"
    if question.kind == "frequency" and (last := _LAST_WORD_ASKED_RE.search(core_of(question.text))) and \
            last.group(1).lower() not in STOP_WORDS and not stems_of(last.group(1)) & stems_of(f"{previous} {text}") \
            and not any(stems_of(m.group(1)) & (stems_of(core_of(question.text)) - stems_of(last.group(1)))
                        for m in _HELD_SO_OFTEN_RE.finditer(text)):
        return False  # "How often does its scrutiny panel meet?" is not "… publishes its data each quarter and
        # explains it to the … Scrutiny Panel": what is done so often is the question's last word, or its object
        # (its scope aside: "… (2015 inspection)")
    if question.kind in ("grade", "frequency"):
        return bool(TYPE_PATTERNS[question.kind].search(text))
    if question.kind == "who" and _WHO_HOLDS_RE.match(question.text):
        # "Who is the chief constable of Harrowmere?" asks for a person: a name the question does not give
        asked = set(re.findall(r"[A-Z][a-z]+", question.text))
        return any(not {first, last} & asked for first, last in _PERSON_RE.findall(text))
    if question.kind == "who" and (verb := _WHO_VERB_RE.match(question.text)) and not (
            stems_of(verb.group(1)) & stems_of(text)) and any(
            not stems_of(m.group(1)) & stems_of(question.text) for m in _DONE_BY_RE.finditer(text)):
        return False  # "Who works in the Safe Streets programme?" is not "The programme was evaluated by Northmoor
        # University": someone did something else to it
    if question.kind == "who" and (verb := _WHO_VERB_RE.match(question.text)) and (
            said := [w for w in re.findall(r"[A-Za-z]+", text) if stems_of(w) & stems_of(verb.group(1))]) and all(
            _AGENT_NOUN_RE.fullmatch(w) for w in said):
        return False  # "Who manages custody in Wealdmarsh?" is not "We held 22 interviews … with custody staff,
        # officers, managers and partners": the verb's stem only in the noun of those who do it, no one said to do it
    if question.kind == "who" and (verb := _WHO_VERB_RE.match(question.text)) and (
            role := _ROLE_VERBS.get(verb.group(1).lower())) and not re.search(role, text, re.I):
        return False  # "Who chairs the scrutiny panel?" is not "… the panel, whose 16 members include four young
        # people": who chairs, funds or runs something is said in that verb or its noun ("chaired by", "its chair")
    if question.kind == "who" and (verb := _WHO_VERB_RE.match(question.text)) and _WE_DID_RE.search(text) and not (
            _PERSON_RE.search(text) or _WHO_RE.search(text)) and not any(
            not re.search(r"\bwe\s+(?:\w+\s+)?\Z", text[:m.start()], re.I)
            for m in re.finditer(rf"\b{re.escape(verb.group(1))}\b", text, re.I)):
        return False  # "Who inspected Wealdmarsh custody?" is not "When we inspected, 11 detention officer posts were
        # vacant …", nor "We told the force about these …": the inspectors ("we") did what the sentence tells, and
        # those it names (officers, the force) did not; it names no one who did what is asked (what "we found"
        # others do may: "We found that sergeants review every case"; and those it says did it: "We carried out the
        # inspection after … rural charities … raised concerns")
    if question.kind == "who":
        # "Who inspected Wealdmarsh's custody suites?" is answered by someone: a person, a body or a post ("led by a
        # detective chief superintendent"), not "We last inspected custody in Wealdmarsh in 2017"
        asked = set(re.findall(r"[A-Z][a-z]+", question.text)) | _NOT_NAMES
        # an agent the question names is what it asks about: "There are three local safeguarding children
        # partnerships" says who no one is, asked who attends them
        return bool(any(not {first, last} & asked for first, last in _PERSON_RE.findall(text)) or
                    any(not set(m.group(0).split()) & asked for m in _WHO_RE.finditer(text)) or
                    any(stems_of(_with_modifier(text, m)) - stems_of(question.text) for m in _AGENT_RE.finditer(text)) or
                    bool(_BY_ACRONYM_RE.search(text)))
    return True


# "When do …?", "When is …?" ask when something is done as a rule, which a time of day or week or "their own time"
# says (not "When did …?", an event's date)
_ASKS_HABIT_RE = re.compile(r"\s*when\s+(?:do|does|is|are)\b", re.I)
_TIME_OF_RE = re.compile(r"\b(?:in\s+(?:their|his|her|its|[\w’']+[’']s?)\s+own\s+time|at\s+(?:night|weekends?)|"
                         r"overnight|in\s+the\s+(?:evenings?|mornings?|afternoons?)|out\s+of\s+hours|"
                         r"outside\s+(?:office|working|normal)\s+hours|during\s+the\s+(?:day|night)|"
                         r"(?:mon|tues|wednes|thurs|fri|satur|sun)days|weekdays)\b", re.I)


# a year or a financial year standing alone, not a day's or a month's ("March 2017" dates more than "2017" asked)
_YEAR_ALONE_RE = re.compile(rf"(\b{MONTHS}\s+)?(?<![\w/–-])((?:19|20)\d\d(?:[/–-]\d{{2,4}})?)(?![\w/–-])")


@lru_cache(maxsize=1024)
def _years_alone(asked: str) -> frozenset[str]:
    """The years and financial years a question names standing alone ("for 2024/25"), read once a question."""
    return frozenset(m.group(2) for m in _YEAR_ALONE_RE.finditer(asked) if not m.group(1))


def _without_years_asked(text: str, asked: str) -> str:
    """The sentence without the years a question names: "When was the hub's funding for 2024/25 confirmed?" is not
    answered by "In 2024/25 the RCCH had eight staff", whose only date is the one asked about."""
    named = _years_alone(asked)
    return _YEAR_ALONE_RE.sub(lambda m: " " if m.group(2) in named and not m.group(1) else m.group(0),
                              text) if named else text


# the verb of "Who works in …?", "Who funds …?" (not "Who is …", "Who does the force work with?")
_WE_DID_RE = re.compile(r"\bwe\s+(?:(?:also|last|first|then|have|had|jointly)\s+)?(?!(?:found|saw|heard|noted|"
                        r"learned|learnt|were|are|was|also)\b)[a-z]+\b", re.I)
_WHO_VERB_RE = re.compile(r"\s*who\s+(?!(?:is|are|was|were|does|do|did|has|have|had|will|would|can|could|should|must|"
                          r"may|might)\b)([a-z]+)\b", re.I)
# the verbs of a role no title implies (a chief constable leads a force, nobody chairs by title): the word the
# sentence must say it in
_ROLE_VERBS = {verb: rf"\b{said}" for verbs, said in (
    ("chair chairs chaired", r"chair"), ("fund funds funded", r"fund"), ("run runs ran", r"(?:runs?|running|ran)\b"))
    for verb in verbs.split()}
_AGENT_NOUN_RE = re.compile(r"[a-z]+(?:er|or)s?", re.I)  # "managers", "investigators": who do what a verb says
_DONE_BY_RE = re.compile(r"\b([a-z]+(?:ed|en|t))\s+by\b", re.I)  # "evaluated by", "written by", "built by"
_BY_ACRONYM_RE = re.compile(r"\b(?:by|from)\s+(?:the\s+)?(?-i:[A-Z]{2,8})s?\b")  # "provided by the RCCH": a body


_MODIFIER_RE = re.compile(r"([a-z][\w-]*)\s+$", re.I)


def _with_modifier(text: str, agent: re.Match) -> str:
    """An agent with the word before it ("response officers"): asked "Who are the first officers at crime scenes?",
    the kind of officer is who, though "officers" is the question's own word."""
    before = _MODIFIER_RE.search(text, 0, agent.start())
    if before and before.group(1).lower() not in STOP_WORDS:
        return f"{before.group(1)} {agent.group(0)}"
    return agent.group(0)


# capitalised words of titles, laws and places that two of make no one's name ("the Police and Criminal Evidence Act")
_NOT_NAMES = frozenset("Act Acts Criminal Evidence Justice Police Crime Constabulary Service Services Fire "
                       "Rescue National Royal County Council Court Courts Health Mental Children Social The This That "
                       "In On At Of For And Our We It Its".split())
_AGENT_RE = re.compile(r"\b(?:officers?|inspectors?|superintendents?|constables?|sergeants?|commissioners?|managers?|"
                       r"co-?ordinators?|analysts?|investigators?|detectives?|staff|teams?|units?|panels?|boards?|"
                       r"universit(?:y|ies)|charit(?:y|ies)|trusts?|councils?|partnerships?|services?|agenc(?:y|ies)|"
                       # (not a place or a thing of the force's: "the force contact centre", "force records")
                       r"forces?(?!\s+(?:areas?|boundar|contact|control|headquarters|records?|data|systems?|polic|"
                       r"website))|advisers?|advisors?|workers?|nurses?|doctors?|volunteers?|"
                       r"(?:an?|the|its|their)\s+(?:\w+\s+)?leads?|heads?|directors?|"  # not "the theft of lead"
                       r"chairs?|chief|registrars?|handlers?|supervisors?|partners?|organisations?|groups?|"
                       r"consultants?|specialists?|experts?|practitioners?|professionals?|employees?|contractors?|"
                       r"dealers?|farmers?|landowners?|dioceses?|providers?|schools?|hospitals?)\b",
                       re.I)


def _asks_population(question: Question) -> bool:
    """"How many people live in X?", "What is the population of X?"."""
    if question.kind != "number":
        return False
    lives = _LIVES_IN_RE.search(question.text)
    measure = _MEASURE_ASKED_RE.match(question.text)
    return bool(lives and _RESIDENTS_RE.fullmatch(lives.group(1))) or bool(
        measure and (measure.group(1) or measure.group(2) or "").lower() == "population")


_BEGAN = (r"open\w*|start\w*|began|begin\w*|begun|launch\w*|introduc\w*|set up|creat\w*|establish\w*|since|"
          r"first|new|went live|go live|gone live|came into|set out")
_EVENTS = [(re.compile(rf"\b(?:{asked})\b", re.I), re.compile(rf"\b(?:{said})\b", re.I)) for asked, said in (
    (r"open|opened|start|started|begin|began|launch|launched|introduce|introduced|set up|create|created|"
     r"establish|established", _BEGAN),
    (r"appoint|appointed|recruit|recruited|hire|hired", r"appoint\w*|recruit\w*|hir\w*|join\w*|new|first|since"),
    (r"close|closed|shut|end|ended|stop|stopped|finish|finished|complete|completed",
     r"clos\w*|shut\w*|end\w*|stop\w*|ceas\w*|finish\w*|complet\w*"))]


_OUR_EARLIER_CLAUSE_RE = re.compile(r"\b(?:which|that|as|when)\s+we\s+(?:\w+\s+){0,2}?(?:described|praised|found|"
                                    r"reported|said|noted|called|highlighted|recognised|identified|saw|inspected|"
                                    r"recommended|criticised)\b[^,.;]*?\b(?:in|during)\s+(?:our\s+)?(?:19|20)\d\d"
                                    r"(?:\s*[/–-]\s*\d\d)?\b", re.I)


# the year of a figure compared with ("… now has six investigators, compared with two in 2017"): it dates the figure
# before, not anything done
_COMPARED_YEAR_RE = re.compile(r"\b(?:compared (?:with|to)|than|up from|down from)\s+(?:[\w,.%£-]+\s+){0,4}?"
                               r"(?:in|at|during)\s+(?:19|20)\d\d(?:\s*[/–-]\s*\d\d)?\b", re.I)


@lru_cache(maxsize=1024)
def _numbers_named(asked: str) -> frozenset[str]:
    """The numbers a question names, in figures or words, read once a question."""
    return frozenset({w.lower() for w in NUMERAL_RE.findall(asked) if w} | set(DIGITS_RE.findall(asked)))


def _without_compared_years(text: str, asked: str) -> str:
    """The sentence without the years of the figures it compares with, unless the figure is the one asked ("When did
    it have two investigators?": "… compared with two in 2017")."""
    numbers = _numbers_named(asked)
    return _COMPARED_YEAR_RE.sub(lambda m: m.group(0) if numbers & {w.lower() for w in re.findall(
        r"[\w,.]+", m.group(0))} else " ", text)


# a date set after a noun by a participle ("We carried out this inspection under our methodology, last revised in
# April 2024"): the date of that noun's doing
_DATED_MODIFIER_RE = re.compile(rf",\s+(?:(?:last|first|most recently|recently|originally)\s+)?(\w+ed)\s+(?:in|on)\s+"
                                rf"(?:\d{{1,2}}\s+)?(?:{MONTHS}\s+)?(?:19|20)\d\d\b", re.I)


def _without_dated_modifiers(text: str, asked: str) -> str:
    """The sentence without the dates of a noun's own doing, unless that doing is what is asked ("When did the hub
    open?": "The Wexley hub, opened in April 2015, …"; in any word of its event's family: "When did it start?")."""
    def kept(m: re.Match) -> bool:
        done = m.group(1)
        return bool(stems_of(done) & stems_of(asked)) or any(
            asked_rx.search(asked) and said.fullmatch(done) for asked_rx, said in _EVENTS)
    return _DATED_MODIFIER_RE.sub(lambda m: m.group(0) if kept(m) else " ", text)


_ACT_YEAR_RE = re.compile(r"(?<=\bAct)\s+(?:of\s+)?(?:19|20)\d\d\b")  # "Mental Health Act 1983": a title
# a plan named with its horizon: "a clear plan, Northshire 2027, which …", "the Brackenshire 2025 plan" (a name, as
# an Act's year is, not a date)
_PLAN_NAME_YEAR_RE = re.compile(rf"\b(?:plan|strategy|programme|vision),?\s+(?:called\s+|named\s+)?(?!{MONTHS}\b)"
                                rf"[A-Z][a-z]{{2,}}[\w-]*\s+(?:19|20)\d\d\b|"
                                rf"\b(?!{MONTHS}\b)[A-Z][\w-]{{1,}}\s+(?:19|20)\d\d(?=\s+(?:change\s+)?(?:plan|strategy|"
                                rf"vision|programme|project)s?\b)")


# a year naming what an inspection gave, dating nothing else: "its response to our 2014 recommendations"
_LABEL_YEAR_RE = re.compile(r"\b(?:our|the|its|their|HMIC\w*[’']s)\s+(?:19|20)\d\d(?:/\d\d)?\s+(?:recommendations?|"
                            r"findings?|areas? for improvement|causes? of concern)\b", re.I)
_SINCE_EVENT_RE = re.compile(r"\b(?:since|until|between)\s+(?:our|the|its|their|this|that|HMICF?R?S?[’']s)\s+"
                             r"(?:[\w’'-]+\s+){0,2}(?:inspection|report|assessment|visit)s?\b(?!\s+(?:in|of)\s+\d)|"
                             # "have halved since it began": an event, no date
                             r"\b(?:since|until)\s+(?:it|they|then|he|she)\s+(?:\w+\s+){0,2}?(?:began|begun|started|"
                             r"opened|launched|was set up|were set up|was introduced|were introduced)\b",
                             re.I)
# "In what year was its previous crime inspection?", "When did HMIC last inspect it?"
# (the inspection the subject: not "When was the staff survey for the Dunmere inspection open?")
_ASKS_INSPECTION_DATE_RE = re.compile(r"\b(?:when|what year|which year)\s+(?:was|were|did|had)\s+"
                                      r"(?:(?!(?:for|of|in|during|about|at|on|by|from|with)\b)[\w’'-]+\s+){0,6}?"
                                      r"(?:inspections?|inspect(?:ed)?)\b(?![’']s\b)",  # not "the inspection's X"
                                      re.I)
# an inspection, its fieldwork or a visit, and the year it was in ("Our fieldwork … took place over two weeks in
# February and March 2019"), not a deadline ("by 2019")
_INSPECTION_DATED_RE = re.compile(r"\b(?:inspect\w*|fieldwork|visit\w*)\b[^.;]{0,80}?"
                                  r"(?<!\bbefore )(?<!\bby )(?<!\buntil )\b(?:19|20)\d\d\b", re.I)
_INSPECTION_YEAR_RE = re.compile(r"\b(?:19|20)\d\d(?:\s*[/–-]\s*\d\d)?(?=" + NOT_DATA + ")", re.I)
