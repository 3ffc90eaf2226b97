"""The store: the SQLite file, its schema and migrations, the one write path, privacy and plain reads."""
