"""The corpus output: stories and articles as JSONL and Parquet at an fsspec URL."""
from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

STORY_FIELDS = ("id", "label", "first_date", "last_date", "articles", "summary", "sentences", "timeline", "entities")
NESTED_FIELDS = ("sentences", "timeline", "entities")  # JSON text in Parquet: their fields vary by row


def write_tables(outdir: str, stories: Sequence[dict[str, Any]], articles: Sequence[dict[str, Any]]) -> list[str]:
    """Write `stories.jsonl`, `articles.jsonl` and their `.parquet` twins (rows in the order given);
    returns the URLs written."""
    import fsspec
    import pyarrow as pa
    import pyarrow.parquet as pq

    fs, root = fsspec.core.url_to_fs(outdir)
    fs.makedirs(root, exist_ok=True)
    written = []
    for name, rows in (("stories", stories), ("articles", articles)):
        path = f"{root.rstrip('/')}/{name}"
        with fs.open(f"{path}.jsonl", "w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        with fs.open(f"{path}.parquet", "wb") as handle:
            pq.write_table(pa.Table.from_pylist([_flat(row) for row in rows], schema=_schema(name)), handle)
        written += [f"{path}.jsonl", f"{path}.parquet"]
    return written


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    return {k: json.dumps(v, ensure_ascii=False) if k in NESTED_FIELDS and v is not None else v for k, v in row.items()}


def _schema(name: str):
    import pyarrow as pa

    text = pa.string()
    if name == "articles":
        return pa.schema([("id", text), ("story", text), ("duplicate_of", text)])
    return pa.schema([(field, pa.list_(text) if field == "articles" else text) for field in STORY_FIELDS])
