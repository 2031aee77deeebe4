"""Output formats."""
from tomtat.output.render import FORMATS, render, summary_dict

__all__ = ["FORMATS", "render", "summary_dict"]
