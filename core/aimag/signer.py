"""What a valid signature proves, said in words: by which key, and whose it is at this aimag.

A matching fingerprint only proves the file was not changed after it was finalized;
the signature proves which key finalized it. Whose key that is, only the aimag's
register can say (a key the reviewer accepted after comparing its code with the
signed paper). So the messages name the key by its code and, where a register is
at hand, the organization it was accepted for, and never say more than that.
"""

from __future__ import annotations

from core.aimag.register import organization_of_key, retired_holder_of_key
from core.report.model import Report
from core.storage import ReportFile
from core.trust.names import same_name
from core.trust.signing import key_code


def signer_line(aimag: ReportFile | None, report: Report) -> tuple[str, bool]:
    """``гарын үсэг: Нарийнтээл сум-д зөвшөөрсөн түлхүүр (код ...)``, or why not; and whether the
    key is one the register accepted (with no register at hand: ``True``, nothing compared)."""
    code = key_code(report.public_key)
    if aimag is None:
        return f"гарын үсэг зөв, түлхүүрийн код {code} (аймгийн бүртгэлтэй тулгаагүй: --db AIMAG)", True
    holder = organization_of_key(aimag, report.public_key)
    if holder is None:
        retired = retired_holder_of_key(aimag, report.public_key)
        if retired is not None:
            return (f"гарын үсэг зөв, гэхдээ түлхүүр {code}-ийг {retired[1]}-д хүчингүй болгосон ({retired[2][:10]}): "
                    "хянагч шийднэ", False)
        return f"гарын үсэг зөв, гэхдээ түлхүүр {code} аймгийн бүртгэлд алга: хянагч цаасан дээрх кодтой тулгаж шийднэ", \
            False
    _, name = holder
    line = f"гарын үсэг: {name}-д зөвшөөрсөн түлхүүр (код {code})"
    if not same_name(name, report.organization):
        line += f"; гэвч тайланд «{report.organization}» гэж бичсэн"
        return line, False
    return line, True
