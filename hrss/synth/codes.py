"""Identifiers that are unique by construction, so that chunks need no shared state.

* Card numbers, claim ids and drug traceability codes are an affine bijection
  (``a·x + b mod m``, ``gcd(a, m) = 1``) of a number built from the person's
  global index and an ordinal: distinct inputs give distinct codes, and the
  codes do not look sequential.
* ID-number sequence digits: a chunk ``c`` of ``C ≤ 499`` chunks only uses the
  sequence pairs ``v ≡ c − f(address, birth) (mod C)``, so two chunks can never
  give the same address code and birth date the same sequence; within a chunk a
  small set rejects repeats.
"""

from __future__ import annotations

import math
import random
from datetime import date

MAX_CHUNKS = 499
CARD_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I, O
CARD_SPACE = len(CARD_LETTERS) * 10**8
CLAIM_SPACE = 10**15
TRACE_SPACE = 10**13
CARDS_PER_PERSON = 4
CLAIMS_PER_PERSON = 64
ITEMS_PER_CLAIM = 64


class Scrambler:
    """A bijection of ``range(modulus)`` chosen by ``rng``."""

    __slots__ = ("a", "b", "m")

    def __init__(self, modulus: int, rng: random.Random) -> None:
        a = rng.randrange(modulus // 3, modulus)
        while math.gcd(a, modulus) != 1:
            a += 1
        self.a, self.b, self.m = a, rng.randrange(modulus), modulus

    def __call__(self, x: int) -> int:
        return (self.a * x + self.b) % self.m


class Codes:
    """The run's scramblers for card numbers, claim ids and trace codes."""

    __slots__ = ("card", "claim", "trace")

    def __init__(self, seed: int) -> None:
        rng = random.Random(f"{seed}:codes")
        self.card = Scrambler(CARD_SPACE, rng)
        self.claim = Scrambler(CLAIM_SPACE, rng)
        self.trace = Scrambler(TRACE_SPACE, rng)

    def card_number(self, person: int, ordinal: int) -> str:
        """9 characters: a letter and 8 digits (ordinal < 4)."""
        v = self.card(person * CARDS_PER_PERSON + ordinal)
        return f"{CARD_LETTERS[v // 10**8]}{v % 10**8:08d}"

    def claim_id(self, person: int, ordinal: int) -> str:
        """``C`` and 15 digits (ordinal < 64)."""
        return f"C{self.claim(person * CLAIMS_PER_PERSON + ordinal):015d}"

    def trace_code(self, product: int, person: int, claim: int, item: int) -> str:
        """20 digits: ``8``, a 6-digit product id, a 13-digit serial."""
        serial = self.trace((person * CLAIMS_PER_PERSON + claim) * ITEMS_PER_CLAIM + item)
        return f"8{product:06d}{serial:013d}"


def id_sequence(
    rng: random.Random, chunk: int, chunks: int, address: str, birth: date, gender: int
) -> int:
    """The 3-digit sequence of an ID number: odd for men, even for women, never 000/001."""
    f = (int(address) + birth.toordinal()) % chunks
    v0 = (chunk - f) % chunks
    first = v0 if v0 >= 1 else chunks
    count = (MAX_CHUNKS - first) // chunks + 1
    v = first + chunks * int(rng.random() * count)
    return 2 * v + 1 if gender == 1 else 2 * v
