"""`tomtat serve`: articles in over HTTP, stories, summaries, timelines and entities out."""
from tomtat.service.api import create_app
from tomtat.service.core import StoryService

__all__ = ["StoryService", "create_app"]
