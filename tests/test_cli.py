"""The CLI through Typer's runner, and once as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from rich.markup import escape
from typer.testing import CliRunner

from storyfold import api
from storyfold.cli import app
from storyfold.config import SETTINGS, Settings
from storyfold.errors import StoryfoldError
from storyfold.present.export import validate_export

runner = CliRunner()
BY_NAME = {s.name: s for s in SETTINGS}


def test_fold_show_export(tmp_path: Path, seeds_dir: Path, seed_manifest: Path) -> None:
    db, out = tmp_path / "s.db", tmp_path / "out"
    result = runner.invoke(app, ["fold", str(seeds_dir), "--manifest", str(seed_manifest), "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "5 articles read, 0 rejected, 5 stored new" in result.output
    assert "stages run: clean@" in result.output
    validate_export(json.loads((out / "storyfold.json").read_text(encoding="utf-8")))
    shown = runner.invoke(app, ["show", "--db", str(db)])
    assert shown.exit_code == 0 and "inews.co.uk" in shown.output
    exported = runner.invoke(app, ["export", "--db", str(db), "--format", "json"])
    assert exported.exit_code == 0
    assert len(json.loads(exported.stdout)["articles"]) == 5
    csv = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "--out", str(tmp_path / "csv")])
    assert csv.exit_code == 0 and (tmp_path / "csv" / "articles.csv").is_file()


def test_fold_exit_status(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["fold", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "x.db"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "empty file" in result.output


def test_errors_are_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 2
    assert "does not exist" in result.output and "Traceback" not in result.output


def test_real_subprocess(tmp_path: Path, seeds_dir: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "storyfold", "fold", str(seeds_dir), "--db", str(tmp_path / "p.db"), "--out", str(tmp_path / "o"), "-q"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "5 articles read" in proc.stdout


@pytest.mark.parametrize("command", ["fold", "watch", "serve"])
def test_every_option_is_a_setting_or_the_commands_own(command: str) -> None:
    params = {p.name: p for p in typer.main.get_command(app).commands[command].params}
    offered = {s.name for s in SETTINGS if command in s.cli}
    assert offered <= params.keys(), f"{command} lacks the options of {sorted(offered - params.keys())}"
    for name, param in params.items():
        setting = BY_NAME.get(name)
        if setting is None:
            continue  # one of the command's own arguments (paths, --out, --host, ...)
        assert command in setting.cli, (
            f"{command} --{name} is written by hand: add {command!r} to the cli of {name!r} in SETTINGS instead"
        )
        assert (param.help, param.default) == (escape(setting.help), setting.default), f"{command} --{name}"


def _settings_of_fold(monkeypatch: pytest.MonkeyPatch, args: list[str], env: dict[str, str]) -> Settings:
    seen: list[Settings] = []

    def fold(paths: list[str], **kwargs: object) -> None:
        seen.append(kwargs["settings"])  # type: ignore[arg-type]
        raise StoryfoldError("stopped before reading")

    monkeypatch.setattr(api, "fold", fold)
    result = runner.invoke(app, ["fold", "in.txt", *args], env=env)
    assert result.exit_code == 2 and "stopped before reading" in result.output, result.output
    return seen[0]


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        ([], {}, Settings()),
        ([], {"STORYFOLD_WORKERS": "4", "STORYFOLD_FETCH": "yes"}, Settings(workers=4, fetch=True)),
        (["--workers", "1", "--no-fetch"], {"STORYFOLD_WORKERS": "4", "STORYFOLD_FETCH": "yes"}, Settings()),
        (
            ["--db", "./a.db", "--stages", "clean,entities", "--fetch"],
            {"STORYFOLD_DB": "env.db", "STORYFOLD_DEBUG": "on"},
            Settings(db="a.db", stages="clean,entities", fetch=True, debug=True),
        ),
    ],
)
def test_fold_options_override_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: list[str], env: dict[str, str], expected: Settings
) -> None:
    monkeypatch.chdir(tmp_path)  # a working folder without storyfold.toml
    for key in [k for k in os.environ if k.startswith("STORYFOLD_")]:
        monkeypatch.delenv(key)
    assert _settings_of_fold(monkeypatch, args, env) == expected
