import logging

from pamong.core.logging import RedactingFormatter


def test_tracebacks_keep_the_class_and_frames_but_not_the_message():
    formatter = RedactingFormatter("%(message)s")
    nip = "199203152019032004"
    try:
        raise ValueError(f"duplicate key (nip)=({nip})")
    except ValueError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "import failed", None, sys.exc_info())
    text = formatter.format(record)
    assert "import failed" in text and "ValueError (message withheld)" in text
    assert "test_logging.py" in text
    assert nip not in text
