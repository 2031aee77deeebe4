"""JSON Lines: one article per line, or one dataset cluster per line (`../shared/data` format)."""
from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from typing import Any

from tomtat.ingest.dates import parse_date
from tomtat.model import Article, Cluster
from tomtat.problems import InputError, ProblemLog


def json_lines(text: str, path: str, problems: ProblemLog) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each JSON object line; bad lines go to `problems`."""
    for number, line in enumerate(text.split("\n"), start=1):  # not splitlines: U+2028 may sit inside strings
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            problems.add(InputError(f"not JSON ({error.msg} at column {error.colno}): line skipped", path, number))
            continue
        if not isinstance(value, dict):
            problems.add(InputError("a JSON object was expected: line skipped", path, number))
            continue
        yield number, value


def _string(value: Any, field: str, path: str, line: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f"field {field!r} must be a string", path, line)
    return value


def article_from_json(obj: dict[str, Any], default_id: str, path: str, line: int, problems: ProblemLog) -> Article:
    """Article from `{"id", "title", "text", "date", "source"}`; an unreadable date is reported and dropped."""
    text = _string(obj.get("text"), "text", path, line)
    if not text.strip():
        raise InputError("article has no 'text'", path, line)
    date = None
    if obj.get("date"):
        try:
            date = parse_date(str(obj["date"]))
        except ValueError as error:
            problems.add(InputError(f"{error}; date left empty", path, line))
    return Article(
        id=str(obj.get("id") or default_id),
        title=_string(obj.get("title"), "title", path, line).strip(),
        text=text,
        date=date,
        source=_string(obj.get("source"), "source", path, line) or None,
    )


def read_article_lines(text: str, path: str, stem: str, problems: ProblemLog) -> list[Article]:
    """Articles of an article JSONL file; cluster lines are refused with a pointer to `batch`."""
    articles = []
    for number, obj in json_lines(text, path, problems):
        if "docs" in obj:
            problems.add(InputError("line holds a dataset cluster ('docs'); use `tomtat batch` for datasets", path, number))
            continue
        try:
            articles.append(article_from_json(obj, f"{stem}:{number}", path, number, problems))
        except InputError as error:
            problems.add(error)
    return articles


def _anchor_texts(meta: Any) -> list[str]:
    """AbMuSu leads: `meta.doc_anchor_texts` is a list stored as JSON or as a Python literal.

    Raises ValueError when it is there but is not a list of strings.
    """
    if meta is None:
        return []
    if not isinstance(meta, dict):
        raise ValueError("'meta' is not a JSON object")
    raw = meta.get("doc_anchor_texts")
    if raw is None:
        return []
    value = raw
    if isinstance(raw, str):
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            try:
                value = ast.literal_eval(raw)
            except (ValueError, SyntaxError):
                raise ValueError("meta.doc_anchor_texts is not a list literal") from None
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise ValueError("meta.doc_anchor_texts is not a list of strings")
    return value


def read_cluster_lines(text: str, path: str, problems: ProblemLog) -> Iterator[Cluster]:
    """Clusters of a dataset JSONL file; an AbMuSu lead is put before its article body."""
    for number, obj in json_lines(text, path, problems):
        cluster_id = str(obj.get("id", f"line{number}"))
        docs = obj.get("docs")
        if not isinstance(docs, list) or not docs:
            problems.add(InputError(f"cluster {cluster_id!r} has no 'docs': skipped", path, number))
            continue
        try:
            leads = _anchor_texts(obj.get("meta"))
        except ValueError as error:
            problems.add(InputError(f"cluster {cluster_id!r}: {error}: leads ignored", path, number))
            leads = []
        articles = []
        for index, doc in enumerate(docs):
            if not isinstance(doc, dict):
                problems.add(InputError(f"cluster {cluster_id!r} doc {index} is not an object: skipped", path, number))
                continue
            lead = leads[index].strip() if index < len(leads) else ""
            if lead:
                doc = {**doc, "text": lead + "\n" + (doc.get("text") or "")}
            try:
                articles.append(article_from_json(doc, f"{cluster_id}/{index}", path, number, problems))
            except InputError as error:
                problems.add(InputError(f"cluster {cluster_id!r} doc {index}: {error.message}", path, number))
        if not articles:
            problems.add(InputError(f"cluster {cluster_id!r} has no usable article: skipped", path, number))
            continue
        references = [s for s in obj.get("summaries") or [] if isinstance(s, str) and s.strip()]
        yield Cluster(id=cluster_id, articles=articles, references=references)
