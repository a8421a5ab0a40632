"""The one place that imports pandas: tables as DataFrames behind the ``pandas`` extra.

``import lape`` never imports pandas; :func:`data_frame` imports it when a
``to_pandas()`` is called and, when it is not installed, raises an
:class:`ImportError` that names the extra to install.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-not-found,import-untyped,unused-ignore]

__all__ = ["Table", "data_frame"]


def data_frame(
    rows: Iterable[Mapping[str, Any]], columns: Sequence[str], *, what: str
) -> pd.DataFrame:
    """The ``rows`` as a :class:`pandas.DataFrame` with ``columns`` in that order.

    ``what`` names the caller in the error raised when pandas is missing
    (e.g. ``"Report.to_pandas()"``).
    """
    try:
        import pandas as pd  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError as exc:
        msg = f"{what} needs pandas: pip install 'lape[pandas]'"
        raise ImportError(msg) from exc
    return pd.DataFrame(list(rows), columns=list(columns))


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
