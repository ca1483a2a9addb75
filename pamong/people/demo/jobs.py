"""Functional families, education fields and pelaksana posts of the demo regency.

Plain data. A functional family is a kind of functional post ("Perawat",
"Guru"); the post's name is the family plus the level that the holder's
golongan allows (PermenPANRB 1/2023: ahli pertama III/a–III/b, ahli muda
III/c–III/d, ahli madya IV/a–IV/c; pemula II/a, terampil II/b–II/d, mahir
III/a–III/b, penyelia III/c–III/d).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    key: str
    name: str
    field: str  # key of FIELDS: what the holders studied
    education: tuple[tuple[str, int], ...]  # (level, weight); D3 and below take the keterampilan track
    female: float  # share of women
    ahli: bool = True  # has the keahlian track
    terampil: bool = False  # has the keterampilan track


def _f(key, name, field, education, female, ahli=True, terampil=False) -> Family:  # type: ignore[no-untyped-def]
    return Family(key, name, field, tuple(education), female, ahli, terampil)


FAMILIES: dict[str, Family] = {
    f.key: f
    for f in (
        # Teachers and their supervisors.
        _f("guru_sd", "Guru", "guru_sd", (("S1", 95), ("S2", 5)), 0.70),
        _f("guru_smp", "Guru", "guru_smp", (("S1", 93), ("S2", 7)), 0.60),
        _f("pengawas_sekolah", "Pengawas Sekolah", "guru_sd", (("S1", 40), ("S2", 60)), 0.40),
        _f("penilik", "Penilik", "guru_sd", (("S1", 80), ("S2", 20)), 0.45),
        _f("pamong_belajar", "Pamong Belajar", "guru_sd", (("S1", 100),), 0.55),
        # Health workers.
        _f("perawat", "Perawat", "keperawatan", (("D3", 60), ("S1", 40)), 0.70, terampil=True),
        _f("bidan", "Bidan", "kebidanan", (("D3", 70), ("D4", 30)), 1.0, terampil=True),
        _f("dokter", "Dokter", "kedokteran", (("S1", 85), ("S2", 15)), 0.55),
        _f("dokter_gigi", "Dokter Gigi", "kedokteran_gigi", (("S1", 100),), 0.65),
        _f("dokter_spesialis", "Dokter", "spesialis", (("S2", 100),), 0.40),
        _f("apoteker", "Apoteker", "apoteker", (("S1", 100),), 0.75),
        _f("ttk", "Asisten Apoteker", "farmasi", (("D3", 100),), 0.80, ahli=False, terampil=True),
        _f("lab", "Pranata Laboratorium Kesehatan", "lab", (("D3", 75), ("D4", 25)), 0.70, terampil=True),
        _f("gizi", "Nutrisionis", "gizi", (("D3", 60), ("S1", 40)), 0.85, terampil=True),
        _f("sanitarian", "Tenaga Sanitasi Lingkungan", "kesling", (("D3", 60), ("S1", 40)), 0.55, terampil=True),
        _f("promkes", "Penyuluh Kesehatan Masyarakat", "kesmas", (("S1", 100),), 0.65),
        _f("perekam_medis", "Perekam Medis", "rekam_medis", (("D3", 100),), 0.65, ahli=False, terampil=True),
        _f("radiografer", "Radiografer", "radiologi", (("D3", 100),), 0.40, ahli=False, terampil=True),
        _f("fisioterapis", "Fisioterapis", "fisioterapi", (("D3", 100),), 0.55, ahli=False, terampil=True),
        _f("epidemiolog", "Epidemiolog Kesehatan", "kesmas", (("S1", 80), ("S2", 20)), 0.55),
        _f("administrator_kesehatan", "Administrator Kesehatan", "kesmas", (("S1", 70), ("S2", 30)), 0.55),
        # Other functional posts in the OPD.
        _f("penyuluh_pertanian", "Penyuluh Pertanian", "pertanian", (("D3", 25), ("S1", 75)), 0.30, terampil=True),
        _f(
            "popt",
            "Pengendali Organisme Pengganggu Tumbuhan",
            "pertanian",
            (("D3", 40), ("S1", 60)),
            0.30,
            terampil=True,
        ),
        _f("medik_veteriner", "Medik Veteriner", "kedokteran_hewan", (("S1", 100),), 0.35),
        _f("paramedik_veteriner", "Paramedik Veteriner", "peternakan", (("D3", 100),), 0.25, ahli=False, terampil=True),
        _f("auditor", "Auditor", "ekonomi", (("S1", 80), ("S2", 20)), 0.50),
        _f("p2upd", "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", "sosial", (("S1", 80), ("S2", 20)), 0.45),
        _f("perencana", "Perencana", "perencanaan", (("S1", 60), ("S2", 40)), 0.45),
        _f("analis_kebijakan", "Analis Kebijakan", "sosial", (("S1", 60), ("S2", 40)), 0.45),
        _f("analis_hukum", "Analis Hukum", "hukum", (("S1", 85), ("S2", 15)), 0.50),
        _f("perancang", "Perancang Peraturan Perundang-undangan", "hukum", (("S1", 80), ("S2", 20)), 0.50),
        _f("pengelola_pbj", "Pengelola Pengadaan Barang/Jasa", "teknik", (("S1", 100),), 0.35),
        _f("pranata_humas", "Pranata Hubungan Masyarakat", "komunikasi", (("D3", 30), ("S1", 70)), 0.50, terampil=True),
        _f("pranata_komputer", "Pranata Komputer", "komputer", (("D3", 35), ("S1", 65)), 0.35, terampil=True),
        _f("sandiman", "Sandiman", "komputer", (("D3", 50), ("S1", 50)), 0.30, terampil=True),
        _f("statistisi", "Statistisi", "statistika", (("S1", 100),), 0.50),
        _f("analis_sdma", "Analis Sumber Daya Manusia Aparatur", "sosial", (("S1", 75), ("S2", 25)), 0.55),
        _f(
            "pranata_sdma",
            "Pranata Sumber Daya Manusia Aparatur",
            "sosial",
            (("D3", 100),),
            0.55,
            ahli=False,
            terampil=True,
        ),
        _f("asesor_sdma", "Asesor Sumber Daya Manusia Aparatur", "psikologi", (("S1", 60), ("S2", 40)), 0.55),
        _f("analis_keuangan", "Analis Keuangan Pusat dan Daerah", "ekonomi", (("S1", 85), ("S2", 15)), 0.55),
        _f("penilai_pajak", "Penilai Pajak Bumi dan Bangunan", "ekonomi", (("S1", 100),), 0.40),
        _f("teknik_jalan", "Teknik Jalan dan Jembatan", "teknik", (("D3", 30), ("S1", 70)), 0.15, terampil=True),
        _f("teknik_pengairan", "Teknik Pengairan", "teknik", (("D3", 30), ("S1", 70)), 0.15, terampil=True),
        _f("penata_ruang", "Penata Ruang", "planologi", (("S1", 100),), 0.35),
        _f(
            "teknik_tata_bangunan",
            "Teknik Tata Bangunan dan Perumahan",
            "teknik",
            (("D3", 30), ("S1", 70)),
            0.25,
            terampil=True,
        ),
        _f("polisi_pp", "Polisi Pamong Praja", "umum", (("SLTA", 55), ("D3", 10), ("S1", 35)), 0.15, terampil=True),
        _f("pemadam", "Analis Kebakaran", "umum", (("SLTA", 70), ("D3", 10), ("S1", 20)), 0.03, terampil=True),
        _f("pekerja_sosial", "Pekerja Sosial", "sosial", (("D3", 20), ("S1", 80)), 0.60, terampil=True),
        _f("penyuluh_sosial", "Penyuluh Sosial", "sosial", (("S1", 100),), 0.55),
        _f(
            "adminduk", "Administrator Database Kependudukan", "komputer", (("D3", 30), ("S1", 70)), 0.45, terampil=True
        ),
        _f(
            "penguji_kendaraan",
            "Penguji Kendaraan Bermotor",
            "teknik",
            (("SLTA", 30), ("D3", 40), ("S1", 30)),
            0.05,
            terampil=True,
        ),
        _f("pengendali_dampak", "Pengendali Dampak Lingkungan", "lingkungan", (("S1", 80), ("S2", 20)), 0.45),
        _f("pengawas_lh", "Pengawas Lingkungan Hidup", "lingkungan", (("S1", 100),), 0.40),
        _f("penyuluh_perikanan", "Penyuluh Perikanan", "perikanan", (("D3", 30), ("S1", 70)), 0.30, terampil=True),
        _f("pengawas_perikanan", "Pengawas Perikanan", "perikanan", (("S1", 100),), 0.25),
        _f("pengawas_koperasi", "Pengawas Koperasi", "ekonomi", (("S1", 100),), 0.45),
        _f("penyuluh_koperasi", "Penyuluh Koperasi dan Usaha Kecil Menengah", "ekonomi", (("S1", 100),), 0.50),
        _f("penera", "Penera", "teknik", (("D3", 50), ("S1", 50)), 0.20, terampil=True),
        _f("pengawas_perdagangan", "Pengawas Perdagangan", "ekonomi", (("S1", 100),), 0.45),
        _f("pamong_budaya", "Pamong Budaya", "budaya", (("S1", 100),), 0.50),
        _f("adyatama", "Adyatama Kepariwisataan dan Ekonomi Kreatif", "pariwisata", (("S1", 100),), 0.55),
        _f("penggerak_swadaya", "Penggerak Swadaya Masyarakat", "sosial", (("S1", 100),), 0.40),
        _f("penyuluh_kb", "Penyuluh Keluarga Berencana", "sosial", (("S1", 100),), 0.65),
        _f("pustakawan", "Pustakawan", "perpustakaan", (("D3", 40), ("S1", 60)), 0.65, terampil=True),
        _f("arsiparis", "Arsiparis", "kearsipan", (("D3", 50), ("S1", 50)), 0.60, terampil=True),
        _f("pengantar_kerja", "Pengantar Kerja", "sosial", (("S1", 100),), 0.45),
        _f("mediator_hi", "Mediator Hubungan Industrial", "hukum", (("S1", 100),), 0.40),
        _f("instruktur", "Instruktur", "teknik", (("D3", 50), ("S1", 50)), 0.20, terampil=True),
        _f("analis_ketahanan_pangan", "Analis Ketahanan Pangan", "pertanian", (("S1", 100),), 0.50),
    )
}

# Health workers by place of work: (family, weight). The RSUD has the specialists;
# the puskesmas the midwives, sanitarians and health promoters.
HEALTH_RSUD = (
    ("perawat", 52),
    ("bidan", 8),
    ("dokter", 6),
    ("dokter_spesialis", 9),
    ("dokter_gigi", 1),
    ("apoteker", 3),
    ("ttk", 4),
    ("lab", 4),
    ("gizi", 2),
    ("perekam_medis", 4),
    ("radiografer", 3),
    ("fisioterapis", 2),
    ("sanitarian", 1),
)
HEALTH_PUSKESMAS = (
    ("perawat", 33),
    ("bidan", 33),
    ("dokter", 7),
    ("dokter_gigi", 3),
    ("apoteker", 2),
    ("ttk", 4),
    ("lab", 4),
    ("gizi", 4),
    ("sanitarian", 4),
    ("promkes", 4),
    ("perekam_medis", 2),
)
# Share of the regency's health workers at the RSUD (the rest are in puskesmas).
RSUD_SHARE = 0.42

# What people studied: level -> list of (major, back title, front title).
# A front title replaces nothing: "dr." or "apt." is written before the name.
FIELDS: dict[str, dict[str, tuple[tuple[str, str, str], ...]]] = {
    "guru_sd": {
        "S1": (
            ("Pendidikan Guru Sekolah Dasar", "S.Pd.", ""),
            ("Pendidikan Guru Sekolah Dasar", "S.Pd.", ""),
            ("Pendidikan Guru Sekolah Dasar", "S.Pd.", ""),
            ("Pendidikan Agama Islam", "S.Pd.I.", ""),
            ("Pendidikan Jasmani, Kesehatan dan Rekreasi", "S.Pd.", ""),
        ),
        "S2": (("Pendidikan Dasar", "M.Pd.", ""), ("Manajemen Pendidikan", "M.Pd.", "")),
    },
    "guru_smp": {
        "S1": (
            ("Pendidikan Matematika", "S.Pd.", ""),
            ("Pendidikan Bahasa dan Sastra Indonesia", "S.Pd.", ""),
            ("Pendidikan Bahasa Inggris", "S.Pd.", ""),
            ("Pendidikan Biologi", "S.Pd.", ""),
            ("Pendidikan Fisika", "S.Pd.", ""),
            ("Pendidikan Ilmu Pengetahuan Sosial", "S.Pd.", ""),
            ("Pendidikan Pancasila dan Kewarganegaraan", "S.Pd.", ""),
            ("Pendidikan Seni Budaya", "S.Pd.", ""),
            ("Pendidikan Jasmani, Kesehatan dan Rekreasi", "S.Pd.", ""),
            ("Pendidikan Agama Islam", "S.Pd.I.", ""),
            ("Bimbingan dan Konseling", "S.Pd.", ""),
            ("Pendidikan Teknologi Informasi", "S.Pd.", ""),
        ),
        "S2": (("Manajemen Pendidikan", "M.Pd.", ""), ("Pendidikan Matematika", "M.Pd.", "")),
    },
    "keperawatan": {
        "D3": (("Keperawatan", "A.Md.Kep.", ""),),
        "S1": (("Ilmu Keperawatan (Ners)", "S.Kep., Ns.", ""),),
        "S2": (("Keperawatan", "M.Kep.", ""),),
    },
    "kebidanan": {
        "D3": (("Kebidanan", "A.Md.Keb.", ""),),
        "D4": (("Kebidanan", "S.Tr.Keb.", ""),),
        "S2": (("Kesehatan Masyarakat", "M.Kes.", ""),),
    },
    "kedokteran": {
        "S1": (("Pendidikan Dokter", "", "dr."),),
        "S2": (("Ilmu Kesehatan Masyarakat", "M.Kes.", ""), ("Manajemen Rumah Sakit", "M.M.R.S.", "")),
    },
    "kedokteran_gigi": {"S1": (("Pendidikan Dokter Gigi", "", "drg."),)},
    "spesialis": {
        "S1": (("Pendidikan Dokter", "", "dr."),),
        "S2": (
            ("Ilmu Penyakit Dalam", "Sp.PD.", ""),
            ("Obstetri dan Ginekologi", "Sp.OG.", ""),
            ("Ilmu Kesehatan Anak", "Sp.A.", ""),
            ("Ilmu Bedah", "Sp.B.", ""),
            ("Anestesiologi dan Terapi Intensif", "Sp.An.", ""),
            ("Radiologi", "Sp.Rad.", ""),
            ("Neurologi", "Sp.N.", ""),
            ("Patologi Klinik", "Sp.PK.", ""),
            ("Ilmu Penyakit Mata", "Sp.M.", ""),
            ("Pulmonologi dan Kedokteran Respirasi", "Sp.P.", ""),
        ),
    },
    "apoteker": {"S1": (("Farmasi (Profesi Apoteker)", "S.Farm.", "apt."),)},
    "farmasi": {"D3": (("Farmasi", "A.Md.Farm.", ""),)},
    "lab": {"D3": (("Analis Kesehatan", "A.Md.AK.", ""),), "D4": (("Teknologi Laboratorium Medis", "S.Tr.Kes.", ""),)},
    "gizi": {"D3": (("Gizi", "A.Md.Gz.", ""),), "S1": (("Ilmu Gizi", "S.Gz.", ""),)},
    "kesling": {"D3": (("Kesehatan Lingkungan", "A.Md.KL.", ""),), "S1": (("Kesehatan Masyarakat", "S.KM.", ""),)},
    "kesmas": {
        "S1": (("Kesehatan Masyarakat", "S.KM.", ""),),
        "S2": (("Ilmu Kesehatan Masyarakat", "M.Kes.", ""), ("Epidemiologi", "M.Epid.", "")),
    },
    "rekam_medis": {"D3": (("Rekam Medis dan Informasi Kesehatan", "A.Md.RMIK.", ""),)},
    "radiologi": {"D3": (("Radiodiagnostik dan Radioterapi", "A.Md.Rad.", ""),)},
    "fisioterapi": {"D3": (("Fisioterapi", "A.Md.Ft.", ""),)},
    "pertanian": {
        "D3": (("Budidaya Tanaman", "A.Md.P.", ""),),
        "D4": (("Penyuluhan Pertanian", "S.Tr.P.", ""),),
        "S1": (("Agroteknologi", "S.P.", ""), ("Agribisnis", "S.P.", ""), ("Agronomi", "S.P.", "")),
        "S2": (("Agribisnis", "M.P.", ""), ("Ilmu Tanaman", "M.P.", "")),
    },
    "kedokteran_hewan": {"S1": (("Kedokteran Hewan", "", "drh."),)},
    "peternakan": {"D3": (("Kesehatan Hewan", "A.Md.Pt.", ""),), "S1": (("Peternakan", "S.Pt.", ""),)},
    "perikanan": {
        "D3": (("Teknologi Akuakultur", "A.Md.Pi.", ""),),
        "S1": (("Budidaya Perairan", "S.Pi.", ""), ("Pemanfaatan Sumber Daya Perikanan", "S.Pi.", "")),
    },
    "ekonomi": {
        "D3": (("Akuntansi", "A.Md.Ak.", ""), ("Keuangan dan Perbankan", "A.Md.", "")),
        "S1": (
            ("Akuntansi", "S.E.", ""),
            ("Manajemen", "S.E.", ""),
            ("Ekonomi Pembangunan", "S.E.", ""),
            ("Akuntansi", "S.Ak.", ""),
        ),
        "S2": (("Manajemen", "M.M.", ""), ("Akuntansi", "M.Ak.", ""), ("Ilmu Ekonomi", "M.Si.", "")),
        "S3": (("Ilmu Ekonomi", "", "Dr."),),
    },
    "hukum": {
        "S1": (("Ilmu Hukum", "S.H.", ""),),
        "S2": (("Ilmu Hukum", "M.H.", ""), ("Kenotariatan", "M.Kn.", "")),
        "S3": (("Ilmu Hukum", "", "Dr."),),
    },
    "teknik": {
        "D3": (("Teknik Sipil", "A.Md.T.", ""),),
        "S1": (("Teknik Sipil", "S.T.", ""), ("Arsitektur", "S.T.", ""), ("Teknik Mesin", "S.T.", "")),
        "S2": (("Teknik Sipil", "M.T.", ""), ("Manajemen", "M.M.", "")),
    },
    "planologi": {"S1": (("Perencanaan Wilayah dan Kota", "S.T.", ""),), "S2": (("Perencanaan Wilayah", "M.T.", ""),)},
    "lingkungan": {
        "S1": (("Teknik Lingkungan", "S.T.", ""), ("Biologi", "S.Si.", "")),
        "S2": (("Ilmu Lingkungan", "M.Si.", ""),),
    },
    "komputer": {
        "D3": (("Manajemen Informatika", "A.Md.Kom.", ""), ("Teknik Komputer", "A.Md.Kom.", "")),
        "S1": (("Teknik Informatika", "S.Kom.", ""), ("Sistem Informasi", "S.Kom.", "")),
        "S2": (("Sistem Informasi", "M.Kom.", ""),),
    },
    "statistika": {"S1": (("Statistika", "S.Stat.", ""),), "S2": (("Statistika", "M.Si.", ""),)},
    "komunikasi": {
        "D3": (("Hubungan Masyarakat", "A.Md.", ""),),
        "S1": (("Ilmu Komunikasi", "S.I.Kom.", ""),),
        "S2": (("Ilmu Komunikasi", "M.I.Kom.", ""),),
    },
    "psikologi": {"S1": (("Psikologi", "S.Psi.", ""),), "S2": (("Psikologi Profesi", "M.Psi.", ""),)},
    "perencanaan": {
        "S1": (
            ("Ekonomi Pembangunan", "S.E.", ""),
            ("Perencanaan Wilayah dan Kota", "S.T.", ""),
            ("Ilmu Administrasi Negara", "S.AP.", ""),
        ),
        "S2": (("Perencanaan Pembangunan", "M.Si.", ""), ("Ekonomi Pembangunan", "M.E.", "")),
    },
    "sosial": {
        "D3": (("Administrasi Perkantoran", "A.Md.", ""), ("Administrasi Bisnis", "A.Md.", "")),
        "S1": (
            ("Ilmu Administrasi Negara", "S.AP.", ""),
            ("Ilmu Administrasi Negara", "S.Sos.", ""),
            ("Ilmu Pemerintahan", "S.IP.", ""),
            ("Sosiologi", "S.Sos.", ""),
            ("Kesejahteraan Sosial", "S.Sos.", ""),
            ("Ilmu Politik", "S.IP.", ""),
        ),
        "S2": (("Administrasi Publik", "M.AP.", ""), ("Ilmu Administrasi", "M.Si.", ""), ("Manajemen", "M.M.", "")),
        "S3": (("Ilmu Administrasi Publik", "", "Dr."),),
    },
    "pemerintahan": {
        # Graduates of the home-affairs academy (IPDN) hold a D-IV: S.STP.
        "D4": (("Manajemen Pemerintahan", "S.STP.", ""), ("Politik Pemerintahan", "S.STP.", "")),
        "S1": (("Ilmu Pemerintahan", "S.IP.", ""),),
        "S2": (("Ilmu Pemerintahan", "M.Si.", ""), ("Administrasi Publik", "M.AP.", "")),
        "S3": (("Ilmu Pemerintahan", "", "Dr."),),
    },
    "perpustakaan": {"D3": (("Perpustakaan", "A.Md.", ""),), "S1": (("Ilmu Perpustakaan", "S.IP.", ""),)},
    "kearsipan": {"D3": (("Kearsipan", "A.Md.Ars.", ""),), "S1": (("Ilmu Informasi dan Perpustakaan", "S.IIP.", ""),)},
    "budaya": {"S1": (("Sejarah", "S.Hum.", ""), ("Antropologi", "S.Ant.", ""), ("Sastra Jawa", "S.S.", ""))},
    "pariwisata": {"S1": (("Pariwisata", "S.Par.", ""), ("Manajemen", "S.E.", ""))},
    "umum": {
        "D3": (("Administrasi Perkantoran", "A.Md.", ""),),
        "S1": (("Ilmu Hukum", "S.H.", ""), ("Ilmu Administrasi Negara", "S.Sos.", "")),
    },
}
# Fields whose old graduates (before 1992) wrote "Drs." / "Dra." before the name
# instead of a back title; engineers and agronomists (before 1996) wrote "Ir.".
DRS_FIELDS = {"guru_sd", "guru_smp", "ekonomi", "sosial", "perencanaan", "komunikasi", "budaya", "pemerintahan"}
IR_FIELDS = {"teknik", "pertanian", "planologi", "lingkungan", "perikanan", "peternakan"}

# Fields an OPD's structural officials studied, by OPD key; the default follows.
STRUCTURAL_FIELDS: dict[str, tuple[tuple[str, int], ...]] = {
    "dindik": (("guru_sd", 6), ("guru_smp", 3), ("sosial", 2)),
    "dinkes": (("kedokteran", 4), ("kesmas", 5), ("keperawatan", 2), ("sosial", 1)),
    "rsud": (("kedokteran", 5), ("kesmas", 3), ("keperawatan", 2), ("ekonomi", 2)),
    "pupr": (("teknik", 7), ("planologi", 2), ("sosial", 1)),
    "perkim": (("teknik", 6), ("planologi", 2), ("sosial", 2)),
    "pertanian": (("pertanian", 7), ("peternakan", 2), ("sosial", 1)),
    "perikanan": (("perikanan", 6), ("pertanian", 2), ("sosial", 2)),
    "ketapang": (("pertanian", 5), ("sosial", 3)),
    "bakeuda": (("ekonomi", 8), ("sosial", 2)),
    "inspektorat": (("ekonomi", 5), ("hukum", 3), ("sosial", 2)),
    "bappeda": (("perencanaan", 5), ("ekonomi", 3), ("planologi", 2)),
    "kominfo": (("komputer", 4), ("komunikasi", 3), ("sosial", 3)),
    "dlh": (("lingkungan", 5), ("teknik", 2), ("sosial", 3)),
    "dishub": (("teknik", 4), ("sosial", 4)),
    "satpol": (("pemerintahan", 4), ("hukum", 3), ("sosial", 3)),
    "dukcapil": (("pemerintahan", 3), ("sosial", 4), ("komputer", 2)),
    "kecamatan": (("pemerintahan", 6), ("sosial", 4)),
}
DEFAULT_STRUCTURAL_FIELDS = (("sosial", 5), ("ekonomi", 3), ("hukum", 2), ("pemerintahan", 2))

# Pelaksana posts by the holder's education (post-2024 nomenclature mixed with the
# names many regencies still use). Health units and schools have their own.
PELAKSANA: dict[str, tuple[str, ...]] = {
    "SD": ("Operator Layanan Operasional",),
    "SLTP": ("Operator Layanan Operasional",),
    "SLTA": ("Pengadministrasi Perkantoran", "Pengadministrasi Umum", "Operator Layanan Operasional"),
    "D3": ("Pengolah Data dan Informasi", "Pengelola Keuangan", "Pengadministrasi Perkantoran"),
    "S1": (
        "Penata Layanan Operasional",
        "Penelaah Teknis Kebijakan",
        "Pengolah Data dan Informasi",
        "Pengelola Keuangan",
        "Pengelola Barang Milik Daerah",
    ),
}
PELAKSANA_HEALTH = {
    "SLTA": ("Operator Layanan Kesehatan",),
    "D3": ("Pengelola Layanan Kesehatan",),
    "S1": ("Pengelola Layanan Kesehatan", "Pengelola Keuangan"),
}
PELAKSANA_SCHOOL = {
    "SLTA": ("Operator Layanan Operasional", "Pengadministrasi Perkantoran"),
    "D3": ("Pengadministrasi Perkantoran",),
    "S1": ("Pengolah Data dan Informasi",),
}
PELAKSANA_FIELDS = (("sosial", 5), ("ekonomi", 4), ("komputer", 2), ("hukum", 1))
