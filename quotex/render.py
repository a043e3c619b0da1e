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
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.progress import (BarColumn, DownloadColumn, Progress, TextColumn,
                           TimeRemainingColumn, TransferSpeedColumn)
from rich.table import Column, Table
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


#: Cell widths a table may shrink a column to, in order, when it does not fit
#: the terminal: the quote first (wrapping is what it is for), then the rule
#: column, the speaker and the cue; each column is taken to its first floor
#: before any goes to its second. The offsets column never shrinks.
_SHRINK: tuple[tuple[str, int], ...] = (
    ("quote", 24), ("rule", 16), ("speaker", 12), ("cue", 8), ("kind", 6),
    ("quote", 12), ("rule", 10), ("speaker", 8), ("cue", 4), ("kind", 4))
#: The widest a column grows (cells wrap beyond).
_MAX = {"speaker": 24, "cue": 14, "rule": 40}
#: The narrowest the quote column is drawn when there is room.
_QUOTE_MIN = 20
_HEADERS = {"speaker": "speaker", "cue": "cue", "kind": "kind", "quote": "quote",
            "offsets": "offsets", "rule": "rule / candidates"}


def _natural(cells: Sequence[Text], header: str) -> int:
    """The width a column takes unwrapped: its widest line (header included)."""
    widest = cell_len(header)
    for cell in cells:
        for line in cell.plain.split("\n"):
            widest = max(widest, cell_len(line))
    return widest


def fit_widths(natural: dict[str, int], width: int) -> dict[str, int] | None:
    """Cell widths (padding and borders excluded) for columns whose unwrapped
    widths are ``natural`` (in display order) in a boxed table ``width``
    cells wide: unchanged when they fit, else shrunk by :data:`_SHRINK`;
    None when even the floors do not fit."""
    over = sum(natural.values()) + 3 * len(natural) + 1 - width
    widths = dict(natural)
    for name, floor in _SHRINK:
        if over <= 0:
            break
        if name in widths and widths[name] > floor:
            cut = min(over, widths[name] - floor)
            widths[name] -= cut
            over -= cut
    return widths if over <= 0 else None


def quotes_table(source: str, quotes: Sequence[Quote], *,
                 explanations: Sequence[Sequence[str]] | None = None,
                 show_kind: bool = False, width: int | None = None) -> RenderableType:
    """One table for one document: speaker, cue, the quote (wrapped), offsets.

    With ``explanations`` (one list of strings per quote) a column shows the
    rule that fired and the candidates considered; with ``show_kind`` a
    column shows each record's kind (``direct``/``term``).

    With ``width`` the table fits in that many cells: columns shrink (their
    cells wrap) down to floors, the offsets column never; when that is not
    enough the kind joins the cue cell and the rule and candidates go under
    the quote; on a very narrow terminal each quote becomes one stacked cell.
    """
    rows: list[dict[str, Text]] = []
    for i, q in enumerate(quotes):
        row = {"speaker": _text(q.speaker) if q.speaker is not None else Text(UNKNOWN, style="dim"),
               "cue": _text(q.cue)}
        if show_kind:
            row["kind"] = _text(q.kind)
        row["quote"] = _text(q.quote)
        row["offsets"] = Text(f"{q.start}-{q.end}")
        if explanations is not None:
            why = explanations[i] if i < len(explanations) else []
            cell = _text(q.rule or "", style="magenta")
            for line in why:
                cell.append("\n")
                cell.append(escape_controls(line), style="dim")
            row["rule"] = cell
        rows.append(row)
    if width is None:
        return _table(source, rows, None)
    for merge in (False, True):
        shown = [_merged(row) for row in rows] if merge else rows
        names = list(shown[0]) if shown else list(_columns(show_kind, explanations is not None))
        natural = {name: _natural([r[name] for r in shown], _HEADERS[name]) for name in names}
        for name, cap in _MAX.items():
            if name in natural:
                natural[name] = min(natural[name], max(cap, cell_len(_HEADERS[name])))
        if "quote" in natural:
            natural["quote"] = max(natural["quote"], _QUOTE_MIN)
        widths = fit_widths(natural, width)
        if widths is not None:
            return _table(source, shown, widths if widths != natural else None,
                          names=names)
    return _stacked(source, rows)


#: Columns of a ``--fields`` table that wrap and take the room left, as the quote does.
_WIDE = ("quote", "context")


def records_table(source: str, records: Sequence[dict[str, Any]], names: Sequence[str], *,
                  width: int | None = None) -> RenderableType:
    """A table of chosen record keys (``--fields``), one column each, headed
    by the key: lists joined with ``"; "``, null as an empty cell. The quote
    and context columns wrap; the others shrink before anything is cut."""
    rows: list[dict[str, Text]] = []
    for rec in records:
        row: dict[str, Text] = {}
        for name in names:
            value = rec[name]
            if name == "speaker" and value is None:
                row[name] = Text(UNKNOWN, style="dim")
            elif isinstance(value, (list, tuple)):
                row[name] = _text("; ".join(str(v) for v in value))
            else:
                row[name] = _text(None if value is None else str(value))
        rows.append(row)
    widths = None
    if width is not None:
        natural = {name: _natural([r[name] for r in rows], name) for name in names}
        for name, cap in _MAX.items():
            if name in natural:
                natural[name] = min(natural[name], max(cap, cell_len(name)))
        for name in _WIDE:
            if name in natural:
                natural[name] = max(natural[name], _QUOTE_MIN)
        widths = _shrink_widest(natural, width)
        if widths is None:
            return _stacked_records(source, rows, names)
        if widths == natural:
            widths = None
    return _table(source, rows, widths, names=list(names), headers={n: n for n in names})


#: The narrowest a column of a ``--fields`` table is shrunk to (or its header).
_FIELD_FLOOR = 8


def _shrink_widest(natural: dict[str, int], width: int) -> dict[str, int] | None:
    """Widths for a ``--fields`` table ``width`` cells wide: the widest column
    is narrowed first, one cell at a time, none below its header or
    :data:`_FIELD_FLOOR`; None when even that does not fit."""
    widths = dict(natural)
    floors = {name: min(w, max(_FIELD_FLOOR, cell_len(name))) for name, w in natural.items()}
    over = sum(widths.values()) + 3 * len(widths) + 1 - width
    while over > 0:
        name = max(widths, key=lambda n: widths[n] - floors[n])
        room = widths[name] - floors[name]
        if room <= 0:
            return None
        second = sorted((widths[n] - floors[n] for n in widths), reverse=True)[1:2]
        cut = min(over, max(1, room - (second[0] if second else 0)))
        widths[name] -= cut
        over -= cut
    return widths


def _stacked_records(source: str, rows: Sequence[dict[str, Text]], names: Sequence[str]) -> Table:
    """A ``--fields`` table too wide for the terminal: one cell per record,
    a line ``name: value`` per key."""
    table = Table(title=Text(escape_controls(source, keep_newlines=False), style="bold"),
                  caption=_caption(len(rows)), box=box.SQUARE, expand=False, show_lines=True,
                  show_header=False, title_justify="left", caption_justify="left")
    table.add_column("record", overflow="fold")
    for row in rows:
        cell = Text()
        for i, name in enumerate(names):
            if i:
                cell.append("\n")
            cell.append(f"{name}: ", style="dim")
            cell.append_text(row[name])
        table.add_row(cell)
    return table


def _columns(show_kind: bool, explain: bool) -> list[str]:
    return (["speaker", "cue"] + (["kind"] if show_kind else []) + ["quote", "offsets"]
            + (["rule"] if explain else []))


def _merged(row: dict[str, Text]) -> dict[str, Text]:
    """A row for a narrow table: the kind in the cue cell, the rule under the quote."""
    out = dict(row)
    kind = out.pop("kind", None)
    if kind is not None and kind.plain:
        cue = out["cue"].copy()
        if cue.plain:
            cue.append("\n")
        cue.append_text(kind)
        out["cue"] = cue
    rule = out.pop("rule", None)
    if rule is not None and rule.plain:
        quote = out["quote"].copy()
        quote.append("\n")
        quote.append_text(rule)
        out["quote"] = quote
    return out


def _caption(n: int) -> str:
    return f"{n} quote" + ("" if n == 1 else "s")


def _table(source: str, rows: Sequence[dict[str, Text]], widths: dict[str, int] | None,
           names: Sequence[str] | None = None, headers: dict[str, str] | None = None) -> Table:
    table = Table(title=Text(escape_controls(source, keep_newlines=False), style="bold"),
                  caption=_caption(len(rows)), box=box.SQUARE, expand=False, show_lines=True,
                  title_justify="left", caption_justify="left")
    if names is None:
        names = list(rows[0]) if rows else ["speaker", "cue", "quote", "offsets"]
    styles = {"speaker": "bold cyan", "cue": "green"}
    heads = _HEADERS if headers is None else headers
    for name in names:
        fixed = None if widths is None else widths[name]
        if name == "offsets":
            table.add_column(heads[name], justify="right", no_wrap=True, width=fixed)
        elif name in _WIDE:
            table.add_column(heads[name], overflow="fold", ratio=1,
                             min_width=_QUOTE_MIN if fixed is None else None, width=fixed)
        else:
            table.add_column(heads[name], style=styles.get(name, ""), overflow="fold",
                             max_width=_MAX.get(name) if fixed is None else None, width=fixed)
    for row in rows:
        table.add_row(*(row[name] for name in names))
    return table


def _stacked(source: str, rows: Sequence[dict[str, Text]]) -> Table:
    """One cell per quote: speaker, cue and offsets on a line, then the quote."""
    table = Table(title=Text(escape_controls(source, keep_newlines=False), style="bold"),
                  caption=_caption(len(rows)), box=box.SQUARE, expand=False, show_lines=True,
                  show_header=False, title_justify="left", caption_justify="left")
    table.add_column("quote", overflow="fold")
    for row in rows:
        cell = row["speaker"].copy()
        for name in ("cue", "kind"):
            if name in row and row[name].plain:
                cell.append(" · ")
                cell.append_text(row[name])
        cell.append(" · ")
        cell.append_text(row["offsets"])
        cell.append("\n")
        cell.append_text(row["quote"])
        if "rule" in row and row["rule"].plain:
            cell.append("\n")
            cell.append_text(row["rule"])
        table.add_row(cell)
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
            cell = _text(row[label]) if row[label] is not None else Text(missing, style="dim")
            others = [name for name in row.get("names", ()) if name != row[label]]
            if others:  # the other names of the same speaker id
                cell.append("\n")
                cell.append(escape_controls("also " + ", ".join(others)), style="dim")
            t.add_row(cell, str(row["quotes"]), f"{share:.1%}")
        parts.append(t)
    return Group(*parts)


def to_text(renderable: RenderableType, *, terminal: bool = False, width: int = 100,
            color: bool | None = None) -> str:
    """``renderable`` as a string. ANSI colours: with ``color`` None only when
    ``terminal`` (and no NO_COLOR); True always (``--color always``, NO_COLOR
    overridden); False never, and no other escape either."""
    if color is None:
        console = Console(file=io.StringIO(), width=width, force_terminal=terminal,
                          color_system="auto" if terminal else None, highlight=False,
                          emoji=False, markup=False)
    elif color:
        console = Console(file=io.StringIO(), width=width, force_terminal=True,
                          color_system="auto", no_color=False, highlight=False,
                          emoji=False, markup=False)
        if console.color_system is None:  # TERM=dumb: still asked for colour
            console = Console(file=io.StringIO(), width=width, force_terminal=True,
                              color_system="standard", no_color=False, highlight=False,
                              emoji=False, markup=False)
    else:
        console = Console(file=io.StringIO(), width=width, force_terminal=False,
                          color_system=None, no_color=True, highlight=False,
                          emoji=False, markup=False)
    with console.capture() as capture:
        console.print(renderable)
    return capture.get()


def progress_bar() -> Progress:
    """Documents (or Dask partitions) done, of N when known, the bar of bytes, MB, MB/s and time
    left; the bar pulses when the total is unknown. Never started: the
    caller renders :meth:`Progress.get_renderable` itself."""
    return Progress(TextColumn("{task.fields[unit]} {task.fields[docs]}", table_column=Column(no_wrap=True)),
                    BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn(),
                    auto_refresh=False, transient=True, redirect_stdout=False,
                    redirect_stderr=False, console=Console(file=io.StringIO()))
