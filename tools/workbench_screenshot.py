"""Take the README's screenshot of the workbench: `python tools/workbench_screenshot.py`.

Serves a copy of the examples, opens the Gold assessment in Debian's Chromium, answers
"no" to a minimum requirement so that the panel shows the gap, and writes
docs/workbench.png.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_serve_browser import ARGS, CHROMIUM, GOLD, TOKEN, Server  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "assessments"
        shutil.copytree(ROOT / "examples", folder)
        server = Server(folder)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 760})
                page.goto(f"{server.origin}/edit?file={GOLD}&token={TOKEN}")
                page.locator("input[name='answer:G05:value'][value='false']").check()
                expect(page.locator("#panel .level")).to_have_text("no level")
                page.locator("#category\\:strategy").scroll_into_view_if_needed()
                page.screenshot(path=ROOT / "docs" / "workbench.png")
                browser.close()
        finally:
            server.stop()
    print("wrote docs/workbench.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
