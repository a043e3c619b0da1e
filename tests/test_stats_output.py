"""`quotex stats`: --format csv, -o FILE (atomic, never over an input), --color; shell completion."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotex import render
from quotex.cli import cli

Write = Callable[..., Path]
README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_stats_csv(runner: CliRunner, write: Write) -> None:
    write("d/a.txt")
    folder = write("d/b.txt", '"Fine," said Mr. Smith.\n\n"Never," Bob Jones said.\n').parent
    result = runner.invoke(cli, ["stats", "--format", "csv", str(folder)])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["section", "name", "speaker_id", "count", "share"]
    totals = {r[1]: r[3] for r in rows if r[0] == "total"}
    assert totals["files"] == "2" and totals["quotes"] == "3" and totals["distinct_speakers"] == "2"
    speakers = [r for r in rows if r[0] == "speaker"]
    # "Mr. Smith" joins the one full name ending in Smith
    assert speakers == [["speaker", "Jane Smith", "jane smith", "2", "0.6667"],
                        ["speaker", "Bob Jones", "bob jones", "1", "0.3333"]]
    assert {r[1] for r in rows if r[0] == "cue"} == {"said"}


@pytest.mark.parametrize("name, check", [
    ("s.json", lambda text: json.loads(text)["quotes"] == 1),
    ("s.csv", lambda text: text.startswith("section,name,speaker_id,count,share\n")),
    ("s.txt", lambda text: "quotes per speaker" in text and "\x1b" not in text),
    ("s", lambda text: "quotes per speaker" in text),
])
def test_stats_output_file_and_format_from_suffix(runner: CliRunner, write: Write, tmp_path: Path,
                                                  name: str, check: Callable[[str], bool]) -> None:
    out = tmp_path / name
    result = runner.invoke(cli, ["stats", str(write("a.txt")), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert check(out.read_text(encoding="utf-8"))


def test_stats_output_gz_and_dash(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    import gzip

    out = tmp_path / "s.json.gz"
    assert runner.invoke(cli, ["stats", str(write("a.txt")), "-o", str(out)]).exit_code == 0
    assert json.loads(gzip.decompress(out.read_bytes()))["quotes"] == 1
    dash = runner.invoke(cli, ["stats", str(write("a.txt")), "-o", "-", "-f", "json"])
    assert json.loads(dash.stdout)["quotes"] == 1


def test_stats_output_is_atomic_and_never_an_input(runner: CliRunner, write: Write,
                                                   tmp_path: Path) -> None:
    out = write("old.csv", "keep me\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(cli, ["stats", str(empty), "-o", str(out)])
    assert result.exit_code == 3
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(os.listdir(tmp_path)) == ["empty", "old.csv"]  # no temporary file left
    same = runner.invoke(cli, ["stats", str(out), "-o", str(out)])
    assert same.exit_code == 2 and "is also the output" in same.stderr
    assert out.read_text(encoding="utf-8") == "keep me\n"
    folder_out = write("d/s.txt", "old\n")
    write("d/a.txt")
    walked = runner.invoke(cli, ["stats", str(folder_out.parent), "-o", str(folder_out)])
    assert walked.exit_code == 0
    assert "files                        1" in folder_out.read_text(encoding="utf-8")


def test_stats_refuses_jsonl_and_unknown_suffixes(runner: CliRunner, write: Write,
                                                  tmp_path: Path) -> None:
    for name in ("s.jsonl", "s.xyz"):
        result = runner.invoke(cli, ["stats", str(write("a.txt")), "-o", str(tmp_path / name)])
        assert result.exit_code == 2, name
        assert "--format" in result.stderr and "Traceback" not in result.stderr
        assert not (tmp_path / name).exists()


def test_color_always_and_never(runner: CliRunner, write: Write) -> None:
    path = str(write("a.txt"))
    for command in (["extract", "-f", "table"], ["stats"]):
        auto = runner.invoke(cli, [*command, path])  # CliRunner: not a terminal
        assert auto.exit_code == 0 and "\x1b[" not in auto.stdout
        always = runner.invoke(cli, [*command, path, "--color", "always"], env={"NO_COLOR": "1"})
        assert always.exit_code == 0 and "\x1b[" in always.stdout  # colour, even piped, even NO_COLOR
        if command[0] == "extract":
            assert "\x1b[3" in always.stdout
        never = runner.invoke(cli, [*command, path, "--color", "never"])
        assert never.exit_code == 0 and "\x1b" not in never.stdout
        bad = runner.invoke(cli, [*command, path, "--color", "sometimes"])
        assert bad.exit_code == 2


def test_to_text_color_never_on_a_terminal() -> None:
    table = render.stats_renderable(__import__("quotex.stats").stats.Stats())
    assert "\x1b[" in render.to_text(table, terminal=True, color=True)
    assert "\x1b" not in render.to_text(table, terminal=True, color=False)


def test_color_never_on_a_real_terminal(tmp_path: Path) -> None:
    """On a pseudo-terminal: auto colours, never does not, NO_COLOR is honoured by auto."""
    pty = pytest.importorskip("pty")
    (tmp_path / "a.txt").write_text('"We will win," Jane Smith said.\n', encoding="utf-8")

    def run(*args: str, env: dict[str, str] | None = None) -> bytes:
        master, slave = pty.openpty()
        environ = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        environ.update({"TERM": "xterm-256color", "COLUMNS": "80", **(env or {})})
        proc = subprocess.Popen([sys.executable, "-m", "quotex", "extract", "a.txt", "--quiet", *args],
                                cwd=tmp_path, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave,
                                env=environ)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        os.close(master)
        assert proc.wait(timeout=60) == 0
        return b"".join(chunks)

    assert b"\x1b[" in run()
    assert b"\x1b" not in run("--color", "never")
    assert b"\x1b[3" not in run(env={"NO_COLOR": "1"})


def test_shell_completion_is_documented_and_works() -> None:
    for shell in ("bash", "zsh", "fish"):
        assert f"_QUOTEX_COMPLETE={shell}_source quotex" in README
        proc = subprocess.run([sys.executable, "-m", "quotex"], capture_output=True, text=True,
                              env={**os.environ, "_QUOTEX_COMPLETE": f"{shell}_source"},
                              timeout=60, check=False)
        assert proc.returncode == 0 and "_quotex_completion" in proc.stdout, shell
    proc = subprocess.run([sys.executable, "-m", "quotex"], capture_output=True, text=True,
                          env={**os.environ, "_QUOTEX_COMPLETE": "bash_complete",
                               "COMP_WORDS": "quotex stats --col", "COMP_CWORD": "2"},
                          timeout=60, check=False)
    assert "--color" in proc.stdout
