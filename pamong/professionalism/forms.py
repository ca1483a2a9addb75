"""Forms of the IP ASN pages. The rule-set form is built from the document, one field per value."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pamong.core.forms import BootstrapMixin
from pamong.people import reference

from . import ipasn
from .explain import CATEGORY_LABELS, DIMENSION_LABELS, EDUCATION_LABELS, PREDIKAT_LABELS, SANCTION_LABELS


def _this_year() -> int:
    return timezone.localdate().year


class TargetForm(BootstrapMixin, forms.Form):
    year = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)
    target = forms.DecimalField(
        label=_("Target IP ASN"), min_value=Decimal(0), max_value=Decimal(100), decimal_places=2, max_digits=5
    )


class MeasurementForm(BootstrapMixin, forms.Form):
    year = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100, initial=_this_year)
    as_of = forms.DateField(
        label=_("Tanggal pengukuran"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Kosongkan untuk 31 Desember tahun itu (atau hari ini bila tahunnya belum berakhir)."),
    )


LACKING_CHOICES = [
    ("", _("semua pegawai")),
    ("technical", _("belum memenuhi diklat teknis 20 JP")),
    ("seminar", _("belum seminar/workshop/kursus")),
    ("leadership", _("belum diklat kepemimpinan sesuai jabatan")),
    ("functional", _("belum diklat fungsional")),
]
POSITION_CHOICES = [
    ("", _("semua jenis jabatan")),
    ("jpt", _("JPT")),
    ("administrator", _("Administrator")),
    ("pengawas", _("Pengawas")),
    ("pelaksana", _("Pelaksana")),
    ("fungsional", _("Fungsional")),
]
ACTION_CHOICES = [
    ("technical_jp", _("menyelesaikan diklat teknis sejumlah JP")),
    ("seminar", _("mengikuti seminar/workshop/kursus")),
    ("leadership", _("menyelesaikan diklat kepemimpinan sesuai jabatan")),
    ("functional", _("menyelesaikan diklat fungsional")),
    ("education", _("menyelesaikan pendidikan hingga jenjang")),
]


class SimulationForm(BootstrapMixin, forms.Form):
    unit: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Unit"), queryset=None, empty_label=None)  # type: ignore[arg-type]
    lacking = forms.ChoiceField(label=_("Kelompok"), choices=LACKING_CHOICES, required=False)
    position_type = forms.ChoiceField(label=_("Jenis jabatan"), choices=POSITION_CHOICES, required=False)
    action = forms.ChoiceField(label=_("Tindakan"), choices=ACTION_CHOICES)
    jp = forms.DecimalField(
        label=_("JP"), min_value=Decimal("0.01"), max_value=Decimal(500), decimal_places=2, initial=20, required=False
    )
    level = forms.ChoiceField(
        label=_("Jenjang pendidikan"),
        choices=[(k, v) for k, v in EDUCATION_LABELS.items()],
        initial="S1",
        required=False,
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("action") == "technical_jp" and not data.get("jp"):
            self.add_error("jp", _("Isi jumlah JP."))
        return data

    def to_action(self) -> ipasn.Action:
        data = self.cleaned_data
        return ipasn.Action(kind=data["action"], jp=data.get("jp") or Decimal(0), level=data.get("level") or "S1")


class RuleCopyForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label=_("Nama aturan baru"), max_length=200)
    effective_from = forms.DateField(label=_("Berlaku mulai"), widget=forms.DateInput(attrs={"type": "date"}))


# --- The rule-set form -------------------------------------------------------------------------------------


def _number(value: Any) -> Any:
    """A form's Decimal as JSON: an integer when whole, else a float (at most two decimals)."""
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _points_field(label: Any, initial: Any, help_text: Any = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label, initial=initial, min_value=Decimal(0), max_digits=8, decimal_places=2, help_text=help_text
    )


INDICATOR_LABELS = {
    "leadership": _("Diklat kepemimpinan sesuai jabatan"),
    "functional": _("Diklat fungsional sesuai jabatan"),
    "technical": _("Diklat teknis"),
    "seminar": _("Seminar/workshop/magang/kursus"),
}
POSITION_LABELS = dict(POSITION_CHOICES[1:])
LEADERSHIP_KEYS = [k for k, v in ipasn.POSITION_GROUP.items() if v in ipasn.STRUCTURAL]
LEADERSHIP_LEVEL_LABELS = [("pkn_i", "PKN I"), ("pkn_ii", "PKN II"), ("pka", "PKA"), ("pkp", "PKP")]


class RuleSetForm(BootstrapMixin, forms.Form):
    """One field per value of the document; :meth:`document` builds it back (the engine validates it)."""

    name = forms.CharField(label=_("Nama"), max_length=200)
    effective_from = forms.DateField(label=_("Berlaku mulai"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Catatan perubahan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    include_pppk = forms.BooleanField(label=_("PPPK ikut diukur"), required=False)

    def __init__(self, *args: Any, rule_set: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        doc = rule_set.document
        self.fields["name"].initial = rule_set.name
        self.fields["effective_from"].initial = rule_set.effective_from
        self.fields["note"].initial = rule_set.note
        self.fields["include_pppk"].initial = doc["include_pppk"]
        self.groups: list[tuple[str, Any, list[str]]] = []

        def group(key: str, title: Any, names: list[str]) -> None:
            self.groups.append((key, title, names))

        names = []
        for d in ipasn.DIMENSIONS:
            self.fields[f"dim__{d}"] = _points_field(DIMENSION_LABELS[d], doc["dimension_max"][d])
            names.append(f"dim__{d}")
        group("dimension_max", _("Poin maksimum per dimensi"), names)
        names = []
        for level in ipasn.EDUCATION_LEVELS:
            self.fields[f"edu__{level}"] = _points_field(EDUCATION_LABELS[level], doc["education_points"][level])
            names.append(f"edu__{level}")
        group("education_points", _("Kualifikasi: poin per jenjang pendidikan"), names)
        for ptype in ipasn.POSITION_TYPES:
            names = []
            for indicator, row in doc["competency"].get(ptype, {}).items():
                prefix = f"comp__{ptype}__{indicator}"
                self.fields[f"{prefix}__points"] = _points_field(
                    _("%(indicator)s: poin") % {"indicator": INDICATOR_LABELS[indicator]}, row["points"]
                )
                names.append(f"{prefix}__points")
                if "min_jp" in row:
                    self.fields[f"{prefix}__min_jp"] = _points_field(_("Diklat teknis: minimal JP"), row["min_jp"])
                    names.append(f"{prefix}__min_jp")
                if "window_months" in row:
                    self.fields[f"{prefix}__window_months"] = forms.IntegerField(
                        label=_("%(indicator)s: jendela (bulan)") % {"indicator": INDICATOR_LABELS[indicator]},
                        initial=row["window_months"],
                        min_value=1,
                        max_value=120,
                    )
                    names.append(f"{prefix}__window_months")
            group(f"competency.{ptype}", _("Kompetensi: %(type)s") % {"type": POSITION_LABELS[ptype]}, names)
        names = []
        for key in LEADERSHIP_KEYS:
            self.fields[f"lead__{key}"] = forms.MultipleChoiceField(
                label=key.replace("_", " ").capitalize(),
                choices=LEADERSHIP_LEVEL_LABELS,
                initial=doc["leadership_levels"][key],
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )
            names.append(f"lead__{key}")
        group("leadership_levels", _("Diklat kepemimpinan yang sesuai per jabatan"), names)
        kinds = list(reference.TRAINING_KINDS.items())
        for key, label in (
            ("technical_kinds", _("Jenis pelatihan yang dihitung sebagai diklat teknis")),
            ("seminar_kinds", _("Jenis yang dihitung sebagai seminar/workshop/magang/kursus")),
            ("functional_kinds", _("Jenis yang dihitung sebagai diklat fungsional")),
        ):
            self.fields[key] = forms.MultipleChoiceField(
                label=label, choices=kinds, initial=doc[key], widget=forms.CheckboxSelectMultiple, required=False
            )
            group(key, label, [key])
        self.fields["technical_competency_types"] = forms.MultipleChoiceField(
            label=_("Jenis kompetensi yang dihitung sebagai diklat teknis"),
            choices=[
                ("managerial", _("Manajerial")),
                ("technical", _("Teknis")),
                ("functional", _("Fungsional")),
                ("socio_cultural", _("Sosial kultural")),
            ],
            initial=doc["technical_competency_types"],
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )
        group(
            "technical_competency_types",
            self.fields["technical_competency_types"].label,
            ["technical_competency_types"],
        )
        names = []
        for p in ipasn.PREDIKATS:
            self.fields[f"pred__{p}"] = _points_field(PREDIKAT_LABELS[p], doc["predikat_points"][p])
            names.append(f"pred__{p}")
        self.fields["predikat_year_offset"] = forms.TypedChoiceField(
            label=_("Predikat yang dipakai"),
            choices=[(1, _("tahun sebelum pengukuran")), (0, _("tahun pengukuran"))],
            coerce=int,
            initial=doc["predikat_year_offset"],
        )
        names.append("predikat_year_offset")
        group("predikat_points", _("Kinerja: poin per predikat"), names)
        names = []
        for s in ipasn.SANCTION_LEVELS:
            self.fields[f"sanc__{s}"] = _points_field(SANCTION_LABELS[s], doc["sanction_points"][s])
            names.append(f"sanc__{s}")
        self.fields["sanction_window"] = forms.ChoiceField(
            label=_("Periode hukuman yang dihitung"),
            choices=[
                ("measurement_year", _("beririsan dengan tahun pengukuran")),
                ("last_12_months", _("12 bulan sebelum tanggal pengukuran")),
            ],
            initial=doc["sanction_window"],
        )
        names.append("sanction_window")
        group("sanction_points", _("Disiplin: poin per tingkat hukuman"), names)
        names = []
        for band in doc["categories"][:-1]:
            self.fields[f"cat__{band['key']}"] = _points_field(
                _("%(category)s bila lebih dari") % {"category": CATEGORY_LABELS[band["key"]]}, band["above"]
            )
            names.append(f"cat__{band['key']}")
        group("categories", _("Kategori (dibandingkan setelah dibulatkan ke 2 desimal)"), names)
        self.groups.insert(0, ("include_pppk", _("Cakupan"), ["include_pppk"]))
        self.rule_set = rule_set

    def document(self) -> dict[str, Any]:
        data = self.cleaned_data
        base = self.rule_set.document
        competency: dict[str, Any] = {}
        for ptype in ipasn.POSITION_TYPES:
            rows: dict[str, Any] = {}
            for indicator, row in base["competency"].get(ptype, {}).items():
                prefix = f"comp__{ptype}__{indicator}"
                rows[indicator] = {key: _number(data[f"{prefix}__{key}"]) for key in row}
            competency[ptype] = rows
        return {
            "schema": 1,
            "dimension_max": {d: _number(data[f"dim__{d}"]) for d in ipasn.DIMENSIONS},
            "include_pppk": bool(data["include_pppk"]),
            "education_points": {lv: _number(data[f"edu__{lv}"]) for lv in ipasn.EDUCATION_LEVELS},
            "competency": competency,
            "leadership_levels": {k: list(data[f"lead__{k}"]) for k in LEADERSHIP_KEYS},
            "functional_kinds": list(data["functional_kinds"]),
            "technical_kinds": list(data["technical_kinds"]),
            "technical_competency_types": list(data["technical_competency_types"]),
            "seminar_kinds": list(data["seminar_kinds"]),
            "predikat_points": {p: _number(data[f"pred__{p}"]) for p in ipasn.PREDIKATS},
            "predikat_year_offset": int(data["predikat_year_offset"]),
            "sanction_points": {s: _number(data[f"sanc__{s}"]) for s in ipasn.SANCTION_LEVELS},
            "sanction_window": data["sanction_window"],
            "categories": [
                *({"key": b["key"], "above": _number(data[f"cat__{b['key']}"])} for b in base["categories"][:-1]),
                {"key": base["categories"][-1]["key"], "above": None},
            ],
        }

    def changed_date(self) -> dt.date:
        return self.cleaned_data["effective_from"]
