"""Errors that point at the input that caused them.

Every problem a curator can cause is reported as an :class:`InputError` naming the file and,
where there is one, the line (1-based) or the id. Validation collects them into
:class:`InputErrors` so that ``alliance-record validate`` can report all problems at once.
"""

from __future__ import annotations


def short_repr(value, limit: int = 60) -> str:
    """``repr(value)``, cut to about ``limit`` characters: an id in a message stays readable even
    when the id itself is absurdly long."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 4] + "...'"


class InputError(Exception):
    """One problem in the inputs, located by file and line (or id)."""

    def __init__(self, path, message, line=None, hint=None):
        self.path = str(path)
        self.message = message
        self.line = line
        self.hint = hint
        super().__init__(str(self))

    def __reduce__(self):  # survive pickling between build processes
        return (InputError, (self.path, self.message, self.line, self.hint))

    def __str__(self):
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f"\n    {self.hint}"
        return text


class InputErrors(Exception):
    """Several input problems, reported together."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__(str(self))

    def __str__(self):
        n = len(self.errors)
        head = f"{n} problem{'s' if n != 1 else ''} in the inputs:"
        return "\n".join([head] + [f"  {e}" for e in self.errors])


class Collector:
    """Collects input errors; ``raise_if_any`` turns them into one exception."""

    def __init__(self):
        self.errors: list[InputError] = []

    def add(self, path, message, line=None, hint=None):
        self.errors.append(InputError(path, message, line=line, hint=hint))

    def extend(self, errors):
        self.errors.extend(errors)

    def raise_if_any(self):
        if self.errors:
            raise InputErrors(self.errors)

    def __bool__(self):
        return bool(self.errors)


class OutputError(Exception):
    """The build cannot write where it was asked to (the output would overwrite curated data, a
    directory is in the way...): one line naming the path; nothing has been replaced."""

    def __init__(self, path, message):
        self.path = str(path)
        self.message = message
        super().__init__(f"{self.path}: {message}")

    def __reduce__(self):
        return (OutputError, (self.path, self.message))


class BuildFailed(Exception):
    """The build could not finish for a reason outside the inputs (a worker process died): one
    line saying what happened; nothing has been written."""
