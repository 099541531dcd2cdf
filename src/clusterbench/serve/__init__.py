"""The assessor's workbench: a local web page over a folder of assessments.

``clusterbench serve FOLDER`` starts it (the ``serve`` extra: Starlette, uvicorn,
ruamel.yaml).  It lists the folder's assessments, creates new ones from any criteria
set, and edits one in a form made from its criteria while the level, the gap and the
margin follow every change; it saves the file keeping its comments and layout, and
renders the report.  See ``docs/workbench.md``.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
