"""Sentence splitting with NLTK's Punkt, trained on our own corpus.

No downloads: the model is learned from the indexed passages at index time
and saved as plain JSON beside the index. Punkt never splits without
punctuation, so paragraphs, table rows and list items are separated first.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache, partial
from pathlib import Path

from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken, PunktTrainer

from search_service.analysis import SENTENCE_END_RE

# Abbreviations every inspection report uses, whatever the training sample.
KNOWN_ABBREVIATIONS = {"e.g", "i.e", "etc", "no", "para", "paras", "fig", "approx", "vs", "cf", "st", "dr",
                       "mr", "mrs", "ms", "supt", "insp", "det", "sgt", "pc", "ch", "vol"}


class PlainLanguageVars(PunktLanguageVars):
    """Punkt's own patterns, compiled with the standard library. NLTK runs
    every pattern through ``nltk.redos`` (the ``regex`` engine under a
    timeout), a guard for patterns callers supply; these are NLTK's fixed
    ones, and ``re`` runs them about a fifth faster. The sentences found are
    the same (``tests/test_answer_rules.py`` compares every passage)."""

    re_boundary_realignment = re.compile(PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE)

    def _word_tokenizer_re(self):
        try:
            return self._plain_word_re
        except AttributeError:
            self._plain_word_re = re.compile(self._word_tokenize_fmt % {
                "NonWord": self._re_non_word_chars, "MultiChar": self._re_multi_char_punct,
                "WordStart": self._re_word_start}, re.UNICODE | re.VERBOSE)
            return self._plain_word_re

    def period_context_re(self):
        try:
            return self._plain_period_re
        except AttributeError:
            self._plain_period_re = re.compile(self._period_context_fmt % {
                "NonWord": self._re_non_word_chars, "SentEndChars": self._re_sent_end_chars}, re.UNICODE | re.VERBOSE)
            return self._plain_period_re


_NON_PUNCT_RE = re.compile(r"[^\W\d]", re.UNICODE)


class PlainToken(PunktToken):
    """A Punkt token whose tests use ``re`` (see ``PlainLanguageVars``)."""
    _RE_ELLIPSIS = re.compile(r"\.\.+$")
    _RE_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
    _RE_INITIAL = re.compile(r"[^\W\d]\.$", re.UNICODE)
    _RE_ALPHA = re.compile(r"[^\W\d]+$", re.UNICODE)

    @property
    def is_non_punct(self):
        return _NON_PUNCT_RE.search(self.type)


class RememberingPunkt(PunktSentenceTokenizer):
    """Punkt that remembers, for each context it tests ("officers. The"), whether
    it holds a sentence break: the answer depends on the context and the
    learned parameters alone, and the same few thousand contexts recur in
    every passage (testing one tokenizes and annotates it, most of Punkt's
    time)."""

    CONTEXTS_KEPT = 100_000

    def text_contains_sentbreak(self, text: str) -> bool:
        known = self.__dict__.setdefault("_breaks", {})
        found = known.get(text)
        if found is None:
            if len(known) >= self.CONTEXTS_KEPT:
                known.clear()
            found = known[text] = super().text_contains_sentbreak(text)
        return found


def train(texts: list[str]) -> dict:
    """Punkt parameters learned from passage texts, as JSON-able data."""
    trainer = PunktTrainer(lang_vars=PlainLanguageVars(), token_cls=PlainToken)
    # NLTK's default: collocations are learned only after numbers and abbreviations. Learned across every full
    # stop, a corpus of a few reports taught it pairs such as ("measured", "officers") and ("inadequate",
    # "overall"), so "… are not measured. Officers make too little use …" stayed one sentence
    trainer.INCLUDE_ALL_COLLOCS = False
    trainer.train("\n\n".join(texts), finalize=True)
    p = trainer.get_params()
    return {
        "abbrev_types": sorted(p.abbrev_types | KNOWN_ABBREVIATIONS),
        "collocations": sorted(list(c) for c in p.collocations),
        "sent_starters": sorted(p.sent_starters),
        "ortho_context": dict(p.ortho_context),
    }


def save(params: dict, path: Path) -> None:
    path.write_text(json.dumps(params), encoding="utf-8")


def load(path: Path | None) -> PunktSentenceTokenizer:
    p = PunktParameters()
    data = {}
    if path is not None and path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
    p.abbrev_types = set(data.get("abbrev_types", KNOWN_ABBREVIATIONS))
    # (an index trained before collocations were limited to numbers and abbreviations keeps only those)
    p.collocations = {tuple(c) for c in data.get("collocations", []) if c[0] == "##number##" or c[0] in p.abbrev_types}
    p.sent_starters = set(data.get("sent_starters", []))
    for k, v in data.get("ortho_context", {}).items():
        p.ortho_context[k] = v
    return RememberingPunkt(p, lang_vars=PlainLanguageVars(), token_cls=PlainToken)


# "Table 1: …", "Figure 7: …": the label a table or chart opens with (answers read it too)
CAPTION_LABEL_RE = re.compile(r"^\s*(Figure|Table|Chart) \d+[a-z]?\b")


def _continues(previous: str, line: str) -> bool:
    """Is ``line`` the rest of a row label wrapped from ``previous``
    ("Proportion of police officers in frontline roles," / "at 31 March
    2016   89%   92%")? The label breaks after a comma or mid-phrase, and
    the rest starts in lower case."""
    previous = previous.rstrip()
    return bool(previous) and not re.search(r"\s{2,}\S", previous.strip()) and (
        previous.endswith(",") or line.lstrip()[:1].islower())


SPLITS_KEPT = 4096  # passages' sentence offsets remembered per tokenizer


def split(tokenizer: PunktSentenceTokenizer, text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of a passage text. Blank-line
    paragraphs, single-line rows and bullet items are never joined.

    Remembered for the last SPLITS_KEPT texts, with the tokenizer (a new
    index state with new sentence parameters brings a new one): questions
    read the sentences of the same popular passages again and again, and
    Punkt costs about 0.3 ms a passage."""
    cached = tokenizer.__dict__.get("_search_service_split")
    if cached is None:
        cached = tokenizer.__dict__.setdefault("_search_service_split",
                                               lru_cache(maxsize=SPLITS_KEPT)(partial(_split, tokenizer)))
    return list(cached(text))


# a footnote's number printed after a full stop, then the next sentence: "… known as hare coursing.2 Heritage
# crime is …" (Punkt sees no break: a digit follows the stop); the number stays with the sentence it marks
# ; and a web address that ends a citation, the next sentence after it with no full stop between: "… available at:
# www.gov.uk/…/requirement.pdf The SPR is issued annually …" (a document's name may end an address a space broke)
# (after a year's stop too, where the number is left out, lest "2020.10" read as a figure: "… forecast to fall to
# £7.5m by 31 March 2020.10 The force …"; a digit before the stop is read as a year or not at all, `_YEAR_STOP_RE`)
_FOOTNOTE_BREAK_RE = re.compile(r"(?<=[a-z)’”'\"0-9][.?!])(?P<number>\d{1,3})(?=\s+[A-Z])|"
                                r"(?:(?:https?://|www\.)\S+|\S+\.(?:pdf|html?|aspx?|docx?|xlsx?|csv|odt))"
                                r"(?=\s+[A-Z][a-z]*\s+(?:[A-Z]{2,}\s+)?[a-z])")  # then a sentence's words, not a name's
_YEAR_STOP_RE = re.compile(r"(?<![\d,.£$])\b(?:19|20)\d\d[.]$")


def _at_footnotes(block: str, a: int, b: int) -> list[tuple[int, int]]:
    """The span [a, b) of ``block`` cut after each footnote number that ends a sentence, and each web address
    that ends a citation."""
    out = []
    for m in _FOOTNOTE_BREAK_RE.finditer(block, a, b):
        after_year = False
        if m.group("number") and block[m.start() - 2].isdigit():
            if not _YEAR_STOP_RE.search(block, max(a, m.start() - 6), m.start()):
                continue  # "£1,234.56 The …": a decimal, no footnote
            after_year = True
        out.append((a, m.start() if after_year else m.end()))
        a = m.end() + len(block[m.end():b]) - len(block[m.end():b].lstrip())
    out.append((a, b))
    return out


def _split(tokenizer: PunktSentenceTokenizer, text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\n|•)[^\n]+)*", text):
        block, base = m.group(0), m.start()
        lines = block.split("\n")
        rows = lines[1:] if CAPTION_LABEL_RE.match(lines[0]) else lines  # a caption may be long; its rows are not
        if len(lines) > 1 and all(len(l) < 100 and not l.rstrip().endswith(".") for l in rows):
            pos = base
            for i, line in enumerate(lines):  # table rows and legends: one candidate per row
                if spans and spans[-1][1] == pos - 1 and _continues(lines[i - 1], line):
                    spans[-1] = (spans[-1][0], pos + len(line))  # a row label wrapped onto a second line
                else:
                    spans.append((pos, pos + len(line)))
                pos += len(line) + 1
            continue
        if not SENTENCE_END_RE.search(block.rstrip()):
            # no full stop, ? or ! before a space: Punkt would find one sentence, and costs 0.3 ms to say so
            found = [(len(block) - len(block.lstrip()), len(block.rstrip()))]
        else:
            found = tokenizer.span_tokenize(block)
        for a, b in found:
            spans += [(base + x, base + y) for x, y in _at_footnotes(block, a, b)]
    return tuple(spans)
