"""JSON Lines: one article per line, or one dataset cluster per line (`../shared/data` format)."""
from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from typing import Any

from tomtat.model import Article, Cluster
from tomtat.problems import InputError, ProblemLog

DATASET_REFUSED = "line holds a dataset cluster ('docs'); use `tomtat batch` for datasets"


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
        except RecursionError:
            problems.add(InputError("JSON nested too deeply: line skipped", path, number))
            continue
        if not isinstance(value, dict):
            problems.add(InputError("a JSON object was expected: line skipped", path, number))
            continue
        yield number, value


def read_article_lines(
    text: str, path: str, stem: str, problems: ProblemLog, flatten_datasets: bool = False
) -> list[Article]:
    """Articles of a JSONL file, one per line (default id "stem:line").

    A dataset cluster line (one with "docs") is refused with a pointer to `tomtat batch`, or,
    with `flatten_datasets`, gives its articles.
    """
    articles = []
    for number, obj in json_lines(text, path, problems):
        if "docs" in obj:
            if not flatten_datasets:
                problems.add(InputError(DATASET_REFUSED, path, number))
                continue
            cluster = cluster_from_json(obj, path, number, problems)
            articles.extend(cluster.articles if cluster else [])
            continue
        try:
            articles.append(Article.from_dict(obj, f"{stem}:{number}", problems, path, number))
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
            except (ValueError, SyntaxError, RecursionError):
                raise ValueError("meta.doc_anchor_texts is not a list literal") from None
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise ValueError("meta.doc_anchor_texts is not a list of strings")
    return value


def cluster_from_json(obj: dict[str, Any], path: str, line: int, problems: ProblemLog) -> Cluster | None:
    """Cluster of one dataset line (`{"id", "docs", "summaries", "meta"}`), an AbMuSu lead put
    before its article body; None, reported, when it has no usable article."""
    cluster_id = str(obj.get("id", f"line{line}"))
    docs = obj.get("docs")
    if not isinstance(docs, list) or not docs:
        problems.add(InputError(f"cluster {cluster_id!r} has no 'docs': skipped", path, line))
        return None
    try:
        leads = _anchor_texts(obj.get("meta"))
    except ValueError as error:
        problems.add(InputError(f"cluster {cluster_id!r}: {error}: leads ignored", path, line))
        leads = []
    articles = []
    for index, doc in enumerate(docs):
        if not isinstance(doc, dict):
            problems.add(InputError(f"cluster {cluster_id!r} doc {index} is not an object: skipped", path, line))
            continue
        lead = leads[index].strip() if index < len(leads) else ""
        body = doc.get("text")
        if lead and (body is None or isinstance(body, str)):
            doc = {**doc, "text": lead + "\n" + (body or "")}
        try:
            articles.append(Article.from_dict(doc, f"{cluster_id}/{index}", problems, path, line))
        except InputError as error:
            problems.add(InputError(f"cluster {cluster_id!r} doc {index}: {error.message}", path, line))
    if not articles:
        problems.add(InputError(f"cluster {cluster_id!r} has no usable article: skipped", path, line))
        return None
    summaries = obj.get("summaries")
    references = [s for s in summaries if isinstance(s, str) and s.strip()] if isinstance(summaries, list) else []
    return Cluster(id=cluster_id, articles=articles, references=references, line=line)


def read_cluster_lines(text: str, path: str, problems: ProblemLog) -> Iterator[Cluster]:
    """Clusters of a dataset JSONL file; bad lines and clusters go to `problems`."""
    for number, obj in json_lines(text, path, problems):
        cluster = cluster_from_json(obj, path, number, problems)
        if cluster is not None:
            yield cluster
