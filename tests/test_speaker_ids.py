"""Corpus-level speaker ids: one person under several names counts once in `quotex stats`."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotex.cli import cli
from quotex.records import Quote
from quotex.stats import compute, name_key, speaker_ids


@pytest.mark.parametrize("name, key", [
    ("Donald Trump", "donald trump"),
    ("Donald J. Trump", "donald trump"),
    ("President Donald J. Trump", "donald trump"),
    ("DONALD TRUMP", "donald trump"),
    ("Dr. Anthony S. Fauci", "anthony fauci"),
    ("John F. Kennedy", "john kennedy"),
    ("Sen. Mary O\u2019Brien", "mary o'brien"),
    ("Mary O'Brien", "mary o'brien"),
    ("Prime Minister Jo Bloggs", "jo bloggs"),
    ("Mr. Obama", "obama"),
    ("J. Smith", "j. smith"),        # a leading initial is part of the name
    ("Prince", "prince"),            # nothing but a title: kept
    ("Anna Lee Marie", "anna lee marie"),  # a middle name is not an initial
])
def test_name_key(name: str, key: str) -> None:
    assert name_key(name) == key


def test_bare_surname_joins_the_one_full_name() -> None:
    ids = speaker_ids(["Donald Trump", "Donald J. Trump", "Trump", "Obama", "Barack Obama"])
    assert ids == {"Donald Trump": "donald trump", "Donald J. Trump": "donald trump",
                   "Trump": "donald trump", "Obama": "barack obama", "Barack Obama": "barack obama"}


def test_ambiguous_surname_stays_apart() -> None:
    ids = speaker_ids(["Donald Trump", "Melania Trump", "Trump", "Kim"])
    assert ids["Trump"] == "trump" and ids["Kim"] == "kim"
    assert ids["Donald Trump"] != ids["Melania Trump"]


def test_stats_count_by_speaker_id_with_fullest_label() -> None:
    qs = [Quote(0, 1, "a", "Donald Trump")] * 3 + [Quote(0, 1, "b", "Donald J. Trump"),
                                                 Quote(0, 1, "c", "President Trump"),
                                                 Quote(0, 1, "d", "Obama"),
                                                 Quote(0, 1, "e", "Barack Obama"), Quote(0, 1, "f", None)]
    d = compute([("a.txt", qs)]).as_dict()
    assert d["distinct_speakers"] == 2
    assert d["speakers"] == [
        {"speaker": "Donald J. Trump", "speaker_id": "donald trump", "quotes": 5,
         "names": {"Donald Trump": 3, "Donald J. Trump": 1, "President Trump": 1}},
        {"speaker": "Barack Obama", "speaker_id": "barack obama", "quotes": 2,
         "names": {"Barack Obama": 1, "Obama": 1}},
        {"speaker": None, "speaker_id": None, "quotes": 1, "names": {}},
    ]


def test_stats_command_merges_names_across_documents(runner: CliRunner,
                                                     write: Callable[..., Path]) -> None:
    write("d/a.txt", '"We will build it," Donald J. Trump said.\n')
    write("d/b.txt", '"It is going great," Donald Trump said.\n\n"Very great," Trump said.\n')
    write("d/c.txt", '"Yes we can," Barack Obama said.\n')
    folder = write("d/e.txt", '"Hope matters," Obama said.\n').parent
    result = runner.invoke(cli, ["stats", "--format", "json", str(folder)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(r["speaker"], r["speaker_id"], r["quotes"]) for r in data["speakers"]] == [
        ("Donald J. Trump", "donald trump", 3), ("Barack Obama", "barack obama", 2)]
    assert data["distinct_speakers"] == 2
    table = runner.invoke(cli, ["stats", str(folder)], env={"COLUMNS": "80"})
    assert "Donald J. Trump" in table.stdout and "also Donald Trump" in table.stdout
