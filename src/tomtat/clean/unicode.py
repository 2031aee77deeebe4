"""Unicode normalisation: NFC, one tone-placement convention, whitespace.

Tone placement: tomtat writes the tone of the open syllables "oa", "oe", "uy" on their
first vowel ("hòa", "khỏe", "thủy"), the convention of most Vietnamese news sites and of
underthesea, and rewrites the other one ("hoà", "khoẻ", "thuỷ") to it. "qu" + "y" keeps its
tone on "y" ("quý") because there "u" belongs to the consonant.
"""
from __future__ import annotations

import re
import unicodedata

_TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Word-segmented text (VLSP corpora, pyvi, underthesea) joins a word's syllables with "_":
# "_" between two letters, in a token that is not a URL, an e-mail address or a path.
_TOKEN = re.compile(r"\S+")
_JOINER = re.compile(r"(?<=[^\W\d_])_(?=[^\W\d_])")
_ADDRESS = re.compile(r"@|://|^www\.|/|\\")
_LETTERS = re.compile(r"[^\W\d_]+")


def _toned(base: str) -> str:
    return "".join(unicodedata.normalize("NFC", base + mark) for mark in _TONE_MARKS)


# "o"/"u" followed by a toned "a"/"e" (after o) or "y" (after u) at the end of a word; the word
# must begin there or after an onset of at most 3 consonants (`_ONSET`; not "q": "quý").
_MISPLACED_TONE = re.compile(
    f"(?:([oO])([{_toned('a')}{_toned('e')}{_toned('A')}{_toned('E')}])"
    f"|([uU])([{_toned('y')}{_toned('Y')}]))(?!\\w)"
)
_ONSET = frozenset("bcdđghklmnprstvxBCDĐGHKLMNPRSTVX")


def _starts_syllable(text: str, start: int) -> bool:
    """Whether the word holding `text[start]` begins there or after at most 3 onset consonants."""
    begin = start
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] == "_"):  # what `re` calls \w
        begin -= 1
        if start - begin > 3 or text[begin] not in _ONSET:
            return False
    return True


def _move_tone(match: re.Match[str]) -> str:
    if not _starts_syllable(match.string, match.start()):
        return match.group(0)
    first = match.group(1) or match.group(3)
    second = match.group(2) or match.group(4)
    base, mark = unicodedata.normalize("NFD", second)[0], unicodedata.normalize("NFD", second)[1:]
    return unicodedata.normalize("NFC", first + mark) + base


def normalize_tones(text: str) -> str:
    """Rewrite "hoà/khoẻ/thuỷ" placement to "hòa/khỏe/thủy"; `text` must be NFC."""
    return _MISPLACED_TONE.sub(_move_tone, text)


def _is_code(token: str) -> bool:
    """A token with a digit or a camelCase part ("SACS_V20", "AtFarm_S"): an identifier, not words."""
    if any(c.isdigit() for c in token):
        return True
    return any(part[1:] != part[1:].lower() and part != part.upper() for part in _LETTERS.findall(token))


def _split_token(match: re.Match[str]) -> str:
    token = match.group(0)
    if "_" not in token or _ADDRESS.search(token) or _is_code(token):
        return token
    return _JOINER.sub(" ", token)


def split_segmented_words(text: str) -> str:
    """Word-segmented text read as syllables: "đối_lập" becomes "đối lập".

    Only an underscore with a letter on each side is replaced ("_x", "a__b" keep theirs), and
    never inside a token holding "@", "://", "/" or "\\" or starting with "www." (addresses and
    paths, where "_" belongs to the name), a digit or a camelCase part ("SACS_V20", "AtFarm_S":
    identifiers). "TP_HCM" and "Hồ_Chí_Minh" are split.
    """
    return _TOKEN.sub(_split_token, text) if "_" in text else text


def normalize_text(text: str) -> str:
    """NFC, one tone placement, segmented words split, newlines for every line break, single spaces, no invisibles."""
    text = unicodedata.normalize("NFC", text)
    text = split_segmented_words(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _INVISIBLE.sub("", text)
    text = normalize_tones(text)
    return "\n".join(line.strip() for line in _SPACES.sub(" ", text).split("\n"))
