"""The project's Chromium set-up (pamong/tests/e2e/conftest.py) for monev's browser journeys."""

from pamong.tests.e2e.conftest import (  # noqa: F401 - fixtures, registered by being imported here
    browser_context_args,
    browser_type_launch_args,
    csp_violations,
    shot,
)
