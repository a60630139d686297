"""What the demo school offers: its departments, subjects, profiles and teams.

A typical Dutch secondary school: MAVO (4 years), HAVO (5) and VWO (6), with mixed
``MAVO/HAVO`` and ``HAVO/VWO`` classes in the lower years.
"""

from __future__ import annotations

from dataclasses import dataclass

from koppel.domain.school import EducationType, LeadingSide

BRANCH_CODE = "HV"
BRANCH_NAME = "Hoofdvestiging"
SCHOOL_NAME = "Demo College"
STUDENT_MAIL_DOMAIN = "leerling.example.org"
STAFF_MAIL_DOMAIN = "example.org"
CLASS_SIZE = 28
CLUSTER_SIZE = 26


@dataclass(frozen=True, slots=True)
class DemoDepartment:
    code: str
    name: str
    year: int
    education_type: EducationType
    weight: float
    lwoo_share: float
    next_codes: tuple[str, ...]
    """Where its students usually go next year; empty for an exam year."""

    @property
    def home_class_lead(self) -> LeadingSide:
        """The scheduler makes the home classes of the upper years (desktop leidend)."""
        return LeadingSide.PROJECT if self.year >= 4 and self.code != "4M" else LeadingSide.PORTAL

    @property
    def has_packages(self) -> bool:
        return self.year >= 4

    @property
    def has_clusters(self) -> bool:
        return self.year >= 4


M, MH, H, HV, V = (
    EducationType.MAVO,
    EducationType.MAVO_HAVO,
    EducationType.HAVO,
    EducationType.HAVO_VWO,
    EducationType.VWO,
)

DEPARTMENTS: tuple[DemoDepartment, ...] = (
    DemoDepartment("1M", "1 MAVO", 1, M, 0.9, 0.14, ("2M",)),
    DemoDepartment("1MH", "1 MAVO/HAVO", 1, MH, 0.8, 0.06, ("2MH",)),
    DemoDepartment("1HV", "1 HAVO/VWO", 1, HV, 1.5, 0.0, ("2HV",)),
    DemoDepartment("2M", "2 MAVO", 2, M, 0.9, 0.13, ("3M",)),
    DemoDepartment("2MH", "2 MAVO/HAVO", 2, MH, 0.8, 0.05, ("3M", "3H")),
    DemoDepartment("2HV", "2 HAVO/VWO", 2, HV, 1.5, 0.0, ("3H", "3V")),
    DemoDepartment("3M", "3 MAVO", 3, M, 1.1, 0.11, ("4M",)),
    DemoDepartment("3H", "3 HAVO", 3, H, 1.0, 0.01, ("4H",)),
    DemoDepartment("3V", "3 VWO", 3, V, 1.0, 0.0, ("4V",)),
    DemoDepartment("4M", "4 MAVO", 4, M, 1.1, 0.09, ()),
    DemoDepartment("4H", "4 HAVO", 4, H, 1.1, 0.0, ("5H",)),
    DemoDepartment("4V", "4 VWO", 4, V, 0.9, 0.0, ("5V",)),
    DemoDepartment("5H", "5 HAVO", 5, H, 1.0, 0.0, ()),
    DemoDepartment("5V", "5 VWO", 5, V, 0.85, 0.0, ("6V",)),
    DemoDepartment("6V", "6 VWO", 6, V, 0.8, 0.0, ()),
)

# Subjects every upper-year student takes, per education type.
COMMON_SUBJECTS: dict[EducationType, tuple[str, ...]] = {
    M: ("ne", "en", "lo", "maat"),
    H: ("ne", "en", "lo", "maat", "ckv"),
    V: ("ne", "en", "lo", "maat", "ckv", "fa"),
}

# Profile subjects (profielvakken) and the electives (keuzevakken) one of which is taken.
PROFILES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "NT": (("wisb", "nat", "schk"), ("inf", "biol", "nlt")),
    "NG": (("wisa", "biol", "schk"), ("nat", "ak", "inf")),
    "EM": (("wisa", "econ", "gs"), ("beco", "ak", "du")),
    "CM": (("gs", "wisc"), ("ak", "kubv", "du", "fa")),
}
PROFILE_WEIGHTS: dict[str, float] = {"NT": 0.2, "NG": 0.25, "EM": 0.35, "CM": 0.2}

# MAVO packages are sector-like: four subjects out of these.
MAVO_ELECTIVES: tuple[str, ...] = ("wi", "nask1", "nask2", "biol", "econ", "gs", "ak", "du", "fa")

# The occasional exemption (vrijstelling): a medical one for PE, or an arts subject.
EXEMPTIONS: tuple[str, ...] = ("lo", "ckv", "fa", "du")

# Subjects taught to the home classes of the lower years.
LOWER_YEAR_SUBJECTS: tuple[str, ...] = ("ne", "en", "wi", "gs", "bi", "lo")

# Team leaders each lead a group of departments.
TEAMS: dict[str, tuple[str, ...]] = {
    "onderbouw mavo": ("1M", "1MH", "2M", "2MH"),
    "bovenbouw mavo": ("3M", "4M"),
    "onderbouw havo/vwo": ("1HV", "2HV", "3H", "3V"),
    "bovenbouw havo": ("4H", "5H"),
    "bovenbouw vwo": ("4V", "5V", "6V"),
}

PROGNOSIS_COMMENTS: tuple[str, ...] = (
    "Twijfel tussen twee niveaus; bespreken in de leerlingbespreking.",
    "Advies mentor na gesprek met ouders.",
    "Resultaten wiskunde volgen.",
    "Op proef bevorderd.",
    "Doubleren besproken met ouders.",
)
