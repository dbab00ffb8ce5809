"""The device's Ed25519 signing key and the fingerprints people compare (DESIGN.md §5, keys).

Each data dir makes its key on first use; the private part stays in the data dir with owner-only permissions and
never leaves it. A key is named by its fingerprint: the SHA-256 of the raw 32-byte public key, 64 hex digits.
The key id carried in a manifest is the fingerprint's first 16 hex digits; a receiver pins keys per (団体コード,
key id) and always compares the whole public key, so a forged id gains nothing.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop.models.errors import DomainError

KEY_FILE = "device_ed25519.pem"
KEY_ID_HEX = 16
PUBLIC_KEY_BYTES = 32
_HEX = re.compile(r"^[0-9a-f]{64}$")


class DeviceKeyError(DomainError):
    """The device key cannot be made or read."""


def fingerprint(public_key: bytes) -> str:
    """SHA-256 of the raw public key as 64 lowercase hex digits (what `--approve-key` takes)."""
    return hashlib.sha256(public_key).hexdigest()


def key_id(public_key: bytes) -> str:
    """The short name of a key in manifests: the fingerprint's first 16 hex digits."""
    return fingerprint(public_key)[:KEY_ID_HEX]


def grouped(fp: str) -> str:
    """A fingerprint in groups of four, for reading aloud or checking against paper."""
    return " ".join(fp[i : i + 4] for i in range(0, len(fp), 4))


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as typed (spaces, colons, capitals allowed) → 64 lowercase hex digits, or ValueError."""
    fp = re.sub(r"[\s:\-]", "", text or "").lower()
    if not _HEX.match(fp):
        raise ValueError("指紋は64桁の16進数で指定してください（空白やコロンは省略できます）。")
    return fp


def encode_public(public_key: bytes) -> str:
    return base64.b64encode(public_key).decode("ascii")


def decode_public(text: str) -> bytes:
    """The raw public key of a manifest, or ValueError."""
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if len(raw) != PUBLIC_KEY_BYTES:
        raise ValueError("公開鍵の長さが正しくありません。")
    return raw


def verify(public_key: bytes, signature: bytes, message: bytes) -> bool:
    """Whether `signature` is `public_key`'s Ed25519 signature of `message`."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class DeviceKey:
    """This device's key pair."""

    private: Ed25519PrivateKey

    @property
    def public_key(self) -> bytes:
        return self.private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    @property
    def key_id(self) -> str:
        return key_id(self.public_key)

    def sign(self, message: bytes) -> bytes:
        return self.private.sign(message)


def key_path(folder: Path) -> Path:
    return Path(folder) / KEY_FILE


def existing_key(folder: Path) -> DeviceKey | None:
    """The device key in `folder` if it was made already (reading never makes one)."""
    path = key_path(folder)
    if not path.exists():
        return None
    try:
        private = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as err:
        raise DeviceKeyError(
            f"署名鍵のファイル（{path}）を読めません。ファイルが壊れている可能性があります: {err}"
        ) from err
    if not isinstance(private, Ed25519PrivateKey):
        raise DeviceKeyError(f"署名鍵のファイル（{path}）が Ed25519 の鍵ではありません。")
    return DeviceKey(private)


def device_key(folder: Path) -> DeviceKey:
    """The device key kept in `folder`, made on first use (owner-only file, written whole or not at all)."""
    key = existing_key(folder)
    if key is not None:
        return key
    path = key_path(folder)
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, pem)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except OSError as err:
        raise DeviceKeyError(f"署名鍵を保存できません（{path}）: {err.strerror or err}") from err
    return DeviceKey(private)
