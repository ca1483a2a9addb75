"""The demo regency's organisation: its name, kecamatan and OPD templates.

Plain data. Kabupaten Wiratama is fictional; its OPD follow the list of a
typical East Java regency (``/work/shared/domain/REGENCY.md``) and the usual
Perbup on the organisation of perangkat daerah after the 2021–2022
simplification (many seksi and subbagian became functional posts).

An OPD template is ``Opd(key, name, kind, head, children, functional)``:

- ``head`` is the name of the head post (JPT pratama, except the camat who is
  an administrator);
- ``children`` are the sub-units in order. The first child of every OPD other
  than a kecamatan is always built (it holds the OPD's secretariat and thus an
  administrator); the others are kept in template order as the regency is
  scaled down (see :func:`pamong.people.demo.org.build_org`);
- ``functional`` names the functional families (keys of
  :data:`pamong.people.demo.jobs.FAMILIES`) whose holders work in the OPD, with
  a weight: how much of the regency's "other functional" staff sits here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

REGENCY = "Wiratama"
REGENCY_FULL = f"Kabupaten {REGENCY}"
ROOT_NAME = f"Pemerintah Kabupaten {REGENCY}"
# 35 is East Java's province code; 99 is a regency number no real regency uses.
ROOT_CODE = "35.99"
EMAIL_DOMAIN = f"{REGENCY.lower()}kab.go.id"
BKD_NAME = "BKD Kabupaten " + REGENCY

# Fourteen kecamatan; the first is the capital (ibu kota kabupaten).
KECAMATAN = (
    "Wiratama",
    "Sidomulyo",
    "Tlogowangi",
    "Kedungsari",
    "Watugede",
    "Pandanarum",
    "Ngadisari",
    "Sumberjati",
    "Gunungkidang",
    "Karangasri",
    "Banyuwening",
    "Tegalrejo Wetan",
    "Prigen Kulon",
    "Salamrejo",
)
# Kelurahan exist only in the capital and in the second town; the rest are desa,
# which are not part of the regency's staffing.
KELURAHAN = {
    "Wiratama": ("Kauman", "Ngantru", "Sumbergedong", "Surodakan", "Tamanan"),
    "Sidomulyo": ("Sidomulyo Kota", "Pasar Lama"),
}
# Villages that host a second puskesmas (the regency has 22 at full size).
EXTRA_PUSKESMAS = ("Karanganyar", "Baruharjo", "Pakis", "Margomulyo", "Cakul", "Bendorejo", "Slawe", "Pucanganak")
# Birth places besides the kecamatan above.
OTHER_TOWNS = (
    "Tulungagung",
    "Kediri",
    "Blitar",
    "Ponorogo",
    "Madiun",
    "Malang",
    "Surabaya",
    "Nganjuk",
    "Pacitan",
    "Jombang",
    "Magetan",
    "Ngawi",
    "Sidoarjo",
    "Yogyakarta",
    "Solo",
    "Bojonegoro",
)


@dataclass(frozen=True)
class Unit:
    """A sub-unit template: ``kind`` is a :class:`~pamong.people.models.UnitKind` value,
    ``head_type`` a :class:`~pamong.people.models.PositionType` value."""

    name: str
    kind: str
    head: str
    head_type: str
    children: tuple[Unit, ...] = ()


@dataclass(frozen=True)
class Opd:
    key: str
    name: str
    kind: str
    head: str
    children: tuple[Unit, ...]
    functional: tuple[tuple[str, int], ...] = ()
    head_type: str = "jpt_pratama"
    extra_posts: tuple[tuple[str, str], ...] = field(default=())  # (name, position type) without a unit


ADM, PENGAWAS = "administrator", "pengawas"


def sekretariat(dinas: str, *subbag: str) -> Unit:
    return Unit(
        "Sekretariat",
        "sekretariat",
        f"Sekretaris {dinas}",
        ADM,
        tuple(Unit(f"Subbagian {s}", "subbagian", f"Kepala Subbagian {s}", PENGAWAS) for s in subbag),
    )


def bidang(name: str, *seksi: str) -> Unit:
    return Unit(
        f"Bidang {name}",
        "bidang",
        f"Kepala Bidang {name}",
        ADM,
        tuple(Unit(f"Seksi {s}", "subbagian", f"Kepala Seksi {s}", PENGAWAS) for s in seksi),
    )


def bagian(name: str, *subbag: str) -> Unit:
    return Unit(
        f"Bagian {name}",
        "bagian",
        f"Kepala Bagian {name}",
        ADM,
        tuple(Unit(f"Subbagian {s}", "subbagian", f"Kepala Subbagian {s}", PENGAWAS) for s in subbag),
    )


def upt(name: str) -> Unit:
    return Unit(f"UPT {name}", "upt", f"Kepala UPT {name}", PENGAWAS)


def dinas(key: str, topic: str, bidangs: tuple[Unit, ...], functional=(), upts=(), subbag=("Umum dan Kepegawaian",)):
    name = f"Dinas {topic}"
    return Opd(
        key, name, "dinas", f"Kepala {name}", (sekretariat("Dinas", *subbag), *bidangs, *upts), tuple(functional)
    )


def badan(key: str, name: str, bidangs: tuple[Unit, ...], functional=(), head: str = ""):
    return Opd(
        key,
        name,
        "badan",
        head or f"Kepala {name}",
        (sekretariat("Badan", "Umum dan Kepegawaian"), *bidangs),
        tuple(functional),
    )


OPDS: tuple[Opd, ...] = (
    Opd(
        "setda",
        "Sekretariat Daerah",
        "sekretariat",
        "Sekretaris Daerah",
        (
            bagian("Umum", "Tata Usaha Pimpinan", "Rumah Tangga", "Keuangan"),
            bagian("Pemerintahan", "Otonomi Daerah"),
            bagian("Hukum", "Perundang-undangan", "Bantuan Hukum"),
            bagian("Kesejahteraan Rakyat"),
            bagian("Perekonomian dan Sumber Daya Alam"),
            bagian("Administrasi Pembangunan"),
            bagian("Pengadaan Barang dan Jasa"),
            bagian("Organisasi", "Kelembagaan dan Analisis Jabatan"),
            bagian("Protokol dan Komunikasi Pimpinan"),
        ),
        (
            ("perancang", 4),
            ("analis_hukum", 3),
            ("pengelola_pbj", 6),
            ("analis_kebijakan", 6),
            ("pranata_humas", 4),
            ("perencana", 2),
            ("analis_keuangan", 2),
        ),
        extra_posts=(
            ("Asisten Pemerintahan dan Kesejahteraan Rakyat", "jpt_pratama"),
            ("Asisten Perekonomian dan Pembangunan", "jpt_pratama"),
            ("Asisten Administrasi Umum", "jpt_pratama"),
            ("Staf Ahli Bupati Bidang Hukum, Politik dan Pemerintahan", "jpt_pratama"),
            ("Staf Ahli Bupati Bidang Ekonomi, Keuangan dan Pembangunan", "jpt_pratama"),
            ("Staf Ahli Bupati Bidang Kemasyarakatan dan Sumber Daya Manusia", "jpt_pratama"),
        ),
    ),
    Opd(
        "setwan",
        "Sekretariat DPRD",
        "sekretariat",
        "Sekretaris DPRD",
        (
            bagian("Umum dan Keuangan", "Tata Usaha dan Kepegawaian"),
            bagian("Persidangan dan Perundang-undangan", "Risalah"),
            bagian("Fasilitasi Penganggaran dan Pengawasan"),
        ),
        (("analis_kebijakan", 3), ("pranata_humas", 2), ("perancang", 1)),
    ),
    Opd(
        "inspektorat",
        "Inspektorat Daerah",
        "inspektorat",
        "Inspektur",
        (
            sekretariat("Inspektorat", "Umum dan Kepegawaian"),
            *(
                Unit(f"Inspektur Pembantu Wilayah {r}", "bidang", f"Inspektur Pembantu Wilayah {r}", ADM)
                for r in ("I", "II", "III", "IV")
            ),
        ),
        (("auditor", 24), ("p2upd", 12)),
    ),
    badan(
        "bappeda",
        "Badan Perencanaan Pembangunan Daerah",
        (
            bidang("Perencanaan Pemerintahan dan Pembangunan Manusia"),
            bidang("Perekonomian dan Sumber Daya Alam"),
            bidang("Infrastruktur dan Kewilayahan"),
            bidang("Penelitian dan Pengembangan"),
        ),
        (("perencana", 18), ("analis_kebijakan", 3), ("statistisi", 1)),
    ),
    badan(
        "bkd",
        "Badan Kepegawaian Daerah",
        (
            bidang("Pengadaan, Pemberhentian dan Informasi"),
            bidang("Mutasi dan Promosi"),
            bidang("Pengembangan Kompetensi Aparatur"),
            bidang("Penilaian Kinerja dan Penghargaan"),
        ),
        (("analis_sdma", 12), ("pranata_sdma", 6), ("asesor_sdma", 2)),
    ),
    badan(
        "bakeuda",
        "Badan Keuangan Daerah",
        (
            bidang("Anggaran"),
            bidang("Perbendaharaan"),
            bidang("Akuntansi dan Pelaporan"),
            bidang("Aset"),
            bidang("Pendapatan"),
        ),
        (("analis_keuangan", 14), ("penilai_pajak", 4)),
    ),
    dinas(
        "dindik",
        "Pendidikan",
        (
            bidang("Pembinaan Sekolah Dasar"),
            bidang("Pembinaan Sekolah Menengah Pertama"),
            bidang("Pembinaan Pendidikan Anak Usia Dini dan Pendidikan Nonformal"),
            bidang("Ketenagaan"),
        ),
        (("pengawas_sekolah", 30), ("penilik", 10), ("pamong_belajar", 3)),
        subbag=("Umum dan Kepegawaian", "Keuangan"),
    ),
    dinas(
        "dinkes",
        "Kesehatan",
        (
            bidang("Kesehatan Masyarakat"),
            bidang("Pencegahan dan Pengendalian Penyakit"),
            bidang("Pelayanan dan Sumber Daya Kesehatan"),
        ),
        (("epidemiolog", 3), ("administrator_kesehatan", 4)),
        upts=(upt("Laboratorium Kesehatan Daerah"), upt("Instalasi Farmasi")),
    ),
    Opd(
        "rsud",
        f"Rumah Sakit Umum Daerah {REGENCY}",
        "rsud",
        f"Direktur Rumah Sakit Umum Daerah {REGENCY}",
        (
            bagian("Umum dan Keuangan", "Tata Usaha", "Keuangan"),
            bidang("Pelayanan Medik"),
            bidang("Keperawatan"),
            bidang("Penunjang"),
        ),
    ),
    dinas(
        "pupr",
        "Pekerjaan Umum dan Penataan Ruang",
        (
            bidang("Bina Marga"),
            bidang("Sumber Daya Air"),
            bidang("Penataan Ruang"),
            bidang("Jasa Konstruksi"),
        ),
        (("teknik_jalan", 10), ("teknik_pengairan", 6), ("penata_ruang", 3)),
        upts=(upt("Peralatan dan Perbekalan"),),
    ),
    dinas(
        "perkim",
        "Perumahan dan Kawasan Permukiman",
        (bidang("Perumahan"), bidang("Kawasan Permukiman"), bidang("Pertanahan")),
        (("teknik_tata_bangunan", 5),),
    ),
    Opd(
        "satpol",
        "Satuan Polisi Pamong Praja",
        "satpol",
        "Kepala Satuan Polisi Pamong Praja",
        (
            sekretariat("Satuan", "Umum dan Kepegawaian"),
            bidang("Penegakan Peraturan Daerah"),
            bidang("Ketertiban Umum dan Ketenteraman Masyarakat"),
            bidang("Perlindungan Masyarakat"),
            bidang("Pemadam Kebakaran dan Penyelamatan"),
        ),
        (("polisi_pp", 40), ("pemadam", 24)),
    ),
    dinas(
        "dinsos",
        "Sosial",
        (bidang("Rehabilitasi Sosial"), bidang("Perlindungan dan Jaminan Sosial"), bidang("Pemberdayaan Sosial")),
        (("pekerja_sosial", 6), ("penyuluh_sosial", 3)),
    ),
    dinas(
        "dukcapil",
        "Kependudukan dan Pencatatan Sipil",
        (
            bidang("Pelayanan Pendaftaran Penduduk"),
            bidang("Pelayanan Pencatatan Sipil"),
            bidang("Pengelolaan Informasi Administrasi Kependudukan"),
            bidang("Pemanfaatan Data dan Inovasi Pelayanan"),
        ),
        (("adminduk", 10), ("pranata_komputer", 3)),
    ),
    dinas(
        "dpmptsp",
        "Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        (bidang("Penanaman Modal"), bidang("Pelayanan Perizinan"), bidang("Pengaduan, Kebijakan dan Pelaporan")),
        (("analis_kebijakan", 4), ("pranata_komputer", 2)),
    ),
    dinas(
        "dishub",
        "Perhubungan",
        (bidang("Lalu Lintas dan Angkutan"), bidang("Prasarana dan Keselamatan")),
        (("penguji_kendaraan", 10),),
        upts=(upt("Pengujian Kendaraan Bermotor"),),
    ),
    dinas(
        "dlh",
        "Lingkungan Hidup",
        (
            bidang("Tata Lingkungan"),
            bidang("Pengelolaan Sampah dan Limbah B3"),
            bidang("Pengendalian Pencemaran dan Kerusakan Lingkungan"),
        ),
        (("pengendali_dampak", 6), ("pengawas_lh", 3)),
        upts=(upt("Tempat Pemrosesan Akhir Sampah"),),
    ),
    dinas(
        "kominfo",
        "Komunikasi dan Informatika",
        (
            bidang("Informasi dan Komunikasi Publik"),
            bidang("Aplikasi Informatika"),
            bidang("Persandian dan Statistik"),
        ),
        (("pranata_komputer", 10), ("pranata_humas", 6), ("sandiman", 2), ("statistisi", 2)),
    ),
    dinas(
        "pertanian",
        "Pertanian dan Pangan",
        (
            bidang("Tanaman Pangan"),
            bidang("Hortikultura dan Perkebunan"),
            bidang("Peternakan dan Kesehatan Hewan"),
            bidang("Penyuluhan Pertanian"),
        ),
        (("penyuluh_pertanian", 80), ("popt", 10), ("medik_veteriner", 5), ("paramedik_veteriner", 8)),
        upts=(upt("Pusat Kesehatan Hewan"),),
    ),
    dinas(
        "perikanan",
        "Perikanan",
        (
            bidang("Perikanan Budidaya"),
            bidang("Perikanan Tangkap"),
            bidang("Pengolahan dan Pemasaran Hasil Perikanan"),
        ),
        (("penyuluh_perikanan", 10), ("pengawas_perikanan", 2)),
    ),
    dinas(
        "koperasi",
        "Koperasi dan Usaha Mikro",
        (bidang("Kelembagaan dan Pengawasan Koperasi"), bidang("Pemberdayaan Usaha Mikro")),
        (("pengawas_koperasi", 4), ("penyuluh_koperasi", 3)),
    ),
    dinas(
        "perdagangan",
        "Perdagangan",
        (bidang("Perdagangan Dalam Negeri"), bidang("Pengelolaan Pasar"), bidang("Metrologi Legal")),
        (("penera", 5), ("pengawas_perdagangan", 3)),
        upts=(upt("Pasar Daerah"), upt("Metrologi Legal")),
    ),
    dinas(
        "parbud",
        "Pariwisata dan Kebudayaan",
        (
            bidang("Destinasi Pariwisata"),
            bidang("Pemasaran Pariwisata dan Ekonomi Kreatif"),
            bidang("Kebudayaan"),
        ),
        (("pamong_budaya", 4), ("adyatama", 3)),
    ),
    dinas(
        "dispora",
        "Pemuda dan Olahraga",
        (bidang("Kepemudaan"), bidang("Keolahragaan")),
        (("analis_kebijakan", 2),),
    ),
    dinas(
        "dpmd",
        "Pemberdayaan Masyarakat dan Desa",
        (bidang("Pemerintahan Desa"), bidang("Pemberdayaan Masyarakat"), bidang("Pembangunan dan Keuangan Desa")),
        (("penggerak_swadaya", 6),),
    ),
    dinas(
        "dppkb",
        "Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak",
        (
            bidang("Pengendalian Penduduk dan Penyuluhan Keluarga Berencana"),
            bidang("Pemberdayaan Perempuan"),
            bidang("Perlindungan Anak"),
        ),
        (("penyuluh_kb", 8), ("analis_kebijakan", 2)),
    ),
    dinas(
        "arpus",
        "Perpustakaan dan Kearsipan",
        (bidang("Layanan Perpustakaan"), bidang("Kearsipan")),
        (("pustakawan", 8), ("arsiparis", 8)),
    ),
    badan(
        "bpbd",
        "Badan Penanggulangan Bencana Daerah",
        (
            bidang("Pencegahan dan Kesiapsiagaan"),
            bidang("Kedaruratan dan Logistik"),
            bidang("Rehabilitasi dan Rekonstruksi"),
        ),
        (("analis_kebijakan", 2),),
        head="Kepala Pelaksana Badan Penanggulangan Bencana Daerah",
    ),
    badan(
        "bakesbangpol",
        "Badan Kesatuan Bangsa dan Politik",
        (
            bidang("Ideologi, Wawasan Kebangsaan dan Karakter Bangsa"),
            bidang("Politik Dalam Negeri dan Organisasi Kemasyarakatan"),
            bidang("Kewaspadaan Nasional dan Penanganan Konflik"),
        ),
        (("analis_kebijakan", 2),),
    ),
    dinas(
        "disnaker",
        "Tenaga Kerja",
        (bidang("Pelatihan dan Penempatan Tenaga Kerja"), bidang("Hubungan Industrial")),
        (("pengantar_kerja", 3), ("mediator_hi", 2), ("instruktur", 4)),
        upts=(upt("Balai Latihan Kerja"),),
    ),
    dinas(
        "ketapang",
        "Ketahanan Pangan",
        (bidang("Ketersediaan dan Distribusi Pangan"), bidang("Konsumsi dan Keamanan Pangan")),
        (("analis_ketahanan_pangan", 4),),
    ),
)


def kecamatan_opd(name: str) -> Opd:
    """A kecamatan: the camat (administrator), the sekretaris kecamatan
    (administrator), three seksi (pengawas) and the kelurahan (lurah: pengawas)."""
    children = [
        Unit("Sekretariat Kecamatan", "sekretariat", f"Sekretaris Kecamatan {name}", ADM),
        *(
            Unit(f"Seksi {s}", "subbagian", f"Kepala Seksi {s}", PENGAWAS)
            for s in ("Pemerintahan", "Ketenteraman dan Ketertiban Umum", "Pemberdayaan Masyarakat dan Desa")
        ),
        *(Unit(f"Kelurahan {k}", "kelurahan", f"Lurah {k}", PENGAWAS) for k in KELURAHAN.get(name, ())),
    ]
    return Opd(
        f"kec-{name.lower().replace(' ', '-')}",
        f"Kecamatan {name}",
        "kecamatan",
        f"Camat {name}",
        tuple(children),
        (("penggerak_swadaya", 1),),
        head_type=ADM,
    )


KECAMATAN_OPDS: tuple[Opd, ...] = tuple(kecamatan_opd(k) for k in KECAMATAN)
ALL_OPDS: tuple[Opd, ...] = OPDS + KECAMATAN_OPDS
