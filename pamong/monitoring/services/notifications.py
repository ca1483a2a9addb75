"""In-app notifications, also sent by e-mail after the transaction commits."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from ..models import (
    Notification,
)

# --- Notifications -------------------------------------------------------------------------------------------


def notify(*, users: Iterable[Any], title: str, body: str, url: str = "") -> list[Notification]:
    """An in-app notification for each user, and an e-mail to those with an address (sent after
    the transaction commits, so a rolled-back change sends nothing)."""
    made = []
    for user in users:
        made.append(Notification.objects.create(user=user, title=title[:200], body=body, url=url[:300]))
        address = user.email
        if address:
            link = f"{settings.SITE_URL.rstrip('/')}{url}" if url else ""
            text = f"{body}\n\n{link}".strip()
            transaction.on_commit(functools.partial(_send, f"[pamong] {title}", text, address))
    return made


def _send(subject: str, text: str, address: str) -> None:
    send_mail(subject, text, settings.DEFAULT_FROM_EMAIL, [address], fail_silently=True)


def notification_read(*, user: Any, notification: Notification) -> None:
    Notification.objects.filter(pk=notification.pk, user=user, read_at__isnull=True).update(read_at=timezone.now())
