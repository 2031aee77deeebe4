"""Vietnamese sentence splitting and tokenisation."""
from tomtat.nlp.sentences import split_line, split_sentences
from tomtat.nlp.tokens import count_words, cut_after_syllables, stopwords, syllables
from tomtat.nlp.trim import trim_sentence

__all__ = ["count_words", "cut_after_syllables", "split_line", "split_sentences", "stopwords", "syllables", "trim_sentence"]
