"""Check, repair and plan the Alleo employee file before it is sent.

Every rule lives in the Rust core (alleo-csv-core); this module only converts.
Rule violations are report issues, never exceptions: exceptions are for what
stops a run (an unreadable file, a bad configuration).
"""

import datetime
import os
from typing import IO, Any, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple, Union, final, overload

_Source = Union[str, "os.PathLike[str]", bytes, bytearray, IO[bytes]]
_Config = Union[Mapping[str, Any], str, "os.PathLike[str]"]

__version__: str
__all__ = [
    "__version__",
    "AlleoCsvError",
    "ConfigError",
    "InputError",
    "Issue",
    "Issues",
    "IssueIter",
    "Report",
    "Action",
    "Plan",
    "Transformed",
    "validate",
    "diff",
    "transform",
    "suggest_mapping",
    "chosen_config",
    "reporting_name",
    "upload_name",
    "next_pickup",
]

class AlleoCsvError(Exception):
    """Something stopped the run (not a problem in the employee file: those are report issues)."""

class ConfigError(AlleoCsvError):
    """The configuration is not usable; the message names the key and how to fix it."""

class InputError(AlleoCsvError):
    """A file could not be read, or is not what was expected."""

@final
class Issue:
    """One problem in the employee file."""

    @property
    def severity(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def row(self) -> Optional[int]: ...
    @property
    def column(self) -> Optional[str]: ...
    @property
    def field(self) -> Optional[str]: ...
    @property
    def value(self) -> Optional[str]: ...
    @property
    def message(self) -> str: ...

@final
class Issues(Sequence[Issue]):
    """A report's issues: each `Issue` is made only when it is read."""

    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: int, /) -> Issue: ...
    @overload
    def __getitem__(self, index: slice, /) -> List[Issue]: ...
    def __iter__(self) -> IssueIter: ...

@final
class IssueIter(Iterator[Issue]):
    """Iterates over a report's issues."""

    def __iter__(self) -> IssueIter: ...
    def __next__(self) -> Issue: ...

@final
class Report:
    """The result of a check: what was read and every issue found."""

    @property
    def valid(self) -> bool: ...
    @property
    def errors(self) -> int: ...
    @property
    def warnings(self) -> int: ...
    @property
    def rows(self) -> int: ...
    @property
    def as_of(self) -> datetime.date: ...
    @property
    def issues(self) -> Issues: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class Action:
    """What happens to one employee."""

    @property
    def action(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def row(self) -> Optional[int]: ...
    @property
    def changes(self) -> List[Tuple[str, str, str]]: ...
    @property
    def effective(self) -> Optional[str]: ...

@final
class Plan:
    """What Alleo will do with a file, employee by employee."""

    @property
    def valid(self) -> bool: ...
    @property
    def summary(self) -> Dict[str, int]: ...
    @property
    def actions(self) -> List[Action]: ...
    @property
    def report(self) -> Report: ...
    @property
    def previous(self) -> int: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class Transformed:
    """What a transform did: the files it wrote (as bytes), the summary and the report."""

    @property
    def output(self) -> Optional[bytes]: ...
    @property
    def rejects(self) -> Optional[bytes]: ...
    @property
    def changes(self) -> Optional[bytes]: ...
    @property
    def summary(self) -> Dict[str, Any]: ...
    @property
    def report(self) -> Report: ...
    @property
    def usable(self) -> bool: ...

def validate(
    source: _Source,
    *,
    config: Optional[_Config] = None,
    as_of: Optional[datetime.date] = None,
    previous: Optional[_Source] = None,
    lang: str = "en",
    allow_deactivations: Optional[int] = None,
    values: bool = True,
) -> Report: ...
def diff(
    previous: _Source,
    source: _Source,
    *,
    config: Optional[_Config] = None,
    as_of: Optional[datetime.date] = None,
    lang: str = "en",
    allow_deactivations: Optional[int] = None,
) -> Plan: ...
def transform(
    source: _Source,
    *,
    config: Optional[_Config] = None,
    as_of: Optional[datetime.date] = None,
    lang: str = "en",
    rejects: bool = False,
    changes: bool = False,
    keep_invalid: bool = False,
) -> Transformed: ...
def suggest_mapping(
    export: Union[_Source, List[str]],
    *,
    config: Optional[_Config] = None,
    lang: str = "en",
) -> Dict[str, Any]: ...
def chosen_config(
    export: _Source,
    choices: Dict[str, Any],
    *,
    config: Optional[_Config] = None,
    lang: str = "en",
) -> Dict[str, Any]: ...
def reporting_name(name: str) -> Optional[str]: ...
def upload_name(name: str) -> Optional[str]: ...
def next_pickup(at: Optional[datetime.datetime] = None) -> datetime.datetime: ...
