"""The default IP ASN rule set of RULES.md §1 (PermenPANRB 38/2018, Perban BKN 8/2019), as version 1.

The document is written out here, not imported, so this migration keeps creating the same set
whatever later code changes; ``tests/test_default_rule_set_migration.py`` checks it equals the
engine's ``DEFAULT_DOCUMENT`` and validates.
"""

import datetime
import hashlib
import json

from django.db import migrations

DOCUMENT = {
    "schema": 1,
    "dimension_max": {
        "kualifikasi": 25,
        "kompetensi": 40,
        "kinerja": 30,
        "disiplin": 5
    },
    "include_pppk": True,
    "education_points": {
        "SD": 1,
        "SLTP": 1,
        "SLTA": 5,
        "D1": 5,
        "D2": 5,
        "D3": 10,
        "D4": 15,
        "S1": 15,
        "S2": 20,
        "S3": 25
    },
    "competency": {
        "jpt": {
            "leadership": {
                "points": 15
            },
            "technical": {
                "points": 15,
                "min_jp": 20,
                "window_months": 12
            },
            "seminar": {
                "points": 10,
                "window_months": 24
            }
        },
        "administrator": {
            "leadership": {
                "points": 15
            },
            "technical": {
                "points": 15,
                "min_jp": 20,
                "window_months": 12
            },
            "seminar": {
                "points": 10,
                "window_months": 24
            }
        },
        "pengawas": {
            "leadership": {
                "points": 15
            },
            "technical": {
                "points": 15,
                "min_jp": 20,
                "window_months": 12
            },
            "seminar": {
                "points": 10,
                "window_months": 24
            }
        },
        "fungsional": {
            "functional": {
                "points": 15
            },
            "technical": {
                "points": 15,
                "min_jp": 20,
                "window_months": 12
            },
            "seminar": {
                "points": 10,
                "window_months": 24
            }
        },
        "pelaksana": {
            "technical": {
                "points": 25,
                "min_jp": 20,
                "window_months": 12
            },
            "seminar": {
                "points": 15,
                "window_months": 24
            }
        }
    },
    "leadership_levels": {
        "jpt_utama": [
            "pkn_i"
        ],
        "jpt_madya": [
            "pkn_i"
        ],
        "jpt_pratama": [
            "pkn_ii",
            "pkn_i"
        ],
        "administrator": [
            "pka",
            "pkn_ii",
            "pkn_i"
        ],
        "pengawas": [
            "pkp",
            "pka",
            "pkn_ii",
            "pkn_i"
        ]
    },
    "functional_kinds": [
        "diklat_fungsional"
    ],
    "technical_kinds": [
        "diklat_teknis",
        "bimbingan_teknis",
        "penataran",
        "e_learning",
        "pelatihan_jarak_jauh"
    ],
    "technical_competency_types": [
        "technical"
    ],
    "seminar_kinds": [
        "seminar",
        "workshop",
        "magang",
        "kursus"
    ],
    "predikat_points": {
        "sangat_baik": 30,
        "baik": 25,
        "butuh_perbaikan": 20,
        "kurang": 15,
        "sangat_kurang": 5
    },
    "predikat_year_offset": 1,
    "sanction_points": {
        "none": 5,
        "ringan": 3,
        "sedang": 2,
        "berat": 1
    },
    "sanction_window": "measurement_year",
    "categories": [
        {
            "key": "sangat_tinggi",
            "above": 90
        },
        {
            "key": "tinggi",
            "above": 80
        },
        {
            "key": "sedang",
            "above": 70
        },
        {
            "key": "rendah",
            "above": 60
        },
        {
            "key": "sangat_rendah",
            "above": None
        }
    ]
}

NAME = "Aturan bawaan (PermenPANRB 38/2018, Perban BKN 8/2019)"


def digest(document):
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def create_default(apps, schema_editor):
    RuleSet = apps.get_model("professionalism", "RuleSet")
    if RuleSet.objects.exists():
        return
    RuleSet.objects.create(
        name=NAME,
        version=1,
        effective_from=datetime.date(2019, 1, 1),
        document=DOCUMENT,
        digest=digest(DOCUMENT),
        note="Nilai [common] adalah nilai baku yang dapat disesuaikan; nilai [design] dijelaskan di dokumentasi.",
    )


def remove_default(apps, schema_editor):
    RuleSet = apps.get_model("professionalism", "RuleSet")
    RuleSet.objects.filter(version=1, name=NAME, measurements__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("professionalism", "0001_initial")]

    operations = [migrations.RunPython(create_default, remove_default)]
