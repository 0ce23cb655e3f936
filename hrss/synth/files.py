"""The files the generator writes and their columns (interchange.md, in order)."""

from __future__ import annotations

COLUMNS: dict[str, tuple[str, ...]] = {
    "persons": (
        "id_number",
        "name",
        "gender",
        "birth_date",
        "hukou_region",
        "residence_region",
        "phone",
        "address",
    ),
    "employers": ("uscc", "name", "industry", "region", "risk_class", "registered_on"),
    "employment": ("id_number", "uscc", "start_date", "end_date", "end_reason", "occupation"),
    "life_events": ("id_number", "event", "event_date", "source"),
    "parameters": ("name", "region", "valid_from", "valid_to", "value"),
    "enrolments": ("id_number", "insurance", "uscc", "start_month", "end_month"),
    "contributions": (
        "id_number",
        "uscc",
        "insurance",
        "period",
        "base",
        "employer_amount",
        "employee_amount",
        "paid_on",
    ),
    "benefit_payments": ("id_number", "benefit", "period", "amount", "region", "paid_on"),
    "cards": ("id_number", "card_number", "issuing_region", "status", "issued_on"),
    "claims": (
        "claim_id",
        "id_number",
        "institution_code",
        "institution_region",
        "visit_type",
        "admission_date",
        "discharge_date",
        "diagnosis",
        "total_amount",
        "fund_amount",
        "settled_on",
    ),
    "claim_items": (
        "claim_id",
        "item_code",
        "item_name",
        "item_type",
        "quantity",
        "unit_price",
        "days_supply",
        "trace_code",
        "restriction",
    ),
    "personal_accounts": (
        "id_number",
        "year",
        "opening_balance",
        "credited",
        "interest",
        "closing_balance",
    ),
    "ground_truth": ("rule", "subject", "detail"),
}
# Files filled person by person, chunk by chunk (the others are written whole).
PER_PERSON = (
    "persons",
    "employment",
    "life_events",
    "enrolments",
    "contributions",
    "benefit_payments",
    "cards",
    "claims",
    "claim_items",
    "personal_accounts",
)


def header(name: str) -> str:
    """The header line of file ``name``."""
    return ",".join(COLUMNS[name]) + "\n"


def csv_text(value: str) -> str:
    """A free-text cell, quoted only when it needs to be (RFC 4180)."""
    if "," in value or '"' in value or "\n" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


def csv_line(fields: list[str] | tuple[str, ...]) -> str:
    """One CSV line (LF-terminated) of free-text fields."""
    return ",".join(csv_text(f) for f in fields) + "\n"
