"""电子证照: 参保证明 (proof of insurance) issued as a signed PDF, and its public verification.

* :mod:`.services` — ``issue_person_insurance_proof``, ``issue_employer_insurance_proof``
  (render, sign, store, record, audit);
* :mod:`.verification` — ``certificate_verify_code``, ``certificate_verify_bytes``;
* :mod:`.selectors` — ``certificate_for_holder`` (the holder's own download);
* :mod:`.content`, :mod:`.pdf`, :mod:`.fonts`, :mod:`.codes` — what is printed and how.

Design notes: ``hrss/service_hall/CERTIFICATES.md``.
"""

from hrss.service_hall.certificates.selectors import certificate_for_holder, certificate_pdf
from hrss.service_hall.certificates.services import (
    issue_employer_insurance_proof,
    issue_insurance_proof_for,
    issue_person_insurance_proof,
)
from hrss.service_hall.certificates.verification import (
    VerificationResult,
    VerificationStatus,
    certificate_verify_bytes,
    certificate_verify_code,
)

__all__ = [
    "VerificationResult",
    "VerificationStatus",
    "certificate_for_holder",
    "certificate_pdf",
    "certificate_verify_bytes",
    "certificate_verify_code",
    "issue_employer_insurance_proof",
    "issue_insurance_proof_for",
    "issue_person_insurance_proof",
]
