"""Rule triggers: what every match of a pattern holds, so a rule is skipped where it cannot match."""
import re

from tomtat.timex.finder import RULES
from tomtat.timex.triggers import trigger

SENTENCES = [
    "Sáng 17/4/2023, hai nước họp tại Hà Nội.", "Khoảng 2 giờ sáng 3/11, nước dâng cao.",
    "Từ tháng 9/2017 đến nay, giá tăng 3 lần.", "Quý III năm ngoái, doanh thu giảm.", "Hôm qua trời mưa.",
    "Những năm 1990, thành phố còn nhỏ.", "Mùa hè năm 2020 rất nóng.", "Thế kỷ XX đã qua.", "Hằng năm lễ hội diễn ra.",
]


def test_trigger_of_a_pattern_is_what_every_match_holds() -> None:
    assert trigger(re.compile(r"(?<!\w)tháng\s+\d{1,2}", re.IGNORECASE)).pattern == "tháng"
    assert trigger(re.compile(r"(?:năm|quý)\s+\d")).pattern in {"quý|năm", "năm|quý"}
    assert trigger(re.compile(r"(?:ngày\s+)?\d+")).pattern == r"\d"
    assert trigger(re.compile(r"(?:hôm)?\s*qua|nay")).pattern == "nay|qua"
    assert trigger(re.compile(r"(?:ngày)?\s*")) is None


def test_every_rule_match_holds_its_trigger() -> None:
    for rule in RULES:
        needed = trigger(rule.pattern)
        for sentence in SENTENCES:
            for match in rule.pattern.finditer(sentence):
                if match.end() > match.start():
                    assert needed is None or needed.search(sentence, match.start()), (rule.pattern.pattern, sentence)
