"""Corpus scale: the whole pipeline over many files, on this machine or a Dask cluster.

    read + featurize (per partition) -> near-duplicates (LSH band shuffle, verified, union-find)
      -> stories (overlapping time-window blocks re-clustered, merged across blocks)
      -> per story: summary, timeline, entities -> stories and articles tables (JSONL, Parquet)

`run_corpus` runs it on an engine (`LocalEngine` or `DaskEngine`); the stages are shared pure
functions that sort what they get, so both engines write identical files. The names are
imported on first use (`tomtat.lazy`): the stages need numpy, and the dask engine dask.
"""
from tomtat.lazy import lazy_exports

CORPUS_PARTS = ("summary", "timeline", "entities")  # what a corpus story can be given

_WHERE = {
    "CorpusResult": "tomtat.corpus.run", "DaskEngine": "tomtat.corpus.engine", "Engine": "tomtat.corpus.engine",
    "LocalEngine": "tomtat.corpus.engine", "run_corpus": "tomtat.corpus.run",
}
__getattr__ = lazy_exports(__name__, _WHERE)
__all__ = sorted(_WHERE) + ["CORPUS_PARTS"]
