"""The monev pages, one module per part: structure, realisation, evaluation, warnings, reports, import."""
