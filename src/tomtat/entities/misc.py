"""MISC names (VLSP 2018): works, events, laws and products, and youth teams (ORG).

- a work after a word that says what it is: phim “Mắt biếc”, MV Ngôi sao cô đơn, Hội thảo “…”;
- a law or treaty: Luật Đất đai, Luật Cư trú 2020, Công ước … về Luật biển 1982;
- an event: Hội nghị Trung ương sáu, Chiến dịch Nguyễn Huệ, SEA Games 31, FA Cup, U23 châu Á 2020;
- a product: iPhone 14 Pro Max, Bitcoin.
"""
from __future__ import annotations

import re

from tomtat.entities.gazetteer import PLACES
from tomtat.entities.tokens import STOP_WORDS, Phrases, Token, is_common, is_foreign

# Lower-case words before the title of a work (the title itself is the MISC span).
WORK_WORDS = Phrases((
    "phim", "bộ phim", "ca khúc", "bài hát", "MV", "album", "sách", "cuốn sách", "tác phẩm", "vở kịch", "kịch",
    "truyện", "tiểu thuyết", "tập thơ", "bài thơ", "chương trình", "hội thảo", "cuộc thi", "giải thưởng", "show",
    "game", "trò chơi", "tựa game", "ứng dụng", "dự án phim", "sê-ri", "series", "gameshow", "dòng", "mẫu",
))
# Capitalised heads of events, awards and laws; the name runs to the next stop word or punctuation.
EVENT_HEADS = Phrases((
    "Hội nghị", "Hội thảo", "Diễn đàn", "Đại hội", "Chiến dịch", "Chiến thắng", "Giải thưởng", "Giải", "Lễ hội",
    "Liên hoan", "Luật", "Bộ luật", "Đạo luật", "Hiến pháp", "Công ước", "Hiệp định", "Hiệp ước", "Tuyên bố",
))
EVENTS = Phrases((
    "SEA Games", "World Cup", "Olympic", "Olympics", "Paralympic", "ASIAD", "AFF Cup", "AFF Suzuki Cup", "Euro",
    "EURO", "Champions League", "Premier League", "Europa League", "La Liga", "Serie A", "Bundesliga", "Ligue 1",
    "V.League", "V-League", "FA Cup", "Copa America", "Grand Slam", "Wimbledon", "Roland Garros", "US Open",
    "Australian Open", "Tour de France", "Miss Universe", "Miss World", "Miss Grand International",
    "Hoa hậu Việt Nam", "Hoa hậu Hoàn vũ", "Got Talent", "Vietnam Idol", "Festival", "Pride", "Black Friday",
    "Tết Nguyên đán", "Giáng sinh", "Noel", "Halloween", "CES", "Expo", "COP26", "COP27",
))
PRODUCTS = Phrases((
    "iPhone", "iPad", "iMac", "MacBook", "AirPods", "Apple Watch", "Galaxy", "Pixel", "PlayStation", "Xbox",
    "Windows", "Android", "iOS", "Bitcoin", "Ethereum", "ChatGPT", "Zalo", "Jet A1", "VinFast", "Vios", "Camry",
))
TABLES = (WORK_WORDS, EVENT_HEADS, EVENTS, PRODUCTS)  # every phrase table `find` looks up
_MODEL = re.compile(r"^(?:\d+\w*|Pro|Max|Plus|Ultra|Mini|mini|Lite|Note|Fold|Flip|Air|S\d+|[A-Z]\d+)$")
_OPEN_QUOTES = {"“": "”", '"': '"', "‘": "’", "«": "»"}
_CONTINENTS = frozenset({"châu Á", "Đông Nam Á", "thế giới", "Quốc tế", "quốc tế", "châu Âu", "Đông Á"})
_TEAM = re.compile(r"^U\d\d$")
_MAX_WORDS = 14
_MAX_QUOTED = 30
_ORDINALS = frozenset({"sáu", "bảy", "tám", "chín", "mười", "lần", "thứ"})
_ROMAN = re.compile(r"^[IVXL]+$")

Found = tuple[int, int, str]


def _name_end(words: list[str], joined: list[bool], start: int) -> int:
    """End of a title with no quotes: capitalised first, then words up to a stop word or punctuation."""
    j = start
    while j < len(words) and joined[j] and j - start < _MAX_WORDS and (words[j][0].isalnum()):
        if j > start and (words[j] in STOP_WORDS or (words[j].isdigit() and len(words[j]) != 4)):
            break
        j += 1
        if j - start == 1 and not words[start][0].isupper():
            return start
    return j


def _compound_end(words: list[str], joined: list[bool], start: int) -> int:
    """End of a capitalised name whose lower-case words only finish compounds ("Luật Đất đai", "Hồ sơ")."""
    j = start
    while j < len(words) and joined[j] and j - start < _MAX_WORDS:
        capitalised = words[j][0].isupper() and words[j][0].isalpha()
        continues = j > start and (is_common([words[j - 1], words[j]]) or words[j] in _ORDINALS or _ROMAN.match(words[j]))
        if not (capitalised or continues):
            break
        j += 1
    return j


def _quoted(words: list[str], start: int) -> int:
    """End (after the closing quote) of a quotation opening at `start`, or `start` when there is none."""
    close = _OPEN_QUOTES.get(words[start])
    if close is None:
        return start
    for j in range(start + 1, min(len(words), start + 2 + _MAX_QUOTED)):
        if words[j] == close or (close == "”" and words[j] == '"'):
            return j + 1 if j > start + 1 else start
    return start


def _with_year(words: list[str], joined: list[bool], end: int) -> int:
    """Take a year or edition number after an event or a law ("V.League 2022", "Luật biển 1982")."""
    return end + 1 if end < len(words) and joined[end] and words[end].isdigit() and len(words[end]) <= 4 else end


def _model_end(words: list[str], joined: list[bool], end: int) -> int:
    while end < len(words) and joined[end] and _MODEL.match(words[end]):
        end += 1
    return end


def is_team(word: str) -> bool:
    """A youth team's age mark ("U23"): what a youth team or tournament starts with."""
    return _TEAM.match(word) is not None


def _youth_team(words: list[str], joined: list[bool], i: int) -> Found | None:
    """"U23 Việt Nam" (a team: ORG) or "U23 châu Á 2020" (a tournament: MISC)."""
    if not is_team(words[i]) or i + 1 >= len(words) or not joined[i + 1]:
        return None
    for size in (3, 2, 1):
        phrase = " ".join(words[i + 1:i + 1 + size])
        if len(words) >= i + 1 + size and phrase in _CONTINENTS:
            return i, _with_year(words, joined, i + 1 + size), "MISC"
        if len(words) >= i + 1 + size and phrase in PLACES:
            return i, i + 1 + size, "ORG"
    return None


def find(words: list[str], joined: list[bool], tokens: list[Token], i: int) -> Found | None:
    """A MISC name (or youth team) whose span or trigger starts at token i: (start, end, type)."""
    team = _youth_team(words, joined, i)
    if team:
        return team
    size = EVENTS.match(words, joined, i, False, tokens[i].initial)
    if size:
        end = i + size
        while end < len(words) and joined[end] and words[end][0].isupper() and is_foreign(words[end]):
            end += 1  # "Miss World Vietnam"
        return i, _with_year(words, joined, end), "MISC"
    size = PRODUCTS.match(words, joined, i, False, tokens[i].initial)
    if size:
        return i, _model_end(words, joined, i + size), "MISC"
    size = EVENT_HEADS.match(words, joined, i, False, tokens[i].initial)
    if size and i + size < len(words) and joined[i + size]:
        quoted = _quoted(words, i + size)
        if quoted > i + size:
            return i + size + 1, quoted - 1, "MISC"
        end = _with_year(words, joined, _compound_end(words, joined, i + size))
        if end > i + size:
            return i, end, "MISC"
        if words[i:i + size] == ["Hội", "thảo"]:
            return None
    size = WORK_WORDS.match(words, joined, i, True, tokens[i].initial)
    if size == 1 and i > 0 and joined[i] and is_common([words[i - 1], words[i]]):
        size = 0  # "biên kịch", "cuốn sách" ending a compound
    if size and i + size < len(words) and joined[i + size]:
        quoted = _quoted(words, i + size)
        if quoted > i + size:
            return i + size + 1, quoted - 1, "MISC"
        end = _name_end(words, joined, i + size) if words[i + size][0].isupper() else i + size
        if end > i + size and words[i] not in {"dòng", "mẫu", "chương trình", "ứng dụng"}:
            return i + size, end, "MISC"
        if end > i + size:
            return i + size, _model_end(words, joined, i + size + 1), "MISC"
    return None
