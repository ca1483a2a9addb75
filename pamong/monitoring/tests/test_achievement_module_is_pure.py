"""The calculation module imports no Django (STYLE.md: calculation modules are pure)."""

import subprocess
import sys


def test_achievement_module_imports_no_django():
    code = "import sys, pamong.monitoring.achievement; print(any(m.split('.')[0] == 'django' for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
