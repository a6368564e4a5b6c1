"""Ed25519 signatures of finalized reports, and the short code of a public key.

A fingerprint alone proves nothing about who made a file: anyone can change a score
and recompute it. So each organization's report is signed, on finalizing, with a key
of that organization on that PC (``core.trust.keys``); the public key travels in the
report, and the aimag accepts a key once, after comparing its short code with the
code printed on the signed paper. From then on, a file signed by that key can only
have come from a PC that holds the private key. The cryptography is the
``cryptography`` library's; nothing here invents any.
"""

from __future__ import annotations

import hashlib

from core.errors import TailanError

PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64


class SignatureError(TailanError):
    """A signature that is missing, malformed or does not match the content."""


def key_code(public_key_hex: str) -> str:
    """The code printed on paper and shown to the reviewer: 16 hex digits in groups of four.

    It is the head of the SHA-256 of the raw public key, so two keys practically never
    share a code, and a person can compare it by eye with the paper.
    """
    digest = hashlib.sha256(bytes.fromhex(public_key_hex)).hexdigest()[:16].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def sign(private_key, content: bytes) -> str:
    """The hex Ed25519 signature of ``content``."""
    return private_key.sign(content).hex()


def check_signature(public_key_hex: str | None, signature_hex: str | None, content: bytes) -> None:
    """Raises ``SignatureError`` (Mongolian) unless ``signature`` is the key's signature of ``content``."""
    if not public_key_hex or not signature_hex:
        raise SignatureError("тайлан гарын үсэггүй: програмын шинэ хувилбараар дахин баталгаажуулж илгээнэ үү")
    try:
        public = bytes.fromhex(public_key_hex)
        signature = bytes.fromhex(signature_hex)
    except ValueError:
        raise SignatureError("гарын үсгийн бичлэг гэмтсэн") from None
    if len(public) != PUBLIC_KEY_BYTES or len(signature) != SIGNATURE_BYTES:
        raise SignatureError("гарын үсгийн бичлэг гэмтсэн")
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, content)
    except (InvalidSignature, ValueError):
        raise SignatureError(
            "гарын үсэг агуулгатай таарахгүй: баталгаажуулсны дараа файлыг өөрчилсөн байна"
        ) from None
