"""Organization and aimag names as identities: the key two spellings of one name share.

People write the same soum in many ways: a trailing space, a no-break or zero-width
space, another case, or a Latin letter that looks like a Cyrillic one (a Latin ``a``
or ``o`` typed on the wrong keyboard layout). To the eye they are one name; to a
computer they are two, and a second "soum" would appear in the ranking while the
real one would look as if it never sent. ``name_key`` maps all such spellings to one
key. The key only decides *whether two names are the same*; what is shown and stored
is always the name as the person wrote it (typos are the users' own).
"""

from __future__ import annotations

import re
import unicodedata

#: Characters that take no room on screen: zero-width spaces and joiners, the word
#: joiner, the byte-order mark, soft hyphens and the Mongolian vowel separator.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff"), None)

#: Latin and Greek letters (after case folding) that look like Cyrillic ones.
_LOOK_ALIKES = str.maketrans(
    {
        "a": "а",
        "b": "в",
        "c": "с",
        "e": "е",
        "h": "н",
        "k": "к",
        "m": "м",
        "o": "о",
        "p": "р",
        "t": "т",
        "x": "х",
        "y": "у",
        "ɵ": "ө",  # Latin barred o, used for Ө on some keyboards
        "θ": "ө",
        "ο": "о",  # Greek omicron
        "α": "а",
        "ε": "е",
        "κ": "к",
        "ρ": "р",
        "τ": "т",
        "χ": "х",
        "ν": "v",
    }
)

_SPACES = re.compile(r"\s+")
_DOTS = re.compile(r"\s*([.,])\s*")


def name_key(name: str) -> str:
    """The comparison key of a name: NFKC, case folded, invisible characters dropped,
    every kind of space as one space, Latin and Greek look-alikes as Cyrillic letters."""
    text = unicodedata.normalize("NFKC", name or "").translate(_INVISIBLE).casefold()
    text = text.translate(_LOOK_ALIKES)
    text = _SPACES.sub(" ", text).strip()
    return _DOTS.sub(r"\1 ", text).strip()


def same_name(a: str, b: str) -> bool:
    """Whether two names mean the same organization or aimag despite case, spaces or look-alike letters."""
    return name_key(a) == name_key(b)


def spelling_difference(written: str, registered: str) -> str:
    """In Mongolian, what makes two spellings of one name differ (empty when identical)."""
    if written == registered:
        return ""
    reasons = []
    if any(ch.isspace() and ch != " " for ch in written) or written.strip() != written or "  " in written:
        reasons.append("зай")
    if written.translate(_INVISIBLE) != written:
        reasons.append("харагдахгүй тэмдэгт")
    if any(ch.isalpha() and (ch.isascii() or unicodedata.name(ch, "").startswith(("GREEK", "LATIN"))) for ch in written):
        reasons.append("латин/грек үсэг")
    if any(a != b and a.casefold() == b.casefold() for a, b in zip(written, registered)):
        reasons.append("том, жижиг үсэг")
    return ", ".join(reasons) or "бичлэг"
