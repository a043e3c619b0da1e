"""Corpora as people hand them over: gzip with trailing data or several
members, UTF-16 and legacy encodings, a wrong --text-field."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotex.cli import cli

LINE = '"We go on," {} said.\n'


def _speakers(stdout: str) -> list[object]:
    return [json.loads(line)["speaker"] for line in stdout.splitlines()]


def _corpus(names: list[str], key: str = "text") -> str:
    return "".join(json.dumps({"id": i, key: LINE.format(n), "title": "t"}) + "\n"
                   for i, n in enumerate(names))


@pytest.mark.parametrize("suffix", [".txt.gz", ".jsonl.gz"])
def test_trailing_garbage_after_gzip_keeps_the_data_with_a_warning(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"a{suffix}"
    plain = LINE.format("Ann Lee") if suffix == ".txt.gz" else _corpus(["Ann Lee", "Bo Park"])
    path.write_bytes(gzip.compress(plain.encode()) + b"garbage\n")
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0, result.stderr
    assert _speakers(result.stdout) == (["Ann Lee"] if suffix == ".txt.gz" else ["Ann Lee", "Bo Park"])
    assert result.stderr.count("\n") == 1
    assert "warning" in result.stderr and "8 bytes of trailing data" in result.stderr


def test_gzip_members_are_all_read_and_zero_padding_is_quiet(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(gzip.compress(_corpus(["Ann Lee"]).encode())
                     + gzip.compress(_corpus(["Bo Park"]).encode()) + b"\0" * 512)
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0
    assert _speakers(result.stdout) == ["Ann Lee", "Bo Park"]
    assert result.stderr == ""


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_a_utf16_or_utf32_corpus_is_read_whole(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(_corpus(["Zoë Lee", "Bo Park", "Ann Lee"]).encode(codec))  # with a BOM
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0, result.stderr
    assert _speakers(result.stdout) == ["Zoë Lee", "Bo Park", "Ann Lee"]


def test_encoding_applies_to_corpora(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(_corpus(["Zoë Lee"]).encode("latin-1"))
    result = CliRunner().invoke(cli, ["extract", str(path), "--encoding", "latin-1"])
    assert result.exit_code == 0, result.stderr
    assert _speakers(result.stdout) == ["Zoë Lee"]


def test_a_wrong_text_field_is_one_line_naming_the_fields(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(_corpus(["Ann Lee"] * 50, key="body"))
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2, lines
    assert '"id", "body", "title"' in lines[0] and "--text-field" in lines[0]
    assert lines[1].endswith('49 more records have no "text" field; skipped (give --text-field)')
    right = CliRunner().invoke(cli, ["extract", str(path), "--text-field", "body"])
    assert len(_speakers(right.stdout)) == 50
