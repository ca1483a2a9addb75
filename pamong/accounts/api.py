"""The API's shared parts (authentication, the error shape, pagination) and the token and "me" endpoints.

``pamong.api`` assembles the NinjaAPI; the shared parts live here rather than
there so each app's router can import them without a cycle, and apps depend
downwards on ``accounts`` anyway.

Authentication, tried in this order for every operation:

1. ``Authorization: Bearer pmg_…``: a personal API token, looked up by its
   sha256 digest; it acts with exactly its owner's role assignments.
2. The logged-in browser session, with Django's CSRF check on writes; it is
   not consulted when the request carries an ``Authorization: Bearer`` header,
   so a bad token is a 401, not a CSRF failure.

Either way the owner must be active, and a BKD administrator must have TOTP
set up (403 otherwise), like on the web (``RequireTwoFactorMiddleware``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import AuthorizationError
from ninja.responses import Status
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from pamong.core.models import Source

from .middleware import has_totp
from .models import ApiToken, RoleAssignment
from .scope import scope_for
from .services import get_token_for_owner, token_create, token_revoke, token_touch, tokens_owned_by

# --- The error shape -------------------------------------------------------------------------


class ErrorItem(Schema):
    field: str | None = Field(None, description="Nama field input; kosong bila galat tidak terkait satu field.")
    message: str


class ErrorOut(Schema):
    """Every error of the API has this shape, whatever its status code."""

    detail: str
    errors: list[ErrorItem]


def errors_of(exc: DjangoValidationError) -> list[dict[str, Any]]:
    """A Django ``ValidationError`` as ``[{"field", "message"}]``; ``__all__`` becomes no field."""
    if hasattr(exc, "error_dict"):
        items: list[dict[str, Any]] = []
        for field, messages in exc.message_dict.items():
            name = None if field == "__all__" else field
            items.extend({"field": name, "message": str(m)} for m in messages)
        return items
    return [{"field": None, "message": str(m)} for m in exc.messages]


def renamed(exc: DjangoValidationError, rename: dict[str, str]) -> DjangoValidationError:
    """The same errors under the API's field names (``org_unit`` → ``org_unit_id``)."""
    if not hasattr(exc, "error_dict"):
        return exc
    return DjangoValidationError({rename.get(field, field): messages for field, messages in exc.message_dict.items()})


# Responses every authenticated operation can give, for the OpenAPI document.
AUTH_ERRORS: dict[int, type[Schema]] = {401: ErrorOut, 403: ErrorOut}


# --- Pagination ------------------------------------------------------------------------------

PAGE_DEFAULT = getattr(settings, "NINJA_PAGINATION_PER_PAGE", 50)
PAGE_MAX = getattr(settings, "NINJA_PAGINATION_MAX_LIMIT", 500)


class PageQuery(Schema):
    limit: int = Field(PAGE_DEFAULT, ge=1, le=PAGE_MAX, description=f"Jumlah baris, 1–{PAGE_MAX}.")
    offset: int = Field(0, ge=0, description="Lewati sekian baris pertama.")


def page_of(queryset, page: PageQuery) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """One page of an ordered queryset: ``{"count", "limit", "offset", "items"}`` (two queries)."""
    return {
        "count": queryset.count(),
        "limit": page.limit,
        "offset": page.offset,
        "items": list(queryset[page.offset : page.offset + page.limit]),
    }


# --- Authentication --------------------------------------------------------------------------


def _allowed(user: Any) -> Any:
    """The user, if they may use the API at all; raises 403 for a BKD administrator without TOTP."""
    if user is None or not user.is_active:
        return None
    if scope_for(user).is_bkd_admin and not has_totp(user):
        raise AuthorizationError(
            403, _("Administrator BKD wajib mengaktifkan autentikasi dua faktor (TOTP) sebelum memakai API.")
        )
    return user


def _has_bearer(request: HttpRequest) -> bool:
    # Only a Bearer header counts: a proxy's Basic auth in front of the site must not hide the session.
    return request.headers.get("Authorization", "").lower().startswith("bearer")


class TokenAuth(HttpBearer):
    """``Authorization: Bearer pmg_…``: a personal API token of an active user."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        token = token.strip()
        if not token.startswith(ApiToken.PREFIX):
            return None
        api_token = ApiToken.objects.authenticate(token)
        if api_token is None:
            return None
        user = _allowed(api_token.user)
        if user is None:
            return None
        token_touch(api_token)
        request.user = user  # so history records and anything else reading request.user see the owner
        request.api_token = api_token  # type: ignore[attr-defined]
        return user


class SessionAuth(APIKeyCookie):
    """The logged-in browser session; writes need the CSRF token (``X-CSRFToken`` header)."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        if _has_bearer(request):
            return None  # a request with a token is judged by its token alone
        if not request.user.is_authenticated:
            return None
        if self.csrf and check_csrf(request):
            raise AuthorizationError(403, _("Pemeriksaan CSRF gagal: kirim token CSRF dalam header X-CSRFToken."))
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if key is None or not request.user.is_authenticated:
            return None
        return _allowed(request.user)


class SessionOnlyAuth(SessionAuth):
    """The browser session only: a token may not mint more tokens (a stolen token could otherwise outlive its
    revocation)."""

    def _get_key(self, request: HttpRequest) -> str | None:
        if _has_bearer(request):
            raise AuthorizationError(
                403, _("Token API baru hanya dapat dibuat dari sesi web yang masuk, bukan dengan token API.")
            )
        return super()._get_key(request)


token_auth = TokenAuth()
session_auth = SessionAuth()
API_AUTH = [token_auth, session_auth]


# --- Tokens and "me" ---------------------------------------------------------------------------

router = Router(tags=["akun"])


class TokenOut(Schema):
    id: int
    name: str
    hint: str = Field(description="Awal token, untuk mengenalinya; bukan rahasianya.")
    created_at: dt.datetime
    expires_at: dt.datetime | None
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None
    is_active: bool


class TokenCreatedOut(TokenOut):
    secret: str = Field(description="Rahasia token. Hanya ditampilkan sekali ini; simpan di tempat aman.")


class TokenIn(Schema):
    name: str = Field(min_length=1, max_length=100, description="Untuk apa token ini, mis. 'Sinkronisasi SIMPEG'.")
    expires_on: dt.date | None = Field(
        None, description="Berlaku sampai akhir tanggal ini (WIB); kosong = tanpa batas."
    )


class TokenList(Schema):
    count: int
    limit: int
    offset: int
    items: list[TokenOut]


class RoleOut(Schema):
    role: str
    org_unit_id: int | None
    include_subtree: bool
    valid_from: dt.date
    valid_until: dt.date | None


class MeOut(Schema):
    id: int
    username: str
    full_name: str
    employee_id: int | None
    roles: list[RoleOut]


@router.get("/me", response={200: MeOut, **AUTH_ERRORS}, summary="Pengguna yang sedang memakai API")
def me(request: HttpRequest) -> dict[str, Any]:
    """Who the token (or session) acts as, and the roles that decide what it may see."""
    user = request.auth  # type: ignore[attr-defined]
    return {
        "id": user.pk,
        "username": user.get_username(),
        "full_name": user.get_full_name() or user.get_username(),
        "employee_id": getattr(getattr(user, "employee", None), "pk", None),
        "roles": list(RoleAssignment.objects.current().filter(user=user).order_by("id")),
    }


@router.get("/tokens", response={200: TokenList, **AUTH_ERRORS, 422: ErrorOut}, summary="Token API saya")
def token_list(request: HttpRequest, page: Query[PageQuery]) -> dict[str, Any]:
    """Your own tokens, newest first, including expired and revoked ones. Secrets are never shown again."""
    return page_of(tokens_owned_by(request.auth), page)  # type: ignore[attr-defined]


@router.post(
    "/tokens",
    response={201: TokenCreatedOut, **AUTH_ERRORS, 422: ErrorOut},
    auth=[SessionOnlyAuth()],
    summary="Buat token API",
)
def token_create_endpoint(request: HttpRequest, payload: TokenIn) -> Status:
    """Create a token for yourself. Only from a logged-in web session (with the CSRF header), not with a token.
    The response is the only time the secret is shown."""
    token, secret = token_create(
        actor=request.auth,  # type: ignore[attr-defined]
        name=payload.name,
        expires_on=payload.expires_on,
        source=Source.API,
    )
    token.secret = secret  # type: ignore[attr-defined]  # on this response only; never stored
    return Status(201, token)


@router.delete("/tokens/{int:token_id}", response={204: None, **AUTH_ERRORS, 404: ErrorOut}, summary="Cabut token API")
def token_revoke_endpoint(request: HttpRequest, token_id: int) -> Status:
    """Revoke one of your tokens (also the one making this request). Revoking it again changes nothing."""
    token = get_token_for_owner(request.auth, token_id)  # type: ignore[attr-defined]
    token_revoke(actor=request.auth, token=token, source=Source.API)  # type: ignore[attr-defined]
    return Status(204, None)
