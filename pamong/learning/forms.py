"""Forms of the learning pages: shape only; business rules live in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pamong.accounts.models import Role, RoleAssignment, User
from pamong.core.forms import BootstrapMixin
from pamong.people.models import EmployeeStatus, OrgUnit, PositionType

from .models import Batch, MilestoneProgress, Programme, QuestionKind, Session

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class ProgrammeForm(BootstrapMixin, forms.ModelForm):
    target_position_types = forms.MultipleChoiceField(
        label=_("Jenis jabatan sasaran"),
        choices=PositionType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kosong berarti semua jenis jabatan."),
    )

    class Meta:
        model = Programme
        fields = [
            "title",
            "description",
            "goals",
            "kind",
            "route",
            "competency_type",
            "target_position_types",
            "hours_jp",
            "value_framework",
            "owner_unit",
            "certificate_number_format",
            "is_active",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "goals": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["route"].required = False
        self.fields["route"].help_text = _("Kosongkan untuk mengikuti jenis pelatihan.")
        for name in ("target_position_types",):
            self.fields[name].widget.attrs.pop("class", None)


def facilitator_users() -> Any:
    ids = RoleAssignment.objects.current().filter(role=Role.FACILITATOR).values_list("user_id", flat=True)
    return User.objects.filter(pk__in=ids, is_active=True).order_by("first_name", "username")


class BatchForm(BootstrapMixin, forms.ModelForm):
    online_url = forms.URLField(label=_("Tautan daring"), required=False, assume_scheme="https")
    facilitators = forms.ModelMultipleChoiceField(
        label=_("Fasilitator"), queryset=User.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Batch
        fields = [
            "start_date",
            "end_date",
            "venue",
            "online_url",
            "capacity",
            "facilitators",
            "hours_jp",
            "min_attendance_percent",
            "pass_score",
            "feedback_required",
            "test_minutes",
            "evaluation_months",
            "signatory_name",
            "signatory_position",
            "signatory_nip",
        ]
        widgets = {"start_date": DATE, "end_date": DATE}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["facilitators"].queryset = facilitator_users()  # type: ignore[attr-defined]
        self.fields["facilitators"].widget.attrs.pop("class", None)
        if self.instance.pk:
            self.initial["facilitators"] = list(self.instance.facilitators.all())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Tanggal selesai tidak boleh sebelum tanggal mulai."))
        return data


class SessionForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Session
        fields = ["date", "start_time", "end_time", "topic", "facilitator"]
        widgets = {"date": DATE, "start_time": TIME, "end_time": TIME}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["facilitator"].queryset = facilitator_users()  # type: ignore[attr-defined]


class QuestionForm(BootstrapMixin, forms.Form):
    text = forms.CharField(label=_("Pertanyaan"), widget=forms.Textarea(attrs={"rows": 2}))
    kind = forms.ChoiceField(label=_("Jenis"), choices=QuestionKind.choices)
    choices = forms.CharField(
        label=_("Pilihan jawaban"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Satu pilihan per baris; awali pilihan yang benar dengan *. Untuk benar/salah, kosongkan."),
    )
    true_answer = forms.BooleanField(label=_("Pernyataan ini benar (untuk soal benar/salah)"), required=False)

    def parsed_choices(self) -> list[tuple[str, bool]]:
        rows = []
        for line in (self.cleaned_data.get("choices") or "").splitlines():
            line = line.strip()
            if line:
                rows.append((line.lstrip("*").strip(), line.startswith("*")))
        return rows


class NominateOneForm(BootstrapMixin, forms.Form):
    nip = forms.CharField(label=_("NIP pegawai"), max_length=18, min_length=18)


class NominateBulkForm(BootstrapMixin, forms.Form):
    units = forms.ModelMultipleChoiceField(
        label=_("Unit (beserta unit di bawahnya)"),
        queryset=OrgUnit.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    position_types = forms.MultipleChoiceField(
        label=_("Jenis jabatan"), choices=PositionType.choices, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = units  # type: ignore[attr-defined]
        self.fields["position_types"].widget.attrs.pop("class", None)


class ReasonForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(label=_("Alasan"), max_length=300)


class ManualAttendanceForm(BootstrapMixin, forms.Form):
    present = forms.TypedChoiceField(
        label=_("Kehadiran"),
        choices=[("1", _("Hadir")), ("0", _("Tidak hadir"))],
        coerce=lambda v: v == "1",
    )
    reason = forms.CharField(label=_("Alasan"), max_length=300)


RATING_CHOICES = [(i, str(i)) for i in range(1, 6)]


class FeedbackForm(BootstrapMixin, forms.Form):
    content = forms.TypedChoiceField(label=_("Materi"), choices=RATING_CHOICES, coerce=int, widget=forms.RadioSelect)
    facilitators = forms.TypedChoiceField(
        label=_("Fasilitator"), choices=RATING_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    organisation = forms.TypedChoiceField(
        label=_("Penyelenggaraan"), choices=RATING_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    relevance = forms.TypedChoiceField(
        label=_("Relevansi dengan pekerjaan"), choices=RATING_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    comments = forms.CharField(
        label=_("Saran dan komentar"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("content", "facilitators", "organisation", "relevance"):
            self.fields[name].widget.attrs.pop("class", None)


class ActionPlanForm(BootstrapMixin, forms.Form):
    title = forms.CharField(label=_("Judul proyek perubahan"), max_length=200)
    description = forms.CharField(
        label=_("Masalah dan perubahan yang dituju"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class MilestoneForm(BootstrapMixin, forms.Form):
    description = forms.CharField(label=_("Tonggak capaian"), max_length=300, required=False)
    measure = forms.CharField(label=_("Ukuran keberhasilan"), max_length=300, required=False)
    target_date = forms.DateField(label=_("Target tanggal"), required=False, widget=DATE)


MilestoneFormSet = forms.formset_factory(MilestoneForm, extra=0, min_num=3, max_num=10)


class EvaluationForm(BootstrapMixin, forms.Form):
    progress = forms.ChoiceField(label=_("Capaian"), choices=[("", "—"), *MilestoneProgress.choices])
    evidence = forms.CharField(label=_("Bukti"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    note = forms.CharField(label=_("Catatan atasan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class LedgerFilterForm(BootstrapMixin, forms.Form):
    year = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=OrgUnit.objects.none(), required=False, empty_label=_("Semua unit saya")
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]


class JpTargetForm(BootstrapMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status kepegawaian"), choices=EmployeeStatus.choices)
    year_from = forms.IntegerField(label=_("Berlaku mulai tahun"), min_value=2000, max_value=2100)
    hours_jp = forms.DecimalField(label=_("Target JP per tahun"), min_value=0, max_digits=6, decimal_places=2)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year_from"].initial = timezone.localdate().year
