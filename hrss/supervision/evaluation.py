"""Ground truth and hit files: ``screen --evaluate`` and ``screen --hits-out``.

Both speak interchange.md's ``rule,subject,detail`` with ``subject`` an ID
number, USCC or claim_id. Inside the platform a person is only ever its blind
index, so:

* **evaluation** turns each ground-truth ID number into its blind index (HMAC,
  no decryption) and joins on ``(rule, blind index)``;
* **the hits file** is the staff's own export of suspects: for person rules the
  command decrypts the ID numbers here, in the command layer, after the rules
  ran (never in analytics), and writes one ``screening.hits_export`` audit row
  naming how many identifiers it revealed. Treat the file as personal data.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

from hrss.analytics.rules import RULES
from hrss.analytics.screening import RuleRun, Score, score
from hrss.audit.services import audit_record
from hrss.core.actors import Actor
from hrss.core.errors import DomainError
from hrss.core.identifiers import parse_id_number
from hrss.registry.models import Person
from hrss.registry.protection import id_number_index, reveal_id_number

REVEAL_CHUNK = 2000


def _truth_key(rule: str, subject: str) -> str:
    """The subject as screening reports it: the blind index for person rules."""
    known = RULES.get(rule)
    if known is None or known.subject != "person":
        return subject
    try:
        return id_number_index(parse_id_number(subject).value)
    except DomainError:
        return f"invalid:{subject}"


def read_ground_truth(path: Path) -> list[tuple[str, str]]:
    """``(rule, subject key)`` pairs of a ``ground_truth.csv``."""
    if not path.is_file():
        raise DomainError("supervision.truth_missing", f"找不到文件: {path}")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not {"rule", "subject"} <= set(reader.fieldnames or ()):
            raise DomainError(
                "supervision.truth_format", "ground_truth.csv 须有 rule 和 subject 列"
            )
        return [(r["rule"].strip(), _truth_key(r["rule"].strip(), r["subject"].strip()))
                for r in reader]  # fmt: skip


def evaluate(runs: Iterable[RuleRun], truth_path: Path) -> list[Score]:
    """Precision and recall per rule that ran, joining on ``(rule, subject)``."""
    runs = list(runs)
    hits = [(r.rule.code, s) for r in runs for s in r.hits.column("subject").to_pylist()]
    codes = [r.rule.code for r in runs]
    truth = [(rule, key) for rule, key in read_ground_truth(truth_path) if rule in codes]
    return score(hits, truth, codes)


def _revealed(indexes: list[str]) -> dict[str, str]:
    rows = Person.objects.filter(id_number_index__in=indexes).values_list(
        "id_number_index", "id_number_enc"
    )
    return {index: reveal_id_number(bytes(enc)) for index, enc in rows}


def _rows(run: RuleRun) -> Iterator[tuple[str, str, str]]:
    """One rule's hits with interchange subjects (ID numbers decrypted per chunk)."""
    person = run.rule.subject == "person"
    for batch in run.hits.to_batches(max_chunksize=REVEAL_CHUNK):
        rows = batch.to_pylist()
        names = _revealed([r["subject"] for r in rows]) if person else {}
        for r in rows:
            yield r["rule"], names.get(r["subject"], r["subject"]), r["detail"]


def write_hits(*, actor: Actor, runs: Iterable[RuleRun], path: Path) -> int:
    """Write ``rule,subject,detail`` to ``path``; audited. Returns the rows written."""
    written = revealed = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["rule", "subject", "detail"])
        for run in runs:
            for row in _rows(run):
                out.writerow(row)
                written += 1
                revealed += run.rule.subject == "person"
    audit_record(
        actor=actor, action="screening.hits_export", object_type="supervision.hits_file",
        object_id=path.name, reason="筛查线索导出",
        extra={"rows": written, "id_numbers_revealed": revealed},
    )  # fmt: skip
    return written
