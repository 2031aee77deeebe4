"""Corpus scale: the whole pipeline over many files, on this machine or a Dask cluster.

    read + featurize (per partition) -> near-duplicates (LSH band shuffle, verified, union-find)
      -> stories (overlapping time-window blocks re-clustered, merged across blocks)
      -> per story: summary, timeline, entities -> stories and articles tables (JSONL, Parquet)

`run_corpus` runs it on an engine (`LocalEngine` or `DaskEngine`); the stages are shared pure
functions that sort what they get, so both engines write identical files.
"""
from tomtat.corpus.engine import DaskEngine, Engine, LocalEngine
from tomtat.corpus.reports import CORPUS_PARTS
from tomtat.corpus.run import CorpusResult, run_corpus

__all__ = ["CORPUS_PARTS", "CorpusResult", "DaskEngine", "Engine", "LocalEngine", "run_corpus"]
