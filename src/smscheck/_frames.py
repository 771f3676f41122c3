"""Reports as flat columns, for CSV files and for pandas, Dask and Spark data frames.

pandas is imported only inside the functions that take or return a frame: it is an optional
extra (``smscheck[dask]``, ``smscheck[spark]``), never a dependency of the core install.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from ._report import Report, Sender

__all__ = ["FLAT_COLUMNS", "check_frame", "check_series", "flatten"]

#: The columns of :func:`flatten`, in order. ``ok`` is a bool; the others are ``str`` or None.
FLAT_COLUMNS: Final = (
    "ok",
    "delivery",
    "e164",
    "region",
    "line_type",
    "carrier",
    "codes",
    "route_codes",
    "message",
    "top_suggestion",
)


def flatten(report: Report) -> dict[str, Any]:
    """Return a report as one flat row: the columns of :data:`FLAT_COLUMNS`.

    Args:
        report: A report from :func:`~smscheck.check` or :func:`~smscheck.check_many`.

    Returns:
        ``ok`` (bool); ``delivery``, the verdict (``likely``, ``at_risk``, ``unlikely``);
        ``e164``, ``region``, ``line_type``, ``carrier`` of the number read (None without
        one); ``codes``, the codes of the person's diagnostics separated by spaces;
        ``route_codes``, those of the route's (for the sending service); ``message``, the
        most severe of the person's messages; ``top_suggestion``, the most likely intended
        number in E.164 form. Text columns are None when there is nothing to say.

    Example:
        ```python
        >>> import smscheck
        >>> smscheck.flatten(smscheck.check("+44 20 7946 0123"))
        {'ok': False, 'delivery': 'unlikely', 'e164': '+442079460123', 'region': 'GB',
         'line_type': 'fixed_line', 'carrier': None, 'codes': 'landline fictional_number',
         'route_codes': None, 'message': '...', 'top_suggestion': None}

        ```
    """
    return dict(zip(FLAT_COLUMNS, _flat_row(report), strict=True))


def _flat_row(report: Report) -> tuple[Any, ...]:
    """:func:`flatten` as a tuple in :data:`FLAT_COLUMNS` order: cheaper to pickle and write.

    This runs once per row of a scan, so it avoids ``Enum.value`` (a descriptor call): the
    codes and line types are ``StrEnum`` members, which are their values as ``str``.
    """
    number = report.number
    diagnostics = report.diagnostics
    suggestions = report.suggestions
    codes = " ".join([d.code for d in diagnostics]) or None
    route = " ".join([d.code for d in report.route]) or None
    message = diagnostics[0].message if diagnostics else None
    top = suggestions[0].e164 if suggestions else None
    verdict = str.__str__(report.delivery.verdict)
    if number is None:
        return (False, verdict, None, None, None, None, codes, route, message, top)
    return (
        report.ok,
        verdict,
        number.e164,
        number.region,
        str.__str__(number.line_type),
        number.carrier,
        codes,
        route,
        message,
        top,
    )


def check_series(  # noqa: PLR0913 - keyword-only options, like check()
    texts: Any,
    /,
    *,
    region: Any = None,
    lang: str = "en",
    rules: object | None = None,
    sender: Sender | None = None,
    cache_size: int | None = None,
) -> Any:
    """Check a pandas Series of inputs; return a DataFrame of flat columns, same index.

    This is the body of a PySpark pandas UDF returning a struct (see ``docs/batch.md``).

    Args:
        texts: A ``pandas.Series``; missing values (None, NaN) are checked as empty input.
        region: A region code for every row, or a ``pandas.Series`` of per-row codes
            (missing values mean no region hint).
        lang: As for :func:`~smscheck.check`.
        rules: As for :func:`~smscheck.check_many`.
        sender: As for :func:`~smscheck.check`.
        cache_size: As for :func:`~smscheck.check_many`; its default when None.

    Returns:
        A ``pandas.DataFrame`` with the columns of :data:`FLAT_COLUMNS`: ``ok`` as bool, the
        others as object (``str`` or None).
    """
    import pandas as pd  # noqa: PLC0415 - optional extra, only for frame users

    from ._batch import DEFAULT_CACHE_SIZE, _checker_for, _run  # noqa: PLC0415 - no cycle at import

    size = DEFAULT_CACHE_SIZE if cache_size is None else cache_size
    per_row = isinstance(region, pd.Series)
    checker = _checker_for(
        _flat_row,
        region=None if per_row else region,
        lang=lang,
        rules=rules,
        sender=sender,
        workers=1,
        cache_size=size,
    )
    values = [v if isinstance(v, str) else "" if pd.isna(v) else str(v) for v in texts]
    if per_row:
        regions = [r if isinstance(r, str) and r.strip() else None for r in region]
    else:
        regions = [region] * len(values)
    rows = [
        row
        for _, row in _run(
            ((None, k) for k in zip(values, regions, strict=True)),
            checker,
            workers=1,
            cache_size=size,
        )
    ]
    frame = pd.DataFrame(rows, columns=list(FLAT_COLUMNS), index=texts.index, dtype=object)
    return frame.astype({"ok": bool})


def check_frame(  # noqa: PLR0913 - keyword-only options, like check()
    frame: Any,
    /,
    column: str,
    *,
    region: str | None = None,
    region_column: str | None = None,
    lang: str = "en",
    rules: object | None = None,
    sender: Sender | None = None,
) -> Any:
    """Return a pandas DataFrame with the flat columns of each row's report added.

    Made for ``dask.dataframe.DataFrame.map_partitions`` (see ``docs/batch.md``); call it on
    the empty ``ddf._meta`` to get Dask's ``meta``.

    Args:
        frame: A ``pandas.DataFrame``.
        column: The column holding the phone numbers as typed.
        region: A region code for every row.
        region_column: Or a column holding each row's region code.
        lang: As for :func:`~smscheck.check`.
        rules: As for :func:`~smscheck.check_many`.
        sender: As for :func:`~smscheck.check`.

    Returns:
        A new ``pandas.DataFrame``: the input's columns, then those of :data:`FLAT_COLUMNS`.

    Raises:
        KeyError: ``column`` or ``region_column`` is not in the frame.
        ValueError: both ``region`` and ``region_column`` are given, or a flat column's name
            is already taken.
    """
    import pandas as pd  # noqa: PLC0415 - optional extra, only for frame users

    if region is not None and region_column is not None:
        raise ValueError("give region or region_column, not both")
    taken = [c for c in FLAT_COLUMNS if c in frame.columns]
    if taken:
        msg = f"the frame already has columns named {', '.join(taken)}; rename them first"
        raise ValueError(msg)
    regions = frame[region_column] if region_column is not None else region
    flat = check_series(frame[column], region=regions, lang=lang, rules=rules, sender=sender)
    return pd.concat([frame, flat], axis=1)
