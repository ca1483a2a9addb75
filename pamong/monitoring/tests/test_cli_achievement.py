"""The ``pamong monev achievement`` contract: exact JSON out, and a bad row named by row and column."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

HEADER = "id,direction,cumulative,target,q1,q2,q3,q4\n"


def run(tmp_path: Path, body: str) -> tuple[str, str]:
    path = tmp_path / "indicators.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    out, err = StringIO(), StringIO()
    call_command("monev", "achievement", "--input", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_prints_one_object_per_indicator_in_input_order(tmp_path):
    out, _ = run(
        tmp_path,
        "doc,higher,true,100,20,30,25,20\n"
        "rate,lower,false,14,16,15,14.5,\n"
        "new,higher,true,10,,,,\n"
        "half,higher,true,3,2,,,\n",
    )
    assert json.loads(out) == [
        {"id": "doc", "realisation": 95, "achievement": 95.0, "band": "sangat_tinggi"},
        {"id": "rate", "realisation": 14.5, "achievement": 96.43, "band": "sangat_tinggi"},
        {"id": "new", "realisation": None, "achievement": None, "band": None},
        {"id": "half", "realisation": 2, "achievement": 66.67, "band": "sedang"},
    ]


def test_numbers_are_written_digit_for_digit(tmp_path):
    out, _ = run(tmp_path, "a,higher,true,100,20,30,25,20\nb,higher,false,80,60.25,,,\n")
    assert '"realisation": 95, "achievement": 95.00, "band": "sangat_tinggi"' in out
    assert '"realisation": 60.25, "achievement": 75.31, "band": "sedang"' in out


def test_band_edges_round_to_a_whole_percent_first(tmp_path):
    out, _ = run(
        tmp_path,
        "a,higher,true,1000,905,,,\nb,higher,true,1000,904.9,,,\nc,higher,true,1000,505,,,\nd,higher,true,1000,504,,,\n",
    )
    assert [(r["achievement"], r["band"]) for r in json.loads(out)] == [
        (90.5, "sangat_tinggi"),
        (90.49, "tinggi"),
        (50.5, "rendah"),
        (50.4, "sangat_rendah"),
    ]


@pytest.mark.parametrize(
    ("row", "row_number", "column"),
    [
        ("x,sideways,true,100,1,,,", 3, "direction"),
        ("x,higher,maybe,100,1,,,", 3, "cumulative"),
        ("x,higher,true,0,1,,,", 3, "target"),
        ("x,higher,true,-5,1,,,", 3, "target"),
        ("x,higher,true,abc,1,,,", 3, "target"),
        ("x,higher,true,100,1,2;5,,", 3, "q2"),
        ('x,higher,true,100,1,"2,5",,', 3, "q2"),
        ("x,higher,true,100,1,,nan,", 3, "q3"),
    ],
)
def test_a_bad_row_names_row_and_column_and_prints_nothing(tmp_path, row, row_number, column):
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "ok,higher,true,100,20,,,\n" + row + "\n", encoding="utf-8")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("monev", "achievement", "--input", str(path), stdout=out, stderr=err)
    assert out.getvalue() == ""
    assert f"Baris {row_number}, kolom {column}:" in err.getvalue()


def test_a_missing_column_is_named(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("id,direction,target,q1,q2,q3,q4\nx,higher,1,1,,,\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("monev", "achievement", "--input", str(path), stdout=StringIO(), stderr=err)
    assert "Baris 1, kolom cumulative:" in err.getvalue()


def test_the_console_script_exits_non_zero_on_a_bad_row(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "x,up,true,100,1,,,\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pamong", "monev", "achievement", "--input", str(path)],
        capture_output=True,
        text=True,
        env={"DJANGO_SETTINGS_MODULE": "pamong.test_settings", "PATH": "/usr/bin:/bin"},
        cwd=Path(__file__).resolve().parents[3],
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Baris 2, kolom direction:" in done.stderr


def test_the_console_script_prints_json_for_good_input(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text("\ufeff" + HEADER + "1,higher,true,100,20,30,25,20\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pamong", "monev", "achievement", "--input", str(path)],
        capture_output=True,
        text=True,
        env={"DJANGO_SETTINGS_MODULE": "pamong.test_settings", "PATH": "/usr/bin:/bin"},
        cwd=Path(__file__).resolve().parents[3],
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [{"id": "1", "realisation": 95, "achievement": 95.0, "band": "sangat_tinggi"}]
