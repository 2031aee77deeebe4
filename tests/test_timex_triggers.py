"""Rule triggers: what every match of a pattern holds, so a rule is skipped where it cannot match."""
import re

from hypothesis import given
from hypothesis import strategies as st

from tomtat.timex.finder import RULES
from tomtat.timex.triggers import Triggers, is_plain, trigger

SENTENCES = [
    "Sáng 17/4/2023, hai nước họp tại Hà Nội.", "Khoảng 2 giờ sáng 3/11, nước dâng cao.",
    "Từ tháng 9/2017 đến nay, giá tăng 3 lần.", "Quý III năm ngoái, doanh thu giảm.", "Hôm qua trời mưa.",
    "Những năm 1990, thành phố còn nhỏ.", "Mùa hè năm 2020 rất nóng.", "Thế kỷ XX đã qua.", "Hằng năm lễ hội diễn ra.",
]


def test_trigger_of_a_pattern_is_what_every_match_holds() -> None:
    assert trigger(re.compile(r"(?<!\w)tháng\s+\d{1,2}", re.IGNORECASE)).literals == ("tháng",)
    assert trigger(re.compile(r"(?:năm|quý)\s+\d")).literals == ("năm", "quý")
    digits = trigger(re.compile(r"(?:ngày\s+)?\d+"))
    assert (digits.literals, digits.digit) == ((), True)
    assert trigger(re.compile(r"(?:hôm)?\s*qua|nay")).literals == ("nay", "qua")
    assert trigger(re.compile(r"(?:ngày)?\s*")) is None


def test_trigger_is_found_as_re_would_find_it() -> None:
    month = trigger(re.compile(r"tháng\s+\d", re.IGNORECASE))
    for text in ("THÁNG 9", "Tháng 9", "tháng 9", "ngày 9"):
        assert month.held_by(text, text.lower(), is_plain(text)) == bool(month.pattern.search(text))
    hour = trigger(re.compile(r"giờ", re.IGNORECASE))
    assert hour.held_by("GıỜ", "gıờ", is_plain("GıỜ"))  # re folds "ı" to "i": the pattern decides


def test_every_rule_match_holds_its_trigger() -> None:
    for rule in RULES:
        needed = trigger(rule.pattern)
        for sentence in SENTENCES:
            for match in rule.pattern.finditer(sentence):
                if match.end() > match.start():
                    assert needed is None or needed.pattern.search(sentence, match.start()), (rule.pattern.pattern, sentence)


@given(st.text(alphabet=st.sampled_from(list("ngàyháTHÁNGgiờquýnămhôm qua0123456789/ıİſ.,")), max_size=40))
def test_triggers_looked_for_together_say_what_each_says_alone(text: str) -> None:
    together = Triggers([trigger(rule.pattern) for rule in RULES])
    alone = [t is None or t.held_by(text, text.lower(), is_plain(text)) for t in together.triggers]
    assert together.held(text) == alone
