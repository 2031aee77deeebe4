"""Vietnamese sentence splitting and tokenisation."""
from tomtat.nlp.sentences import split_line, split_sentences
from tomtat.nlp.tokens import count_words, cut_after_syllables, stopwords, syllables

__all__ = ["count_words", "cut_after_syllables", "split_line", "split_sentences", "stopwords", "syllables"]
