"""Forms of the import pages: the upload and the column mapping."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from .columns import KIND_CHOICES, LAYOUTS
from .reading import SUFFIXES


class UploadForm(forms.Form):
    kind = forms.ChoiceField(
        label=_lazy("Jenis data"),
        choices=KIND_CHOICES,
        initial="employees",
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    file = forms.FileField(
        label=_lazy("Berkas XLSX atau CSV"),
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ",".join(SUFFIXES)}),
    )
    dry_run = forms.BooleanField(label=_lazy("Periksa saja, jangan simpan"), required=False)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = upload.name or ""
        if not name.lower().endswith(SUFFIXES):
            raise forms.ValidationError(
                _("Berkas %(name)s bukan XLSX atau CSV. Simpan ulang sebagai .xlsx atau .csv.") % {"name": name}
            )
        limit = settings.IMPORT_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("Berkas %(name)s berukuran %(size)s, melebihi batas %(limit)s. Bagi berkasnya atau gunakan CSV.")
                % {"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        return upload


class MappingForm(forms.Form):
    """One select per pamong column, listing the file's headers; pre-filled with what matched."""

    def __init__(self, *args: Any, kind: str, headers: list[str], initial_map: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.layout = LAYOUTS[kind]
        self.required_columns = {c.name for c in self.layout.columns if c.required}
        choices = [("", _("— tidak ada —"))] + [(h, h) for h in headers]
        for column in self.layout.columns:
            self.fields[column.name] = forms.ChoiceField(
                label=column.name,
                help_text=str(column.label),
                choices=choices,
                required=False,
                initial=initial_map.get(column.name, ""),
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        used: dict[str, str] = {}
        for column in self.layout.columns:
            header = data.get(column.name)
            if not header:
                if column.required:
                    self.add_error(column.name, _("Kolom %(name)s wajib dipetakan.") % {"name": column.name})
                continue
            if header in used:
                self.add_error(
                    column.name,
                    _("Kolom berkas '%(header)s' sudah dipakai untuk %(other)s.")
                    % {"header": header, "other": used[header]},
                )
            used[header] = column.name
        for group in self.layout.one_of:
            if not any(data.get(name) for name in group):
                self.add_error(None, _("Petakan salah satu dari: %(names)s.") % {"names": ", ".join(group)})
        return data

    def mapping(self) -> dict[str, str]:
        """``{the file's header: pamong column}``."""
        return {header: name for name, header in self.cleaned_data.items() if header}
