"""Online story clustering: each article joins its most similar live story or starts one."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from tomtat.model import Article
from tomtat.stories.dedup import NearDuplicates
from tomtat.stories.features import ArticleFeatures, SparseVector, featurize, jaccard
from tomtat.stories.index import CandidateIndex
from tomtat.stories.join import JoinModel, TitleTerms, pair_features, shipped_model
from tomtat.stories.options import StoryOptions
from tomtat.stories.state import Story, TrackedArticle, TrackerState
from tomtat.stories.vectors import Weights, add, cosine, heaviest, truncate


@dataclass
class Changes:
    """What changed since the state was loaded: what a store must write."""

    articles: set[str] = field(default_factory=set)
    stories: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)  # stories
    merged: set[str] = field(default_factory=set)  # removed stories whose articles went to another
    deleted: set[str] = field(default_factory=set)  # articles


class StoryTracker:
    """Places articles into stories one at a time; the work per article is bounded by `options`."""

    def __init__(self, options: StoryOptions | None = None, state: TrackerState | None = None,
                 model: JoinModel | None = None):
        """`model` decides joins when `options.join` is "learned" (the shipped model if None)."""
        self.options = options or StoryOptions()
        self.state = state or TrackerState()
        self.model = model or (shipped_model() if self.options.join == "learned" else None)
        self._titles: dict[str, TitleTerms] = {}
        self.weights = Weights(self.options.n_features, self.state.document_frequency, self.state.documents)
        self.state.document_frequency = self.weights.frequency
        self.duplicates = NearDuplicates(self.options)
        self.index = CandidateIndex(self.options.posting_limit)
        self.changes = Changes()
        for article in sorted(self.state.articles.values(), key=lambda a: a.seq):
            if article.duplicate_of is None:
                self.duplicates.add(article.id, article.features.signature, article.seq)
        recent = {a.story: a.seq for a in sorted(self.state.articles.values(), key=lambda a: a.seq)}
        for story in sorted(self.state.stories.values(), key=lambda s: recent.get(s.id, -1)):
            self._reindex(story)  # least recently updated first, as the postings keep the latest

    # Placing articles

    def add(self, article: Article | ArticleFeatures) -> TrackedArticle:
        """Place one article: a copy joins its original's story, others the best live story.

        Raises ValueError when the article id is already tracked or the article has no text.
        """
        features = article if isinstance(article, ArticleFeatures) else featurize(article, self.options)
        if features.id in self.state.articles:
            raise ValueError(f"article id {features.id!r} is already tracked")
        original = self.duplicates.match(features.signature)
        if original is None:
            self.count(features.vector)
        return self.place(features, original, register=True)

    def count(self, vector: SparseVector, sign: int = 1) -> None:
        """Count an original in the document frequencies (`sign` -1 takes it out)."""
        self.weights.count(vector, sign)
        self.state.documents = self.weights.documents

    def place(self, features: ArticleFeatures, original: str | None, register: bool) -> TrackedArticle:
        """Place an article whose copy decision is made: with `original`, or in the best story.

        `register` indexes an original for later copy matching (re-clustering has done it already).
        """
        seq = self.state.next_seq
        self.state.next_seq += 1
        best: Story | None = None
        others: list[Story] = []
        if original is not None:
            story = self.state.stories[self.state.articles[original].story]
        else:
            if register:
                self.duplicates.add(features.id, features.signature, seq)
            best, others = self._best_story(features)
            story = best or self._new_story()
        tracked = TrackedArticle(features, seq, story.id, original)
        self.state.articles[features.id] = tracked
        self.changes.articles.add(features.id)
        self.changes.deleted.discard(features.id)
        self._join(story, tracked)
        if original is None and best is not None:
            self._merge_converged(story, others)
        return tracked

    def _new_story(self) -> Story:
        story = Story(f"s{self.state.next_story}")
        self.state.next_story += 1
        self.state.stories[story.id] = story
        return story

    def _join(self, story: Story, article: TrackedArticle) -> None:
        article.story = story.id
        story.articles.append(article.id)
        story.add_date(article.features.date)
        if article.duplicate_of is None:
            story.mass += self._length(article.features.vector)
            self._update_centroid(story, add(story.centroid, article.features.vector))
        self.changes.stories.add(story.id)

    def _length(self, vector: SparseVector) -> float:
        return float(np.linalg.norm(self.weights.weigh(vector)))

    def _update_centroid(self, story: Story, centroid: SparseVector) -> None:
        story.centroid = truncate(centroid, self.weights.weigh(centroid), self.options.centroid_terms)
        self._reindex(story)

    def _reindex(self, story: Story) -> None:
        weights = self.weights.weigh(story.centroid)
        self.index.index(story.id, story.centroid.indices[heaviest(story.centroid, weights, self.options.index_terms)])

    def is_live(self, story: Story, date: dt.date | None) -> bool:
        """Whether `story` is within `cold_days` of `date` (either side: arrivals may be late)."""
        if date is None or story.first_date is None or story.last_date is None:
            return True
        cold = dt.timedelta(days=self.options.cold_days)
        return story.first_date - cold <= date <= story.last_date + cold

    def candidates(self, vector: SparseVector, date: dt.date | None, exclude: str | None = None) -> list[Story]:
        """Live stories sharing heavy terms with `vector`, at most `options.candidates` of them.

        While there are no more stories than that, all of them are candidates: the index only
        prunes when it must, so a small corpus (whose heavy terms are its rare words) is not split.
        """
        if len(self.state.stories) <= self.options.candidates:
            found: list[str] = list(self.state.stories)
        else:
            weights = self.weights.weigh(vector)
            top = heaviest(vector, weights, self.options.query_terms)
            found = self.index.lookup(vector.indices[top], weights[top], self.options.candidates + 1)
        stories = (self.state.stories.get(story_id) for story_id in found if story_id != exclude)
        return [story for story in stories if story is not None and self.is_live(story, date)]

    def similarity(self, vector: SparseVector, centroid: SparseVector) -> float:
        """IDF-weighted cosine."""
        return cosine(vector, self.weights.weigh(vector), centroid, self.weights.weigh(centroid))

    def affinity(self, vector: SparseVector, story: Story, centroid: SparseVector | None = None) -> float:
        """Cosine with the story centroid, damped by the square root of the story's cohesion.

        Cohesion is the centroid's length over the summed lengths of its members: 1 for copies,
        lower for loose stories, whose broad centroids would otherwise attract everything on
        the same topic (every fire, every drug bust) rather than the same event.
        """
        centroid = story.centroid if centroid is None else centroid
        weights = self.weights.weigh(centroid)
        score = cosine(vector, self.weights.weigh(vector), centroid, weights)
        mass = story.mass if centroid is story.centroid else story.mass - self._length(vector)
        cohesion = float(np.linalg.norm(weights)) / mass if mass > 0 else 1.0
        return score * min(1.0, cohesion) ** 0.5

    def scored_candidates(self, features: ArticleFeatures) -> list[tuple[float, Story]]:
        """The candidates of an article with their affinity, most similar first (ties: older story)."""
        scored = [(self.affinity(features.vector, s), s) for s in self.candidates(features.vector, features.date)]
        return sorted(scored, key=lambda pair: (-pair[0], int(pair[1].id[1:])))

    def title_terms(self, article_id: str, title: str) -> TitleTerms:
        """What an article's headline names (cached per article)."""
        terms = self._titles.get(article_id)
        if terms is None:
            terms = self._titles[article_id] = TitleTerms.of(title)
        return terms

    def recent_originals(self, story: Story, count: int) -> list[TrackedArticle]:
        """The latest `count` originals of `story`."""
        found: list[TrackedArticle] = []
        for article_id in reversed(story.articles):
            article = self.state.articles[article_id]
            if article.duplicate_of is None:
                found.append(article)
                if len(found) == count:
                    break
        return found

    def join_probabilities(self, features: ArticleFeatures) -> list[tuple[float, Story]]:
        """The model's P(same story) for the article's most similar candidates, in that order."""
        assert self.model is not None, "join probabilities need a join model"
        scored = self.scored_candidates(features)[:self.options.join_candidates]
        probabilities = self.model.probabilities(pair_features(self, features, scored))
        return [(float(p), story) for p, (_, story) in zip(probabilities, scored)]

    def _best_story(self, features: ArticleFeatures) -> tuple[Story | None, list[Story]]:
        """The story the article joins (None: a new one) and the other candidates it was weighed against."""
        if self.model is None:
            scored = self.scored_candidates(features)[:self.options.join_candidates]
            if scored and scored[0][0] >= self.options.join_threshold:
                return scored[0][1], [story for _, story in scored[1:]]
            return None, []
        probable = sorted(self.join_probabilities(features), key=lambda pair: -pair[0])
        if not probable or probable[0][0] < self.options.join_probability:
            return None, []
        best = probable[0][1]
        for probability, story in probable[1:]:
            if probability >= self.options.merge_probability and story.id in self.state.stories:
                best = self._merge_pair(best, story)
        return best, [story for _, story in probable[1:] if story.id in self.state.stories]

    def _merge_pair(self, one: Story, other: Story) -> Story:
        """Merge two stories into the one with more articles (tie: the older); the survivor."""
        keep, gone = sorted((one, other), key=lambda s: (-len(s.articles), int(s.id[1:])))
        self.merge(keep, gone)
        return keep

    def _merge_converged(self, story: Story, others: list[Story]) -> None:
        """Merge into `story` the candidates whose centroids now reach `online_merge_threshold` with its own
        (`single_merge_threshold` for a candidate of one article: one that started a story alone)."""
        for other in others:
            limit = self.options.single_merge_threshold if len(other.articles) == 1 else self.options.online_merge_threshold
            if story.id in self.state.stories and other.id in self.state.stories and \
                    self.similarity(story.centroid, other.centroid) >= limit:
                story = self._merge_pair(story, other)

    # Moving articles (re-clustering refinement)

    def _leave(self, story: Story, article: TrackedArticle) -> None:
        story.articles.remove(article.id)
        self.changes.stories.add(story.id)
        if not story.articles:
            del self.state.stories[story.id]
            self.changes.removed.add(story.id)
            return
        if article.duplicate_of is None:
            story.mass = max(0.0, story.mass - self._length(article.features.vector))
            self._update_centroid(story, add(story.centroid, article.features.vector, -1.0))
        dates = [d for d in (self.state.articles[a].features.date for a in story.articles) if d is not None]
        story.first_date, story.last_date = (min(dates), max(dates)) if dates else (None, None)

    def remove(self, article_id: str) -> None:
        """Take an article out of the tracker, as if it had never been added.

        Its story loses it (centroid, mass, dates and index updated; an empty story is deleted).
        When an original goes, its copies are re-linked in arrival order: each joins the earliest
        promoted copy it still repeats, else becomes an original itself (indexed for copy
        matching and counted as evidence). Raises KeyError for an unknown article.
        """
        article = self.state.articles.get(article_id)
        if article is None:
            raise KeyError(f"article {article_id!r} is not tracked")
        story = self.state.stories[article.story]
        if article.duplicate_of is None:
            self.duplicates.remove(article_id)
            self.count(article.features.vector, -1)
            self._promote_copies(story, article_id)
        self._leave(story, article)
        del self.state.articles[article_id]
        self._titles.pop(article_id, None)
        self.changes.articles.discard(article_id)
        self.changes.deleted.add(article_id)

    def _promote_copies(self, story: Story, original: str) -> None:
        copies = sorted((self.state.articles[a] for a in story.articles
                         if self.state.articles[a].duplicate_of == original), key=lambda a: a.seq)
        promoted: list[TrackedArticle] = []
        for copy in copies:
            copy.duplicate_of = next((p.id for p in promoted if jaccard(copy.features.signature, p.features.signature)
                                      >= self.options.duplicate_threshold), None)
            self.changes.articles.add(copy.id)
            if copy.duplicate_of is None:
                promoted.append(copy)
                self.duplicates.add(copy.id, copy.features.signature, copy.seq)
                self.count(copy.features.vector)
                story.mass += self._length(copy.features.vector)
                self._update_centroid(story, add(story.centroid, copy.features.vector))

    def move(self, article_id: str, target: Story) -> None:
        """Move an original and its copies to `target`."""
        source = self.state.stories[self.state.articles[article_id].story]
        moving = [self.state.articles[a] for a in source.articles]
        for article in [a for a in moving if a.id == article_id or a.duplicate_of == article_id]:
            self._leave(self.state.stories[article.story], article)
            self._join(target, article)
            self.changes.articles.add(article.id)

    def merge(self, keep: Story, gone: Story) -> None:
        """Move every article of `gone` into `keep`; `gone` disappears, recorded as merged into `keep`."""
        for article_id in list(gone.articles):
            article = self.state.articles[article_id]
            gone.articles.remove(article_id)
            self._join(keep, article)
            self.changes.articles.add(article_id)
        del self.state.stories[gone.id]
        self.changes.removed.add(gone.id)
        self.state.merged[gone.id] = keep.id
        self.changes.merged.add(gone.id)


def placement_order(features: list[ArticleFeatures]) -> list[ArticleFeatures]:
    """Dated articles oldest first, then undated ones, each group in input order."""
    return sorted(features, key=lambda f: (f.date is None, f.date or dt.date.min))
