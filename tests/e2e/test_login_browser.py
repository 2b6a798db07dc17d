"""Log in with MitID in Debian's Chromium: bin/serve with the local OIDC provider, the chat page, book, log out.

The citizen asks for their meetings, logs in at the provider's form as a demo citizen, sees the meeting the
caseworker booked, books one more, starts a new conversation (both still listed) and logs out (asked to log
in again). Screenshots go to /tmp/shots12/.
"""
import re
import shutil
from pathlib import Path

import pytest

from tests.e2e.procs import serving
from tests.e2e.test_browser import ARGS, CHROMIUM

pytestmark = pytest.mark.browser

ANNA = "demo-anna-4f1c"
SHOTS = Path("/tmp/shots12")
LOGIN_NEEDED = "Det handler om din egen sag, så du skal logge ind med MitID først."
BY_JOBCENTRE = "(booket af jobcentret)"
WAIT_MS = 30_000


@pytest.fixture
def served(tmp_path, rasa_url):
    with serving(tmp_path, rasa_url, "browser-login", LOGIN_REQUIRED="true") as proc:
        yield proc


async def answered(page, before: int) -> None:
    """Wait until the bot's answer (one or more bubbles) has arrived after `before` bubbles."""
    from playwright.async_api import expect

    await page.wait_for_function("n => document.querySelectorAll('#log .msg.bot').length > n", arg=before,
                                 timeout=WAIT_MS)
    await expect(page.locator("#typing")).to_have_text("", timeout=WAIT_MS)


async def ask(page, text: str) -> None:
    """Type a message and wait for the bot's answer to it."""
    before = await page.locator("#log .msg.bot").count()
    await page.fill("#message", text)
    await page.press("#message", "Enter")
    await answered(page, before)


async def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


async def test_log_in_book_new_chat_and_log_out_in_a_real_browser(served):
    from playwright.async_api import async_playwright, expect

    if not shutil.which("chromium"):
        pytest.fail("Chromium is not installed: `make browser` (or `make system-deps`) installs Debian's chromium")
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = await browser.new_page(locale="da-DK", viewport={"width": 390, "height": 844})
            await page.goto(served.url)
            bot = page.locator("#log .msg.bot")
            await expect(bot.first).to_contain_text("chatbot", timeout=WAIT_MS)
            await expect(page.locator("#identity")).to_be_hidden()

            await ask(page, "hvornår er min samtale")
            await expect(bot.last).to_contain_text(LOGIN_NEEDED)
            await shot(page, "01-login-asked")
            await bot.last.locator("a.choice", has_text="Log ind med MitID").click()

            await page.wait_for_url(re.compile(r"/authorize"), timeout=WAIT_MS)  # the provider's own page
            await shot(page, "02-provider")
            await page.fill('input[name="sub"]', ANNA)
            await page.get_by_role("button", name="Authorize").click()

            await page.wait_for_url(served.url + "/", timeout=WAIT_MS)  # back in the chat
            await expect(bot.last).to_contain_text(BY_JOBCENTRE, timeout=WAIT_MS)  # what was asked, answered
            await expect(page.locator("#log")).to_contain_text("Du er nu logget ind med MitID.")
            await expect(page.locator("#identity")).to_be_visible()
            await expect(page.locator("#log-out")).to_be_visible()
            listed = await bot.last.locator("p.text").inner_text()
            assert listed.count(BY_JOBCENTRE) == 2, listed  # Anna's two meetings, booked by her caseworker
            await shot(page, "03-logged-in-meetings")

            await ask(page, "jeg vil booke en samtale")
            invite = page.locator("#log a.attachment")
            for _ in range(8):  # the first live choice each time, to a booked meeting with its calendar invite
                if await invite.count():
                    break
                before = await bot.count()
                await page.locator("#log button.choice:not(:disabled)").first.click()
                await answered(page, before)
            await expect(invite).to_contain_text(".ics")
            await shot(page, "04-booked")

            await page.click("#new-chat")
            await expect(bot).to_have_count(1, timeout=WAIT_MS)  # a new conversation: just the greeting
            await ask(page, "hvornår er min samtale")
            listed = await bot.last.locator("p.text").inner_text()
            assert listed.startswith("Dine samtaler:") and listed.count(BY_JOBCENTRE) == 2, listed
            assert len(re.findall(r"\bmed [A-ZÆØÅ]", listed)) == 3, listed  # the two, and the one just booked
            await shot(page, "05-new-chat-still-listed")

            await page.click("#log-out")
            await expect(page.locator("#identity")).to_be_hidden(timeout=WAIT_MS)
            await expect(page.locator("#logged-out")).to_contain_text("Du er logget ud.")
            await expect(bot).to_have_count(1, timeout=WAIT_MS)
            await ask(page, "hvornår er min samtale")
            await expect(bot.last).to_contain_text(LOGIN_NEEDED)
            await shot(page, "06-logged-out")
        finally:
            await browser.close()
