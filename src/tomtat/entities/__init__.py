"""Entities (people, organisations, places) and keyphrases of a story."""
from tomtat.entities.keyphrases import keyphrases
from tomtat.entities.story import Entity, story_entities
from tomtat.entities.tagger import Mention, tag

__all__ = ["Entity", "Mention", "keyphrases", "story_entities", "tag"]
