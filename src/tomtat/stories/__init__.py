"""Story tracking: near-duplicate links and incremental clustering of articles into stories."""
from tomtat.stories.features import ArticleFeatures, featurize
from tomtat.stories.feeds import parse_feed, read_feed
from tomtat.stories.inputs import read_inputs
from tomtat.stories.metrics import BCubed, bcubed
from tomtat.stories.options import StoryOptions
from tomtat.stories.recluster import recluster
from tomtat.stories.run import cluster_articles
from tomtat.stories.store import StoryStore
from tomtat.stories.tracker import StoryTracker
from tomtat.stories.views import as_json, as_markdown, duplicate_links, story_views

__all__ = [
    "ArticleFeatures", "BCubed", "StoryOptions", "StoryStore", "StoryTracker", "as_json", "as_markdown", "bcubed",
    "cluster_articles", "duplicate_links", "featurize", "parse_feed", "read_feed", "read_inputs", "recluster",
    "story_views",
]
