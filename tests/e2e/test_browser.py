"""The web chat in Debian's Chromium (Playwright): greeting, type a message, see the reply, click a button."""
import shutil

import pytest

from bot.settings import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags for a closed network and running as root (see the machine notes in the README).
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser


async def test_chat_in_a_real_browser(client, tmp_path):
    from playwright.async_api import async_playwright, expect

    if not shutil.which("chromium"):
        pytest.fail("Chromium is not installed: `make browser` (or `make system-deps`) installs Debian's chromium")
    url = str(client.server.make_url("/"))
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = await browser.new_page(locale="da-DK")
            await page.goto(url)
            bot = page.locator("#log .msg.bot")
            await expect(bot.first).to_contain_text("chatbot", timeout=15_000)  # the /start greeting

            await page.fill("#message", "hvornår er min næste samtale")
            await page.press("#message", "Enter")
            await expect(page.locator("#log .msg.user").last).to_contain_text("hvornår er min næste samtale")
            await expect(bot.last).to_contain_text("ingen bookede samtaler", timeout=15_000)

            count = await bot.count()
            await page.locator(".msg.bot .choice", has_text="Book en samtale").last.click()
            await expect(bot).to_have_count(count + 1, timeout=15_000)
            await expect(bot.last).to_contain_text("Hvilken slags samtale")
            await page.screenshot(path=str(ROOT / "reports" / "browser.png"), full_page=True)
        finally:
            await browser.close()
