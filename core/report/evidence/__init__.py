"""Evidence with each measure: which files are taken, how big, under which names, and the acts on them.

- ``limits``: the bounds (a file, a report, counts, pictures, Word and Excel files) and how sizes are said;
- ``content``: a file's type recognised from its bytes, never its name, with its dangers refused;
- ``names``: safe file names, for the list and for every file written out;
- ``photos``: a large photo shrunk on request (the original is never changed);
- ``attaching``: attaching, taking off and writing out files, through ``core.storage``;
- ``cli``: ``tailan-cli attach``, ``attachments``, ``detach`` and ``extract``.
"""
