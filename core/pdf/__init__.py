"""The official printout (PDF) of a report, and the checks to run before printing.

Importing this package is cheap: reportlab is loaded only when a PDF is written.
"""

from core.pdf.document import export_pdf
from core.pdf.preflight import Problem, preflight

__all__ = ["Problem", "preflight", "export_pdf"]
