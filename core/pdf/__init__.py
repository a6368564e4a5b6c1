"""The official printout (PDF) of a report, and the checks to run before printing.

Importing this package is cheap: reportlab is loaded only when a PDF is written.
"""

from .preflight import Problem, preflight
from .document import export_pdf

__all__ = ["Problem", "preflight", "export_pdf"]
