from django.http import HttpResponse
from django.urls import path


def api_tokens(request):  # type: ignore[no-untyped-def]
    return HttpResponse("")


urlpatterns = [path("tokens/", api_tokens, name="api_tokens")]
