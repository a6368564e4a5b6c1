"""The reliability tests: crash, full disk, read-only and vanishing media, hostile input, fuzzing.

Each test reads its size from the environment (see ``figures.py``): short in the
default run, long under ``make reliability``.
"""
