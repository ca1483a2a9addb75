"""Forms check shape; the services check the rules (and their errors land on these fields)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .services import TOKEN_NAME_MAX


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        label=_("Nama token"),
        max_length=TOKEN_NAME_MAX,
        help_text=_("Untuk apa token ini, mis. “Sinkronisasi SIMPEG”."),
        widget=forms.TextInput(attrs={"class": "form-control", "autocomplete": "off"}),
    )
    expires_on = forms.DateField(
        label=_("Berlaku sampai"),
        required=False,
        help_text=_("Token berhenti bekerja setelah tanggal ini berakhir. Kosongkan bila tanpa batas."),
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d"),
    )
