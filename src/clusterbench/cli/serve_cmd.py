"""``clusterbench serve [FOLDER]``: the assessor's workbench in the browser."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .status import EXIT_OK, UsageError


def run(args: argparse.Namespace) -> int:
    """Serve the folder until Ctrl-C; print the address (with its token) first."""
    folder = Path(args.folder)
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder")
    try:
        import uvicorn

        from ..serve import create_app
        from ..serve.security import new_token
    except ImportError as exc:
        raise UsageError(
            f"the workbench needs the serve extra ({exc.name} is missing): "
            "pip install 'clusterbench[serve]'"
        ) from None
    import socket

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((args.host, args.port))
    except OSError as exc:
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {exc.strerror}") from None
    port = listener.getsockname()[1]
    token = new_token()
    hosts = {f"{args.host}:{port}", f"localhost:{port}"}
    app = create_app(folder, token=token, hosts=hosts, language=args.lang)
    url = f"http://{args.host}:{port}/?token={token}"
    print(f"clusterbench workbench for {folder.resolve()}", flush=True)
    print(f"open {url}", flush=True)
    print("(Ctrl-C stops it)", file=sys.stderr, flush=True)
    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    server.run(sockets=[listener])
    return EXIT_OK
