"""The one exception type loaders raise."""


class LoadError(Exception):
    """Raised with a human-readable reason, e.g. 'encrypted PDF (password required)'."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
