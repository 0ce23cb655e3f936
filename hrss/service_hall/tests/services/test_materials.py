"""Uploads judged by content and size, stored content-addressed; 免提交 reuse of what is on file."""

from datetime import datetime

import pytest

from hrss.core import blobstore, clock
from hrss.core.crypto import sm3_hex
from hrss.core.errors import DomainError
from hrss.service_hall import services
from hrss.service_hall.errors import MaterialNotFound, NotEditable
from hrss.service_hall.models import Certificate, Material
from hrss.service_hall.selectors import access_material_by_id
from hrss.service_hall.sniffing import clean_filename, sniff
from hrss.service_hall.tests.factories import JPEG, PDF, PNG, draft, make_item, submitted

pytestmark = pytest.mark.django_db


def upload(actor, app, code, data, filename="file.pdf"):
    return services.material_upload(
        actor=actor, application_id=app.pk, code=code, filename=filename, data=data
    )


def test_sniffing_reads_the_bytes():
    assert (sniff(PDF), sniff(PNG), sniff(JPEG)) == ("application/pdf", "image/png", "image/jpeg")
    assert sniff(b"") is None and sniff(b"just some text") is None


def test_a_png_renamed_pdf_is_refused_where_only_pdf_is_accepted(zhang, item):
    app = draft(zhang, item)
    with pytest.raises(DomainError) as refused:
        upload(zhang, app, "M02", PNG, filename="scan.pdf")
    assert refused.value.code == "material.type_not_accepted"
    assert refused.value.extra["detected"] == "image/png"
    assert not Material.objects.exists()


def test_oversize_and_empty_files_are_refused(zhang, item):
    item.materials.filter(code="M02").update(max_bytes=len(PDF) - 1)
    app = draft(zhang, item)
    with pytest.raises(DomainError) as too_large:
        upload(zhang, app, "M02", PDF)
    with pytest.raises(DomainError) as empty:
        upload(zhang, app, "M01", b"")
    assert too_large.value.code == "material.too_large"
    assert empty.value.code == "material.empty"
    assert not Material.objects.exists()


def test_unknown_material_codes_are_refused(zhang, item):
    with pytest.raises(DomainError) as refused:
        upload(zhang, draft(zhang, item), "M99", PDF)
    assert refused.value.code == "material.unknown_code"


def test_upload_is_stored_under_its_sm3_and_linked(zhang, person_zhang, item):
    app = draft(zhang, item)
    link = upload(zhang, app, "M02", PDF, filename="../../etc/申请表.pdf")

    material = link.material
    assert material.blob_key == sm3_hex(PDF) and blobstore.get(material.blob_key) == PDF
    assert (material.content_type, material.size) == ("application/pdf", len(PDF))
    assert material.filename == "申请表.pdf" and material.person == person_zhang
    replaced = upload(zhang, app, "M02", PDF)
    assert app.material_links.count() == 1 and replaced.material != material


def test_filenames_lose_directories_and_control_characters():
    assert clean_filename("C:\\Users\\x\\证件.png") == "证件.png"
    assert clean_filename("a\x00b\n.pdf") == "ab.pdf"
    assert clean_filename("..") == "file"


def test_materials_cannot_change_once_submitted(zhang, item):
    app = submitted(zhang, item)
    with pytest.raises(NotEditable):
        upload(zhang, app, "M02", PDF)


def test_another_citizen_cannot_upload_to_my_application(zhang, li, item):
    with pytest.raises(DomainError) as refused:
        upload(li, draft(zhang, item), "M02", PDF)
    assert refused.value.code == "application.not_found"


def test_an_id_copy_on_file_is_reused_instead_of_asked_again(zhang, item):
    first = draft(zhang, item)
    id_copy = upload(zhang, first, "M01", JPEG, filename="id.jpg").material

    second = draft(zhang, make_item("GG09903001"))

    link = second.material_links.get(code="M01")
    assert link.material == id_copy and link.reused
    assert not second.material_links.filter(code="M02").exists()


def test_reuse_skips_materials_the_item_would_not_accept(zhang, item):
    upload(zhang, draft(zhang, item), "M01", JPEG)
    strict = make_item(
        "GG09904001",
        materials=[
            {
                "code": "M01",
                "name": "身份证",
                "reusable_kind": "id_copy",
                "accepted_types": "application/pdf",
            }
        ],
    )
    assert not draft(zhang, strict).material_links.exists()


def test_reuse_service_attaches_what_arrived_since_the_draft(zhang, item):
    later = draft(zhang, make_item("GG09905001"))
    upload(zhang, draft(zhang, item), "M01", PNG)

    links = services.application_reuse_materials(actor=zhang, application_id=later.pk)

    assert [(x.code, x.reused) for x in links] == [("M01", True)]


def test_an_e_certificate_on_file_is_reused(zhang, person_zhang):
    key = blobstore.put(PDF)
    Certificate.objects.create(
        verification_code="ABCD1234",
        kind="person_insurance_proof",
        person=person_zhang,
        holder_masked="张*",
        issued_at=datetime(2025, 3, 1, tzinfo=clock.SHANGHAI),
        content_sm3=key,
        signature="00",
        signer_public_key="00",
        storage_key=key,
        issued_by="system",
    )
    item = make_item(
        "GG09906001",
        materials=[
            {
                "code": "M01",
                "name": "参保缴费凭证",
                "reusable_kind": "person_insurance_proof",
                "accepted_types": "application/pdf",
            }
        ],
    )

    link = draft(zhang, item).material_links.get()

    assert link.reused and link.material.blob_key == key
    assert link.material.content_type == "application/pdf"


def test_material_access_same_not_found_for_others_and_missing(zhang, li, item):
    mine = upload(zhang, draft(zhang, item), "M02", PDF).material

    assert access_material_by_id(actor=zhang, material_id=mine.pk) == mine
    with pytest.raises(MaterialNotFound) as forbidden:
        access_material_by_id(actor=li, material_id=mine.pk)
    with pytest.raises(MaterialNotFound) as missing:
        access_material_by_id(actor=li, material_id=mine.pk + 1000)
    assert forbidden.value.as_problem() == missing.value.as_problem()


def test_staff_see_materials_of_applications_in_their_district(
    zhang, clerk_wuchang, clerk_xiangyang, item
):
    app = submitted(zhang, item)
    material = app.material_links.get(code="M02").material

    assert access_material_by_id(actor=clerk_wuchang, material_id=material.pk) == material
    with pytest.raises(MaterialNotFound):
        access_material_by_id(actor=clerk_xiangyang, material_id=material.pk)
