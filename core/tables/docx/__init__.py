"""The report as a Word .docx: read (``reader``) and written (``writer``), with python-docx.

A .docx is a zip of XML parts; one received from another office is untrusted input,
so ``safety`` looks at the zip before any XML parser sees it.
"""
