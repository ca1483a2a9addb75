# The browser fixtures (Chromium launch flags, phone viewport, screenshots) are the project's.
from pamong.tests.e2e.conftest import (  # noqa: F401
    DESKTOP,
    PHONE,
    browser_context_args,
    browser_type_launch_args,
    csp_violations,
    shot,
)
