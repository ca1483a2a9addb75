"""The HTTP API at ``/api/v1/``: each app owns a router; this module puts them together.

It also makes every error, whoever raises it, one shape::

    {"detail": "<kalimat>", "errors": [{"field": "nip", "message": "…"}]}

The shared parts (authentication, ``ErrorOut``, pagination) live in
``pamong.accounts.api`` so app routers can import them without a cycle.
The OpenAPI document is at ``openapi.json`` and Swagger UI at ``docs``, served
from django-ninja's bundled static files (no CDN, no inline script: our CSP holds).
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import URLPattern, re_path
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.openapi.docs import Swagger
from ninja.renderers import JSONRenderer

from pamong.accounts.api import API_AUTH, errors_of
from pamong.accounts.api import router as accounts_router
from pamong.learning.api import router as learning_router
from pamong.monitoring.api import router as monitoring_router
from pamong.people.api import router as people_router
from pamong.professionalism.api import router as professionalism_router

logger = logging.getLogger("pamong.api")

_renderer = JSONRenderer()


def error_response(
    status: int, detail: str, errors: list[dict[str, Any]] | None = None, *, request: HttpRequest | None = None
) -> HttpResponse:
    body = _renderer.render(request, {"detail": detail, "errors": errors or []}, response_status=status)  # type: ignore[arg-type]
    return HttpResponse(body, status=status, content_type=f"{_renderer.media_type}; charset={_renderer.charset}")


# --- Schema (422) errors: pydantic's English messages, said again in Indonesian ---------------------------


def _choices(ctx: dict[str, Any]) -> str:
    """pydantic's ``'a', 'b' or 'c'`` as ``'a', 'b', 'c'``."""
    return str(ctx.get("expected", "")).replace(" or ", ", ")


_PYDANTIC_MESSAGES = {
    "missing": lambda ctx: _("Wajib diisi."),
    "extra_forbidden": lambda ctx: _("Field ini tidak dikenal."),
    "string_type": lambda ctx: _("Harus berupa teks."),
    "string_too_short": lambda ctx: _("Paling sedikit %(n)s karakter.") % {"n": ctx.get("min_length")},
    "string_too_long": lambda ctx: _("Paling banyak %(n)s karakter.") % {"n": ctx.get("max_length")},
    "string_pattern_mismatch": lambda ctx: _("Formatnya tidak sesuai."),
    "int_type": lambda ctx: _("Harus berupa bilangan bulat."),
    "int_parsing": lambda ctx: _("Harus berupa bilangan bulat."),
    "int_from_float": lambda ctx: _("Harus berupa bilangan bulat."),
    "greater_than_equal": lambda ctx: _("Paling kecil %(n)s.") % {"n": ctx.get("ge")},
    "greater_than": lambda ctx: _("Harus lebih besar dari %(n)s.") % {"n": ctx.get("gt")},
    "less_than_equal": lambda ctx: _("Paling besar %(n)s.") % {"n": ctx.get("le")},
    "less_than": lambda ctx: _("Harus lebih kecil dari %(n)s.") % {"n": ctx.get("lt")},
    "bool_type": lambda ctx: _("Harus true atau false."),
    "bool_parsing": lambda ctx: _("Harus true atau false."),
    "date_type": lambda ctx: _("Harus tanggal dengan format YYYY-MM-DD."),
    "date_parsing": lambda ctx: _("Harus tanggal dengan format YYYY-MM-DD."),
    "date_from_datetime_parsing": lambda ctx: _("Harus tanggal dengan format YYYY-MM-DD."),
    "date_from_datetime_inexact": lambda ctx: _("Harus tanggal tanpa jam (YYYY-MM-DD)."),
    "enum": lambda ctx: _("Pilihan tidak dikenal; pilih salah satu: %(choices)s.") % {"choices": _choices(ctx)},
    "literal_error": lambda ctx: (
        _("Pilihan tidak dikenal; pilih salah satu: %(choices)s.") % {"choices": _choices(ctx)}
    ),
    "json_invalid": lambda ctx: _("Isi permintaan bukan JSON yang sah."),
    "model_attributes_type": lambda ctx: _("Harus berupa objek JSON."),
    "model_type": lambda ctx: _("Harus berupa objek JSON."),
    "dict_type": lambda ctx: _("Harus berupa objek JSON."),
    "list_type": lambda ctx: _("Harus berupa daftar."),
    "value_error": lambda ctx: str(ctx.get("error", "")),
}


def _field_name(loc: tuple[Any, ...] | list[Any]) -> str | None:
    """``("body", "payload", "birth_date")`` → ``birth_date``; ``("query", "limit")`` → ``limit``."""
    parts = [str(p) for p in loc]
    if not parts:
        return None
    source, rest = parts[0], parts[1:]
    if source == "body" and len(rest) > 1:
        rest = rest[1:]  # drop the name of the view's payload argument
    return ".".join(rest) or None


def schema_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    items = []
    for error in errors:
        translate = _PYDANTIC_MESSAGES.get(error.get("type", ""))
        ctx = error.get("ctx") or {}
        message = translate(ctx) if translate else _("Nilai tidak sah (%(reason)s).") % {"reason": error.get("msg")}
        items.append({"field": _field_name(error.get("loc", ())), "message": message})
    return items


# --- The API -------------------------------------------------------------------------------------------------


class PamongAPI(NinjaAPI):
    """A NinjaAPI whose URL views also answer unknown paths (404) and wrong methods (405) in the error shape."""

    def _get_urls(self) -> list[Any]:
        urls = [_error_shaped(p) if isinstance(p, URLPattern) else p for p in super()._get_urls()]
        urls.append(re_path(r"^.*$", _unknown_path, name="api-unknown"))
        return urls


def _error_shaped(pattern: URLPattern) -> URLPattern:
    view = pattern.callback

    @functools.wraps(view)  # keeps csrf_exempt: ninja checks CSRF itself, per auth method
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            return error_response(404, _("Data tidak ditemukan."), request=request)
        if isinstance(response, HttpResponseNotAllowed):
            shaped = error_response(
                405,
                _("Metode %(method)s tidak diizinkan di alamat ini.") % {"method": request.method},
                request=request,
            )
            shaped["Allow"] = response["Allow"]
            return shaped
        return response

    return URLPattern(pattern.pattern, wrapped, pattern.default_args, pattern.name)


def _unknown_path(request: HttpRequest) -> HttpResponse:
    return error_response(404, _("Alamat API ini tidak ada. Lihat daftar alamat di /api/v1/docs."), request=request)


api = PamongAPI(
    title="pamong API",
    version="1",
    urls_namespace="api-v1",
    description=(
        "API pamong untuk data organisasi dan pegawai. Autentikasi: header `Authorization: Bearer pmg_…` "
        "(token API pribadi, dibuat di /me/tokens/) atau sesi web yang masuk (dengan header X-CSRFToken untuk "
        "perubahan). Token bertindak persis dengan hak pemiliknya. Setiap galat berbentuk "
        '`{"detail": "…", "errors": [{"field": "…", "message": "…"}]}`.'
    ),
    auth=API_AUTH,
    docs=Swagger(),
)
api.add_router("", accounts_router)
api.add_router("", people_router)
api.add_router("", learning_router)
api.add_router("", monitoring_router)
api.add_router("", professionalism_router)


@api.exception_handler(NinjaValidationError)
def _schema_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    return error_response(422, _("Data yang dikirim tidak sesuai skema."), schema_errors(exc.errors), request=request)


@api.exception_handler(DjangoValidationError)
def _rule_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    return error_response(422, _("Data tidak dapat disimpan; periksa isian berikut."), errors_of(exc), request=request)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error_response(404, _("Data tidak ditemukan."), request=request)


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return error_response(403, _("Anda tidak berhak melakukan ini."), request=request)


@api.exception_handler(AuthenticationError)
def _not_authenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = error_response(
        401,
        _("Autentikasi diperlukan: kirim header Authorization: Bearer <token API> yang masih berlaku, atau masuk."),
        request=request,
    )
    response["WWW-Authenticate"] = 'Bearer realm="pamong"'
    return response


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    # Our own HttpErrors already carry an Indonesian sentence; ninja's own say it in English.
    if exc.message.startswith("Cannot parse request body"):
        message = _("Isi permintaan bukan JSON yang sah.")
    else:
        message = {
            "Unauthorized": _("Autentikasi diperlukan."),
            "Forbidden": _("Anda tidak berhak melakukan ini."),
            "CSRF check Failed": _("Pemeriksaan CSRF gagal: kirim token CSRF dalam header X-CSRFToken."),
            "Too many requests.": _("Terlalu banyak permintaan; coba lagi sebentar lagi."),
        }.get(exc.message, exc.message)
    return error_response(exc.status_code, message, request=request)


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("API error on %s %s", request.method, request.path)
    return error_response(
        500, _("Terjadi kesalahan di server. Coba lagi nanti; bila berulang, hubungi admin BKD."), request=request
    )
