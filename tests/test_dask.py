"""quotex.distributed on a real Dask cluster (2 worker processes)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from quotex.cli import cli  # noqa: E402

TEXTS = [
    '"We will win this," said Maria Lopez, the team captain.\n',
    'The mayor spoke briefly. "Taxes stay as they are," he said.\n\n"No comment," Tom Reed replied.\n',
    "Nothing quoted in this one at all.\n",
    '“The bridge opens in May,” the engineer told reporters.\n',
]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _local(paths: list[str], code: int = 0) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["extract", "--format", "jsonl", "--jobs", "1", "--quiet", *paths])
    assert result.exit_code == code, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_records_match_a_local_run(tmp_path: Path, client: object) -> None:
    from quotex import distributed as qd

    paths = []
    for i, text in enumerate(TEXTS):
        path = tmp_path / f"{i:02d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS))
                      + "{broken\n", encoding="utf-8")
    paths.append(str(corpus))
    got = qd.extract_bag(qd.read(paths)).compute()
    want = _local(paths, code=1)  # the broken record is an error
    assert len(want) >= 8
    assert got == want


def test_import_quotex_does_not_import_dask() -> None:
    code = "import sys, quotex, quotex.cli; print('dask' in sys.modules or 'distributed' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
