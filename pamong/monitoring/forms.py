"""Forms of the monev pages: they check shape; the services check the rules."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from pamong.core.forms import BootstrapMixin

from . import sources
from .models import Indicator, PeriodSetting, PlanItem


class IdDecimalField(forms.DecimalField):
    """A decimal typed the Indonesian way (``1.250.000,50``; ``14,5``), shown without trailing zeros."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("localize", True)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal):
            normal = value.normalize()
            if normal == normal.to_integral_value():
                normal = normal.quantize(Decimal(1))
            return formats.localize_input(normal)
        return value


def _decimal(
    label: Any, *, required: bool = False, min_value: int | None = None, help_text: Any = ""
) -> IdDecimalField:
    return IdDecimalField(
        label=label, required=required, max_digits=18, decimal_places=4, min_value=min_value, help_text=help_text
    )


class PlanItemForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = PlanItem
        fields = ["code", "name", "is_budget", "responsible_unit", "responsible_official", "pagu", "revised_pagu"]

    def __init__(self, *args: Any, units: Any, officials: Any, level: str, is_root: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit_field: Any = self.fields["responsible_unit"]
        unit_field.queryset = units
        official_field: Any = self.fields["responsible_official"]
        official_field.queryset = officials
        official_field.label_from_instance = lambda e: (
            f"{e.full_name} — {e.position.name}" if e.position_id else e.full_name
        )
        for name in ("pagu", "revised_pagu"):
            self.fields[name] = IdDecimalField(
                label=self.fields[name].label, required=False, max_digits=18, decimal_places=2, min_value=0
            )
        if level != "sub_kegiatan":
            del self.fields["pagu"]
            del self.fields["revised_pagu"]
        if not is_root:
            del self.fields["is_budget"]
        super_init_bootstrap(self)


def super_init_bootstrap(form: forms.BaseForm) -> None:
    """Re-apply the Bootstrap classes to fields replaced after BootstrapMixin ran."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(widget, forms.Select | forms.SelectMultiple):
            css = "form-select"
        else:
            css = "form-control"
        classes = set(widget.attrs.get("class", "").split())
        classes.add(css)
        widget.attrs["class"] = " ".join(sorted(classes))


class IndicatorForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "unit_of_measure",
            "direction",
            "cumulative",
            "target",
            "revised_target",
            "target_q1",
            "target_q2",
            "target_q3",
            "target_q4",
            "renstra_target",
            "renstra_until_last_year",
            "auto_source",
            "source_unit",
        ]

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_fields = {f.name: f for f in Indicator._meta.get_fields()}
        for name in (
            "target",
            "revised_target",
            "target_q1",
            "target_q2",
            "target_q3",
            "target_q4",
            "renstra_target",
            "renstra_until_last_year",
        ):
            model_field = model_fields[name]
            self.fields[name] = _decimal(
                model_field.verbose_name,  # type: ignore[union-attr]
                required=name == "target",
                help_text=model_field.help_text,  # type: ignore[union-attr]
            )
        self.fields["auto_source"] = forms.ChoiceField(
            label=_("Sumber otomatis"),
            choices=sources.choices(),
            required=False,
            help_text=_("Realisasi diambil otomatis dari data pamong untuk unit sumber data."),
        )
        source_field: Any = self.fields["source_unit"]
        source_field.queryset = units
        super_init_bootstrap(self)


class RealisationForm(BootstrapMixin, forms.Form):
    """One field per indicator (``value_<id>``), budget spent for a sub-activity, and the evaluation."""

    budget_spent = IdDecimalField(
        label=_("Realisasi anggaran triwulan ini (Rp)"), required=False, max_digits=18, decimal_places=2, min_value=0
    )
    drivers = forms.CharField(label=_("Faktor pendorong"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    obstacles = forms.CharField(label=_("Faktor penghambat"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    follow_up = forms.CharField(
        label=_("Tindak lanjut triwulan berikutnya"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, indicators: list[Indicator], with_budget: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        for indicator in indicators:
            field = _decimal(
                f"{indicator.name} ({indicator.unit_of_measure})",
                help_text=_("Nilai otomatis dari data pamong; tidak diisi tangan.") if indicator.is_automatic else "",
            )
            if indicator.is_automatic:
                field.disabled = True
            self.fields[f"value_{indicator.pk}"] = field
        if not with_budget:
            del self.fields["budget_spent"]
        super_init_bootstrap(self)

    def indicator_fields(self) -> list[Any]:
        return [self[f"value_{i.pk}"] for i in self.indicators]

    def text_fields(self) -> list[Any]:
        names = ["budget_spent", "drivers", "obstacles", "follow_up"]
        return [self[n] for n in names if n in self.fields]

    def values(self) -> dict[int, Decimal | None]:
        return {i.pk: self.cleaned_data.get(f"value_{i.pk}") for i in self.indicators if not i.is_automatic}

    def data_fields(self) -> dict[str, Any]:
        return {
            k: self.cleaned_data[k] for k in ("budget_spent", "drivers", "obstacles", "follow_up") if k in self.fields
        }


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("Bukti dukung (PDF, JPG, PNG; paling besar 10 MB)"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs.update({"class": "form-control", "accept": ".pdf,.jpg,.jpeg,.png"})


class ReturnForm(BootstrapMixin, forms.Form):
    note = forms.CharField(
        label=_("Catatan: apa yang perlu diperbaiki"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000
    )


class ReopenForm(BootstrapMixin, forms.Form):
    open_until = forms.DateField(label=_("Dibuka sampai"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class PeriodSettingForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = PeriodSetting
        fields = ["deadline_q1", "deadline_q2", "deadline_q3", "deadline_q4", "warning_margin"]
        widgets = {f"deadline_q{q}": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d") for q in (1, 2, 3, 4)}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["warning_margin"] = IdDecimalField(
            label=_("Ambang peringatan dini (poin persen)"),
            max_digits=5,
            decimal_places=2,
            min_value=0,
            max_value=100,
            help_text=PeriodSetting._meta.get_field("warning_margin").help_text,
        )
        for q in (1, 2, 3, 4):
            self.fields[f"deadline_q{q}"].help_text = _("Kosong: 10 hari setelah akhir triwulan.")
        super_init_bootstrap(self)


class PeriodForm(forms.Form):
    """The year and quarter a page shows (GET)."""

    year = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100, required=False)
    quarter = forms.TypedChoiceField(
        label=_("Sampai triwulan"),
        choices=[(1, "I"), (2, "II"), (3, "III"), (4, "IV")],
        coerce=int,
        required=False,
    )


class ImportUploadForm(BootstrapMixin, forms.Form):
    opd: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Perangkat daerah"), queryset=None)  # type: ignore[arg-type]
    year = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)
    file = forms.FileField(label=_("Berkas XLSX ekspor sistem perencanaan"))

    def __init__(self, *args: Any, opds: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        opd_field: Any = self.fields["opd"]
        opd_field.queryset = opds
        self.fields["file"].widget.attrs["accept"] = ".xlsx"

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Unggah berkas XLSX."))
        if upload.size > 20 * 1024 * 1024:
            raise forms.ValidationError(_("Berkas terlalu besar (paling besar 20 MB)."))
        upload.seek(0)
        if upload.read(4) != b"PK\x03\x04":
            raise forms.ValidationError(_("Berkas ini bukan XLSX."))
        upload.seek(0)
        return upload


class ImportMappingForm(BootstrapMixin, forms.Form):
    """For each of pamong's columns, which of the file's headers holds it."""

    def __init__(self, *args: Any, headers: list[str], columns: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("— tidak ada —"))] + [(h, h) for h in headers if h]
        for column in columns:
            self.fields[column.name] = forms.ChoiceField(label=column.label, choices=choices, required=column.required)

    def mapping(self) -> dict[str, str]:
        return {name: header for name, header in self.cleaned_data.items() if header}
