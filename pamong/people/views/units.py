"""The organisation: the unit tree, a unit's page, adding and editing units."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import services
from ..access import (
    can_write_people,
    employees_visible_to,
    get_unit_for_user,
    require_people_reader,
    require_people_writer,
    units_visible_to,
    units_writable_by,
)
from ..forms import PositionForm, UnitForm
from ..models import OrgUnit, Position
from .employees import _apply_service_errors


def _build_tree(units: list[OrgUnit]) -> list[dict]:
    """Nest a flat, visible list of units (each with ``headcount``); a unit whose parent
    is hidden becomes a root. Each node gets ``total``: the headcount of its subtree."""
    nodes: dict[int, dict] = {u.pk: {"unit": u, "children": []} for u in units}
    roots: list[dict] = []
    for unit in units:
        parent = nodes.get(unit.parent_id) if unit.parent_id else None
        siblings: list[dict] = parent["children"] if parent else roots
        siblings.append(nodes[unit.pk])

    def total(node: dict) -> int:
        node["total"] = node["unit"].headcount + sum(total(child) for child in node["children"])
        return node["total"]

    for root in roots:
        total(root)
    return roots


@login_required
def unit_tree(request: HttpRequest) -> HttpResponse:
    require_people_reader(request.user)
    visible = employees_visible_to(request.user).filter(is_active=True)
    counts = dict(visible.values_list("org_unit_id").annotate(n=Count("id")).values_list("org_unit_id", "n"))
    units = list(units_visible_to(request.user).with_tree_fields().order_by("tree_ordering"))
    for unit in units:
        unit.headcount = counts.get(unit.pk, 0)
    return render(
        request,
        "people/unit_tree.html",
        {"tree": _build_tree(units), "can_write": can_write_people(request.user), "unit_count": len(units)},
    )


@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_unit_for_user(request.user, pk)
    children = units_visible_to(request.user).filter(parent=unit).order_by("code")
    positions = unit.positions.annotate(holders_count=Count("holders", filter=Q(holders__is_active=True))).order_by(
        "position_type", "name"
    )
    head = None
    if unit.head_position_id:
        head = employees_visible_to(request.user).filter(position_id=unit.head_position_id, is_active=True).first()
    context = {
        "unit": unit,
        "ancestors": unit.ancestors() if unit.parent_id else [],
        "children": children,
        "positions": positions,
        "head": head,
        "headcount": employees_visible_to(request.user).in_subtree(unit).filter(is_active=True).count(),
        "can_edit": units_writable_by(request.user).filter(pk=unit.pk).exists(),
    }
    return render(request, "people/unit_detail.html", context)


@login_required
def unit_create_view(request: HttpRequest) -> HttpResponse:
    require_people_writer(request.user)
    parents = units_writable_by(request.user).order_by("code")
    initial = {}
    if request.GET.get("parent"):
        initial["parent"] = parents.filter(pk=request.GET["parent"]).first()
    form = UnitForm(request.POST or None, parents=parents, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            unit = services.unit_create(actor=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            _apply_service_errors(form, exc)
        else:
            messages.success(request, _("Unit %(name)s ditambahkan.") % {"name": unit.name})
            return redirect("unit_detail", pk=unit.pk)
    return render(request, "people/unit_form.html", {"form": form, "title": _("Tambah unit")})


@login_required
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_unit_for_user(request.user, pk, write=True)
    parents = units_writable_by(request.user).exclude(pk=unit.pk).order_by("code")
    form = UnitForm(request.POST or None, instance=unit, parents=parents)
    if request.method == "POST" and form.is_valid():
        try:
            stored = get_unit_for_user(request.user, pk, write=True)
            services.unit_update(actor=request.user, unit=stored, data=form.cleaned_data)
        except ValidationError as exc:
            _apply_service_errors(form, exc)
        else:
            messages.success(request, _("Unit disimpan."))
            return redirect("unit_detail", pk=pk)
    return render(request, "people/unit_form.html", {"form": form, "title": _("Ubah unit"), "unit": unit})


@login_required
def position_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_unit_for_user(request.user, pk, write=True)
    form = PositionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.position_create(actor=request.user, data={**form.cleaned_data, "org_unit": unit})
        except ValidationError as exc:
            _apply_service_errors(form, exc)
        else:
            messages.success(request, _("Jabatan ditambahkan."))
            return redirect("unit_detail", pk=unit.pk)
    return render(request, "people/position_form.html", {"form": form, "unit": unit, "title": _("Tambah jabatan")})


@login_required
def position_edit(request: HttpRequest, pk: int) -> HttpResponse:
    position = Position.objects.select_related("org_unit").filter(pk=pk).first()
    if position is None:
        raise Http404
    unit = get_unit_for_user(request.user, position.org_unit_id, write=True)
    form = PositionForm(request.POST or None, instance=position)
    if request.method == "POST" and form.is_valid():
        try:
            stored = Position.objects.get(pk=pk)
            services.position_update(actor=request.user, position=stored, data=form.cleaned_data)
        except ValidationError as exc:
            _apply_service_errors(form, exc)
        else:
            messages.success(request, _("Jabatan disimpan."))
            return redirect("unit_detail", pk=unit.pk)
    return render(request, "people/position_form.html", {"form": form, "unit": unit, "title": _("Ubah jabatan")})
