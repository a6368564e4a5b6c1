"""A header as text gives it: a top cell spanned over sub-columns is one cell, not two.

The .docx and HTML readers place a spanned cell in its first grid column and leave
the others empty; text has only one cell for it, so the top row is shorter than the
row under it. The row under it says where: a top cell over empty sub-cells stands
alone (merged down), a top cell over written sub-cells (``он | түвшин``) spans them.
"""

from __future__ import annotations

import re

from core.tables.wordtable.cells import is_legal_basis, is_section_heading


def expand_top(top: list[str], sub: list[str]) -> list[str]:
    """The top header row widened to the row under it, each spanned cell followed by empty ones."""
    extra = len(sub) - len(top)
    if extra <= 0:
        return top + [""] * max(0, len(sub) - len(top))
    filled = [bool(c.strip()) for c in sub]
    runs: list[tuple[int, int]] = []  # (start, length) of each run of written sub-cells
    j = 0
    while j < len(sub):
        if filled[j]:
            k = j
            while k < len(sub) and filled[k]:
                k += 1
            runs.append((j, k - j))
            j = k
        else:
            j += 1
    parents = len(top) - (len(sub) - sum(length for _, length in runs))
    if not runs or parents < len(runs) or parents > sum(length for _, length in runs):
        return top + [""] * extra  # no way to tell: the spanned cells are taken to be at the end
    shares = [max(1, round(length / 2)) for _, length in runs] if len(runs) > 1 else [parents]
    while sum(shares) > parents:
        k = max(range(len(shares)), key=lambda n: shares[n])
        shares[k] -= 1
    while sum(shares) < parents:
        k = max(range(len(shares)), key=lambda n: runs[n][1] - shares[n])
        shares[k] += 1
    spans: dict[int, list[int]] = {}  # sub-column where a run starts -> spans of its parents
    for (begin, length), share in zip(runs, shares):
        base, rest = divmod(length, share)
        spans[begin] = [base + (1 if n < rest else 0) for n in range(share)]
    out: list[str] = []
    t = j = 0
    while t < len(top) and j < len(sub):
        if j in spans:
            for span in spans[j]:
                if t >= len(top):
                    break
                out += [top[t]] + [""] * (span - 1)
                t += 1
                j += span
        else:
            out.append(top[t])
            t += 1
            j += 1
    out += top[t:]
    return (out + [""] * len(sub))[: max(len(sub), len(out))]


_LOWER_START = re.compile(r"^\s*[(\[«\"/]?\s*[a-zа-яөүё?]")


def headerish_continuation(line: str) -> bool:
    """A line without TAB under the header that is the header cell's next paragraph (``гүйцэтгэлийн хувь``):
    short, no number, in small letters; a row under the header starts with a number or a capital."""
    return (
        len(line) <= 160
        and not re.search(r"\d", line)
        and not is_section_heading(line)
        and not is_legal_basis(line)
        and bool(_LOWER_START.match(line))
    )
