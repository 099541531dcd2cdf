"""The bundled criteria sets, read and checked once per version of their text.

Reading esca-gold (YAML, schema, semantic checks) takes some 40 ms, and a report of an
assessment with two earlier ones reads three sets: a tenth of the command.  The result
of reading a bundled set is kept in the user's cache (:mod:`clusterbench._cache`),
keyed by a checksum of the file's text together with clusterbench's own code, and
stored with that key: an entry is used only when the text read now and the code running
now give the same key, so an edited criteria file, an upgrade or a change to a source
checkout is read afresh.  Only bundled sets are kept, and only valid ones (an invalid
one raises its errors as ever); a set the user names by its file is always read.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from .._cache import cache_folder, code_fingerprint
from ..errors import InputError
from ..models.criteria import Criteria
from .criteria import load_criteria_file
from .reader import read_text

__all__ = ["load_bundled_criteria"]


def load_bundled_criteria(path: Path) -> tuple[Criteria, str]:
    """A bundled criteria file's model and text, from the cache when it holds this text."""
    folder = cache_folder("criteria")
    if folder is None:
        return load_criteria_file(path)
    try:
        text = read_text(path)
    except InputError:
        return load_criteria_file(path)  # which says what is wrong, located
    key = _key(path, text)
    entry = folder / f"{path.stem}.{key[:40]}.pickle"
    found = _read(entry, key)
    if found is not None:
        return found, text
    criteria, read = load_criteria_file(path)
    if read == text:  # not changed between the two readings
        _write(folder, entry, key, criteria)
    return criteria, read


def _key(path: Path, text: str) -> str:
    digest = hashlib.sha256(f"{code_fingerprint()}\0{path.name}\0".encode())
    digest.update(text.encode("utf-8"))
    return digest.hexdigest()


def _read(entry: Path, key: str) -> Criteria | None:
    try:
        data = entry.read_bytes()
    except OSError:
        return None
    try:
        stored_key, criteria = pickle.loads(data)  # our own folder, private to this user
    except Exception:  # a torn or foreign file: read the criteria again
        return None
    if stored_key != key or not isinstance(criteria, Criteria):
        return None
    return criteria


def _write(folder: Path, entry: Path, key: str, criteria: Criteria) -> None:
    """Store an entry whole (a temporary file renamed), replacing the same set's older ones."""
    try:
        data = pickle.dumps((key, criteria), protocol=pickle.HIGHEST_PROTOCOL)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, entry)
        except BaseException:
            os.unlink(temporary)
            raise
        stem = entry.name.split(".", 1)[0]
        for old in folder.glob(f"{stem}.*.pickle"):
            if old != entry:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        return  # a cache that cannot be written is no cache: nothing is lost
