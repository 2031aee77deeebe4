"""Fuzzing every text stage (seeded through the conftest profile): no exception escapes, spans
stay inside the text, and the time per input grows linearly on adversarial lines."""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tomtat.clean import clean_text
from tomtat.entities import tag
from tomtat.nlp import split_sentences, syllables
from tomtat.timex import find_timexes

PUBLISHED = dt.date(2024, 4, 17)
PIECES = st.sampled_from([
    "ngày", "17/4", "3/2024", "năm nay", "tuần trước", "sáng", "đêm", "rạng sáng", "hôm qua", "thứ Hai", "quý 3",
    "Ông", "Nguyễn Văn", "An", "UBND", "tỉnh", "Lào Cai", "TP.", "PGS.TS.", "“", "”", '"', "(", ")", ".", ",", ":", "/.",
    "- ", "\n", " ", "Ảnh:", "(TTXVN)", "Tin liên quan", "1.200", "3,5 tỷ", "đến", "-", "–", "2015", "mùa hè", "10.11",
])
TEXTS = st.lists(PIECES | st.text(max_size=8), max_size=40).map(" ".join)


@given(TEXTS)
def test_cleaning_and_splitting_never_fail(text: str) -> None:
    cleaned = clean_text(text)
    sentences = split_sentences(cleaned)
    assert all(sentence.strip() == sentence and sentence for sentence in sentences)
    assert clean_text(cleaned) == cleaned  # cleaning twice changes nothing


@given(TEXTS, st.sampled_from([PUBLISHED, None]))
def test_time_expressions_are_inside_the_text_and_apart(text: str, published: dt.date | None) -> None:
    found = find_timexes(text, published)
    assert all(0 <= t.start < t.end <= len(text) and text[t.start:t.end] == t.text for t in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@given(TEXTS)
def test_entity_mentions_are_inside_the_text(text: str) -> None:
    for mention in tag(text):
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.type in {"PER", "ORG", "LOC", "MISC"}


STAGES: dict[str, Callable[[str], object]] = {
    "clean": clean_text, "split": split_sentences, "syllables": syllables, "entities": tag,
    "dates": lambda text: find_timexes(text, PUBLISHED),
}
LINES = {"digits and slashes": "12/3/2024 5/6 7.8 ", "capitalised words": "Nguyễn Văn An Hà Nội ",
         "quotes": '“a” "b ', "abbreviations": "TP. PGS.TS. Q.7 "}


def _seconds(stage: Callable[[str], object], unit: str, size: int) -> float:
    text = (unit * (size // len(unit) + 1))[:size]
    start = time.perf_counter()
    stage(text)
    return time.perf_counter() - start


@pytest.mark.parametrize("line", LINES)
@pytest.mark.parametrize("stage", STAGES)
def test_time_grows_linearly_on_adversarial_lines(stage: str, line: str) -> None:
    # best of 3 each, so that a pause of the machine is not read as growth
    small = min(_seconds(STAGES[stage], LINES[line], 20_000) for _ in range(3))
    large = min(_seconds(STAGES[stage], LINES[line], 80_000) for _ in range(3))
    assert large < 12 * small + 0.05, f"{stage} on {line}: 4x the text took {large / max(small, 1e-9):.0f}x the time"
