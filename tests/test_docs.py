"""README.md: every option documented, the first two commands, the examples run."""
from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from quotex.cli import cli
from quotex.errors import EXIT_CODES
from quotex.fields import ALL_FIELDS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SEED = "seeds/000_2475380bb444d615.txt"


def commands() -> list[tuple[str, click.Command]]:
    assert isinstance(cli, click.Group)
    return [("quotex", cli)] + [(f"quotex {name}", cmd) for name, cmd in cli.commands.items()]


def blocks(lang: str = "sh") -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```", README, flags=re.S | re.M)


@pytest.mark.parametrize("name, command", commands())
def test_every_option_is_documented_and_has_help(name: str, command: click.Command) -> None:
    for param in command.params:
        if not isinstance(param, click.Option):
            continue
        assert param.help, f"{name} {param.opts[0]} has no help text"
        for opt in param.opts + param.secondary_opts:
            assert re.search(rf"`{re.escape(opt)}[` ]", README), f"{name} {opt} not in README.md"


def test_commands_are_documented() -> None:
    for name, command in commands()[1:]:
        assert f"## `{name}`" in README
        assert command.help and command.epilog


def test_first_two_commands() -> None:
    first, second = blocks()[:2]
    run = [part.strip() for part in first.strip().split("&&")]
    assert first.strip().count("\n") == 0 and second.strip().count("\n") == 0
    assert run[0] == "python3 -m venv .venv"
    assert run[1] == ".venv/bin/pip install ."
    assert shlex.split(run[2])[:2] == [".venv/bin/quotex", "extract"]
    assert (ROOT / shlex.split(run[2])[2]).is_file()
    test = [part.strip() for part in second.strip().split("&&")]
    assert test == ["python3 -m venv .venv", ".venv/bin/pip install '.[test,dask]'",
                    ".venv/bin/python -m pytest"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.startswith("#!/usr/bin/env bash\n") and "set -euo pipefail" in ci
    assert "pip install --quiet '.[test,dask]'" in ci and "-e" not in ci.split("pip install")[1].split("\n")[0]
    assert re.search(r'^PYTHONSAFEPATH=1 "\$venv/bin/python" -m pytest "\$@"$', ci, flags=re.M)
    assert (ROOT / ".ci" / "run").stat().st_mode & 0o111


def test_exit_codes_table() -> None:
    rows = re.findall(r"^\| (\d+) \| (.+) \|$", README, flags=re.M)
    assert [(int(code), meaning) for code, meaning in rows] == list(EXIT_CODES)


def test_record_schema_lists_every_key() -> None:
    table = README.split("### Records", 1)[1].split("##", 1)[0]
    keys = re.findall(r"^\| `(\w+)`(?:, `(\w+)`)? \|", table, flags=re.M)
    documented = [k for pair in keys for k in pair if k]
    assert documented == list(ALL_FIELDS)


def test_example_output_is_real() -> None:
    example = README.split("$ quotex extract seeds/000_2475380bb444d615.txt | head -n 1\n", 1)[1]
    record = json.loads(example.split("\n", 1)[0])
    result = CliRunner().invoke(cli, ["extract", str(ROOT / SEED)])
    first = json.loads(result.stdout.splitlines()[0])
    assert list(record) == list(first)
    assert [record[k] for k in ("start", "end", "quote")] == [first[k] for k in ("start", "end", "quote")]
    table = README.split("$ quotex extract seeds/000_2475380bb444d615.txt\n", 1)[1].split("```", 1)[0]
    assert table.startswith(SEED) and "speaker" in table and "offsets" in table


def _seed_examples() -> list[str]:
    lines = [line.strip() for block in blocks() for line in block.splitlines()]
    return [line for line in lines if line.startswith("quotex ") and SEED in line]


def test_examples_include_the_seed_ones() -> None:
    assert len(_seed_examples()) >= 5


@pytest.mark.parametrize("line", _seed_examples())
def test_readme_examples_run(line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    command, _, pipeline = line.partition(" | ")
    result = CliRunner().invoke(cli, shlex.split(command)[1:])
    assert result.exit_code == 0, result.stderr
    assert result.stdout
    if not pipeline:
        return
    if "jq" in pipeline and shutil.which("jq") is None:
        pytest.skip("jq is not installed")
    shell = f"{shlex.quote(sys.executable)} -m quotex {command.split(' ', 1)[1]} | {pipeline}"
    proc = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip()
