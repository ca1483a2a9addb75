"""The calculation module imports no Django (STYLE.md: calculation modules are pure)."""

import subprocess
import sys


def test_ikm_module_imports_no_django():
    code = (
        "import sys, pamong.satisfaction.ikm; print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
