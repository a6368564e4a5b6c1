"""The officer's whole year in the window (issue 21): the plan, the next report in one step,
the aimag's call with its deadline, and the aimag's notice of a rejection.

``document_part`` (the document's call and notice, through core), ``actions`` (the File
menu's entries and the lines above the forms), ``start`` (the start page's call).
"""
