"""Models of the insurance area, one module per concern (re-exported here)."""

from hrss.insurance.models.benefits import (
    PensionClaim,
    PensionClaimStatus,
    StopReason,
    UnemploymentBenefitClaim,
    UnemploymentClaimStatus,
)
from hrss.insurance.models.certification import (
    CertificationEvidence,
    CertificationStatus,
    EvidenceSource,
    PensionerCertification,
    SuspendReason,
)
from hrss.insurance.models.outbox import Notice, NoticeTopic
from hrss.insurance.models.records import (
    PENSION_BENEFITS,
    Benefit,
    BenefitPayment,
    Contribution,
    Enrolment,
    Insurance,
    Parameter,
    ParameterName,
    PersonalAccount,
    money_field,
)
from hrss.insurance.models.transfers import PensionTransfer, PensionTransferEvent

__all__ = [
    "PENSION_BENEFITS",
    "Benefit",
    "BenefitPayment",
    "CertificationEvidence",
    "CertificationStatus",
    "Contribution",
    "Enrolment",
    "EvidenceSource",
    "Insurance",
    "Notice",
    "NoticeTopic",
    "Parameter",
    "ParameterName",
    "PensionClaim",
    "PensionClaimStatus",
    "PensionTransfer",
    "PensionTransferEvent",
    "PensionerCertification",
    "PersonalAccount",
    "StopReason",
    "SuspendReason",
    "UnemploymentBenefitClaim",
    "UnemploymentClaimStatus",
    "money_field",
]
