"""The pipeline, top to bottom, in one place.

    articles (read by `tomtat.ingest`, or dicts and strings)
      -> prepare: clean the crawl noise, normalise Unicode and tone marks, split sentences
      -> summary: vectorise, score, select under the budget without repeats, reading order
      -> timeline: dated events, merged across articles
      -> entities and keyphrases
      -> conflicts: numbers, names, roles and dates the articles give differently
      => a `StoryReport`, which `tomtat.output` renders as text, JSON, Markdown or HTML.

`summarize_story` runs only the stages whose parts were asked for; in a big story the stages
after the summary run in a forked process at the same time as it (`tomtat.forked`). The CLI,
the HTTP service, dataset runs and the Python API (`summarize`) all go through it.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext
from typing import TYPE_CHECKING

from tomtat.clean import clean_text, normalize_text
from tomtat.collector import rare_collections
from tomtat.entities import keyphrases, story_entities
from tomtat.forked import Forked, can_fork, one_thread
from tomtat.fusion import Backend, fuse
from tomtat.model import Article, Cluster, Document, Sentence, StoryReport, Summary, SummarySentence
from tomtat.nlp import cut_after_syllables, split_sentences, syllables, trim_sentence
from tomtat.nlp.trim import trim_back_reference
from tomtat.options import Options
from tomtat.problems import InputError, Problem, ProblemLog
from tomtat.summarizers import Budget, get_method
from tomtat.timeline import build_timeline

if TYPE_CHECKING:
    from tomtat.conflicts import Conflict
    from tomtat.entities import Entity
    from tomtat.timeline import Event

    SideReport = tuple[list[Event] | None, list[Entity] | None, list[str] | None, list[Conflict] | None, ProblemLog]

PARTS = ("summary", "timeline", "entities", "keyphrases", "conflicts")
SIDE_PARTS = frozenset(PARTS) - {"summary"}  # they need the documents, not the summary
REFERENCE_BUDGET = "ref"  # a dataset run's budget: the mean length of the cluster's references


def summarize_story(
    articles: Sequence[Article | dict | str],
    options: Options | None = None,
    parts: Iterable[str] = ("summary",),
    problems: Iterable[Problem] = (),
    backend: Backend | None = None,
) -> StoryReport:
    """What tomtat tells about the story of `articles`: the `parts` asked for (of `PARTS`).

    `problems` are those met while reading the articles; the report adds its own (an undated
    article in a timeline). Raises ValueError naming an article that cannot be used or an
    unknown part. With a fusion `backend` the summary is also rewritten by it, guarded (`report.fused`).
    """
    options = options or Options()
    wanted = set(parts)
    if wanted - set(PARTS) or not wanted:
        raise ValueError(f"parts must be some of {', '.join(PARTS)}; got {sorted(wanted) or 'none'}")
    with rare_collections():
        return _story_report(articles, options, wanted, ProblemLog(problems), backend)


def _story_report(articles: Sequence[Article | dict | str], options: Options, wanted: set[str], log: ProblemLog,
                  backend: Backend | None) -> StoryReport:
    """The report of `summarize_story`, its arguments checked."""
    articles = [within_limit(as_article(item, index), options.limits.article_syllables, log)
                for index, item in enumerate(articles)]
    documents = [prepare(article, index) for index, article in enumerate(articles)]
    report = StoryReport(articles, problems=log)
    side_parts = wanted & SIDE_PARTS
    side = None
    if side_parts and "summary" in wanted and _worth_forking(documents, options) and can_fork():
        side = Forked(lambda: _side_report(documents, side_parts, options))
    if "summary" in wanted:
        with one_thread() if side else nullcontext():
            report.summary = summarize_documents(documents, options)
        if backend is not None:
            report.fused = fuse(report.summary, backend, log)
    side_report = side.result() if side else _side_report(documents, side_parts, options)
    report.timeline, report.entities, report.keyphrases, report.conflicts, side_problems = side_report
    log.extend(side_problems)
    return report


def _worth_forking(documents: list[Document], options: Options) -> bool:
    """True for a story big enough that its side parts are worth a second process."""
    threshold = options.fork_sentences
    return threshold is not None and sum(len(d.sentences) for d in documents) >= threshold


def _side_report(documents: list[Document], parts: set[str], options: Options) -> SideReport:
    """Timeline, entities, keyphrases and conflicts of the `parts` asked for (None for the
    others), and the problems met on the way."""
    problems = ProblemLog()
    timeline = build_timeline(documents, options.timeline, problems) if "timeline" in parts else None
    entities = story_entities(documents) if "entities" in parts else None
    phrases = keyphrases(documents, options.entities.keyphrases) if "keyphrases" in parts else None
    conflicts = None
    if "conflicts" in parts:
        from tomtat.conflicts import find_conflicts

        conflicts = find_conflicts(documents)
    return timeline, entities, phrases, conflicts, problems


def summarize(
    articles: Sequence[Article | dict | str],
    budget: str | int | Budget | None = None,
    method: str | None = None,
    options: Options | None = None,
) -> Summary:
    """Extractive summary of articles on one story, every sentence attributed to its article.

    Articles are `Article`s, dicts with "text" (and optional "id", "title", "date", "source")
    or plain strings. `budget` and `method` override the same fields of `options`.
    Raises ValueError (or TypeError) naming the article that cannot be used.
    """
    options = options or Options()
    if budget is not None:
        options = dataclasses.replace(options, budget=Budget.parse(budget))
    if method is not None:
        get_method(method)
        options = dataclasses.replace(options, method=method)
    summary = summarize_story(articles, options).summary
    assert summary is not None  # asked for
    return summary


def summarize_cluster(cluster: Cluster, options: Options, budget: str | Budget = REFERENCE_BUDGET) -> Summary:
    """Summary of a dataset cluster; `budget` is a budget or "ref": the mean length of the
    cluster's references, or `options.budget` for a cluster without references."""
    from tomtat.evaluate import reference_budget

    if budget == REFERENCE_BUDGET:
        budget = Budget(reference_budget(cluster.references), "syllables") if cluster.references else options.budget
    return summarize(cluster.articles, options=dataclasses.replace(options, budget=Budget.parse(budget)))


# The stages


def as_article(item: Article | dict | str, index: int) -> Article:
    """An `Article` from an Article, a `{"id", "title", "text", "date", "source"}` dict or a text."""
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(id=str(index), title="", text=item)
    if isinstance(item, dict):
        try:
            return Article.from_dict(item, str(index))
        except InputError as error:
            raise ValueError(f"article {index}: {error.message}") from None
    raise TypeError(f"article {index}: expected Article, dict or str, got {type(item).__name__}")


def within_limit(article: Article, limit: int, problems: ProblemLog) -> Article:
    """The article cut after `limit` syllables, reported, when it is longer (before the costly stages)."""
    length = len(syllables(article.text))
    if length <= limit:
        return article
    problems.note(InputError(f"article {article.id!r} has {length:,} syllables, over the limit of {limit:,}: "
                            f"only the first {limit:,} are read", article.source or ""))
    return dataclasses.replace(article, text=cut_after_syllables(article.text, limit))


def prepare(article: Article, index: int) -> Document:
    """Clean an article and split it into sentences (index = its place in the story's input)."""
    body = clean_text(article.text)
    title = " ".join(normalize_text(article.title).split())
    sentences = [
        Sentence(text=text, article_index=index, position=position, syllables=syllables(text))
        for position, text in enumerate(split_sentences(body))
    ]
    return Document(article=article, title=title, sentences=sentences, title_syllables=syllables(title))


def summarize_documents(documents: list[Document], options: Options) -> Summary:
    """Summary of prepared documents: score, select under the budget, put in reading order."""
    import numpy as np

    from tomtat.summarizers.coherence import antecedents, lead_fact
    from tomtat.summarizers.features import Candidates
    from tomtat.summarizers.hygiene import page_furniture
    from tomtat.summarizers.selection import normalized, opener, reading_order, select

    articles = [d.article for d in documents]
    settings = options.selection
    if options.trim:
        documents = [trimmed(d, trim_sentence) for d in documents]
    if settings.trim_back_references:
        documents = [trimmed(d, trim_back_reference) for d in documents]
    budget = options.budget.resolve([sum(len(s.syllables) for s in d.sentences) for d in documents])
    if not any(d.sentences for d in documents):
        return Summary([], articles, options.method, str(budget))
    query = syllables(normalize_text(options.query)) if options.query else None
    candidates = Candidates.build(documents, query)
    method = get_method(options.method, options.model)
    scores = method.score(candidates)
    lengths = np.array([len(s.syllables) for s in candidates.sentences])
    eligible = (lengths >= settings.min_syllables) & (lengths <= settings.max_syllables)
    if not eligible.any():
        eligible = lengths > 0
    furniture = page_furniture(candidates, settings.skip)
    if (eligible & ~furniture).any():
        eligible &= ~furniture
    if candidates.query_similarity is not None:
        weight = settings.query_weight
        scores = (1 - weight) * normalized(scores) + weight * normalized(candidates.query_similarity)
        if (eligible & (candidates.query_similarity > 0)).any():
            eligible &= candidates.query_similarity > 0
    known = None
    if options.since is not None:
        published = [d.article.date for d in documents]
        is_new = np.array([published[s.article_index] is not None and published[s.article_index] > options.since
                           for s in candidates.sentences])
        eligible &= is_new
        known = ~is_new
    # A query re-ranks sentences, so its summary is chosen by marginal relevance to the query.
    concept_weights = method.weigh_concepts(candidates) if method.weigh_concepts and options.query is None else None
    first = lead_fact(candidates, eligible) if settings.lead_fact and options.query is None else None
    chosen = select(candidates, scores, budget, settings, eligible, known, concept_weights, first, antecedents(candidates))
    order = reading_order(candidates, chosen, opener(candidates, chosen, first, settings))
    summary_sentences = [_attributed(candidates.sentences[index], documents) for index in order]
    if settings.fill and budget.unit == "syllables":
        summary_sentences = _cut_to_budget(summary_sentences, int(budget.amount))
    return Summary(summary_sentences, articles, options.method, str(budget))


def trimmed(document: Document, trim: Callable[[str], str]) -> Document:
    """The document with its sentences trimmed by `trim` (a function of `tomtat.nlp.trim`)."""
    sentences = []
    for sentence in document.sentences:
        text = trim(sentence.text)
        sentences.append(sentence if text == sentence.text else dataclasses.replace(sentence, text=text, syllables=syllables(text)))
    return dataclasses.replace(document, sentences=sentences)


def _attributed(sentence: Sentence, documents: list[Document]) -> SummarySentence:
    document = documents[sentence.article_index]
    article = document.article
    return SummarySentence(sentence.text, article.id, document.title, article.date, sentence.position, article.source)


def _cut_to_budget(sentences: list[SummarySentence], limit: int) -> list[SummarySentence]:
    """Drop and cut trailing sentences so the summary has exactly `limit` syllables at most."""
    kept: list[SummarySentence] = []
    used = 0
    for sentence in sentences:
        length = len(syllables(sentence.text))
        if used + length > limit:
            if limit - used > 0:
                sentence.text = cut_after_syllables(sentence.text, limit - used)
                kept.append(sentence)
            break
        kept.append(sentence)
        used += length
    return kept
