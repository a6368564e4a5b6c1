"""The organizations' signing keys on this PC, in the user's data folder.

One Ed25519 key per organization and PC, made the first time that organization
finalizes a report here. The private key never goes into a report file: it stays in
``<data folder>/keys/``, readable only by the user (mode 0600 on Linux; on Windows
the data folder is inside the user's own profile, whose permissions already keep
other users out). If the PC dies, the organization makes a new key on the new PC;
the aimag then sees a new key for a known organization and the reviewer accepts it
after comparing its code with the newly signed paper (``docs/security.md``).

Keys are found by the organization's name key (``core.trust.names``), so writing the name
with another case or an extra space keeps the same key.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from core.errors import TailanError
from core.paths import user_data_dir
from core.storage.atomic import create_exclusively, friendly_write_error
from core.trust.names import name_key
from core.trust.signing import key_code


def keys_dir() -> Path:
    """The folder of this PC's organization keys: in the user's data folder, never in a report file."""
    return user_data_dir() / "keys"


def key_path(organization: str) -> Path:
    """An organization's key file, named by a hash of its name key, so any spelling of the name finds the same key."""
    digest = hashlib.sha256(name_key(organization).encode("utf-8")).hexdigest()[:32]
    return keys_dir() / f"{digest}.key"


class KeyMissingError(TailanError):
    """An organization signed on this PC (or its report was signed before) but its key is gone:
    a new key is made only when the user confirms (``finalize --new-key``, the window's question)."""


#: The name keys' digests of every key made on this PC, one a line: a key file that is gone
#: is told from one never made.
MADE_LIST = "made.txt"


def made_here(organization: str) -> bool:
    """Whether a key of ``organization`` was made on this PC before (its file may be gone since)."""
    try:
        lines = (keys_dir() / MADE_LIST).read_text(encoding="ascii").split()
    except (OSError, UnicodeDecodeError):
        return False
    return key_path(organization).stem in lines


def organization_key(organization: str, create: bool = True, notices: list[str] | None = None,
                     recreate: bool = False):
    """The private key of ``organization`` on this PC, made on first use when ``create``.

    A key file others could read is made readable by its user only, and said in
    ``notices``. A new key is created exclusively: when another process made the key a
    moment earlier, that key is used, never replaced. A key made here before whose file
    is gone is made again only with ``recreate`` (the user confirmed): else
    ``KeyMissingError``.
    """
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    if not name_key(organization):
        raise TailanError("Байгууллагын нэр хоосон байна. Тайлангийн толгойд байгууллагын нэрийг бичнэ үү.")
    path = key_path(organization)
    if path.exists():
        return _load(path, notices)
    if not create:
        return None
    if made_here(organization) and not recreate:
        raise KeyMissingError(
            f"«{organization}»-ийн гарын үсгийн түлхүүрийг энэ компьютер дээр өмнө нь үүсгэсэн боловч файл нь алга "
            f"({path}). Түлхүүрийн хавтсыг нөөцөөс сэргээнэ үү; эсвэл шинэ түлхүүр үүсгэхийг батална уу "
            "(tailan-cli finalize ФАЙЛ --new-key): аймаг шинэ кодыг цаасан дээрхтэй тулгаж зөвшөөрнө."
        )
    key = Ed25519PrivateKey.generate()
    if not _write_private(path, key, organization):
        return _load(path, notices)  # another process made it first: one key, never two
    return key


def _load(path: Path, notices: list[str] | None):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    _keep_private(path, notices)
    try:
        key = load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError):
        raise TailanError(
            f"Байгууллагын түлхүүрийн файл «{path}» уншигдсангүй (гэмтсэн эсвэл өөр файл). "
            "Нөөц хуулбараас сэргээх эсвэл файлыг устгаж шинэ түлхүүр үүсгэнэ үү (аймагт шинэ кодоо мэдэгдэнэ)."
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise TailanError(f"«{path}» нь Тайлангийн түлхүүр биш байна.")
    return key


def _keep_private(path: Path, notices: list[str] | None) -> None:
    """A key file (or its folder) that others can read is made the user's own again, and said
    (a key restored from a backup or a USB stick often comes back readable by all)."""
    if os.name != "posix":
        return  # the user's profile folder keeps other users out (docs/security.md)
    try:
        loose = [(p, m) for p, m in ((path, 0o600), (path.parent, 0o700)) if os.stat(p).st_mode & 0o077]
        for target, mode in loose:
            os.chmod(target, mode)
    except OSError:
        raise TailanError(
            f"«{path}» түлхүүрийн файлыг бусад хэрэглэгч унших боломжтой байгааг засаж чадсангүй. "
            "Файлын эрхийг зөвхөн өөртөө (600) болгоод дахин оролдоно уу."
        ) from None
    if loose and notices is not None:
        notices.append(f"«{path}» түлхүүрийн файлыг бусад хэрэглэгч унших боломжтой байсан; "
                       "зөвхөн таны уншихаар засав.")


def _write_private(path: Path, key, organization: str) -> bool:
    """Writes a new key file readable by its user only; ``False`` when one was already there."""
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    comment = f"# Tailan: {organization}\n".encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
    except OSError as exc:
        raise friendly_write_error(exc, path) from None
    if not create_exclusively(path, comment + pem, 0o600):
        return False
    try:
        with open(path.parent / MADE_LIST, "a", encoding="ascii") as handle:
            handle.write(path.stem + "\n")
    except OSError:
        pass  # the key is made; only a later loss of it would go unnoticed
    return True


def public_key_hex(private_key) -> str:
    """The hex of the raw Ed25519 public key, as reports, receipts and the register store it."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def organization_key_code(organization: str, create: bool = True, notices: list[str] | None = None) -> str | None:
    """An organization's key code on this PC, to compare with the paper; ``None`` if it has none and not ``create``."""
    key = organization_key(organization, create=create, notices=notices)
    return None if key is None else key_code(public_key_hex(key))
