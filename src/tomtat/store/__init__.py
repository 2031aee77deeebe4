"""One SQLite file for the service and the story tracker: one schema, one migration list, one writer.

Design. One `articles` table holds an article (id, title, text, date, source) together with its
tracker data (story, arrival `seq`, `duplicate_of`, vector, MinHash signature), so adding an
article is one row written in the same transaction as its story's new centroid and the dropped
cached summaries: the article and its place in a story cannot disagree after a crash, and
`tomtat cluster --state F` and `tomtat serve --db F` see the same stories (cluster stores the
text too). Document frequencies are not stored: they are counted from the stored originals'
vectors when the state loads (a bincount, milliseconds), so no add rewrites them and they can
never drift from the articles. `settings` records the featurizer version and the options that
shape vectors: a state made with other options is refused with what to do, one made by another
featurizer is featurized again from the stored texts (which a file upgraded from an old
`cluster --state` lacks: refused then). Only one process may hold a file (`ProcessLock`), so
two trackers never write one file. The names below are imported on first use (`tomtat.lazy`).
"""
from tomtat.lazy import lazy_exports

_WHERE = {
    "StoryDatabase": "tomtat.store.database", "date_text": "tomtat.store.database", "text_date": "tomtat.store.database",
    "InUse": "tomtat.store.lock", "MIGRATIONS": "tomtat.store.schema",
    "SCHEMA_VERSION": "tomtat.store.schema", "migrate": "tomtat.store.schema",
}
__getattr__ = lazy_exports(__name__, _WHERE)
__all__ = sorted(_WHERE)
