"""HTML templates to PDF with WeasyPrint, sharing the web's templates and static files.

Templates for print extend ``reports/print_base.html`` (A4, the regency header,
page numbers). Static files are read from disk through the staticfiles finders,
never fetched over the network.
"""

from __future__ import annotations

from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


def static_url_fetcher():  # type: ignore[no-untyped-def]
    """A WeasyPrint URL fetcher that reads ``static:`` URLs from disk and nothing else."""
    import mimetypes

    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            if not url.startswith("static:"):
                raise PermissionError("PDF rendering reads only pamong's static files")
            path = finders.find(url.removeprefix("static:"))
            if not path:
                raise FileNotFoundError(url)
            with open(path, "rb") as handle:
                body = handle.read()
            mime = mimetypes.guess_type(str(path))[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=body, headers={"Content-Type": mime})

    return StaticOnlyFetcher()


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    """Render ``template`` with ``context`` to PDF bytes. In templates, refer to
    static files as ``static:core/emblem.svg``."""
    from weasyprint import HTML

    html = render_to_string(template, context)
    return HTML(string=html, url_fetcher=static_url_fetcher(), base_url="static:").write_pdf()
