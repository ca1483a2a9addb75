"""Personal API token pages under /me/tokens/: list, create (the secret is shown once), revoke.

A user only ever sees and revokes their own tokens: another user's token is a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from pamong.core.models import Source

from .forms import TokenCreateForm
from .services import get_token_for_owner, token_create, token_revoke, tokens_owned_by


@login_required
@require_http_methods(["GET"])
def token_list(request: HttpRequest) -> HttpResponse:
    tokens = tokens_owned_by(request.user)
    return render(request, "accounts/token_list.html", {"tokens": tokens})


@login_required
@never_cache  # the response to a successful POST carries the secret: no cache may keep it
@require_http_methods(["GET", "POST"])
def token_create_view(request: HttpRequest) -> HttpResponse:
    form = TokenCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, secret = token_create(
                actor=request.user,
                name=form.cleaned_data["name"],
                expires_on=form.cleaned_data["expires_on"],
                source=Source.WEB,
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            # Rendered, not redirected: the secret must not travel through the session or a URL.
            return render(request, "accounts/token_created.html", {"token": token, "secret": secret})
    return render(request, "accounts/token_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_token_for_owner(request.user, pk)
    if request.method == "POST":
        if token_revoke(actor=request.user, token=token, source=Source.WEB):
            messages.success(
                request,
                _("Token “%(name)s” dicabut; aplikasi yang memakainya tidak bisa masuk lagi.") % {"name": token.name},
            )
        return redirect("api_tokens")
    return render(request, "accounts/token_revoke.html", {"token": token})
