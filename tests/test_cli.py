import json
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _commands() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`eventwire (\w+)", readme))
    for name in _commands():
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Usage" in result.output
        assert name in documented, f"command {name} is not documented in README.md"


def test_readme_documents_exit_codes_used_by_the_cli():
    from eventwire import cli

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in (cli.EXIT_OK, cli.EXIT_REJECTS, cli.EXIT_USAGE, cli.EXIT_INTERNAL):
        assert re.search(rf"^\| {code} \|", readme, re.M)


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in readme and "make demo" in readme
    assert [l for l in ci.splitlines() if l and not l.startswith(("#", "set ", "cd "))] == ["make test"]


def test_usage_errors_exit_2(tmp_path):
    r = runner.invoke(app, ["export", "--format", "nope", "--db", str(tmp_path / "x.duckdb")])
    assert r.exit_code == 2
    r = runner.invoke(app, ["stats", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 2
    r = runner.invoke(app, ["eval", "no-such-suite"])
    assert r.exit_code == 2


def test_run_stats_export_roundtrip(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("Talks between the two governments resumed in Geneva on Monday, the ministry said in a statement.")
    (inputs / "b.txt").write_text("")
    db = tmp_path / "s.duckdb"
    r = subprocess.run([sys.executable, "-m", "eventwire.cli", "run", str(inputs), "--db", str(db), "--quiet",
                        "--no-corpus"], capture_output=True, text=True)
    assert r.returncode == 1, r.stderr  # b.txt rejected
    r = subprocess.run([sys.executable, "-m", "eventwire.cli", "stats", "--db", str(db), "--json"],
                       capture_output=True, text=True)
    stats = json.loads(r.stdout)
    assert stats["articles"] == 1 and stats["rejects_by_reason"] == {"empty (EW102, rejected)": 1}
    assert stats["rejects"][0]["input"].endswith("b.txt")
    r = subprocess.run([sys.executable, "-m", "eventwire.cli", "export", "--format", "articles-jsonl", "--db", str(db)],
                       capture_output=True, text=True)
    rows = [json.loads(l) for l in r.stdout.splitlines()]
    assert len(rows) == 1
    assert set(rows[0]) >= {"id", "path", "source", "url", "title", "language", "language_confidence",
                            "published_at", "published_from", "sentence_count"}
