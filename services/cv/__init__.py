"""The CV builder's domain: the CV model, parsing of chat answers, review rules, PDF and JSON Resume export.

Nothing here touches the database (store/cv.py) or the dialog (dialogs/flows/cv*.py).
"""
from services.cv.model import CV, jobnet_missing
from services.cv.review import status_line

__all__ = ["CV", "jobnet_missing", "status_line"]
