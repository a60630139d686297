"""Synthetic Dutch people for the demo school: names with infixes, addresses in the towns
around the school, real-looking postcodes. Built from Faker's ``nl_NL`` word lists and
drawn with one seeded random generator, so a seed always gives the same school."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from faker.providers.address.nl_NL import Provider as DutchAddresses
from faker.providers.person.nl_NL import Provider as DutchNames

from koppel.domain.personal import Gender

_PLAIN_WORD = re.compile(r"^[A-Z][a-z]{2,14}$")

# How often Dutch surnames carry an infix (tussenvoegsel), roughly.
INFIXES: tuple[tuple[str, float], ...] = (
    ("", 0.70),
    ("de", 0.09),
    ("van", 0.08),
    ("van der", 0.04),
    ("van den", 0.03),
    ("van de", 0.025),
    ("ter", 0.01),
    ("den", 0.005),
    ("van 't", 0.005),
    ("in 't", 0.005),
)
COMMON_STREETS: tuple[str, ...] = (
    "Kerkstraat",
    "Dorpsstraat",
    "Schoolstraat",
    "Molenweg",
    "Stationsweg",
    "Julianalaan",
    "Beatrixstraat",
    "Wilhelminastraat",
    "Industrieweg",
    "Nieuwstraat",
    "Kastanjelaan",
    "Eikenlaan",
)
STREET_SUFFIXES: tuple[str, ...] = ("straat", "laan", "weg", "hof", "singel", "dreef", "plein")
FORBIDDEN_POSTCODE_LETTERS = frozenset({"SA", "SD", "SS"})
TOWNS = 12


@dataclass(frozen=True, slots=True)
class Town:
    name: str
    postcode_base: int


@dataclass(frozen=True, slots=True)
class Person:
    first_name: str
    infix: str
    last_name: str
    gender: Gender


@dataclass(frozen=True, slots=True)
class Address:
    street: str
    house_number: str
    postcode: str
    city: str


def _plain(words: tuple[str, ...] | list[str]) -> list[str]:
    return sorted({word for word in words if _PLAIN_WORD.match(word)})


class PeopleFactory:
    """Draws names and addresses with the given random generator."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._male = _plain(list(DutchNames.first_names_male))
        self._female = _plain(list(DutchNames.first_names_female))
        self._last = _plain(list(DutchNames.last_names))
        self._infixes = [infix for infix, _ in INFIXES]
        self._infix_weights = [weight for _, weight in INFIXES]
        streets = [name + rng.choice(STREET_SUFFIXES) for name in rng.sample(self._last, 60)]
        self._streets = sorted(set(streets) | set(COMMON_STREETS))
        cities = rng.sample(_plain(list(DutchAddresses.cities)), TOWNS)
        bases = rng.sample(range(1000, 9900, 10), TOWNS)
        self.towns = [Town(city, base) for city, base in zip(cities, bases, strict=True)]
        # Most students live in the school's own town; the rest in the towns around it.
        self._town_weights = [6.0] + [1.0] * (TOWNS - 1)
        letters = [a + b for a in "ABCDEFGHJKLMNPRSTVWXZ" for b in "ABCDEFGHJKLMNPRSTVWXZ"]
        self._letters = [pair for pair in letters if pair not in FORBIDDEN_POSTCODE_LETTERS]

    def person(self, gender: Gender | None = None) -> Person:
        rng = self._rng
        if gender is None:
            gender = rng.choices(
                (Gender.MALE, Gender.FEMALE, Gender.OTHER), weights=(0.49, 0.49, 0.02)
            )[0]
        names = self._male if gender is Gender.MALE else self._female
        if gender is Gender.OTHER:
            names = rng.choice((self._male, self._female))
        infix = rng.choices(self._infixes, weights=self._infix_weights)[0]
        return Person(rng.choice(names), infix, rng.choice(self._last), gender)

    def address(self) -> Address:
        rng = self._rng
        town = rng.choices(self.towns, weights=self._town_weights)[0]
        number = str(rng.randint(1, 180))
        if rng.random() < 0.08:
            number += rng.choice(("a", "b", "-1", "-2", " bis"))
        postcode = f"{town.postcode_base + rng.randint(0, 9)} {rng.choice(self._letters)}"
        return Address(rng.choice(self._streets), number, postcode, town.name)
