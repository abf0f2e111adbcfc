"""The appointment report: diary data in, PDF and PNG charts out. No database access."""
