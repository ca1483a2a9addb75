"""Every rule-breaking message of the learning services, defined once (Indonesian source text)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    # programmes and batches
    "route_mismatch": _("Jalur tidak sesuai dengan jenis pelatihan: %(kind)s termasuk jalur %(route)s."),
    "bad_number_format": _("Format nomor harus memuat {seq} dan hanya memakai {seq} dan {year}."),
    "unknown_position_type": _("Jenis jabatan sasaran tidak dikenal: %(value)s."),
    "not_facilitator": _("%(name)s tidak memegang peran fasilitator."),
    "batch_not_editable": _("Angkatan yang sudah ditutup tidak dapat diubah."),
    "session_outside_batch": _("Tanggal sesi harus di antara tanggal mulai dan selesai angkatan."),
    "batch_bad_transition": _("Status angkatan tidak dapat diubah dari %(from)s ke %(to)s."),
    "batch_changed_meanwhile": _("Status angkatan berubah sementara Anda membuka halaman ini; muat ulang."),
    "batch_needs_sessions": _("Tambahkan paling sedikit satu sesi sebelum membuka pendaftaran."),
    "batch_needs_signatory": _("Isi nama dan jabatan penandatangan sertifikat sebelum menutup angkatan."),
    "question_needs_choices": _("Soal pilihan ganda memerlukan paling sedikit dua pilihan."),
    "question_single_one_correct": _("Soal satu jawaban harus memiliki tepat satu pilihan yang benar."),
    "question_multiple_correct": _("Soal beberapa jawaban harus memiliki paling sedikit satu pilihan yang benar."),
    # enrolment
    "enrolment_closed": _("Pendaftaran angkatan ini tidak sedang dibuka (status: %(status)s)."),
    "already_enrolled": _("%(name)s sudah terdaftar di angkatan ini (%(status)s)."),
    "employee_inactive": _("%(name)s tidak aktif sebagai pegawai."),
    "no_position": _("%(name)s belum memiliki jabatan, sedangkan program ini untuk %(targets)s."),
    "wrong_position": _("%(name)s menjabat %(position)s (%(type)s), sedangkan program ini untuk %(targets)s."),
    "not_nominable": _("Anda tidak berwenang mendaftarkan %(name)s."),
    "cannot_respond": _("Undangan ini tidak lagi menunggu jawaban (status: %(status)s)."),
    "cannot_withdraw": _("Peserta dengan status %(status)s tidak dapat diundurkan."),
    "batch_closed": _("Angkatan sudah ditutup."),
    # attendance
    "code_expired": _("Kode QR sudah kedaluwarsa. Pindai kode yang sedang tampil di layar fasilitator."),
    "code_forged": _("Kode QR tidak sah. Pindai kode yang tampil di layar fasilitator."),
    "code_other_session": _("Kode QR ini untuk sesi lain. Pindai kode sesi yang sedang berlangsung."),
    "not_participant": _("Anda tidak terdaftar sebagai peserta angkatan ini."),
    "not_confirmed": _("Konfirmasi dulu keikutsertaan Anda di angkatan ini."),
    "batch_not_running": _("Angkatan ini tidak sedang berjalan; presensi tidak dapat dicatat."),
    "reason_required": _("Tuliskan alasan pencatatan kehadiran secara manual."),
    # tests
    "test_not_open": _("%(kind)s belum dibuka oleh fasilitator."),
    "no_attempts_left": _("Anda sudah mengerjakan %(kind)s. Minta fasilitator membuka kesempatan lagi bila perlu."),
    "no_questions": _("Bank soal program ini masih kosong."),
    "attempt_submitted": _("Percobaan ini sudah dikirim."),
    # feedback
    "feedback_not_open": _("Umpan balik belum dibuka untuk angkatan ini."),
    "feedback_once": _("Anda sudah mengisi umpan balik angkatan ini."),
    # closing and certificates
    "already_revoked": _("Sertifikat ini sudah dicabut."),
    "revoke_reason": _("Tuliskan alasan pencabutan."),
    # action plans
    "plan_not_completed": _("Rencana aksi hanya untuk peserta yang telah menyelesaikan angkatan."),
    "plan_needs_milestone": _("Tuliskan paling sedikit satu tonggak capaian."),
    "plan_evaluated": _("Rencana aksi yang sudah dievaluasi tidak dapat diubah."),
    # targets
    "target_negative": _("Target JP tidak boleh negatif."),
}


def message(code: str, **params: object) -> str:
    text = str(MESSAGES[code])
    return text % params if params else text
