"""The embedded PostgreSQL starts again after a stop that cut pgserver's list of its users mid-write."""

import json

from config.database import handles_list_repair


def test_a_list_cut_mid_write_is_emptied_and_a_whole_one_is_kept(tmp_path):
    cut = tmp_path / ".handle_pids.json"
    # What runserver's processes, killed together, left behind (seen after `make demo` was stopped).
    cut.write_text("")
    handles_list_repair(cut)
    assert json.loads(cut.read_text()) == []

    whole = tmp_path / "whole.json"
    whole.write_text("[2616, 2627]")
    handles_list_repair(whole)
    assert whole.read_text() == "[2616, 2627]"

    handles_list_repair(tmp_path / "absent.json")
    assert not (tmp_path / "absent.json").exists()
