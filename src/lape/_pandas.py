"""The one place that imports pandas: tables as DataFrames behind the ``pandas`` extra.

``import lape`` never imports pandas; :func:`data_frame` imports it when a
``to_pandas()`` is called and, when it is not installed, raises an
:class:`ImportError` that names the extra to install.

Days (``datetime.date``) become ``datetime64`` columns, missing days ``NaT``, in
every ``to_pandas()``, so that ``.dt``, comparisons with ``pd.Timestamp`` and
resampling work. A column is one of days when its values are days, or, when it
has no values (no rows, or every value missing), when its name says so
(:func:`is_day_column`), so that an empty table has the same types as a full one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-not-found,import-untyped,unused-ignore]

__all__ = ["Table", "data_frame", "is_day_column"]

_DAY_NAMES = ("date", "as_of", "decided")
_DAY_SUFFIXES = ("_start", "_end", "_date", "_as_of", "_decided")


def is_day_column(name: str) -> bool:
    """Whether a column named ``name`` holds days by the names ``lape`` gives them
    (a period's ``<field>_start`` and ``<field>_end``, ``date``, ``as_of``, ``decided``).

    >>> is_day_column("period_start"), is_day_column("mandate_decided"), is_day_column("name")
    (True, True, False)
    """
    return name in _DAY_NAMES or name.endswith(_DAY_SUFFIXES)


def _days(values: Sequence[Any], name: str) -> bool:
    present = [v for v in values if v is not None]
    if not present:
        return is_day_column(name)
    return all(isinstance(v, dt.date) and not isinstance(v, dt.datetime) for v in present)


def data_frame(
    rows: Iterable[Mapping[str, Any]], columns: Sequence[str], *, what: str
) -> pd.DataFrame:
    """The ``rows`` as a :class:`pandas.DataFrame` with ``columns`` in that order,
    days as ``datetime64`` columns.

    ``what`` names the caller in the error raised when pandas is missing
    (e.g. ``"Report.to_pandas()"``).
    """
    try:
        import pandas as pd  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError as exc:
        msg = f"{what} needs pandas: pip install 'lape[pandas]'"
        raise ImportError(msg) from exc
    frame = pd.DataFrame(list(rows), columns=list(columns))
    for name in frame.columns:
        if _days(frame[name].tolist(), name):
            frame[name] = pd.to_datetime(frame[name])
    return frame


class Table:
    """Mixin for a result that is a table: :meth:`rows` as plain dicts,
    :meth:`to_pandas` as a DataFrame. ``__slots__ = ()`` so that frozen slotted
    attrs classes may inherit it."""

    __slots__ = ()
    columns: ClassVar[tuple[str, ...]] = ()

    def rows(self) -> list[dict[str, Any]]:
        """The result as rows of plain values, one dict per row, keys as in ``columns``."""
        raise NotImplementedError

    def to_pandas(self) -> pd.DataFrame:
        """The rows as a :class:`pandas.DataFrame` (needs ``pip install 'lape[pandas]'``)."""
        return data_frame(self.rows(), self.columns, what=f"{type(self).__name__}.to_pandas()")
