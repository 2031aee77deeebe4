"""Story tracking: near-duplicate links and incremental clustering of articles into stories."""
from tomtat.stories.features import ArticleFeatures, featurize
from tomtat.stories.metrics import BCubed, bcubed
from tomtat.stories.options import StoryOptions
from tomtat.stories.recluster import recluster
from tomtat.stories.run import cluster_articles
from tomtat.stories.store import StoryStore
from tomtat.stories.tracker import StoryTracker
from tomtat.stories.views import as_json, as_markdown, duplicate_links, story_views

__all__ = [
    "ArticleFeatures", "BCubed", "StoryOptions", "StoryStore", "StoryTracker", "as_json", "as_markdown", "bcubed",
    "cluster_articles", "duplicate_links", "featurize", "recluster", "story_views",
]
