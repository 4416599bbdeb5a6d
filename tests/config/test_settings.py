import pytest

from eventwire.config import load_settings
from eventwire.errors import ConfigError


def test_defaults_then_user_file_then_env(tmp_path):
    base = load_settings(env={})
    assert base.get("run.workers") == 1 and base.get("store.path") == "eventwire.duckdb"
    user = tmp_path / "c.toml"
    user.write_text("[run]\nworkers = 3\n[store]\npath = 'x.duckdb'\n")
    s = load_settings(user, env={"EVENTWIRE_RUN__WORKERS": "2", "EVENTWIRE_LANGUAGE__REJECT_UNKNOWN": "true"})
    assert s.get("run.workers") == 2  # env wins over the file
    assert s.get("store.path") == "x.duckdb"
    assert s.get("language.reject_unknown") is True


def test_unknown_setting_and_missing_file_are_errors(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[run]\nwrokers = 3\n")
    with pytest.raises(ConfigError, match="run.wrokers"):
        load_settings(bad, env={})
    with pytest.raises(ConfigError):
        load_settings(tmp_path / "none.toml", env={})


def test_open_table_takes_stage_names(tmp_path):
    user = tmp_path / "c.toml"
    user.write_text("[run.stage_error_policy]\nevents = 'reject'\n")
    assert load_settings(user, env={}).get("run.stage_error_policy") == {"events": "reject"}
