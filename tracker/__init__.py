"""tracker: a symptom diary for pain after spine surgery, and the report a surgeon reads."""

__version__ = "0.1.0"
