"""Forms check shape; the services check business rules (and their errors land on these fields)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pamong.core.forms import BootstrapMixin

from . import reference
from .models import (
    EducationRecord,
    Employee,
    EmployeeStatus,
    OrgUnit,
    PerformanceRecord,
    Position,
    PositionType,
    SanctionRecord,
    TrainingRecord,
)
from .services import employee_errors, position_errors

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class EmployeeFilterForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("Cari nama atau NIP"), required=False)
    unit = forms.ModelChoiceField(label=_("Unit (beserta bawahannya)"), queryset=OrgUnit.objects.none(), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("Semua")), *EmployeeStatus.choices], required=False)
    golongan = forms.ChoiceField(
        label=_("Golongan"),
        choices=[("", _("Semua"))]
        + [(g, g) for g in reference.PNS_GOLONGAN]
        + [(g, g) for g in reference.PPPK_GOLONGAN],
        required=False,
    )
    position_type = forms.ChoiceField(
        label=_("Jenis jabatan"), choices=[("", _("Semua")), *PositionType.choices], required=False
    )
    active = forms.ChoiceField(
        label=_("Keaktifan"),
        initial="1",
        choices=[("1", _("Aktif")), ("0", _("Tidak aktif")), ("", _("Semua"))],
        required=False,
    )

    def __init__(self, *args, units=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else OrgUnit.objects.none()


class EmployeeForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Employee
        fields = [
            "nip",
            "front_title",
            "name",
            "back_title",
            "sex",
            "birth_place",
            "birth_date",
            "status",
            "golongan",
            "tmt_golongan",
            "tmt_start",
            "org_unit",
            "position",
            "tmt_position",
            "supervisor_override",
            "email_gov",
            "is_active",
            "inactive_reason",
            "inactive_since",
        ]
        widgets = {
            "birth_date": DATE_WIDGET,
            "tmt_golongan": DATE_WIDGET,
            "tmt_start": DATE_WIDGET,
            "tmt_position": DATE_WIDGET,
            "inactive_since": DATE_WIDGET,
            "nip": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": 18}),
        }
        help_texts = {
            "nip": _("18 digit, tanpa spasi."),
            "supervisor_override": _("Kosongkan untuk memakai kepala unit."),
        }

    def __init__(self, *args, units=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        unit_qs = units if units is not None else OrgUnit.objects.none()
        self.fields["org_unit"].queryset = unit_qs
        self.fields["position"].queryset = Position.objects.filter(org_unit__in=unit_qs).select_related("org_unit")
        self.fields["position"].label_from_instance = lambda p: f"{p.name} — {p.org_unit}"
        # The supervisor is picked by NIP-free search in a later version; for now, the employees in scope.
        self.fields["supervisor_override"].queryset = Employee.objects.filter(org_unit__in=unit_qs, is_active=True)
        self.fields["supervisor_override"].required = False

    def clean_nip(self) -> str:
        return self.cleaned_data["nip"].strip().replace(" ", "")

    def clean(self):  # type: ignore[no-untyped-def]
        """Run the service's business rules now, so errors land on their fields
        (and the model's NIP constraint is not reported a second time)."""
        cleaned = super().clean()
        data = dict(cleaned)
        data.setdefault("nip", self.data.get("nip", ""))
        errors = employee_errors(data, today=timezone.localdate(), instance=self.instance if self.instance.pk else None)
        for field, messages in errors.items():
            if field in self.fields and field not in self._errors:
                self.add_error(field, messages)
        return cleaned


class UnitForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = OrgUnit
        fields = ["code", "name", "kind", "parent", "head_position", "active_from", "active_until"]
        widgets = {"active_from": DATE_WIDGET, "active_until": DATE_WIDGET}

    def __init__(self, *args, parents=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = parents if parents is not None else OrgUnit.objects.none()
        self.fields["parent"].label = _("Unit atasan")
        if self.instance.pk:
            self.fields["head_position"].queryset = Position.objects.filter(org_unit=self.instance)
        else:
            del self.fields["head_position"]


class PositionForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Position
        fields = ["name", "position_type", "functional_level"]

    def clean(self):  # type: ignore[no-untyped-def]
        cleaned = super().clean()
        for field, messages in position_errors(cleaned).items():
            if field not in self._errors:
                self.add_error(field, messages)
        return cleaned


HISTORY_FORMS: dict[str, type[forms.ModelForm]] = {}


def _history_form(model, fields, date_fields=()):  # type: ignore[no-untyped-def]
    meta = type("Meta", (), {"model": model, "fields": fields, "widgets": {f: DATE_WIDGET for f in date_fields}})
    return type(f"{model.__name__}Form", (BootstrapMixin, forms.ModelForm), {"Meta": meta})


HISTORY_FORMS["education"] = _history_form(EducationRecord, ["level", "institution", "major", "graduation_year"])
HISTORY_FORMS["training"] = _history_form(
    TrainingRecord,
    ["kind", "name", "organizer", "start_date", "end_date", "hours_jp", "certificate_number", "leadership_level"],
    ("start_date", "end_date"),
)
HISTORY_FORMS["sanction"] = _history_form(
    SanctionRecord, ["level", "kind", "decree_number", "start_date", "end_date"], ("start_date", "end_date")
)
HISTORY_FORMS["performance"] = _history_form(PerformanceRecord, ["year", "predikat"])

HISTORY_TITLES = {
    "education": _("Riwayat pendidikan"),
    "training": _("Riwayat pelatihan"),
    "sanction": _("Riwayat hukuman disiplin"),
    "performance": _("Riwayat kinerja"),
}
