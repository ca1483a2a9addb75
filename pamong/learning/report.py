"""The batch report: one context, rendered as PDF (WeasyPrint) and as XLSX."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from pamong.core.formatting import date_id, number_id

from .models import Batch, Enrolment
from .results import batch_results, missing_texts
from .services.feedback import ASPECTS, feedback_summary

ASPECT_LABELS = {
    "content": _lazy("Materi"),
    "facilitators": _lazy("Fasilitator"),
    "organisation": _lazy("Penyelenggaraan"),
    "relevance": _lazy("Relevansi dengan pekerjaan"),
}
BAND_LABELS = {"high": _lazy("Tinggi"), "medium": _lazy("Sedang"), "low": _lazy("Rendah"), "": "—"}


def _score(attempt: Any) -> str:
    return number_id(attempt.score) if attempt is not None and attempt.score is not None else "—"


def batch_report_context(batch: Batch, enrolments: Iterable[Enrolment]) -> dict[str, Any]:
    results = batch_results(batch, enrolments)
    rows = []
    for index, row in enumerate(results.rows, start=1):
        employee = row.enrolment.employee
        rows.append(
            {
                "no": index,
                "name": employee.full_name,
                "nip": employee.nip,
                "unit": employee.org_unit.name,
                "position": employee.position.name if employee.position else "",
                "marks": ["✓" if s.pk in row.attended else "—" for s in results.sessions],
                "attended": row.attended_count,
                "pre": _score(row.pre),
                "post": _score(row.post),
                "gain": number_id(row.gain, 3) if row.gain is not None else "—",
                "band": BAND_LABELS[row.gain_band],
                "feedback": _("ya") if row.feedback_submitted else _("belum"),
                "completed": row.completion.completed,
                "missing": missing_texts(row.completion),
                "raw": row,
            }
        )
    feedback = feedback_summary(batch)
    return {
        "batch": batch,
        "programme": batch.programme,
        "regency_name": settings.REGENCY_NAME,
        "start": date_id(batch.start_date),
        "end": date_id(batch.end_date),
        "jp": number_id(results.jp),
        "sessions": results.sessions,
        "session_counts": [results.session_count(s) for s in results.sessions],
        "rows": rows,
        "mean_pre": number_id(results.mean_pre) if results.mean_pre is not None else "—",
        "mean_post": number_id(results.mean_post) if results.mean_post is not None else "—",
        "batch_gain": number_id(results.batch_gain, 3) if results.batch_gain is not None else "—",
        "completed": results.completed_count,
        "participants": len(results.rows),
        "feedback": feedback,
        "feedback_rows": [
            (ASPECT_LABELS[a], number_id(feedback.averages[a])) for a in ASPECTS if a in feedback.averages
        ],
        "results": results,
    }


def batch_report_pdf(context: dict[str, Any]) -> bytes:
    from pamong.core.pdf import render_pdf

    return render_pdf("learning/batch_report_pdf.html", context)


def batch_report_xlsx(context: dict[str, Any]) -> bytes:
    from pamong.core.xlsx import write_xlsx

    sessions = context["sessions"]
    results = context["results"]
    participant_rows = [
        [
            r["no"],
            r["nip"],
            r["name"],
            r["unit"],
            r["position"],
            r["attended"],
            float(r["raw"].pre.score) if r["raw"].pre and r["raw"].pre.score is not None else None,
            float(r["raw"].post.score) if r["raw"].post and r["raw"].post.score is not None else None,
            float(r["raw"].gain) if r["raw"].gain is not None else None,
            r["feedback"],
            "lulus" if r["completed"] else "belum",
            "; ".join(r["missing"]),
        ]
        for r in context["rows"]
    ]
    matrix_rows = [
        [r["nip"], r["name"], *[1 if m == "✓" else 0 for m in r["marks"]], r["attended"]] for r in context["rows"]
    ]
    session_heads = [f"{s.date:%d-%m} {s.start_time:%H.%M} {s.topic}"[:60] for s in sessions]
    feedback = context["feedback"]
    feedback_rows: list[list[Any]] = [["jumlah_responden", feedback.count]]
    if feedback.shown:
        feedback_rows += [
            [str(label), float(feedback.averages[a])] for a, label in ASPECT_LABELS.items() if a in feedback.averages
        ]
        feedback_rows += [["komentar", c] for c in feedback.comments]
    else:
        feedback_rows.append(["catatan", "Ringkasan ditampilkan bila paling sedikit 3 peserta mengisi."])
    summary_rows = [
        ["program", context["programme"].title],
        ["angkatan", context["batch"].label],
        ["tanggal", f"{context['start']} – {context['end']}"],
        ["jp", float(results.jp)],
        ["peserta", context["participants"]],
        ["lulus", context["completed"]],
        ["rata_rata_pre_test", float(results.mean_pre) if results.mean_pre is not None else None],
        ["rata_rata_post_test", float(results.mean_post) if results.mean_post is not None else None],
        ["gain_angkatan", float(results.batch_gain) if results.batch_gain is not None else None],
    ]
    return write_xlsx(
        [
            ("ringkasan", ["butir", "nilai"], summary_rows),
            (
                "peserta",
                [
                    "no",
                    "nip",
                    "nama",
                    "unit",
                    "jabatan",
                    "hadir",
                    "pre_test",
                    "post_test",
                    "gain",
                    "umpan_balik",
                    "kelulusan",
                    "kekurangan",
                ],
                participant_rows,
            ),
            ("presensi", ["nip", "nama", *session_heads, "jumlah_hadir"], matrix_rows),
            ("umpan-balik", ["butir", "nilai"], feedback_rows),
        ]
    )
