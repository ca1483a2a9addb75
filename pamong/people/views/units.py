from django.http import HttpResponse


def unit_tree(request, pk=None): return HttpResponse("")  # noqa
unit_create_view = unit_detail = unit_edit = unit_tree
