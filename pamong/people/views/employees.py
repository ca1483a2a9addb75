"""Employee pages: list with search and filters, profile with histories and audit, add and edit."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from pamong.core.models import AuditEntry

from .. import services
from ..access import (
    can_write_people,
    employees_visible_to,
    get_employee_for_user,
    require_people_reader,
    require_people_writer,
    units_visible_to,
    units_writable_by,
)
from ..forms import HISTORY_FORMS, HISTORY_TITLES, EmployeeFilterForm, EmployeeForm

PAGE_SIZE = 50


def _apply_service_errors(form, exc: ValidationError) -> None:  # type: ignore[no-untyped-def]
    """Put a service's field errors on the form fields they name (or on the form)."""
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@login_required
def employee_list(request: HttpRequest) -> HttpResponse:
    require_people_reader(request.user)
    units = units_visible_to(request.user).order_by("code")
    form = EmployeeFilterForm(request.GET or None, units=units, initial={"active": "1"})
    data = form.cleaned_data if form.is_valid() else {}
    active = request.GET.get("active", "1")
    employees = (
        employees_visible_to(request.user)
        .for_list()
        .filtered(
            q=data.get("q"),
            unit_id=data["unit"].pk if data.get("unit") else None,
            status=data.get("status"),
            golongan=data.get("golongan"),
            position_type=data.get("position_type"),
            active={"1": True, "0": False}.get(active),
        )
    )
    page = Paginator(employees, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "can_write": can_write_people(request.user),
    }
    template = "people/employee_list.html#results" if getattr(request, "htmx", False) else "people/employee_list.html"
    return render(request, template, context)


@login_required
def employee_detail(request: HttpRequest, pk: int) -> HttpResponse:
    employee = get_employee_for_user(request.user, pk)
    can_edit = units_writable_by(request.user).filter(pk=employee.org_unit_id).exists()
    context = {
        "employee": employee,
        "supervisor": employee.direct_supervisor(),
        "education": employee.education.all(),
        "trainings": employee.trainings.all(),
        "sanctions": employee.sanctions.all(),
        "performance": employee.performance.all(),
        "audit": AuditEntry.objects.for_object("people.employee", employee.pk)[:50],
        "can_edit": can_edit,
        "history_titles": HISTORY_TITLES,
    }
    return render(request, "people/employee_detail.html", context)


@login_required
def employee_create_view(request: HttpRequest) -> HttpResponse:
    require_people_writer(request.user)
    units = units_writable_by(request.user).order_by("code")
    form = EmployeeForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            employee = services.employee_create(actor=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            _apply_service_errors(form, exc)
        else:
            messages.success(request, _("Pegawai %(name)s ditambahkan.") % {"name": employee.full_name})
            return redirect("employee_detail", pk=employee.pk)
    return render(request, "people/employee_form.html", {"form": form, "title": _("Tambah pegawai")})


@login_required
def employee_edit(request: HttpRequest, pk: int) -> HttpResponse:
    employee = get_employee_for_user(request.user, pk, write=True)
    units = units_writable_by(request.user).order_by("code")
    form = EmployeeForm(request.POST or None, instance=employee, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            # The ModelForm already copied the values onto ``employee``; the service
            # needs the stored row to compare and audit, so it gets a fresh copy.
            stored = get_employee_for_user(request.user, pk, write=True)
            services.employee_update(actor=request.user, employee=stored, data=form.cleaned_data)
        except ValidationError as exc:
            _apply_service_errors(form, exc)
        else:
            messages.success(request, _("Data pegawai disimpan."))
            return redirect("employee_detail", pk=pk)
    title = _("Ubah data %(name)s") % {"name": employee.name}
    return render(request, "people/employee_form.html", {"form": form, "title": title, "employee": employee})


@login_required
def history_add_view(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    if kind not in HISTORY_FORMS:
        raise Http404
    employee = get_employee_for_user(request.user, pk, write=True)
    form = HISTORY_FORMS[kind](request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.history_add(actor=request.user, employee=employee, kind=kind, data=form.cleaned_data)
        except ValidationError as exc:
            _apply_service_errors(form, exc)
        else:
            messages.success(request, _("Riwayat ditambahkan."))
            return redirect("employee_detail", pk=pk)
    return render(
        request,
        "people/history_form.html",
        {"form": form, "employee": employee, "title": HISTORY_TITLES[kind]},
    )
