"""A real browser: Debian's Chromium, headless, driven by Playwright (no browser download)."""

import asyncio
import shutil
from collections.abc import AsyncIterator, Iterable
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, async_playwright

from tsunagu_local.stack import Stack

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    executable = shutil.which("chromium")
    assert executable, "Chromium is missing: make test installs it (deploy/ensure-chromium.sh)"
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        await browser.close()


CONTEXT = {"locale": "ja-JP", "timezone_id": "Asia/Tokyo"}


@pytest.fixture
async def page(browser: Browser, stack: Stack) -> AsyncIterator[Page]:
    """A fresh page; at the end, no screen may have broken the Content-Security-Policy."""
    context = await browser.new_context(base_url=stack.url(), **CONTEXT)
    page = await context.new_page()
    refused: list[str] = []
    page.on(
        "console",
        lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None,
    )
    yield page
    await context.close()
    assert refused == [], refused


AXE = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
AXE_RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


async def assert_accessible(page: Page, screen: str, *, skip: Iterable[str] = ()) -> None:
    """axe-core over the page as it is now: no serious or critical violation (WCAG 2.1 AA, best practice).

    Call it once the screen's content is visible (React renders after the load event). `skip` names
    rules this one screen may break for now; each caller says why beside it.
    """
    assert AXE.is_file(), f"{AXE} is missing: cd frontend && npm ci"
    if not await page.evaluate("typeof window.axe === 'object'"):
        # Evaluated through the DevTools protocol: an injected <script> would break the page's CSP.
        await page.evaluate(await asyncio.to_thread(AXE.read_text, encoding="utf-8"))
    options = {
        "runOnly": {"type": "tag", "values": AXE_RULES},
        "rules": {rule: {"enabled": False} for rule in skip},
    }
    result = await page.evaluate("options => axe.run(document, options)", options)
    problems = [
        f"  {violation['id']} ({violation['impact']}): {violation['help']}\n"
        + "".join(f"      {' '.join(map(str, node['target']))}\n" for node in violation["nodes"][:4])
        + (f"      … and {len(violation['nodes']) - 4} more\n" if len(violation["nodes"]) > 4 else "")
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert not problems, f"{screen} ({page.url}): axe-core found\n" + "".join(problems)
