"""The ``pamong`` console script: ``manage.py`` with pamong's settings."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pamong.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    argv[0] = "pamong"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
