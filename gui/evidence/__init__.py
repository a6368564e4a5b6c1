"""Evidence in the window: attach files to a measure, see them, save or open them, take them off.

- ``document_part``: the document's evidence edits (core first, then memory) and reads;
- ``commands``: attaching and removing as undo commands, like every edit;
- ``flow``: choosing or dropping files, the one question about large photos, what was refused;
- ``pictures``: pictures decoded under a size limit, thumbnails, the picture viewer;
- ``panel``: the list in the measure form (name, type, size, a small picture) with its buttons;
- ``actions``: the window's menu entry and dropping files on a measure in the tree.
"""
