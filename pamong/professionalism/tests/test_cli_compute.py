"""The ``pamong ipasn compute`` contract: exact columns, carried-through extras, errors naming row and column."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from .helpers import document

HEADER = (
    "nip,status,position_type,education_level,leadership_training_matches_position,"
    "functional_training_matches_position,technical_jp_last_year,seminar_last_2_years,predikat_last_year,"
    "sanction_level,unit"
)
ROWS = [
    '199001012015031001,PNS,administrator,S2,true,,24,true,baik,none,"Dinas Kesehatan, Bidang P2P"',
    "199101012016031002,pns,pelaksana,SLTA,,,19.5,false,baik,ringan,Dinas Pendidikan",
    "199201012017031003,CPNS,pelaksana,S1,,,,,,,BKD",
    "199301012018021004,PPPK,fungsional,D3,,TRUE,20,True,sangat_baik,none,RSUD",
    "199401012019031005,PNS,fungsional,,,,,true,,none,Setda",
]
RESULT_COLUMNS = ["kualifikasi", "kompetensi", "kinerja", "disiplin", "total", "category", "missing"]


def read(path):  # type: ignore[no-untyped-def]
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def write(tmp_path, rows, header=HEADER):  # type: ignore[no-untyped-def]
    path = tmp_path / "pegawai.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def compute(tmp_path, rows, *extra, header=HEADER):  # type: ignore[no-untyped-def]
    out = io.StringIO()
    call_command(
        "ipasn",
        "compute",
        "--input",
        str(write(tmp_path, rows, header)),
        "--output",
        str(tmp_path / "hasil.csv"),
        *extra,
        stdout=out,
    )
    with open(tmp_path / "hasil.csv", newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle)), out.getvalue()


pytestmark = pytest.mark.django_db


def test_the_output_is_the_input_plus_the_result_columns_in_order(tmp_path):
    rows, message = compute(tmp_path, ROWS)
    assert rows[0] == HEADER.split(",") + RESULT_COLUMNS
    assert rows[1][-8:] == ["Dinas Kesehatan, Bidang P2P", "20.00", "40.00", "25.00", "5.00", "90.00", "tinggi", ""]
    assert rows[2][-7:] == ["5.00", "0.00", "25.00", "3.00", "33.00", "sangat_rendah", ""]  # 19.5 JP < 20
    assert rows[3][-7:] == ["", "", "", "", "", "excluded", ""]
    assert rows[4][-7:] == ["10.00", "40.00", "30.00", "5.00", "85.00", "tinggi", ""]
    assert rows[5][-7:] == [
        "",
        "",
        "",
        "",
        "",
        "incomplete",
        "education_level;functional_training_matches_position;technical_jp_last_year;predikat_last_year",
    ]
    # Input values are carried through exactly as written (PNS/pns, TRUE/True).
    assert [r[1] for r in rows[1:]] == ["PNS", "pns", "CPNS", "PPPK", "PNS"]
    assert "5 baris ditulis" in message and "tinggi 2" in message and "incomplete 1" in message


def test_pppk_are_excluded_when_the_rules_file_says_so(tmp_path):
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps(document(include_pppk=False)))
    rows, _ = compute(tmp_path, ROWS, "--rules", str(rules))
    assert rows[4][-2:] == ["excluded", ""]


@pytest.mark.parametrize(
    ("row", "line", "column", "value"),
    [
        ("199001012015031001,PNS,administrator,SMA,true,,24,true,baik,none,x", 3, "education_level", "SMA"),
        ("199001012015031001,PNS,kepala,S1,true,,24,true,baik,none,x", 3, "position_type", "kepala"),
        (
            "199001012015031001,PNS,administrator,S1,ya,,24,true,baik,none,x",
            3,
            "leadership_training_matches_position",
            "ya",
        ),
        ("199001012015031001,PNS,administrator,S1,true,,20 JP,true,baik,none,x", 3, "technical_jp_last_year", "20 JP"),
        ("199001012015031001,PNS,administrator,S1,true,,-4,true,baik,none,x", 3, "technical_jp_last_year", "-4"),
        ("199001012015031001,PNS,administrator,S1,true,,4,true,cukup,none,x", 3, "predikat_last_year", "cukup"),
        ("199001012015031001,honorer,administrator,S1,true,,4,true,baik,none,x", 3, "status", "honorer"),
        ("199001012015031001,PNS,administrator,S1,true,,4,true,baik,teguran,x", 3, "sanction_level", "teguran"),
    ],
)
def test_a_value_outside_its_vocabulary_names_row_and_column_and_writes_nothing(tmp_path, row, line, column, value):
    with pytest.raises(CommandError) as caught:
        compute(tmp_path, [ROWS[0], row, ROWS[1]])
    assert f"Baris {line}, kolom {column}: " in str(caught.value)
    assert f"'{value}'" in str(caught.value)
    assert not (tmp_path / "hasil.csv").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["pegawai.csv"]  # no temporary files left behind


def test_an_error_leaves_an_existing_output_untouched(tmp_path):
    (tmp_path / "hasil.csv").write_text("lama\n")
    with pytest.raises(CommandError):
        compute(tmp_path, [ROWS[0].replace("S2", "S4")])
    assert (tmp_path / "hasil.csv").read_text() == "lama\n"


def test_the_first_bad_row_is_reported_when_several_are_bad(tmp_path):
    bad = ROWS[0].replace("baik", "bagus")
    with pytest.raises(CommandError, match="Baris 4, kolom predikat_last_year"):
        compute(tmp_path, [ROWS[1], ROWS[2], bad, bad.replace("S2", "X")])


def test_a_missing_required_column_is_named(tmp_path):
    header = HEADER.replace(",sanction_level", ",hukuman")
    with pytest.raises(CommandError, match="Kolom wajib sanction_level tidak ada"):
        compute(tmp_path, ROWS[:1], header=header)


def test_an_input_that_already_has_a_result_column_is_refused(tmp_path):
    with pytest.raises(CommandError, match="kolom hasil total"):
        compute(tmp_path, [r + ",1" for r in ROWS[:1]], header=HEADER + ",total")


def test_a_header_only_file_gives_a_header_only_output(tmp_path):
    rows, _ = compute(tmp_path, [])
    assert rows == [HEADER.split(",") + RESULT_COLUMNS]


def test_an_invalid_rules_file_is_refused_with_its_errors(tmp_path):
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps(document(**{"education_points.S3": 99})))
    with pytest.raises(CommandError, match=r"education_points\.S3: melebihi"):
        compute(tmp_path, ROWS, "--rules", str(rules))


def test_the_vectorised_command_and_the_per_row_loop_write_the_same_values(tmp_path):
    from pamong.professionalism.ipasn import DEFAULT_RULES
    from pamong.professionalism.ipasn_polars import compute_csv, compute_csv_per_row

    source = write(tmp_path, ROWS * 3)
    compute_csv(source, tmp_path / "a.csv", DEFAULT_RULES)
    compute_csv_per_row(source, tmp_path / "b.csv", DEFAULT_RULES)
    assert read(tmp_path / "a.csv") == read(tmp_path / "b.csv")
