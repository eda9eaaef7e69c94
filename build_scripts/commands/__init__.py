"""One module per CLI subcommand: each has ``HELP``, ``configure(parser)`` and ``run(args) -> int``."""
