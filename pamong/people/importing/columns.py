"""The file layouts the import reads: one per file kind, in SIASN's column names.

A column is known by its canonical name (SIASN's lower-case snake_case name,
or one in the same style for the history files) and a few aliases. Headers
match case-insensitively, with spaces and hyphens read as underscores, so
``NIP_BARU``, ``nip baru`` and ``Nip-Baru`` are all ``nip_baru``. A file with
another layout is imported through a mapping ``{their header: canonical name}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

EMPLOYEES = "employees"
EDUCATION = "education"
TRAINING = "training"
SANCTIONS = "sanctions"
PERFORMANCE = "performance"


@dataclass(frozen=True)
class Column:
    name: str
    label: str | Promise  # lazy Indonesian text
    type: str  # text, nip, date, int, decimal, email, choice
    required: bool = False
    aliases: tuple[str, ...] = ()
    max_length: int | None = None
    example: str = ""
    help: str | Promise = ""


@dataclass(frozen=True)
class Layout:
    kind: str
    label: str | Promise
    columns: tuple[Column, ...]
    # Groups of columns of which at least one must be present (e.g. the unit by code or by name).
    one_of: tuple[tuple[str, ...], ...] = ()
    key_help: str | Promise = ""
    by_name: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {c.name: c for c in self.columns})

    def column(self, name: str) -> Column:
        return self.by_name[name]


NIP = Column(
    "nip_baru",
    _("NIP 18 digit, ditulis sebagai teks"),
    "nip",
    required=True,
    aliases=("nip",),
    max_length=18,
    example="199203152019032004",
    help=_("Format sel harus Teks; angka 18 digit yang diketik sebagai angka sudah kehilangan digit."),
)

EMPLOYEE_LAYOUT = Layout(
    EMPLOYEES,
    _("Data pegawai"),
    (
        NIP,
        Column(
            "nama",
            _("Nama tanpa gelar"),
            "text",
            required=True,
            aliases=("nama_pegawai",),
            max_length=150,
            example="Citra Dewi",
        ),
        Column("gelar_depan", _("Gelar depan"), "text", max_length=40, example="Dr."),
        Column("gelar_belakang", _("Gelar belakang"), "text", max_length=60, example="S.Pd."),
        Column(
            "tempat_lahir_nama", _("Tempat lahir"), "text", aliases=("tempat_lahir",), max_length=100, example="Kediri"
        ),
        Column("tanggal_lahir", _("Tanggal lahir"), "date", example="15-03-1992", help=_("Kosong: diambil dari NIP.")),
        Column(
            "jenis_kelamin",
            _("Jenis kelamin: L/P, Laki-laki/Perempuan, M/F"),
            "choice",
            example="P",
            help=_("Kosong: diambil dari NIP."),
        ),
        Column("jenis_pegawai_nama", _("Jenis pegawai: PNS, CPNS atau PPPK"), "text", example="PNS Daerah"),
        Column("status_cpns_pns", _("Status CPNS/PNS: P (PNS) atau C (CPNS)"), "text", example="P"),
        Column(
            "kedudukan_hukum_nama",
            _("Kedudukan hukum: Aktif, Pensiun, Meninggal, Pindah, Diberhentikan"),
            "choice",
            aliases=("kedudukan_hukum",),
            example="Aktif",
        ),
        Column(
            "gol_akhir_nama",
            _("Golongan: I/a … IV/e untuk PNS, I … XVII untuk PPPK"),
            "choice",
            aliases=("golongan", "gol_ruang_akhir_nama", "gol_akhir"),
            example="III/c",
        ),
        Column("tmt_golongan", _("TMT golongan"), "date", example="01-04-2023"),
        Column("tmt_cpns", _("TMT CPNS (PPPK: TMT PPPK)"), "date", aliases=("tmt_pppk",), example="01-03-2019"),
        Column(
            "jenis_jabatan_nama",
            _("Jenis jabatan: Struktural, Fungsional, Pelaksana"),
            "choice",
            aliases=("jenis_jabatan",),
            example="Fungsional",
        ),
        Column(
            "eselon_nama",
            _("Eselon jabatan struktural: I.a … IV.b"),
            "choice",
            aliases=("eselon", "eselon_id"),
            example="III.a",
            help=_("Wajib untuk jabatan struktural yang belum ada."),
        ),
        Column(
            "jabatan_nama",
            _("Nama jabatan di unit ini"),
            "text",
            aliases=("jabatan",),
            max_length=200,
            example="Guru Ahli Pertama",
            help=_("Jabatan yang belum ada di unit dibuat saat impor."),
        ),
        Column("tmt_jabatan", _("TMT jabatan"), "date", example="01-03-2019"),
        Column("unor_id", _("Kode unit organisasi"), "text", aliases=("kode_unor", "unit_kode"), example="35.99.04.01"),
        Column(
            "unor_nama",
            _("Nama unit organisasi"),
            "text",
            aliases=("unit_organisasi", "unor"),
            example="Bidang Pembinaan SD",
            help=_("Dipakai bila kode unit kosong atau tidak dikenal."),
        ),
        Column(
            "email_gov",
            _("Email dinas"),
            "email",
            aliases=("email_dinas",),
            max_length=254,
            example="citra.dewi@contoh.go.id",
        ),
        Column(
            "tingkat_pendidikan_nama",
            _("Jenjang pendidikan terakhir: SD … S-3"),
            "choice",
            aliases=("tingkat_pendidikan",),
            example="S-1",
        ),
        Column(
            "pendidikan_nama",
            _("Jurusan pendidikan terakhir"),
            "text",
            aliases=("jurusan",),
            max_length=200,
            example="Pendidikan Guru Sekolah Dasar",
        ),
        Column("tahun_lulus", _("Tahun lulus pendidikan terakhir"), "int", example="2014"),
    ),
    one_of=(("jenis_pegawai_nama", "status_cpns_pns"), ("unor_id", "unor_nama")),
    key_help=_("Satu baris per pegawai; NIP menjadi kunci: NIP yang sudah ada diperbarui, NIP baru ditambahkan."),
)

EDUCATION_LAYOUT = Layout(
    EDUCATION,
    _("Riwayat pendidikan"),
    (
        NIP,
        Column(
            "tingkat_pendidikan_nama",
            _("Jenjang: SD, SLTP, SLTA, D-I … D-IV, S-1, S-2, S-3"),
            "choice",
            required=True,
            aliases=("tingkat_pendidikan", "jenjang"),
            example="S-1",
        ),
        Column("pendidikan_nama", _("Jurusan"), "text", aliases=("jurusan",), max_length=200, example="Keperawatan"),
        Column(
            "nama_sekolah",
            _("Nama sekolah / perguruan tinggi"),
            "text",
            aliases=("institusi", "nama_institusi", "sekolah"),
            max_length=200,
            example="Universitas Airlangga",
        ),
        Column("tahun_lulus", _("Tahun lulus"), "int", example="2014"),
    ),
    key_help=_(
        "Satu baris per riwayat; kunci: NIP + jenjang + sekolah + jurusan. Yang sama diperbarui tahun lulusnya."
    ),
)

TRAINING_LAYOUT = Layout(
    TRAINING,
    _("Riwayat pelatihan"),
    (
        NIP,
        Column(
            "jenis_diklat",
            _("Jenis: Diklat teknis, Workshop, Seminar, Kursus, E-learning, …"),
            "choice",
            required=True,
            aliases=("jenis_diklat_nama", "jenis_pelatihan", "jenis_kursus"),
            example="Diklat teknis",
        ),
        Column(
            "nama_diklat",
            _("Nama pelatihan"),
            "text",
            required=True,
            aliases=("nama_pelatihan", "nama_kursus", "latihan_struktural_nama"),
            max_length=250,
            example="Pelatihan Pelayanan Prima",
        ),
        Column(
            "penyelenggara",
            _("Penyelenggara"),
            "text",
            aliases=("institusi_penyelenggara",),
            max_length=200,
            example="BPSDM Provinsi",
        ),
        Column("tanggal_mulai", _("Tanggal mulai"), "date", required=True, aliases=("tanggal",), example="10-03-2025"),
        Column(
            "tanggal_selesai",
            _("Tanggal selesai"),
            "date",
            aliases=("tanggal_selesai_kursus",),
            example="12-03-2025",
            help=_("Kosong: sama dengan tanggal mulai."),
        ),
        Column("jumlah_jam", _("Jumlah JP"), "decimal", required=True, aliases=("jumlah_jp", "jp"), example="24"),
        Column(
            "nomor_sertifikat",
            _("Nomor sertifikat"),
            "text",
            aliases=("nomor", "no_sertifikat"),
            max_length=100,
            example="123/BPSDM/2025",
        ),
        Column(
            "tingkat_diklat_kepemimpinan",
            _("Tingkat diklat kepemimpinan: PKN I, PKN II, PKA, PKP"),
            "choice",
            aliases=("diklatpim",),
            example="PKA",
        ),
    ),
    key_help=_("Satu baris per pelatihan; kunci: NIP + jenis + nama + tanggal mulai."),
)

SANCTIONS_LAYOUT = Layout(
    SANCTIONS,
    _("Riwayat hukuman disiplin"),
    (
        NIP,
        Column(
            "tingkat_hukuman",
            _("Tingkat: Ringan, Sedang, Berat (PP 94/2021)"),
            "choice",
            required=True,
            aliases=("tingkat_hukuman_disiplin",),
            example="Ringan",
        ),
        Column(
            "jenis_hukuman",
            _("Jenis hukuman"),
            "text",
            required=True,
            aliases=("jenis_hukuman_nama",),
            max_length=200,
            example="Teguran lisan",
        ),
        Column("nomor_sk", _("Nomor SK"), "text", aliases=("sk_nomor",), max_length=100, example="800/12/2025"),
        Column(
            "tmt_hukuman", _("Berlaku mulai"), "date", required=True, aliases=("hukuman_tanggal",), example="01-02-2025"
        ),
        Column("akhir_hukuman", _("Berlaku sampai"), "date", aliases=("akhir_hukum_tanggal",), example="31-07-2025"),
    ),
    key_help=_("Satu baris per hukuman; kunci: NIP + tingkat + tanggal mulai."),
)

PERFORMANCE_LAYOUT = Layout(
    PERFORMANCE,
    _("Riwayat kinerja tahunan"),
    (
        NIP,
        Column("tahun", _("Tahun penilaian"), "int", required=True, example="2025"),
        Column(
            "predikat",
            _("Predikat: Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang"),
            "choice",
            required=True,
            aliases=("predikat_kinerja", "kuadran_kinerja_nama", "nilai_kinerja"),
            example="Baik",
        ),
    ),
    key_help=_("Satu baris per pegawai per tahun; kunci: NIP + tahun."),
)

LAYOUTS: dict[str, Layout] = {
    layout.kind: layout
    for layout in (EMPLOYEE_LAYOUT, EDUCATION_LAYOUT, TRAINING_LAYOUT, SANCTIONS_LAYOUT, PERFORMANCE_LAYOUT)
}
KIND_CHOICES = [(kind, layout.label) for kind, layout in LAYOUTS.items()]


def normalise_header(text: object) -> str:
    """``" NIP Baru "`` → ``nip_baru``: lower case, spaces, dots and hyphens as underscores, a BOM dropped."""
    value = str(text or "").replace("\ufeff", "").strip().lower()
    return re.sub(r"[\s\-./]+", "_", value).strip("_")


def match_headers(layout: Layout, headers: list[str], mapping: dict[str, str] | None = None) -> dict[str, str]:
    """``{canonical name: the file's header}`` for the columns this file has.

    1. An explicit mapping wins (header → canonical name; a header mapped to
    an unknown name is ignored here and reported by :func:`mapping_errors`).
    2. Otherwise a header matches a canonical name or an alias after
    :func:`normalise_header`. The first header to claim a column keeps it."""
    found: dict[str, str] = {}
    if mapping:
        by_normalised = {normalise_header(h): h for h in headers}
        for their, ours in mapping.items():
            header: str | None = their if their in headers else by_normalised.get(normalise_header(their))
            if header is not None and ours in layout.by_name and ours not in found:
                found[ours] = header
    names: dict[str, str] = {}
    for column in layout.columns:
        for name in (column.name, *column.aliases):
            names.setdefault(name, column.name)
    taken = set(found.values())
    for text in headers:
        if text in taken:
            continue
        match = names.get(normalise_header(text))
        if match is not None and match not in found:
            found[match] = text
    return found


def missing_columns(layout: Layout, found: dict[str, str]) -> list[str]:
    """Canonical names of required columns (or ``a / b`` for a one-of group) the file lacks."""
    missing = [c.name for c in layout.columns if c.required and c.name not in found]
    for group in layout.one_of:
        if not any(name in found for name in group):
            missing.append(" / ".join(group))
    return missing


def parse_mapping(text: str) -> dict[str, str]:
    """``"NIP=nip_baru,Nama Lengkap=nama"`` → ``{"NIP": "nip_baru", "Nama Lengkap": "nama"}``."""
    mapping: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        their, sep, ours = part.partition("=")
        if not sep:
            raise ValueError(_("Pemetaan '%(part)s' harus berbentuk kolom_berkas=kolom_pamong.") % {"part": part})
        mapping[their.strip()] = ours.strip()
    return mapping


def mapping_errors(layout: Layout, mapping: dict[str, str], headers: list[str]) -> list[str]:
    """Plain-language problems with a user's mapping: unknown names, headers not in the file, doubles."""
    errors: list[str] = []
    normalised = {normalise_header(h) for h in headers}
    seen: dict[str, str] = {}
    for their, ours in mapping.items():
        if ours not in layout.by_name:
            errors.append(
                _("Kolom tujuan '%(ours)s' tidak dikenal untuk %(kind)s.") % {"ours": ours, "kind": layout.label}
            )
        if their not in headers and normalise_header(their) not in normalised:
            errors.append(_("Kolom '%(their)s' tidak ada di berkas.") % {"their": their})
        if ours in seen:
            errors.append(
                _("Kolom '%(ours)s' dipetakan dua kali (dari '%(a)s' dan '%(b)s').")
                % {"ours": ours, "a": seen[ours], "b": their}
            )
        seen[ours] = their
    return errors
