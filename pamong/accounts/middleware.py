"""BKD administrators must have two-factor authentication before doing anything."""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import reverse

from .scope import scope_for


def has_totp(user) -> bool:  # type: ignore[no-untyped-def]
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class RequireTwoFactorMiddleware:
    """Send a BKD administrator without TOTP to the set-up page.

    Only the pages needed to set it up (and to log out) stay reachable; the API
    refuses their tokens until then (see ``pamong.api``).
    """

    ALLOWED_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/health")

    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request):  # type: ignore[no-untyped-def]
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(self.ALLOWED_PREFIXES)
            and not request.path.startswith("/api/")
            and scope_for(user).is_bkd_admin
            and not has_totp(user)
        ):
            return redirect(reverse("mfa_activate_totp") + "?next=" + request.path)
        return self.get_response(request)
