"""The learning pages, one module per area; each view: access helper → form → service → render."""
