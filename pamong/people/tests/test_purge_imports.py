import io
import os
import time

from django.core.management import call_command

from pamong.people.importing.service import import_folder


def test_purge_removes_only_old_import_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    folder = import_folder()
    folder.mkdir(parents=True, exist_ok=True)
    old, new = folder / "old.xlsx", folder / "new.xlsx"
    old.write_bytes(b"x")
    new.write_bytes(b"y")
    two_days_ago = time.time() - 2 * 86400
    os.utime(old, (two_days_ago, two_days_ago))
    out = io.StringIO()
    call_command("purge_imports", stdout=out)
    assert "1 import file(s) removed" in out.getvalue()
    assert not old.exists() and new.exists()
