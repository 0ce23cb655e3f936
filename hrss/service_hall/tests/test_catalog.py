"""The shipped catalog, its search in Chinese, and audited edits in the admin."""

import pytest
from django.core.exceptions import ValidationError

from conftest import sign_in
from hrss.audit.models import AuditEntry
from hrss.service_hall.errors import ServiceItemNotFound
from hrss.service_hall.models import RequiredMaterial, ServiceItem
from hrss.service_hall.models.catalog import ITEM_CODE_RE, validate_item_code
from hrss.service_hall.seed import load_service_catalog
from hrss.service_hall.selectors import service_item_get, service_item_search
from hrss.service_hall.selectors.catalog import subsequence_spread

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_session(client, admin_wang):
    """The administrator persona signed in to the Django admin."""
    admin_wang.is_staff = admin_wang.is_superuser = True
    admin_wang.save()
    return sign_in(client, admin_wang)


FULLY_ONLINE = {
    "参保证明打印",
    "失业保险金申领",
    "社会保障卡补换",
    "就业登记",
    "失业登记",
    "养老保险关系转移接续申请",
    "待遇资格认证",
    "个人参保登记",
}


def test_the_migration_seeds_at_least_twenty_real_items():
    items = ServiceItem.objects.all()
    assert items.count() >= 20
    assert all(ITEM_CODE_RE.match(i.code) for i in items)
    assert {i.category for i in items} == {
        "employment",
        "social_insurance",
        "card",
        "labour_relations",
        "talent",
    }


def test_the_items_of_this_release_are_fully_online():
    online = set(ServiceItem.objects.filter(fully_online=True).values_list("name", flat=True))
    assert online >= FULLY_ONLINE
    proof = ServiceItem.objects.get(name="参保证明打印")
    assert proof.instant and proof.promised_limit_days == 0


def test_reseeding_is_idempotent_and_keeps_admin_additions():
    before = ServiceItem.objects.count()
    ServiceItem.objects.create(
        code="GG09999001",
        name="本地事项",
        category="talent",
        legal_limit_days=1,
        promised_limit_days=1,
    )
    assert load_service_catalog(ServiceItem, RequiredMaterial) == before
    assert ServiceItem.objects.count() == before + 1


def test_codes_follow_gbt_39554():
    validate_item_code("GG00101001")
    for bad in ("GG0010100", "gg00101001", "ZZ00101001", "GG0010100A"):
        with pytest.raises(ValidationError):
            validate_item_code(bad)


def test_unemployment_benefit_is_found_by_its_popular_name():
    names = [i.name for i in service_item_search("失业金")]
    assert names[0] == "失业保险金申领"


def test_subsequence_finds_what_no_keyword_lists():
    ServiceItem.objects.filter(name="失业保险金申领").update(keywords="")
    names = [i.name for i in service_item_search("失业金")]
    assert names[0] == "失业保险金申领"
    assert "失业登记" not in names  # has 失业 but no 金 after it


def test_substring_beats_subsequence_and_every_term_must_match():
    assert service_item_search("社会保障卡")[0].name.startswith("社会保障卡")
    assert [i.name for i in service_item_search("社保卡 挂失")] == ["社会保障卡临时挂失"]
    assert service_item_search("火星移民") == []


def test_search_by_code_and_blank_query():
    assert service_item_search("gg00101001")[0].code == "GG00101001"
    assert len(service_item_search("  ")) == ServiceItem.objects.filter(active=True).count()


def test_spread_measures_how_scattered_the_characters_are():
    assert subsequence_spread("失业", "失业保险金申领") == 0
    assert subsequence_spread("失业金", "失业保险金申领") == 2
    assert subsequence_spread("金失", "失业保险金申领") is None


def test_inactive_and_missing_items_are_not_found():
    ServiceItem.objects.filter(code="GG00101001").update(active=False)
    with pytest.raises(ServiceItemNotFound):
        service_item_get("GG00101001")
    with pytest.raises(ServiceItemNotFound):
        service_item_get("GG99999999")
    assert "参保证明打印" not in [i.name for i in service_item_search("参保证明")]


def test_the_model_refuses_an_executor_not_on_the_allow_list():
    item = ServiceItem.objects.get(code="GG00101001")
    item.executor = "os.system"
    with pytest.raises(ValidationError) as refused:
        item.full_clean()
    assert "executor" in refused.value.message_dict


def test_admin_edits_of_items_and_materials_are_audited(admin_session):
    client = admin_session
    response = client.post(
        "/admin/service_hall/serviceitem/add/",
        {
            "code": "GG09998001",
            "name": "新增事项",
            "category": "talent",
            "applicant": "person",
            "legal_limit_days": 10,
            "promised_limit_days": 5,
            "fee": "0",
            "channels": "web,app",
            "active": "on",
            "materials-TOTAL_FORMS": "1",
            "materials-INITIAL_FORMS": "0",
            "materials-MIN_NUM_FORMS": "0",
            "materials-MAX_NUM_FORMS": "1000",
            "materials-0-position": "1",
            "materials-0-code": "M01",
            "materials-0-name": "身份证",
            "materials-0-accepted_types": "image/png",
            "materials-0-max_bytes": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    item = ServiceItem.objects.get(code="GG09998001")
    assert item.materials.get().accepted_type_list == ["image/png"]
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"admin.serviceitem.add", "admin.requiredmaterial.add"} <= actions


@pytest.mark.parametrize(
    "model", ["serviceitem", "application", "applicationevent", "material", "notification"]
)
def test_admin_pages_render(admin_session, model):
    client = admin_session
    assert client.get(f"/admin/service_hall/{model}/").status_code == 200


def test_admin_item_page_shows_its_materials(admin_session):
    client = admin_session
    item = ServiceItem.objects.get(code="JF00201001")
    page = client.get(f"/admin/service_hall/serviceitem/{item.pk}/change/").content.decode()
    assert "解除或者终止劳动关系的证明" in page
