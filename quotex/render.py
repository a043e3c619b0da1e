"""Rich renderables for people: quote tables, stats tables, the progress bar.

Functions here build renderables and never print; :func:`to_text` renders
one to a string. Every piece of input text goes through
:func:`quotex.errors.escape_controls` and into :class:`rich.text.Text`
(never markup), so input can neither inject terminal escapes nor Rich markup.
This module is imported only for ``--format table``, stats tables and
progress bars: the machine formats never load Rich.
"""
from __future__ import annotations

import io
from collections.abc import Sequence

from rich import box
from rich.console import Console, Group, RenderableType
from rich.progress import (BarColumn, DownloadColumn, Progress, TextColumn,
                           TimeRemainingColumn, TransferSpeedColumn)
from rich.table import Table
from rich.text import Text

from quotex.errors import escape_controls
from quotex.records import Quote
from quotex.stats import Stats

UNKNOWN = "(unknown)"


def _text(value: str | None, style: str = "") -> Text:
    if value is None:
        return Text("")
    return Text(escape_controls(value), style=style)


def document_title(source: str, id: str | None = None, line: int | None = None) -> str:
    """``news/a.txt``, or ``corpus.jsonl:3 (id 17)`` for a corpus record."""
    where = source if line is None else f"{source}:{line}"
    return where if id is None else f"{where} (id {id})"


def quotes_table(source: str, quotes: Sequence[Quote], *,
                 explanations: Sequence[Sequence[str]] | None = None,
                 show_kind: bool = False) -> Table:
    """One table for one document: speaker, cue, the quote (wrapped), offsets.

    With ``explanations`` (one list of strings per quote) a column shows the
    rule that fired and the candidates considered; with ``show_kind`` a
    column shows each record's kind (``direct``/``term``).
    """
    n = len(quotes)
    caption = f"{n} quote" + ("" if n == 1 else "s")
    table = Table(title=Text(escape_controls(source, keep_newlines=False), style="bold"),
                  caption=caption, box=box.SQUARE, expand=False, show_lines=True,
                  title_justify="left", caption_justify="left")
    table.add_column("speaker", style="bold cyan", overflow="fold", max_width=24)
    table.add_column("cue", style="green", overflow="fold", max_width=14)
    if show_kind:
        table.add_column("kind", overflow="fold")
    table.add_column("quote", overflow="fold", ratio=1, min_width=20)
    table.add_column("offsets", justify="right", no_wrap=True)
    if explanations is not None:
        table.add_column("rule / candidates", overflow="fold", max_width=40)
    for i, q in enumerate(quotes):
        speaker = _text(q.speaker) if q.speaker is not None else Text(UNKNOWN, style="dim")
        row: list[Text] = [speaker, _text(q.cue)]
        if show_kind:
            row.append(_text(q.kind))
        row += [_text(q.quote), Text(f"{q.start}-{q.end}")]
        if explanations is not None:
            why = explanations[i] if i < len(explanations) else []
            cell = _text(q.rule or "", style="magenta")
            for line in why:
                cell.append("\n")
                cell.append(escape_controls(line), style="dim")
            row.append(cell)
        table.add_row(*row)
    return table


def no_quotes(source: str) -> Text:
    """The line shown instead of a table for a document without quotes."""
    text = Text(escape_controls(source, keep_newlines=False), style="bold")
    text.append(": no quotes", style="dim")
    return text


def stats_renderable(stats: Stats, top: int = 10) -> RenderableType:
    """Totals, then quotes per speaker and the most used cues."""
    d = stats.as_dict(top=top)
    totals = Table(title=Text("quotex stats", style="bold"), box=box.SIMPLE, show_header=False,
                   title_justify="left")
    totals.add_column("what")
    totals.add_column("n", justify="right")
    totals.add_row("files", str(d["files"]))
    totals.add_row("documents", str(d["documents"]))
    totals.add_row("quotes", str(d["quotes"]))
    totals.add_row("attributed", f'{d["attributed"]} ({d["attributed_share"]:.1%})')
    totals.add_row("distinct speakers", str(d["distinct_speakers"]))
    totals.add_row("failures", str(d["failures"]))
    parts: list[RenderableType] = [totals]
    for key, label in (("speakers", "speaker"), ("cues", "cue")):
        t = Table(title=Text(f"quotes per {label}", style="bold"), box=box.SIMPLE,
                  title_justify="left")
        t.add_column(label, overflow="fold")
        t.add_column("quotes", justify="right")
        t.add_column("share", justify="right")
        for row in d[key]:
            share = row["quotes"] / d["quotes"] if d["quotes"] else 0.0
            missing = UNKNOWN if label == "speaker" else "(none)"
            t.add_row(_text(row[label]) if row[label] is not None else Text(missing, style="dim"),
                      str(row["quotes"]), f"{share:.1%}")
        parts.append(t)
    return Group(*parts)


def to_text(renderable: RenderableType, *, terminal: bool = False, width: int = 100) -> str:
    """``renderable`` as a string; ANSI colours only when ``terminal`` (and no NO_COLOR)."""
    console = Console(file=io.StringIO(), width=width, force_terminal=terminal,
                      color_system="auto" if terminal else None, highlight=False,
                      emoji=False, markup=False)
    with console.capture() as capture:
        console.print(renderable)
    return capture.get()


def progress_bar(console: Console) -> Progress:
    """Files and MB done, MB/s and time left; pulses when the total is unknown."""
    return Progress(TextColumn("files {task.fields[files]}"), BarColumn(), DownloadColumn(),
                    TransferSpeedColumn(), TimeRemainingColumn(), console=console,
                    transient=True, redirect_stdout=False, redirect_stderr=False)
