"""The workbench: re-scoring after one changed answer, the assessment page, a warm PDF.

Measured through the application itself (Starlette's test client: routing, form
parsing, checks, scoring, templates), which is the server's time for a request; the
browser's share (network on loopback, rendering) is not in these figures.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from starlette.testclient import TestClient
from tests.serving import form_of

from clusterbench.serve import create_app

from .common import ROOT, line, time_call

TOKEN = "benchmark"
HOST = "127.0.0.1:8765"
ORIGIN = f"http://{HOST}"
GOLD = "fjordhelse/2021-gold.yaml"


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "assessments"
        shutil.copytree(ROOT / "examples", folder)
        client = TestClient(create_app(folder, token=TOKEN, hosts={HOST}), base_url=ORIGIN)
        client.cookies.set("clusterbench_token_8765", TOKEN)
        headers = {"origin": ORIGIN}
        form = form_of(client, GOLD)
        values = iter(range(10**9))

        def rescore() -> None:
            form["answer:G10:value"] = [str(50 + next(values) % 50)]
            answer = client.post(f"/evaluate?file={GOLD}", data=form, headers=headers)
            assert answer.status_code == 200

        print(f"workbench on {GOLD} (31 indicators and 5 of eligibility, {len(form)} form fields)")
        print(
            line(
                "re-score after one changed answer (POST /evaluate)",
                time_call(rescore, repeat=200),
                "ms",
            )
        )
        page = lambda: client.get(f"/edit?file={GOLD}")  # noqa: E731
        print(line("the assessment page (GET /edit)", time_call(page, repeat=50), "ms"))
        print(
            line(
                f"the folder page, {len(list(folder.rglob('*.yaml')))} files (GET /)",
                time_call(lambda: client.get("/"), repeat=50),
                "ms",
            )
        )

        def pdf() -> None:
            answer = client.post(
                f"/report?file={GOLD}&lang=en&format=pdf", data=form, headers=headers
            )
            assert answer.content.startswith(b"%PDF")

        print(
            line("the 13-page report as PDF, warm (POST /report)", time_call(pdf, repeat=10), "s")
        )
        sizes = re.findall(r"<fieldset", client.get(f"/edit?file={GOLD}").text)
        print(f"  the page holds {len(sizes)} indicator fieldsets")
