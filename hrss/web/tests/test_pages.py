import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _home(client, **headers) -> str:
    response = client.get(reverse("web:home"), **headers)
    assert response.status_code == 200
    return response.content.decode()


class TestHome:
    def test_chinese_by_default(self, client):
        page = _home(client)
        assert '<html lang="zh-Hans">' in page
        for text in (
            "湖北省人力资源和社会保障厅",
            "一网通办",
            "一库",
            "一卡",
            "一网",
            "个人服务",
            "单位服务",
            "工作人员入口",
            "12333",
            "备案号",
        ):
            assert text in page
        assert f'href="{reverse("iam:login")}"' in page
        assert f'href="{reverse("admin:index")}"' in page

    def test_english_with_accept_language(self, client):
        page = _home(client, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
        assert '<html lang="en">' in page
        assert "Personal services" in page
        assert "Staff entrance" in page
        assert "个人服务" not in page

    def test_english_with_the_language_cookie(self, client):
        client.cookies["django_language"] = "en"
        page = _home(client)
        assert "Employer services" in page
        assert "One-Stop Online Services" in page

    def test_language_switch_posts_to_set_language(self, client):
        page = _home(client)
        assert f'action="{reverse("set_language")}"' in page
        response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
        assert response.status_code == 302
        assert client.cookies["django_language"].value == "en"
        assert "Personal services" in _home(client)
        assert 'value="zh-hans"' in _home(client)

    def test_logged_in_user_sees_a_logout_button_not_a_link(self, client, django_user_model):
        user = django_user_model.objects.create_user(username="u1", password="x", role="citizen")
        client.force_login(user)
        page = _home(client)
        assert "您好,u1" in page
        assert re.search(rf'<form[^>]+action="{reverse("iam:logout")}"[^>]+method="post"', page)

    def test_no_assets_from_other_sites(self, client):
        page = _home(client)
        for tag in re.findall(r"<(?:link|script|img)[^>]*>", page):
            assert "//" not in tag, tag


class TestLargeText:
    def test_switch_is_a_plain_link_and_is_remembered(self, client):
        page = _home(client)
        assert "large-text" not in re.search(r"<body[^>]*>", page).group(0)
        link = reverse("web:text_size") + "?size=large&amp;next=/"
        assert link in page
        response = client.get(reverse("web:text_size"), {"size": "large", "next": "/"})
        assert response.status_code == 302
        assert response["Location"] == "/"
        cookie = client.cookies["hrss_text_size"]
        assert cookie.value == "large"
        assert int(cookie["max-age"]) >= 30 * 24 * 3600
        page = _home(client)
        assert 'class="large-text"' in page
        assert "标准字体" in page

    def test_switch_back(self, client):
        client.cookies["hrss_text_size"] = "large"
        client.get(reverse("web:text_size"), {"size": "normal", "next": "/"})
        assert 'class="large-text"' not in _home(client)

    def test_foreign_next_is_ignored_and_bad_size_changes_nothing(self, client):
        response = client.get(
            reverse("web:text_size"), {"size": "huge", "next": "https://x.example/"}
        )
        assert response["Location"] == "/"
        assert "hrss_text_size" not in response.cookies


class TestStylesheet:
    def test_served_by_us_with_the_accent_and_large_text_rules(self):
        path = finders.find("web/site.css")
        assert path, "web/site.css must be found by the static finders"
        css = Path(path).read_text(encoding="utf-8")
        assert "#1F4E9A" in css
        assert ".large-text" in css
        assert "http://" not in css
        assert "https://" not in css
        assert "min-height: 44px" in css
