"""The summarization pipeline, top to bottom: clean, split, vectorise, score, select, order."""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np

from tomtat.clean import clean_text, normalize_text
from tomtat.ingest.jsonl import article_from_json
from tomtat.model import Article, Document, Sentence, Summary, SummarySentence
from tomtat.nlp import cut_after_syllables, split_sentences, syllables, trim_sentence
from tomtat.options import Options
from tomtat.problems import InputError, ProblemLog
from tomtat.summarizers import Budget, Candidates, get_method, normalized, reading_order, select

QUERY_WEIGHT = 0.7  # share of a query-focused score that comes from similarity to the query


def prepare(article: Article, index: int) -> Document:
    """Clean an article and split it into sentences (index = its place in the input)."""
    body = clean_text(article.text)
    title = " ".join(normalize_text(article.title).split())
    sentences = [
        Sentence(text=text, article=index, position=position, syllables=syllables(text))
        for position, text in enumerate(split_sentences(body))
    ]
    return Document(article=article, title=title, sentences=sentences, title_syllables=syllables(title))


def trimmed(document: Document) -> Document:
    """The document with leading discourse connectives trimmed from its sentences."""
    sentences = []
    for sentence in document.sentences:
        text = trim_sentence(sentence.text)
        sentences.append(sentence if text == sentence.text else dataclasses.replace(sentence, text=text, syllables=syllables(text)))
    return dataclasses.replace(document, sentences=sentences)


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


def summarize_documents(documents: list[Document], options: Options) -> Summary:
    """Summary of prepared documents under `options`."""
    articles = [d.article for d in documents]
    if options.trim:
        documents = [trimmed(d) for d in documents]
    budget = options.budget.resolve([sum(len(s.syllables) for s in d.sentences) for d in documents])
    if not any(d.sentences for d in documents):
        return Summary([], articles, options.method, str(budget))
    query = syllables(normalize_text(options.query)) if options.query else None
    candidates = Candidates.build(documents, query)
    method = get_method(options.method, options.model)
    scores = method.score(candidates)
    lengths = np.array([len(s.syllables) for s in candidates.sentences])
    eligible = (lengths >= options.min_syllables) & (lengths <= options.max_syllables)
    if not eligible.any():
        eligible = lengths > 0
    if candidates.query_similarity is not None:
        scores = (1 - QUERY_WEIGHT) * normalized(scores) + QUERY_WEIGHT * normalized(candidates.query_similarity)
        if (eligible & (candidates.query_similarity > 0)).any():
            eligible &= candidates.query_similarity > 0
    known = None
    if options.since is not None:
        published = [d.article.date for d in documents]
        is_new = np.array([published[s.article] is not None and published[s.article] > options.since for s in candidates.sentences])
        eligible &= is_new
        known = ~is_new
    # A query re-ranks sentences, so its summary is chosen by marginal relevance to the query.
    concept_weights = method.weigh_concepts(candidates) if method.weigh_concepts and options.query is None else None
    chosen = select(
        candidates, scores, budget, options.redundancy, options.coverage, options.fill, eligible, known, concept_weights
    )
    summary_sentences = []
    for index in reading_order(candidates, chosen):
        sentence = candidates.sentences[index]
        document = documents[sentence.article]
        summary_sentences.append(
            SummarySentence(
                text=sentence.text,
                article=document.article.id,
                title=document.title,
                date=document.article.date,
                position=sentence.position,
                source=document.article.source,
            )
        )
    if options.fill and budget.unit == "syllables":
        summary_sentences = _cut_to_budget(summary_sentences, int(budget.amount))
    return Summary(summary_sentences, articles, options.method, str(budget))


def as_article(item: Article | dict | str, index: int) -> Article:
    """An `Article` from an Article, a `{"id", "title", "text", "date", "source"}` dict or a text."""
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(id=str(index), title="", text=item)
    if isinstance(item, dict):
        problems = ProblemLog()
        article = article_from_json(item, str(index), "<input>", index + 1, problems)
        if problems:
            raise ValueError(f"article {index}: {problems[0].message}")
        return article
    raise TypeError(f"article {index}: expected Article, dict or str, got {type(item).__name__}")


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
    try:
        articles = [as_article(item, index) for index, item in enumerate(articles)]
    except InputError as error:
        raise ValueError(f"article {error.line - 1}: {error.message}") from None
    documents = [prepare(article, index) for index, article in enumerate(articles)]
    return summarize_documents(documents, options)
