"""One module per `ragchat` subcommand, each with register(subparsers)."""
