"""The options object passed down the pipeline instead of long flag lists.

`Options` holds one nested dataclass per stage, so that everything a benchmark varies is an
option and nothing is patched at run time. Defaults are what `tomtat summarize` uses; where a
value was measured, the comment says on what.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from tomtat.stories.options import StoryOptions
from tomtat.summarizers import DEFAULT_METHOD
from tomtat.summarizers.budget import Budget
from tomtat.summarizers.hygiene import RULES as HYGIENE_RULES, check_rules as check_hygiene_rules


def _share(owner: object, *names: str, low_open: bool = True) -> None:
    for name in names:
        value = getattr(owner, name)
        if not ((0.0 < value) if low_open else (0.0 <= value)) or value > 1.0:
            bound = "(0, 1]" if low_open else "[0, 1]"
            raise ValueError(f"{name} must be in {bound}, got {value}")


@dataclass
class SelectionOptions:
    """How sentences are chosen under the budget.

    redundancy: a candidate whose TF-IDF cosine to an already selected sentence is at least
        this is skipped (lower removes more).
    coverage: a candidate whose IDF-weighted syllables are at least this share already in the
        summary is skipped: it says again, in other words, what was said.
    concept_blend: with concept coverage, the share of a new bigram's value that comes from the
        concept weigher, the rest from the score of the sentence holding it (chosen by
        leave-one-dataset-out: trained on AbMuSu train, 0.7 beat 0.5 on ViMs by 0.5 ROUGE-2).
    article_bonus: with concept coverage, a sentence of an article not yet cited is worth this
        much more, so the later articles of a developing story are heard (the demo cites 4 of
        4 articles instead of 2; ROUGE-2 -0.11 on AbMuSu validation, -0.05 on ViMs).
    copy_similarity: sentences at least this similar are copies (one article quoting another);
        the earliest copy is taken.
    mmr_lambda: weight of relevance against novelty in maximal marginal relevance.
    query_weight: share of a query-focused score that comes from similarity to the query.
    min_syllables / max_syllables: sentences outside this length are never selected.
    fill: let the last sentence cross the budget and cut the text at exactly the budget (for
        ROUGE runs, where the protocol truncates anyway); otherwise whole sentences only.
    skip: the candidate hygiene rules (`tomtat.summarizers.hygiene.RULES`): page furniture they
        mark (a repeated headline, subheadings, related-link items, captions and credits) is
        never selected.
    trim_back_references: drop openers that point at an earlier report or sentence ("Như đã
        đưa tin,", "Ngoài ra,") from every sentence before selection.
    dangling_penalty: share of its value a sentence saying "cũng" (subject + "also") loses
        while the sentence before it in its article is not in the summary.
    lead_fact: take the story's headline fact (the lead sentence best supported by the other
        articles and the headlines) first whenever it fits, and open the summary with it.
    """

    redundancy: float = 0.5
    coverage: float = 0.6
    concept_blend: float = 0.7
    article_bonus: float = 0.1
    copy_similarity: float = 0.9
    mmr_lambda: float = 0.7
    query_weight: float = 0.7
    min_syllables: int = 6
    max_syllables: int = 90
    fill: bool = False
    skip: tuple[str, ...] = HYGIENE_RULES
    trim_back_references: bool = True
    dangling_penalty: float = 1.0
    lead_fact: bool = True

    def __post_init__(self) -> None:
        _share(self, "redundancy", "coverage", "copy_similarity")
        _share(self, "concept_blend", "mmr_lambda", "query_weight", "dangling_penalty", low_open=False)
        check_hygiene_rules(self.skip)
        if self.article_bonus < 0:
            raise ValueError(f"article_bonus must be 0 or more, got {self.article_bonus}")
        if self.min_syllables < 1 or self.max_syllables < self.min_syllables:
            raise ValueError(
                f"need 1 <= min_syllables <= max_syllables, got {self.min_syllables}, {self.max_syllables}"
            )


@dataclass
class TimelineOptions:
    """How dated events are merged and marked.

    background_days: an event ending more than this many days before the story's first
        publication date is background (an editorial choice).
    same_event: share of the shorter wording's content syllables the other must hold for two
        events with agreeing dates to be one event.
    """

    background_days: int = 60
    same_event: float = 0.6

    def __post_init__(self) -> None:
        if self.background_days < 0:
            raise ValueError(f"background_days must be 0 or more, got {self.background_days}")
        _share(self, "same_event")


@dataclass
class EntityOptions:
    """How many keyphrases a story report lists."""

    keyphrases: int = 10

    def __post_init__(self) -> None:
        if self.keyphrases < 0:
            raise ValueError(f"keyphrases must be 0 or more, got {self.keyphrases}")


@dataclass
class LimitOptions:
    """Bounds on input, checked before the expensive stages; the service and the CLI share them.

    article_syllables: an article longer than this is refused (a long news article has 2,000 to
        3,000; one of 1 M syllables took the entity stage 234 s and the summary 23 s).
    articles: at most this many articles in one request.
    body_bytes: the largest request body (or input file).
    budget_syllables: the largest summary budget in syllables (or in words).
    budget_sentences: the largest summary budget in sentences.
    """

    article_syllables: int = 10_000
    articles: int = 1_000
    body_bytes: int = 5 * 1024 * 1024
    budget_syllables: int = 5_000
    budget_sentences: int = 200

    def __post_init__(self) -> None:
        for name in ("article_syllables", "articles", "body_bytes", "budget_syllables", "budget_sentences"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be 1 or more, got {getattr(self, name)}")


@dataclass
class Options:
    """Everything the pipeline can be told.

    method: a name from `tomtat.summarizers.METHODS`.
    model: a model file made by `tomtat train`, for the supervised method (the shipped one when None).
    budget: summary length (see `Budget.parse`): "200" syllables, "80w", "5 sentences", "20%".
    query: a query-focused summary: sentences are ranked mostly by their similarity to it, and
        sentences sharing nothing with it are left out (unless none shares anything).
    since: an update summary: only articles published after this date are summarized, and
        what they repeat from the earlier articles is left out. Undated articles count as earlier.
    trim: drop leading discourse connectives ("Trong khi đó,", "Tuy nhiên,") from sentences
        before selection, so more content fits the budget.
    selection, timeline, entities, stories: the settings of those stages.
    limits: bounds on input (`LimitOptions`).
    fork_sentences: a story of at least this many sentences works out its timeline, entities,
        keyphrases and conflicts in a forked second process while this one does the summary
        (when the machine has two cores or more and the caller runs no other thread; same
        output); None: always in this process.
    """

    method: str = DEFAULT_METHOD
    model: Path | None = None
    budget: Budget = field(default_factory=lambda: Budget.parse("200"))
    query: str | None = None
    since: dt.date | None = None
    trim: bool = False
    selection: SelectionOptions = field(default_factory=SelectionOptions)
    timeline: TimelineOptions = field(default_factory=TimelineOptions)
    entities: EntityOptions = field(default_factory=EntityOptions)
    stories: StoryOptions = field(default_factory=StoryOptions)
    limits: LimitOptions = field(default_factory=LimitOptions)
    fork_sentences: int | None = 1_000

    def __post_init__(self) -> None:
        if self.fork_sentences is not None and self.fork_sentences < 1:
            raise ValueError(f"fork_sentences must be 1 or more, or None for never; got {self.fork_sentences}")
        if isinstance(self.budget, (str, int)):
            self.budget = Budget.parse(self.budget)
        if self.query is not None and not self.query.strip():
            raise ValueError("query is empty: give words to focus the summary on, or no query")
