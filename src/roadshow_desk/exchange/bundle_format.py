"""The station bundle file (``.rsdb``): reading, writing, checking, encryption.

A bundle is a ZIP archive (see docs/BUNDLES.md):

* ``manifest.json`` -- always readable: the format and its version, the bundle's own uuid,
  the station and its region, the event (uuid and name), the app's schema revision, the
  station's clock at export, the range the bundle covers, the number of records per table,
  the SHA-256 of the content and, for an encrypted bundle, how it is encrypted;
* ``records/<table>.jsonl`` -- one JSON object per line and record (plain bundles);
* ``content.enc`` -- instead of the records, when the event has a bundle passphrase: an
  AES-256-GCM encryption (key from the passphrase with scrypt) of a ZIP holding the same
  ``records/*.jsonl`` entries.

:func:`read_bundle` refuses, with one sentence and before anything is written, a file that
is empty, not a ZIP, not a bundle, truncated, damaged (a CRC or the content's checksum does
not match), from a newer version of the app, or encrypted with another passphrase.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from roadshow_desk.errors import InputError
from roadshow_desk.i18n import QT_TRANSLATE_NOOP, fmt, translate

FORMAT = "roadshow-desk-bundle"
FORMAT_VERSION = 1
SUFFIX = ".rsdb"
MANIFEST = "manifest.json"
ENCRYPTED_ENTRY = "content.enc"
RECORDS_PREFIX = "records/"
ENV_PASSPHRASE = "ROADSHOW_DESK_PASSPHRASE"
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


class BundleRefused(InputError):
    """The file cannot be merged; the message is one sentence for the user."""


class PassphraseNeeded(BundleRefused):
    """The bundle is encrypted and no passphrase was given."""


class WrongPassphrase(BundleRefused):
    """The passphrase given does not open the bundle."""


@dataclass
class Bundle:
    """A bundle read and checked: its manifest and its record entries (plain JSON Lines)."""

    path: Path
    manifest: dict[str, Any]
    entries: dict[str, bytes] = field(default_factory=dict)
    _parsed: dict[str, list[dict[str, Any]]] = field(default_factory=dict, repr=False)

    @property
    def uuid(self) -> str:
        return str(self.manifest.get("bundle_uuid", ""))

    @property
    def station(self) -> str:
        return str(self.manifest.get("station", ""))

    def records(self, table: str) -> list[dict[str, Any]]:
        """The records of ``table`` (parsed once; callers must not change them). A line that
        is not a JSON object raises :class:`BundleRefused` (the checksum matched, so the
        writer was broken): a merge then rolls back."""
        found = self._parsed.get(table)
        if found is None:
            data = self.entries.get(f"{RECORDS_PREFIX}{table}.jsonl", b"")
            try:
                # One parse of the whole entry as an array (JSON Lines never hold a raw
                # newline inside a value): far cheaper than one json.loads a line.
                text = data.decode("utf-8").strip()
                found = json.loads("[" + text.replace("\n", ",") + "]") if text else []
                if not all(isinstance(record, dict) for record in found):
                    raise ValueError(table)
            except (ValueError, UnicodeDecodeError) as exc:
                raise _refuse(
                    QT_TRANSLATE_NOOP("Bundles", "“%1” is damaged; nothing was merged."), self.path
                ) from exc
            self._parsed[table] = found
        return found

    def count(self, table: str) -> int:
        """How many records of ``table`` the bundle holds (without parsing them)."""
        data = self.entries.get(f"{RECORDS_PREFIX}{table}.jsonl", b"")
        return sum(1 for line in data.splitlines() if line.strip())


def content_digest(entries: dict[str, bytes]) -> str:
    """SHA-256 of the record entries: each name, its length and its bytes, names sorted."""
    digest = hashlib.sha256()
    for name in sorted(entries):
        data = entries[name]
        digest.update(name.encode("utf-8") + b"\0" + str(len(data)).encode() + b"\0")
        digest.update(data)
    return digest.hexdigest()


def _key(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, **_SCRYPT).derive(passphrase.encode("utf-8"))


def _zip_bytes(entries: dict[str, bytes], method: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method, compresslevel=6) as archive:
        for name in sorted(entries):
            archive.writestr(name, entries[name])
    return buffer.getvalue()


def write_bundle(
    path: str | Path,
    manifest: dict[str, Any],
    entries: dict[str, bytes],
    *,
    passphrase: str | None = None,
) -> Path:
    """Write a bundle atomically (a temporary file renamed into place); returns the path.

    ``manifest`` gets ``format``, ``format_version``, ``sha256`` and ``encryption``.
    """
    path = Path(path)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        **manifest,
        "sha256": content_digest(entries),
        "encryption": None,
    }
    payload: dict[str, bytes]
    if passphrase:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        salt, nonce = os.urandom(16), os.urandom(12)
        manifest["encryption"] = {
            "cipher": "AES-256-GCM",
            "kdf": "scrypt",
            **_SCRYPT,
            "salt": base64.b64encode(salt).decode(),
            "nonce": base64.b64encode(nonce).decode(),
        }
        inner = _zip_bytes(entries, zipfile.ZIP_DEFLATED)
        sealed = AESGCM(_key(passphrase, salt)).encrypt(
            nonce, inner, str(manifest["bundle_uuid"]).encode()
        )
        payload = {ENCRYPTED_ENTRY: sealed}
    else:
        payload = entries
    temporary = path.with_name(path.name + ".part")
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
        )
        for name in sorted(payload):
            method = zipfile.ZIP_STORED if name == ENCRYPTED_ENTRY else zipfile.ZIP_DEFLATED
            archive.writestr(name, payload[name], compress_type=method, compresslevel=6)
    os.replace(temporary, path)
    return path


def _refuse(text: str, path: Path, cls: type[BundleRefused] = BundleRefused) -> BundleRefused:
    return cls(fmt(translate("Bundles", text), path.name))


def read_manifest(path: str | Path) -> dict[str, Any]:
    """Only the manifest (for listing a bundle without opening its content)."""
    return _open(Path(path))[1]


def _open(path: Path) -> tuple[zipfile.ZipFile, dict[str, Any]]:
    try:
        head = path.read_bytes()[:4]
    except OSError as exc:
        raise BundleRefused(
            fmt(
                translate("Bundles", "“%1” cannot be read: %2."),
                path.name,
                exc.strerror or str(exc),
            )
        ) from exc
    if not head:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Bundles", "“%1” is empty: it is not a station bundle; nothing was merged."
            ),
            path,
        )
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        if head == b"PK\x03\x04":
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "Bundles",
                    "“%1” is damaged or incomplete (was it copied to the end?); nothing was "
                    "merged.",
                ),
                path,
            ) from exc
        raise _refuse(
            QT_TRANSLATE_NOOP("Bundles", "“%1” is not a station bundle; nothing was merged."), path
        ) from exc
    try:
        raw = archive.read(MANIFEST)
        manifest = json.loads(raw.decode("utf-8"))
        if not isinstance(manifest, dict):
            raise ValueError("manifest is not an object")
    except KeyError as exc:
        archive.close()
        raise _refuse(
            QT_TRANSLATE_NOOP("Bundles", "“%1” is not a station bundle; nothing was merged."), path
        ) from exc
    except (ValueError, zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
        archive.close()
        raise _refuse(
            QT_TRANSLATE_NOOP("Bundles", "“%1” is damaged; nothing was merged."), path
        ) from exc
    if manifest.get("format") != FORMAT:
        archive.close()
        raise _refuse(
            QT_TRANSLATE_NOOP("Bundles", "“%1” is not a station bundle; nothing was merged."), path
        )
    from roadshow_desk.store.migrations import KNOWN_REVISIONS

    version = manifest.get("format_version")
    newer_format = not isinstance(version, int) or version > FORMAT_VERSION
    if newer_format or str(manifest.get("schema_revision", "")) not in KNOWN_REVISIONS:
        archive.close()
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Bundles",
                "“%1” was written by a newer version of Roadshow Desk; update the app to merge "
                "it. Nothing was merged.",
            ),
            path,
        )
    return archive, manifest


def is_encrypted(manifest: dict[str, Any]) -> bool:
    return bool(manifest.get("encryption"))


def read_bundle(
    path: str | Path, passphrase: str | Callable[[dict[str, Any]], str | None] | None = None
) -> Bundle:
    """Read and check a bundle (see the module); ``passphrase`` is the text, or a function
    asked for it with the manifest when the bundle is encrypted (``None``: none given;
    ``$ROADSHOW_DESK_PASSPHRASE`` is tried then)."""
    path = Path(path)
    archive, manifest = _open(path)
    with archive:
        try:
            if is_encrypted(manifest):
                entries = _decrypt(archive, manifest, path, passphrase)
            else:
                entries = {
                    name: archive.read(name)
                    for name in archive.namelist()
                    if name.startswith(RECORDS_PREFIX)
                }
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, KeyError, ValueError) as exc:
            raise _refuse(
                QT_TRANSLATE_NOOP("Bundles", "“%1” is damaged; nothing was merged."), path
            ) from exc
    if content_digest(entries) != manifest.get("sha256"):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Bundles", "“%1” is damaged (its checksum does not match); nothing was merged."
            ),
            path,
        )
    bundle = Bundle(path, manifest, entries)
    return bundle


def _decrypt(
    archive: zipfile.ZipFile,
    manifest: dict[str, Any],
    path: Path,
    passphrase: str | Callable[[dict[str, Any]], str | None] | None,
) -> dict[str, bytes]:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    text = passphrase(manifest) if callable(passphrase) else passphrase
    if not text:
        text = os.environ.get(ENV_PASSPHRASE, "")
    if not text:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Bundles",
                "“%1” is encrypted: give the event's bundle passphrase (or set "
                "ROADSHOW_DESK_PASSPHRASE); nothing was merged.",
            ),
            path,
            PassphraseNeeded,
        )
    scheme = manifest["encryption"]
    salt = base64.b64decode(scheme["salt"])
    nonce = base64.b64decode(scheme["nonce"])
    sealed = archive.read(ENCRYPTED_ENTRY)
    try:
        inner = AESGCM(_key(text, salt)).decrypt(
            nonce, sealed, str(manifest.get("bundle_uuid", "")).encode()
        )
    except InvalidTag as exc:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Bundles",
                "The passphrase does not open “%1” (or the file is damaged); nothing was merged.",
            ),
            path,
            WrongPassphrase,
        ) from exc
    with zipfile.ZipFile(io.BytesIO(inner)) as content:
        return {
            name: content.read(name)
            for name in content.namelist()
            if name.startswith(RECORDS_PREFIX)
        }
