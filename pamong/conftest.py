"""Shared test fixtures: a small regency and the named personas every test uses.

The org tree:

    Kabupaten Contoh (root)
    ├── Sekretariat Daerah (OPD)
    ├── Badan Kepegawaian Daerah (OPD)
    ├── Dinas Kesehatan (OPD)
    │   └── Bidang Pelayanan Kesehatan
    │       └── Puskesmas Kota
    └── Dinas Pendidikan (OPD)
        └── Bidang Pembinaan SD
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

PASSWORD = "persona-password-123"


@dataclass
class Regency:
    root: object
    setda: object
    bkd: object
    dinkes: object
    dinkes_bidang: object
    puskesmas: object
    dindik: object
    dindik_bidang: object


@pytest.fixture
def regency(db) -> Regency:
    from pamong.people.models import OrgUnit, UnitKind

    def unit(code: str, name: str, kind: str, parent=None, opd=None):
        u = OrgUnit.objects.create(code=code, name=name, kind=kind, parent=parent)
        u.opd = opd or (u if parent is not None and parent.parent_id is None else None)
        u.save(update_fields=["opd"])
        return u

    root = unit("35.99", "Kabupaten Contoh", UnitKind.PEMDA)
    setda = unit("35.99.01", "Sekretariat Daerah", UnitKind.SEKRETARIAT, root)
    bkd = unit("35.99.02", "Badan Kepegawaian Daerah", UnitKind.BADAN, root)
    dinkes = unit("35.99.03", "Dinas Kesehatan", UnitKind.DINAS, root)
    dinkes_bidang = unit("35.99.03.01", "Bidang Pelayanan Kesehatan", UnitKind.BIDANG, dinkes, dinkes)
    puskesmas = unit("35.99.03.01.01", "Puskesmas Kota", UnitKind.PUSKESMAS, dinkes_bidang, dinkes)
    dindik = unit("35.99.04", "Dinas Pendidikan", UnitKind.DINAS, root)
    dindik_bidang = unit("35.99.04.01", "Bidang Pembinaan SD", UnitKind.BIDANG, dindik, dindik)
    return Regency(root, setda, bkd, dinkes, dinkes_bidang, puskesmas, dindik, dindik_bidang)


def make_employee(unit, *, name: str, nip: str, position=None, user=None, status: str = "pns", golongan: str = "III/c"):
    from pamong.people.models import Employee
    from pamong.people.nip import parse_nip

    info = parse_nip(nip, today=dt.date(2026, 11, 28))
    return Employee.objects.create(
        nip=nip,
        name=name,
        sex=info.sex,
        birth_date=info.birth_date,
        status=status,
        golongan=golongan,
        org_unit=unit,
        position=position,
        user=user,
        tmt_start=info.start_date,
    )


@dataclass
class Personas:
    ani: object  # BKD administrator, whole regency, has TOTP
    budi: object  # operator of Dinas Kesehatan and everything under it
    citra: object  # employee at Dinas Pendidikan, no role: must not see Dinas Kesehatan
    dodi: object  # administrator (Kepala Bidang Pelayanan Kesehatan), workshop participant, no role
    eka: object  # Sekda: read-only leader of the whole regency
    fajar: object  # head of Dinas Pendidikan: read-only leader of its subtree
    gita: object  # facilitator of the transformation programme
    citra_employee: object
    dodi_employee: object
    eka_employee: object
    nurse_employee: object  # an employee of Puskesmas Kota with no account
    regency: Regency


@pytest.fixture
def personas(regency) -> Personas:
    from allauth.mfa.totp.internal.auth import TOTP

    from pamong.accounts.models import Role, RoleAssignment, User
    from pamong.people.models import Position, PositionType

    def user(username: str, first: str, last: str = "") -> User:
        u = User.objects.create_user(username, f"{username}@contoh.go.id", PASSWORD, first_name=first, last_name=last)
        return u

    ani = user("ani", "Ani", "Lestari")
    TOTP.activate(ani, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    RoleAssignment.objects.create(user=ani, role=Role.BKD_ADMIN, org_unit=None)
    budi = user("budi", "Budi", "Santoso")
    RoleAssignment.objects.create(user=budi, role=Role.OPERATOR, org_unit=regency.dinkes, include_subtree=True)
    citra = user("citra", "Citra", "Dewi")
    dodi = user("dodi", "Dodi", "Pratama")
    eka = user("eka", "Eka", "Wijaya")
    RoleAssignment.objects.create(user=eka, role=Role.LEADER, org_unit=None)
    fajar = user("fajar", "Fajar", "Nugroho")
    RoleAssignment.objects.create(user=fajar, role=Role.LEADER, org_unit=regency.dindik, include_subtree=True)
    gita = user("gita", "Gita", "Purnamasari")
    RoleAssignment.objects.create(user=gita, role=Role.FACILITATOR, org_unit=regency.bkd)

    kabid = Position.objects.create(
        name="Kepala Bidang Pelayanan Kesehatan",
        position_type=PositionType.ADMINISTRATOR,
        org_unit=regency.dinkes_bidang,
    )
    regency.dinkes_bidang.head_position = kabid
    regency.dinkes_bidang.save(update_fields=["head_position"])
    sekda = Position.objects.create(
        name="Sekretaris Daerah", position_type=PositionType.JPT_MADYA, org_unit=regency.setda
    )
    guru = Position.objects.create(
        name="Guru Ahli Pertama",
        position_type=PositionType.FUNGSIONAL,
        functional_level="ahli_pertama",
        org_unit=regency.dindik_bidang,
    )
    perawat = Position.objects.create(
        name="Perawat Terampil",
        position_type=PositionType.FUNGSIONAL,
        functional_level="terampil",
        org_unit=regency.puskesmas,
    )
    citra_e = make_employee(
        regency.dindik_bidang, name="Citra Dewi", nip="199203152019032004", position=guru, user=citra
    )
    dodi_e = make_employee(
        regency.dinkes_bidang, name="Dodi Pratama", nip="198005102005011003", position=kabid, user=dodi, golongan="IV/a"
    )
    eka_e = make_employee(
        regency.setda, name="Eka Wijaya", nip="197001011995031001", position=sekda, user=eka, golongan="IV/d"
    )
    nurse = make_employee(
        regency.puskesmas, name="Sri Wahyuni", nip="199512122022212001", position=perawat, status="pppk", golongan="VII"
    )
    return Personas(ani, budi, citra, dodi, eka, fajar, gita, citra_e, dodi_e, eka_e, nurse, regency)


@pytest.fixture
def login(client):
    """``login(persona_user)`` logs the test client in as that user and returns it."""

    def _login(user):
        client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")
        return client

    return _login
