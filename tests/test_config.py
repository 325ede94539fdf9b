"""Settings: one field per row of the table; defaults, config file, environment, overrides, in that
order; every setting documented."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from storyfold.config import SETTINGS, Setting, Settings, load_settings
from storyfold.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]


def test_precedence(tmp_path: Path) -> None:
    config = tmp_path / "storyfold.toml"
    config.write_text('[storyfold]\nseed = 7\nworkers = 3\ndb = "file.db"\n', encoding="utf-8")
    env = {"STORYFOLD_CONFIG": str(config), "STORYFOLD_WORKERS": "2", "STORYFOLD_DEBUG": "yes"}
    settings = load_settings(environ=env, db="cli.db")
    assert (settings.seed, settings.workers, settings.db, settings.debug) == (7, 2, "cli.db", True)


def test_bad_values_are_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="workers"):
        load_settings(environ={"STORYFOLD_WORKERS": "many"})
    with pytest.raises(ConfigError, match="unknown setting"):
        load_settings(environ={}, colour="red")
    broken = tmp_path / "b.toml"
    broken.write_text("seed = = 1", encoding="utf-8")
    with pytest.raises(ConfigError, match="b.toml"):
        load_settings(config_file=broken, environ={})


def test_settings_has_a_field_per_row() -> None:
    assert [(f.name, f.type, f.default, f.kw_only) for f in dataclasses.fields(Settings)] == [
        (s.name, s.type, s.default, True) for s in SETTINGS
    ]
    settings = Settings(workers=3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.workers = 4  # type: ignore[misc]
    assert not hasattr(settings, "__dict__")
    with pytest.raises(TypeError):
        Settings(colour="red")  # type: ignore[call-arg]


def test_settings_survive_pickling() -> None:
    # worker processes receive the settings pickled
    settings = Settings().with_(workers="2", fetch="yes", cluster_story_threshold=0.5)
    assert pickle.loads(pickle.dumps(settings)) == settings
    assert (settings.workers, settings.fetch, settings.db) == (2, True, "storyfold.db")


def _doc_row(setting: Setting) -> str:
    flag = setting.name.replace("_", "-")
    names = f"`--{flag}`, `--no-{flag}`" if setting.type is bool else f"`--{flag}`"
    option = f"{names} ({', '.join(setting.cli)})" if setting.cli else ""
    return f"| `{setting.name}` | `{setting.default!r}` | {setting.type.__name__} | {option} | {setting.help} |"


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_documented(setting: Setting) -> None:
    rows = (REPO / "docs" / "settings.md").read_text(encoding="utf-8").splitlines()
    assert _doc_row(setting) in rows, f"docs/settings.md: the row of {setting.name} should read\n{_doc_row(setting)}"
