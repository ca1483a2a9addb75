import json

import pytest
from django.core.management import CommandError, call_command


def _csv(tmp_path, rows, header="u1,u2,u3,u4,u5,u6,u7,u8,u9"):
    path = tmp_path / "responses.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_cli_prints_the_contract_json(tmp_path, capsys):
    path = _csv(tmp_path, ["4,4,4,4,4,4,4,4,4", "3,4,2,4,3,4,4,1,3"])
    call_command("skm", "ikm", "--input", str(path), "--population", "100")
    out = json.loads(capsys.readouterr().out)
    assert out["respondents"] == 2
    assert out["unsur"]["u8"] == {"sum": 5, "answered": 2, "nrr": 2.5, "weighted_nrr": 0.2778}
    assert out["ikm"] == 88.89 and out["mutu"] == "A"
    assert out["required_sample"] == 80 and out["sample_met"] is False


def test_all_fours_give_one_hundred(tmp_path, capsys):
    call_command("skm", "ikm", "--input", str(_csv(tmp_path, ["4,4,4,4,4,4,4,4,4"])))
    out = json.loads(capsys.readouterr().out)
    assert out["ikm"] == 100.0 and out["index"] == 4.0 and "required_sample" not in out


def test_a_value_outside_one_to_four_names_row_and_column(tmp_path):
    path = _csv(tmp_path, ["4,4,4,4,4,4,4,4,4", "4,4,5,4,4,4,4,4,4"])
    with pytest.raises(CommandError) as excinfo:
        call_command("skm", "ikm", "--input", str(path))
    message = str(excinfo.value)
    assert "3" in message and "u3" in message
