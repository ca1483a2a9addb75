"""The audit log, for BKD administrators: every change, who made it, from where."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pamong.accounts.access import require_bkd_admin
from pamong.core.models import AuditEntry, Source


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    require_bkd_admin(request.user)
    entries = AuditEntry.objects.all()
    action = request.GET.get("action", "").strip()
    actor = request.GET.get("actor", "").strip()
    source = request.GET.get("source", "")
    if action:
        entries = entries.filter(action__startswith=action)
    if actor:
        entries = entries.filter(actor_repr__icontains=actor)
    if source in Source.values:
        entries = entries.filter(source=source)
    page = Paginator(entries.order_by("-seq"), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "people/audit_log.html",
        {
            "page": page,
            "query": query.urlencode(),
            "action": action,
            "actor": actor,
            "source": source,
            "sources": Source.choices,
        },
    )
