"""Search and question answering over police inspection reports."""
__version__ = "0.1.0"
