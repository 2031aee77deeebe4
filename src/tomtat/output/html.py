"""A story report as one self-contained HTML page (no scripts, no outside resources)."""
from __future__ import annotations

from html import escape

from tomtat.model import StoryReport, Summary
from tomtat.conflicts import Conflict
from tomtat.entities import Entity
from tomtat.fusion import FusedSentence
from tomtat.output.citations import cited_sources, source_numbers
from tomtat.timeline import Event

_STYLE = ("body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:1rem auto;padding:0 1rem}"
          "sup a{text-decoration:none}.background{color:#666}table{border-collapse:collapse}"
          "td,th{border-bottom:1px solid #ddd;padding:.2rem .5rem;text-align:left}.fallback{color:#555}")


def _source(source: str) -> str:
    """A web address as a link (http and https only, so no script runs from a page); else text."""
    if source.startswith(("http://", "https://")):
        return f'<a href="{escape(source)}">{escape(source)}</a>'
    return escape(source)


def _summary(summary: Summary) -> list[str]:
    numbers = source_numbers(summary)
    lines = ["<section><h2>Summary</h2><ol class=\"summary\">"]
    lines += [f'<li>{escape(s.text)} <sup><a href="#source-{numbers[s.article_id]}">[{numbers[s.article_id]}]</a></sup></li>'
              for s in summary.sentences]
    lines.append("</ol><h2>Sources</h2><ol class=\"sources\">")
    for number, s in cited_sources(summary):
        title = escape(s.title or s.article_id)
        where = f" {_source(s.source)}" if s.source else ""
        date = f" ({s.date.isoformat()})" if s.date else ""
        lines.append(f'<li id="source-{number}" value="{number}"><strong>{title}</strong>{date}{where}</li>')
    lines.append("</ol></section>")
    return lines


def _fused(fused: list[FusedSentence], summary: Summary | None) -> list[str]:
    """The rewritten summary; a sentence that failed the fact guard is its extractive source, marked."""
    numbers = source_numbers(summary) if summary is not None else {}
    fallbacks = sum(s.fallback for s in fused)
    lines = ["<section><h2>Fused summary</h2>",
             f"<p>{len(fused) - fallbacks} of {len(fused)} sentences rewritten; {fallbacks} fell back to their extractive "
             "source (the fact guard found a number, date or name not in the sources).</p><ol class=\"fused\">"]
    for sentence in fused:
        cites = " ".join(f'<a href="#source-{numbers[a]}">[{numbers[a]}]</a>' if a in numbers else f"[{escape(a)}]"
                         for a in sentence.articles)
        if sentence.fallback:
            lines.append(f'<li class="fallback">{escape(sentence.text)} <sup>{cites}</sup> '
                         f"<em>(extractive fallback: {escape(sentence.reason or '')})</em></li>")
        else:
            lines.append(f"<li>{escape(sentence.text)} <sup>{cites}</sup></li>")
    lines.append("</ol></section>")
    return lines


def _timeline(events: list[Event]) -> list[str]:
    lines = ["<section><h2>Timeline</h2><ul class=\"timeline\">"]
    for event in events:
        css = ' class="background"' if event.background else ""
        sources = escape(", ".join(event.sources))
        lines.append(f"<li{css}><time>{escape(event.date)}</time> {escape(event.text)} <small>({sources})</small></li>")
    lines.append("</ul></section>")
    return lines


def _entities(entities: list[Entity], keyphrases: list[str] | None) -> list[str]:
    lines = ["<section><h2>Entities</h2><table><tr><th>Type</th><th>Name</th><th>Count</th><th>Mentions</th></tr>"]
    lines += [f"<tr><td>{e.type}</td><td>{escape(e.name)}</td><td>{e.count}</td><td>{escape(', '.join(e.mentions))}</td></tr>"
              for e in entities]
    lines.append("</table>")
    if keyphrases is not None:
        lines.append(f"<p>Keyphrases: {escape(', '.join(keyphrases))}</p>")
    lines.append("</section>")
    return lines


def _conflicts(conflicts: list[Conflict]) -> list[str]:
    lines = ["<section><h2>Conflicts</h2><ul class=\"conflicts\">"]
    for conflict in conflicts:
        update = f" <em>(update: {escape(conflict.later or '')})</em>" if conflict.update else ""
        values = "".join(f"<li><strong>{escape(v.value)}</strong> <small>({escape(', '.join(v.articles))})</small> "
                         f"{escape(v.sentences[0])}</li>" for v in conflict.values)
        lines.append(f"<li>{escape(conflict.kind)}: {escape(conflict.subject)}{update}<ul>{values}</ul></li>")
    lines.append("</ul></section>")
    return lines


def render(report: StoryReport) -> str:
    """A page headed by the first article's title, with a section per part asked for."""
    title = escape(next((a.title for a in report.articles if a.title), "tomtat"))
    lines = ['<!doctype html>', '<html lang="vi"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{title}</title><style>{_STYLE}</style></head><body>", f"<h1>{title}</h1>"]
    if report.summary is not None:
        lines += _summary(report.summary)
    if report.fused is not None:
        lines += _fused(report.fused, report.summary)
    if report.timeline is not None:
        lines += _timeline(report.timeline)
    if report.entities is not None:
        lines += _entities(report.entities, report.keyphrases)
    if report.conflicts is not None:
        lines += _conflicts(report.conflicts)
    lines.append("</body></html>")
    return "\n".join(lines) + "\n"
