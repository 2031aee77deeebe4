"""Cleaning: Unicode and whitespace normalisation, then crawl-noise removal."""
from tomtat.clean.noise import noise_rule, remove_noise
from tomtat.clean.unicode import normalize_text, normalize_tones


def clean_text(text: str) -> str:
    """Normalised article body without crawl noise, one paragraph per line."""
    return remove_noise(normalize_text(text))


__all__ = ["clean_text", "noise_rule", "normalize_text", "normalize_tones", "remove_noise"]
