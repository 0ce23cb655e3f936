"""Browser tests: Debian's Chromium driven by Playwright (sync API) against a live server.

One browser per session; each test gets its own context (cookies, viewport). Staff log
in through the real login page once (``test_application_flow``); elsewhere a session
cookie made by ``hrss.iam.testing.force_login_staff`` stands in. Screenshots go to
``test-artifacts/screenshots/`` (gitignored).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from hrss.iam.models import Account
from hrss.iam.testing import force_login_staff

CHROMIUM = os.environ.get("HRSS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
]
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 760}


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        # `make test` installs it (browser-deps); a missing browser is a broken set-up, not a
        # reason to pass quietly: browser tests fail rather than skip (in CI and locally).
        pytest.fail(f"{CHROMIUM} is not installed: run `make browser-deps`")
    from playwright import sync_api

    # Playwright's sync API keeps an asyncio loop "running" in the main thread while it is
    # open; Django's guard against ORM calls from async code would refuse the tests' own
    # (synchronous) database work. The pages under test run in the live server's threads.
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_api.sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture
def new_context(browser, live_server):
    """Make a fresh context (optionally phone-sized, without JS, or signed in)."""
    contexts = []

    def make(*, viewport: dict[str, int] = DESKTOP, javascript: bool = True, account=None):
        context = browser.new_context(
            base_url=live_server.url,
            viewport=viewport,
            locale="zh-CN",
            java_script_enabled=javascript,
            accept_downloads=True,
        )
        context.set_default_timeout(10_000)
        if account is not None:
            context.add_cookies([session_cookie(account, live_server.url)])
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def session_cookie(account: Account, url: str) -> dict[str, str]:
    """A signed-in session for ``account`` (second factor marked passed for staff)."""
    client = Client()
    force_login_staff(client, account)
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"name": settings.SESSION_COOKIE_NAME, "value": value, "url": url}


@pytest.fixture(scope="session")
def shots(pytestconfig) -> Path:
    folder = pytestconfig.rootpath / "test-artifacts" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


FORM_CONTROLS_WITHOUT_LABEL = """
() => {
  const bad = [];
  const controls = document.querySelectorAll(
    'input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea');
  for (const el of controls) {
    const labelled = (el.labels && el.labels.length > 0) || el.getAttribute('aria-label')
      || el.getAttribute('aria-labelledby') || el.getAttribute('title');
    if (!labelled) bad.push(el.outerHTML.slice(0, 120));
  }
  for (const el of document.querySelectorAll('button, a[href]')) {
    const name = (el.textContent || '').trim() || el.getAttribute('aria-label');
    if (!name) bad.push(el.outerHTML.slice(0, 120));
  }
  for (const el of document.querySelectorAll('img')) {
    if (!el.hasAttribute('alt')) bad.push(el.outerHTML.slice(0, 120));
  }
  for (const el of document.querySelectorAll('svg[role=img], [role=img]')) {
    const named = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
    if (!named) bad.push(el.outerHTML.slice(0, 120));
  }
  return bad;
}
"""


def assert_accessible(page) -> None:
    """Every form control labelled, every link and button named, every image described;
    one <h1>, a lang attribute, and a main landmark (an axe-core subset, in the real browser)."""
    offenders = page.evaluate(FORM_CONTROLS_WITHOUT_LABEL)
    assert offenders == [], offenders
    assert page.locator("h1").count() == 1
    assert page.locator("html[lang]").count() == 1
    assert page.get_by_role("main").count() == 1


def assert_fits(page, width: int) -> None:
    """Nothing wider than the screen (no sideways scrolling on a 360 px phone)."""
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"page is {scroll}px wide on a {width}px screen"


def shoot(page, shots: Path, name: str) -> None:
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
