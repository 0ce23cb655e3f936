"""Tampering of every kind is detected by audit_verify."""

import pytest
from django.db import DatabaseError, connection, transaction

from conftest import SYSTEM
from hrss.audit.models import AuditEntry, AuditHead
from hrss.audit.selectors import audit_verify
from hrss.audit.services import audit_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain():
    for i in range(6):
        audit_record(
            actor=SYSTEM, action="test.event", object_id=i, extra={"n": i, "note": f"第{i}条"}
        )
    return list(AuditEntry.objects.order_by("id"))


def _unlock_log():
    """Drop the append-only guard, as an attacker with database access could."""
    with connection.cursor() as cur:
        if connection.vendor == "sqlite":
            cur.execute("DROP TRIGGER audit_entry_no_update")
            cur.execute("DROP TRIGGER audit_entry_no_delete")
        else:
            cur.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER USER")


def _sql(statement, params=()):
    with connection.cursor() as cur:
        cur.execute(statement, params)


def test_intact_chain_verifies(chain):
    report = audit_verify()
    assert (report.ok, report.checked, report.first_bad_id) == (True, 6, None)


def test_database_refuses_update_and_delete(chain):
    for statement in (
        "UPDATE audit_auditentry SET action = 'x' WHERE id = 2",
        "DELETE FROM audit_auditentry WHERE id = 2",
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            _sql(statement)
    assert audit_verify().ok


def test_edited_row_is_found(chain):
    _unlock_log()
    _sql("UPDATE audit_auditentry SET actor_name = 'someone-else' WHERE id = 3")
    report = audit_verify()
    assert (report.ok, report.first_bad_id) == (False, 3)
    assert "edited" in report.problem


def test_edited_extra_is_found(chain):
    _unlock_log()
    AuditEntry.objects.filter(id=4).update(extra={"n": 40, "note": "第3条"})
    assert audit_verify().first_bad_id == 4


def test_deleted_row_is_found(chain):
    _unlock_log()
    _sql("DELETE FROM audit_auditentry WHERE id = 2")
    report = audit_verify()
    assert (report.ok, report.first_bad_id) == (False, 2)


def test_reordered_rows_are_found(chain):
    _unlock_log()
    a, b = chain[2], chain[3]
    _sql("UPDATE audit_auditentry SET id = 1000 WHERE id = %s", [a.id])
    _sql("UPDATE audit_auditentry SET id = %s WHERE id = %s", [a.id, b.id])
    _sql("UPDATE audit_auditentry SET id = %s WHERE id = 1000", [b.id])
    report = audit_verify()
    assert (report.ok, report.first_bad_id) == (False, 3)


def test_truncated_tail_is_found(chain):
    _unlock_log()
    _sql("DELETE FROM audit_auditentry WHERE id >= 5")
    report = audit_verify()
    assert (report.ok, report.first_bad_id) == (False, 5)
    assert "truncated" in report.problem


def test_rewinding_the_head_without_the_key_is_found(chain):
    _unlock_log()
    _sql("DELETE FROM audit_auditentry WHERE id >= 5")
    AuditHead.objects.filter(pk=1).update(last_id=4, count=4, last_tag=chain[3].tag)
    report = audit_verify()
    assert (report.ok, report.problem) == (False, "chain head edited")


def test_verify_command_exit_status(chain):
    from django.core.management import CommandError, call_command

    call_command("audit", "verify")
    _unlock_log()
    _sql("UPDATE audit_auditentry SET reason = 'x' WHERE id = 1")
    with pytest.raises(CommandError, match="#1"):
        call_command("audit", "verify")


def test_anchor_detects_truncation_even_with_the_head_rewritten(chain, tmp_path):
    import json

    from django.core.management import CommandError, call_command

    from hrss.audit.anchor import anchor_check, anchor_create
    from hrss.audit.chain import head_tag
    from hrss.audit.services import _key

    anchor = anchor_create()
    assert anchor_check(anchor).ok
    path = tmp_path / "anchor.json"
    path.write_text(json.dumps(anchor))
    call_command("audit", "verify", "--anchor", str(path))

    # An insider with the HMAC key cuts the last two rows and rewrites the head to match.
    _unlock_log()
    _sql("DELETE FROM audit_auditentry WHERE id >= 5")
    tag4 = chain[3].tag
    AuditHead.objects.filter(pk=1).update(
        last_id=4, count=4, last_tag=tag4, tag=head_tag(_key(), 4, tag4, 4)
    )
    assert audit_verify().ok  # the chain alone cannot tell ...
    check = anchor_check(anchor)  # ... the signed anchor can
    assert (check.ok, check.problem) == (False, "anchored row #6 is missing (log truncated)")
    with pytest.raises(CommandError, match="anchor check failed"):
        call_command("audit", "verify", "--anchor", str(path))


def test_forged_anchor_is_refused(chain):
    from hrss.audit.anchor import anchor_check, anchor_create

    anchor = anchor_create()
    anchor["count"] = 999
    assert anchor_check(anchor).problem == "anchor signature does not verify"
