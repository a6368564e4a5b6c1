"""The official printout (PDF) of a report, and the checks to run before printing.

Importing this package is cheap: reportlab is loaded only when a PDF is written (and its
modules then start without compiling patterns they rarely use:
``reportlab_adapter.defer_patterns``).
"""

from core.pdf.reportlab_adapter import defer_patterns

defer_patterns()

from core.pdf.document import export_pdf  # noqa: E402
from core.pdf.preflight import Problem, preflight  # noqa: E402

__all__ = ["Problem", "preflight", "export_pdf"]
