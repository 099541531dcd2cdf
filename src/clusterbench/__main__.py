"""``python -m clusterbench``"""

from clusterbench.cli import run

run()
