"""The municipality's case system behind one interface (port.CaseSystem); db.DbCaseSystem is our own database."""
