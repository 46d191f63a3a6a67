"""masterysite: static sites for mastery-based courses (Bloom's Learning for Mastery)."""

__version__ = "0.1.0"
