"""The relation graph: built from the registry, written as GEXF, and the map of places."""
