"""The aimag's consolidation window (``window.ConsolidationWindow``), in parts.

Opened from the main window's File menu, or as ``tailan --consolidate AIMAG.tailan``
(``window.open_consolidation_window``, reached through ``gui.windows``); without a path
on the consolidation file used last (``last_file``). The window lays out its parts:
``inputs`` (what to consolidate), ``run`` and ``worker`` (the run off the GUI thread)
with ``results`` (each file's outcome), ``missing_box`` and ``expected_dialog`` (who
has not sent yet), ``ranking_tab`` (``ranking_model``, ``frozen_table``, ``chart``),
``exports``, ``report_window`` (a soum's received report, read-only), and the tabs
``decisions_panel``, ``register_panel`` and ``review_panel``. Every part reads and
writes the aimag's file through ``aimag_file`` (core), never through SQL.

This file imports nothing, so a part that imports its package never makes a cycle.
"""
