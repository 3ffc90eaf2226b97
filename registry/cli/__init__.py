"""The command line: ``registry`` and ``python -m registry`` parse arguments and call the library."""
