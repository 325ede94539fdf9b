"""Settings: defaults, config file, environment, overrides, in that order; every setting documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyfold.config import SETTINGS, load_settings
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


def test_every_setting_is_documented() -> None:
    doc = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.name}`" in doc, f"docs/settings.md does not document {setting.name}"
