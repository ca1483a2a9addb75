from pamong.tests.access_matrix import WRITERS, Route


def _import_job_for_ani(p):  # type: ignore[no-untyped-def]
    from pamong.core.models import Job

    return [Job.objects.create(kind="people.import", created_by=p.ani, params={"name": "x.xlsx"}).pk]


def _foreign_token(p):  # type: ignore[no-untyped-def]
    """Import pages are bound to the uploader's session: a token not in the caller's session is 404."""
    return ["0" * 32]


ROUTES = {
    "position_create": Route(WRITERS, args=lambda p: [p.regency.dinkes.pk]),
    "position_edit": Route(WRITERS, args=lambda p: [p.dodi_employee.position_id]),
    "import_template": Route(WRITERS, args=lambda p: ["employees"]),
    "import_mapping": Route(set(), args=_foreign_token),
    "import_result": Route(set(), args=_foreign_token),
    "import_report": Route(set(), args=_foreign_token),
    "import_job": Route({"ani"}, args=_import_job_for_ani),
    "import_job_report": Route(set(), args=_import_job_for_ani),  # no report file yet: 404 even for its owner
}
