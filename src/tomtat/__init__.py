"""tomtat: attributed multi-document summaries of Vietnamese news."""
from tomtat.model import Article, Cluster, Document, Sentence, Summary, SummarySentence
from tomtat.options import Options
from tomtat.pipeline import prepare, summarize
from tomtat.summarizers import METHODS, Budget

__version__ = "0.1.0"

__all__ = [
    "Article", "Budget", "Cluster", "Document", "METHODS", "Options", "Sentence", "Summary",
    "SummarySentence", "prepare", "summarize", "__version__",
]
