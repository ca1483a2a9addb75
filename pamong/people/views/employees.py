from django.http import HttpResponse


def employee_list(request, pk=None, kind=None): return HttpResponse("")  # noqa
employee_create_view = employee_detail = employee_edit = history_add_view = employee_list
