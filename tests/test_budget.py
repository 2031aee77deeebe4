"""Summary budgets and the validation of pipeline options."""
from __future__ import annotations

import pytest

from tomtat.options import EntityOptions, Options, SelectionOptions, TimelineOptions
from tomtat.summarizers.budget import Budget


@pytest.mark.parametrize(
    ("spec", "amount", "unit"),
    [
        (200, 200, "syllables"),
        ("200", 200, "syllables"),
        (" 200 ", 200, "syllables"),
        ("200 syllables", 200, "syllables"),
        ("200 âm tiết", 200, "syllables"),
        ("80w", 80, "words"),
        ("80W", 80, "words"),
        ("80 words", 80, "words"),
        ("80 từ", 80, "words"),
        ("5 sentences", 5, "sentences"),
        ("5 câu", 5, "sentences"),
        ("5 Câu", 5, "sentences"),
        ("20%", 20, "percent"),
        ("20 %", 20, "percent"),
        ("100%", 100, "percent"),
        ("12.5%", 12.5, "percent"),
    ],
)
def test_parse_accepts(spec, amount, unit):
    budget = Budget.parse(spec)
    assert (budget.amount, budget.unit) == (amount, unit)


def test_parse_returns_a_budget_unchanged():
    budget = Budget(80, "words")
    assert Budget.parse(budget) is budget


@pytest.mark.parametrize(
    ("spec", "text"),
    [("200", "200 syllables"), ("80w", "80 words"), ("5 câu", "5 sentences"), ("20%", "20%"), ("12.5%", "12.5%")],
)
def test_str_round_trips(spec, text):
    assert str(Budget.parse(spec)) == text
    assert Budget.parse(str(Budget.parse(spec))) == Budget.parse(spec)


@pytest.mark.parametrize("spec", ["abc", "", "200 apples", "w80", "-5", "1e3", "200."])
def test_parse_rejects_unreadable_and_says_what_to_give(spec):
    with pytest.raises(ValueError) as info:
        Budget.parse(spec)
    message = str(info.value)
    assert repr(spec) in message
    for example in ("200", "80w", "5 sentences", "20%"):
        assert example in message


@pytest.mark.parametrize("spec", ["0", "0w", "0%", "150%", "100.5%", "2.5w", "2.5", "1.5 câu"])
def test_parse_rejects_out_of_range_and_says_what_to_give(spec):
    with pytest.raises(ValueError) as info:
        Budget.parse(spec)
    message = str(info.value)
    assert repr(spec) in message
    assert "whole count > 0" in message and "(0, 100]" in message


@pytest.mark.parametrize(
    ("percent", "lengths", "syllables"),
    [
        ("20%", [100, 300], 40),  # mean 200 -> 40
        ("50%", [101, 102], 51),  # mean 101.5 -> 50.75 -> 51
        ("100%", [90, 110], 100),
        ("1%", [10], 1),  # 0.1 rounds to 0; never below 1
        ("20%", [], 1),  # no articles: still a usable budget
    ],
)
def test_resolve_percent_to_syllables(percent, lengths, syllables):
    assert Budget.parse(percent).resolve(lengths) == Budget(syllables, "syllables")


@pytest.mark.parametrize("spec", ["200", "80w", "5 sentences"])
def test_resolve_keeps_other_units(spec):
    budget = Budget.parse(spec)
    assert budget.resolve([1000, 2000]) is budget


def test_options_defaults_and_budget_strings():
    options = Options()
    assert options.budget == Budget(200, "syllables")
    assert Options(budget="80w").budget == Budget(80, "words")
    assert Options(budget=150).budget == Budget(150, "syllables")
    assert Options(selection=SelectionOptions(redundancy=1.0)).selection.redundancy == 1.0
    assert SelectionOptions(min_syllables=5, max_syllables=5).max_syllables == 5
    assert Options().timeline == TimelineOptions(background_days=60, same_event=0.6)


@pytest.mark.parametrize(
    ("make", "kwargs", "pattern"),
    [
        (Options, {"budget": "abc"}, "unreadable budget"),
        (Options, {"budget": "0"}, "out of range"),
        (Options, {"query": "  "}, "query is empty"),
        (SelectionOptions, {"redundancy": 0}, r"redundancy must be in \(0, 1\], got 0"),
        (SelectionOptions, {"redundancy": -0.1}, "redundancy"),
        (SelectionOptions, {"redundancy": 1.5}, r"got 1.5"),
        (SelectionOptions, {"concept_blend": 1.2}, r"concept_blend must be in \[0, 1\], got 1.2"),
        (SelectionOptions, {"article_bonus": -1}, "article_bonus must be 0 or more"),
        (SelectionOptions, {"min_syllables": 0}, r"1 <= min_syllables <= max_syllables, got 0, 90"),
        (SelectionOptions, {"min_syllables": 10, "max_syllables": 5}, "got 10, 5"),
        (TimelineOptions, {"background_days": -1}, "background_days must be 0 or more"),
        (TimelineOptions, {"same_event": 0}, r"same_event must be in \(0, 1\]"),
        (EntityOptions, {"keyphrases": -2}, "keyphrases must be 0 or more"),
    ],
)
def test_options_validation_errors(make, kwargs, pattern):
    with pytest.raises(ValueError, match=pattern):
        make(**kwargs)
