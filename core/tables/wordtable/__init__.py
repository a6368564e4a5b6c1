"""The report table as Word holds it, read by the meaning of its columns.

Shared by the text import (``core.tables.textimport``) and the .docx import
(``core.tables.docx``): both turn their source into rows of cells and lines around the
table, and this package turns those into a report, with an account of every row.
"""

from core.tables.wordtable.cells import split_measure_number, split_score
from core.tables.wordtable.columns import (
    ROLE_NAMES,
    ROLES,
    ColumnMappingNeeded,
    mapping_key,
    parse_columns_option,
)
from core.tables.wordtable.frame import ImportResult, read_preamble, read_signatures
from core.tables.wordtable.rows import SkippedRow, SourceRow, TableReading, is_total_row, read_table

__all__ = [
    "ROLES",
    "ROLE_NAMES",
    "ColumnMappingNeeded",
    "ImportResult",
    "SkippedRow",
    "SourceRow",
    "TableReading",
    "is_total_row",
    "mapping_key",
    "parse_columns_option",
    "read_preamble",
    "read_signatures",
    "read_table",
    "split_measure_number",
    "split_score",
]
