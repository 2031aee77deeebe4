"""Story tracking: near-duplicate links and incremental clustering of articles into stories.

The names below are imported on first use (`tomtat.lazy`): tracking needs numpy, scikit-learn
and datasketch, which a command that does not track stories should not pay for.
"""
from tomtat.lazy import lazy_exports

_WHERE = {
    "ArticleFeatures": "tomtat.stories.features", "featurize": "tomtat.stories.features",
    "BCubed": "tomtat.stories.metrics", "bcubed": "tomtat.stories.metrics",
    "StoryOptions": "tomtat.stories.options", "recluster": "tomtat.stories.reclustering",
    "cluster_articles": "tomtat.stories.run", "StoryStore": "tomtat.stories.store",
    "StoryTracker": "tomtat.stories.tracker", "as_json": "tomtat.stories.views",
    "as_markdown": "tomtat.stories.views", "duplicate_links": "tomtat.stories.views",
    "story_views": "tomtat.stories.views",
}
__getattr__ = lazy_exports(__name__, _WHERE)
__all__ = sorted(_WHERE)
