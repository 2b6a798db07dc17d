"""Storage: SQLAlchemy 2 models, engine/session factory and repositories (the only place with SQL)."""
