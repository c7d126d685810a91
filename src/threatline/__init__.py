"""Threatline: find credible threats, incitement and doxxing aimed at the people, facilities and
organizations you protect, and put them in front of a human analyst, without surveilling lawful speech.

The stages, each importable and testable alone:

    posts.read_posts → normalize.normalize_post → match.Matcher → detect (Detector)
    → prioritize.prioritize → store.Store, wired together by pipeline.run.
"""

__version__ = "0.1.0"
