"""Words at the edge: every sentence a reader sees, in every language clusterbench speaks.

The Result holds facts and numbers; these modules turn them into sentences for the
report, the terminal (`score`), `criteria show`, `new` and the workbench, all from one
gettext catalog per language (plural forms by CLDR's rules) and Babel's formats:

- :mod:`.words` — :class:`Phrases`: texts, statuses, lights, answers, rules;
- :mod:`.versions` — a criteria version as readers read it;
- :mod:`.requirements` — a level's requirements, as met or as stated;
- :mod:`.decision` — the awarding body's decision, and the tag of a level;
- :mod:`.validity` — how long the label lasts, its lapse and renewal;
- :mod:`.comparison` — the previous assessment and what is compared with it;
- :mod:`.peers` — the peer group, ranks among the other clusters, their levels;
- :mod:`.summary` — the terminal summary;
- :mod:`.overview` — a criteria set in plain text;
- :mod:`.questionnaire` — a blank assessment with every question as a comment.

Nothing here imports Jinja2 or WeasyPrint.
"""

from __future__ import annotations

from .overview import overview
from .questionnaire import questionnaire
from .requirements import requirement, statement
from .summary import summary
from .words import Phrases, Said

__all__ = ["Phrases", "Said", "overview", "questionnaire", "requirement", "statement", "summary"]
