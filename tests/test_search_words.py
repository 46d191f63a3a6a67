"""The search index splits ASCII text without its regular expression (search.tokens): the words
must be exactly those the expression finds (and js/search.js, tests/browser/test_search.py)."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from masterysite.search import _WORD, fold, tokens

ascii_text = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127), max_size=200)


@settings(max_examples=500)
@given(ascii_text)
def test_ascii_words_are_those_of_the_expression(text: str) -> None:
    assert tokens(text) == _WORD.findall(fold(text))


def test_every_ascii_character_splits_as_the_expression_does() -> None:
    for char in map(chr, range(128)):
        text = f"a{char}B{char}{char}9"
        assert tokens(text) == _WORD.findall(fold(text)), repr(char)
    assert tokens("snake_case x2, 3/4 " + string.punctuation) == ["snake", "case", "x2", "3", "4"]
