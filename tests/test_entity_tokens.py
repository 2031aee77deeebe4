"""The tagger's tokens and layout, built with C-level maps, agree with a plain loop over the matches."""
from hypothesis import given, settings
from hypothesis import strategies as st

from tomtat.entities import misc
from tomtat.entities.tables import _MISC_STARTS, _STARTS, _WORD_BITS, lay_out
from tomtat.entities.tokens import _OPENERS, _TOKEN, Token, tokenize

PIECES = ["Ông", "Yoon", "Suk-yeol", "nói", "U23", "u19", "Việt", "Nam", "tỉnh", "Bộ", "“", "”", ".", ",", "(",
          ")", "-", "2023", "17/4", "TP.", "…", "\n", "  ", " ", "\t", "\u00a0", "_", "Σ", "ΑΣ", "İ", "ǅ"]
TEXTS = st.one_of(st.text(max_size=60), st.lists(st.sampled_from(PIECES), max_size=25).map(" ".join),
                  st.lists(st.sampled_from(PIECES), max_size=25).map("".join))


def _loop_tokens(text: str) -> list[Token]:
    tokens, initial, end = [], True, 0
    for match in _TOKEN.finditer(text):
        if not initial and "\n" in text[end:match.start()]:
            initial = True
        tokens.append(Token(match.group(), match.start(), match.end(), initial))
        end = match.end()
        initial = match.group() in _OPENERS
    return tokens


def test_tokens_of_a_sentence() -> None:
    assert tokenize("Ông Yoon Suk-yeol nói: “Tốt.”\nHai") == [
        Token("Ông", 0, 3, True), Token("Yoon", 4, 8, False), Token("Suk-yeol", 9, 17, False), Token("nói", 18, 21, False),
        Token(":", 21, 22, False), Token("“", 23, 24, True), Token("Tốt", 24, 27, True), Token(".", 27, 28, False),
        Token("”", 28, 29, True), Token("Hai", 30, 33, True),
    ]
    assert tokenize("") == [] and tokenize(" \n ") == []


@settings(max_examples=400)
@given(TEXTS)
def test_tokenize_is_the_loop_over_matches(text: str) -> None:
    assert tokenize(text) == _loop_tokens(text)


@settings(max_examples=400)
@given(TEXTS)
def test_layout_is_the_loop_over_tokens(text: str) -> None:
    layout = lay_out(text)
    tokens = _loop_tokens(text)
    words = [t.text for t in tokens]
    assert layout.tokens == tokens and layout.words == words
    assert layout.joined == [k > 0 and text[tokens[k - 1].end:t.start] in {" ", ""} for k, t in enumerate(tokens)]
    assert layout.starts == [w[0].isupper() or w.lower() in _STARTS for w in words]
    assert layout.bits == [_WORD_BITS.get(w.lower(), 0) for w in words]
    assert layout.misc == [w.lower() in _MISC_STARTS or (w.lower()[0] == "u" and misc.is_team(w)) for w in words]
