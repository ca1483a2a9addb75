"""Importing employees and their histories from XLSX or CSV, and exporting them.

Five file kinds, one per layout, each a single sheet (the first) with the
column names in row 1. Names follow SIASN (RULES.md §9) and match without
regard to case, so an upper-case SIASN export reads as it is. Unknown
columns are ignored; a file whose required columns have other names goes
through a mapping step (``--map "NIP=nip_baru,Nama Lengkap=nama"`` on the
command line, a form in the web).

``employees`` — one row per employee, keyed by NIP (created or updated):
    nip_baru*, nama*, gelar_depan, gelar_belakang, tempat_lahir_nama,
    tanggal_lahir, jenis_kelamin, jenis_pegawai_nama and/or status_cpns_pns*
    (→ PNS / CPNS / PPPK), kedudukan_hukum_nama (Aktif, Pensiun, …),
    gol_akhir_nama, tmt_golongan, tmt_cpns, jenis_jabatan_nama, eselon_nama,
    jabatan_nama, tmt_jabatan, unor_id and/or unor_nama* (the unit, matched by
    code, then by name), email_gov, tingkat_pendidikan_nama, pendidikan_nama,
    tahun_lulus (the last education: added to the education history).
    A position named in ``jabatan_nama`` that the unit does not have is
    created: Struktural needs ``eselon_nama`` (II → JPT pratama, III →
    administrator, IV → pengawas), Fungsional takes its jenjang from the name,
    Pelaksana is plain.

``education`` — nip_baru*, tingkat_pendidikan_nama*, pendidikan_nama,
    nama_sekolah, tahun_lulus. Key: NIP + level + school + major.
``training`` — nip_baru*, jenis_diklat*, nama_diklat*, penyelenggara,
    tanggal_mulai*, tanggal_selesai, jumlah_jam*, nomor_sertifikat,
    tingkat_diklat_kepemimpinan. Key: NIP + kind + name + start date.
``sanctions`` — nip_baru*, tingkat_hukuman* (ringan/sedang/berat),
    jenis_hukuman*, nomor_sk, tmt_hukuman*, akhir_hukuman.
    Key: NIP + level + start date.
``performance`` — nip_baru*, tahun*, predikat*. Key: NIP + year.

(* required; "a and/or b*": at least one of the two.) History rows refer to
employees already stored; a row whose key exists updates that record, other
rows add records; nothing is deleted.

Rules for every kind: the NIP is text (a number cell lost digits and is
rejected); dates are Excel dates, dd-mm-yyyy or yyyy-mm-dd; a blank cell in a
present column clears that value, an absent column leaves it alone. The
whole file is checked first; any error rejects the whole file and nothing is
written. A valid file is written in one transaction with one audit entry.

Modules: :mod:`.columns` (layouts, header matching), :mod:`.reading`,
:mod:`.convert` (cell values), :mod:`.validate` (checks and the write plan),
:mod:`.writing` (bulk SQL by database vendor), :mod:`.service`
(:func:`import_file`), :mod:`.report` (template and error workbook),
:mod:`.export`, :mod:`.synthetic` (test and benchmark data).
"""

from .columns import KIND_CHOICES, LAYOUTS, parse_mapping
from .service import ImportResult, check_headers, import_file

__all__ = ["KIND_CHOICES", "LAYOUTS", "ImportResult", "check_headers", "import_file", "parse_mapping"]
