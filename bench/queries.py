"""Benchmark queries: keywords drawn from the corpus vocabulary and questions
templated from the seed's headings and sentences, all distinct, fixed seed.

Keyword queries (sent to ``search()`` / ``/api/search``) are 1-3 words, common
and rare, some of them quoted phrases; questions (sent to ``ask()`` /
``/api/ask``) are the seed's question headings, with the force named or not,
and templates such as "How many ...?", "What does ... stand for?", "What was
the overall judgment for ...?".
"""
from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass

from search_service.analysis import STOP_WORDS

from bench.corpus import YEARS, Seed, area_of, force_names, localise

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
AREAS = ["preventing crime", "investigating crime", "protecting vulnerable people",
         "tackling serious and organised crime", "keeping people safe", "managing offenders"]
_NOT_TOPIC = {"has", "been", "also", "not", "should", "need", "needs", "police", "hmic", "found", "force's"}
ACRONYMS = ["IOM", "OCG", "ROCU", "NCA", "PCC", "HMIC", "PEEL", "THRIVE", "FSI", "PIP", "ASB", "MAPPA", "CSE"]


@dataclass(frozen=True)
class Query:
    text: str
    kind: str  # "keyword" or "question"


def _words(s: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(s)]


def _content(w: str) -> bool:
    return len(w) >= 3 and w not in STOP_WORDS and "'" not in w


class QueryMaker:
    """An endless supply of distinct queries of each kind."""

    def __init__(self, seed_data: Seed, seed: int):
        self.rng = random.Random(f"queries-{seed}")
        self.seed = seed_data
        self.forces = force_names(random.Random(f"forces-{seed}"))
        self.sentences = seed_data.sentences
        counts = Counter(w for s in self.sentences for w in _words(s) if _content(w))
        ranked = [w for w, _ in counts.most_common()]
        k = max(1, len(ranked) // 7)
        self.common = ranked[:k]
        self.rare = [w for w in ranked if counts[w] <= 2]
        self.mid = [w for w in ranked[k:] if counts[w] > 2] or ranked
        self.seen: set[str] = set()
        # topics: runs of 2-3 content words inside a clause ("local policing units", "missing children")
        runs: set[str] = set()
        for sent in self.sentences:
            for clause in re.split(r"[,;:()‘’“”\"]", sent):
                cur: list[str] = []
                for w in _words(clause) + ["the"]:
                    if _content(w) and not w.endswith("ly") and w not in _NOT_TOPIC:
                        cur.append(w)
                    else:
                        if 2 <= len(cur) <= 3:
                            runs.add(" ".join(cur))
                        cur = []
        self.topics = sorted(runs)
        # things a "How many" question counts: plural nouns of the vocabulary
        self.counted = sorted(w for w in ranked if counts[w] >= 2 and w.endswith("s") and not w.endswith(("ss", "us"))
                              and not w.endswith("ies") or w in ("victims", "offenders", "incidents", "officers"))
        self.vocabulary = len(counts)

    def _fresh(self, text: str) -> bool:
        key = " ".join(text.lower().split())
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def _phrase(self) -> str:
        for _ in range(100):
            words = _words(self.rng.choice(self.sentences))
            n = self.rng.choice((2, 2, 3))
            if len(words) <= n:
                continue
            i = self.rng.randrange(len(words) - n + 1)
            window = words[i:i + n]
            if _content(window[0]) and _content(window[-1]):
                return '"' + " ".join(window) + '"'
        return '"organised crime"'

    def keyword(self) -> Query:
        r = self.rng
        while True:
            roll = r.random()
            if roll < 0.15:
                text = r.choice(self.common)
            elif roll < 0.25:
                text = r.choice(self.mid)
            elif roll < 0.40:
                text = r.choice(self.rare)
            elif roll < 0.65:
                text = " ".join(r.sample([r.choice(self.common), r.choice(self.mid), r.choice(self.rare)], 2))
            elif roll < 0.80:
                text = " ".join([r.choice(self.common), r.choice(self.mid), r.choice(self.mid + self.rare)])
            else:
                text = self._phrase()
            if self._fresh(text):
                return Query(text, "keyword")

    def question(self) -> Query:
        r = self.rng
        while True:
            force = r.choice(self.forces)
            roll = r.random()
            if roll < 0.25:
                h = r.choice(self.seed.headings[1:])
                text = localise(h, force)
                if r.random() < 0.6:
                    text = text.replace("the force", force, 1)
            elif roll < 0.35:
                text = f"How effective is {force} at {r.choice(AREAS)}?"
            elif roll < 0.50:
                thing = r.choice(self.counted)
                text = r.choice([f"How many {thing} were recorded?", f"How many {thing} did {force} record?",
                                 f"What percentage of {thing} in {area_of(force)}?",
                                 f"How many {thing} were there in {r.choice(YEARS)}?"])
            elif roll < 0.62:
                text = r.choice([f"What does {r.choice(ACRONYMS)} stand for?", f"What is {r.choice(self.topics)}?",
                                 f"What is meant by {r.choice(self.topics)}?"])
            elif roll < 0.72:
                text = r.choice([f"What was the overall judgment for {force}?",
                                 f"How was {force} graded for {r.choice(AREAS)} in {r.choice(YEARS)}?",
                                 f"Is {force} good at {r.choice(AREAS)}?"])
            else:
                topic = r.choice(self.topics)
                text = r.choice([f"What did HMIC find about {topic}?", f"Why does the force need to improve {topic}?",
                                 f"How does {force} handle {topic}?", f"What does the report say about {topic}?",
                                 f"Who is responsible for {topic}?", f"When did the force start {topic}?"])
            if self._fresh(text):
                return Query(text, "question")

    def batch(self, n_keyword: int, n_question: int) -> list[Query]:
        """Keywords and questions interleaved (so a run's halves look alike)."""
        ks = [self.keyword() for _ in range(n_keyword)]
        qs = [self.question() for _ in range(n_question)]
        out: list[Query] = []
        for i in range(max(n_keyword, n_question)):
            out += ([ks[i]] if i < n_keyword else []) + ([qs[i]] if i < n_question else [])
        return out


def baseline_query(text: str) -> tuple[list[str], list[list[str]]]:
    """The same query for the baselines: lower-case content words (the project's
    stop words left out) and quoted phrases as word lists."""
    phrases = [[w for w in _words(p)] for p in re.findall(r'"([^"]+)"', text)]
    rest = re.sub(r'"[^"]*"', " ", text)
    terms = [w for w in re.findall(r"[a-z0-9]+", rest.lower()) if w not in STOP_WORDS]
    return list(dict.fromkeys(terms)), [p for p in phrases if p]
