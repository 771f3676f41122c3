"""Checking many inputs: streaming, in order, cached, optionally over several processes."""

from __future__ import annotations

import collections
import concurrent.futures
import functools
import itertools
import pickle
import signal
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

from ._check import check

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from ._report import Report, Sender

__all__ = ["DEFAULT_CACHE_SIZE", "check_many"]

#: Reports kept for repeated inputs. A report weighs about 1 to 3 kB, so this stays a few MB.
DEFAULT_CACHE_SIZE: Final = 4096
#: Inputs sent to a worker process at once: large enough that pickling and the round trip
#: cost little next to the checks (about 100 to 200 µs each), small enough to stream.
CHUNK_SIZE: Final = 256
#: Chunks in flight per worker: enough to keep every worker busy while the caller consumes.
CHUNKS_PER_WORKER: Final = 3

_T = TypeVar("_T")
_P = TypeVar("_P")
_Key = tuple[str, str | None]


class _Checker(Generic[_T]):
    """``check`` with fixed options, then ``convert``; picklable, so it can go to a worker."""

    __slots__ = ("convert", "kwargs", "rebuild")

    def __init__(
        self,
        convert: Callable[[Report], _T],
        *,
        lang: str,
        sender: Sender | None,
        rules: object | None,
    ) -> None:
        self.convert = convert
        #: Turns what a worker sends back into the result (the compact form of a report
        #: into the report), in the parent; ``None`` when the worker sends the result.
        self.rebuild: Callable[[Any], _T] | None = None
        self.kwargs: dict[str, Any] = {"lang": lang, "sender": sender}
        if rules is not None:
            # The rules engine adds ``rules=`` to check(); only pass it when a caller gave one,
            # so batch checking works with and without it.
            self.kwargs["rules"] = rules

    def __call__(self, key: _Key) -> _T:
        text, region = key
        return self.convert(check(text, region=region, **self.kwargs))

    def __getstate__(self) -> tuple[Callable[[Report], _T], dict[str, Any]]:
        return self.convert, self.kwargs

    def __setstate__(self, state: tuple[Callable[[Report], _T], dict[str, Any]]) -> None:
        self.convert, self.kwargs = state
        self.rebuild = None  # only the parent rebuilds

    def compact(self) -> _Checker[_T]:
        """This checker with workers sending reports in their compact form (``_compact``)."""
        from ._compact import pack, unpack  # noqa: PLC0415
        from ._rules_load import load_rules  # noqa: PLC0415

        given = self.kwargs.get("rules")
        rules = load_rules() if given is None else given  # an empty set is falsy
        lang = str(self.kwargs["lang"]).strip().lower()
        out: _Checker[Any] = _Checker(
            pack, lang=lang, sender=self.kwargs["sender"], rules=self.kwargs.get("rules")
        )
        out.rebuild = lambda packed: unpack(packed, lang, rules)
        return out


def _as_report(report: Report) -> Report:
    return report


# The checker of a worker process, set once by its initializer: sending it with every chunk
# would pickle the rules again for each chunk.
_worker_checker: _Checker[Any] | None = None


def _init_worker(checker: _Checker[Any]) -> None:
    global _worker_checker  # noqa: PLW0603 - per-process state of a worker, set once
    _worker_checker = checker
    # Ctrl-C reaches the whole process group; the parent handles it and shuts the pool down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _check_chunk(keys: list[_Key]) -> list[Any]:
    checker = _worker_checker
    if checker is None:  # pragma: no cover - the initializer always ran
        raise RuntimeError("worker used before its initializer ran")
    return [checker(key) for key in keys]


class _LRU(Generic[_T]):
    """A bounded least-recently-used map; ``size`` 0 keeps nothing."""

    __slots__ = ("data", "size")

    def __init__(self, size: int) -> None:
        self.size = size
        self.data: collections.OrderedDict[_Key, _T] = collections.OrderedDict()

    def get(self, key: _Key) -> _T | None:
        value = self.data.get(key)
        if value is not None:
            self.data.move_to_end(key)
        return value

    def put(self, key: _Key, value: _T) -> None:
        if self.size <= 0:
            return
        self.data[key] = value
        if len(self.data) > self.size:
            self.data.popitem(last=False)


class _Chunk(Generic[_P, _T]):
    """Inputs sent together: results found in the cache by position, the rest in a future."""

    __slots__ = ("future", "items", "known", "todo_at")

    def __init__(
        self,
        items: list[tuple[_P, _Key]],
        known: dict[int, _T],
        future: concurrent.futures.Future[list[_T]] | None,
        todo_at: list[int],
    ) -> None:
        self.items = items
        self.known = known
        self.future = future
        self.todo_at = todo_at


def _run(
    items: Iterable[tuple[_P, _Key]],
    checker: _Checker[_T],
    *,
    workers: int,
    cache_size: int,
) -> Iterator[tuple[_P, _T]]:
    """Yield ``(payload, result)`` for each ``(payload, (text, region))``, in input order."""
    if workers <= 1:
        return _run_serial(items, checker, cache_size)
    return _run_parallel(items, checker, workers, cache_size)


def _run_serial(
    items: Iterable[tuple[_P, _Key]], checker: _Checker[_T], cache_size: int
) -> Iterator[tuple[_P, _T]]:
    # functools.lru_cache is a C-level LRU keyed by the argument: the cheapest cache there is.
    one = functools.lru_cache(maxsize=cache_size)(checker) if cache_size > 0 else checker
    for payload, key in items:
        yield payload, one(key)


def _run_parallel(
    items: Iterable[tuple[_P, _Key]], checker: _Checker[_T], workers: int, cache_size: int
) -> Iterator[tuple[_P, _T]]:
    cache: _LRU[_T] = _LRU(cache_size)
    rebuild = checker.rebuild
    source = iter(items)
    pending: collections.deque[_Chunk[_P, _T]] = collections.deque()
    max_pending = workers * CHUNKS_PER_WORKER
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(checker,)
    )
    try:

        def submit() -> bool:
            chunk = list(itertools.islice(source, CHUNK_SIZE))
            if not chunk:
                return False
            known: dict[int, _T] = {}
            todo: list[_Key] = []
            todo_at: list[int] = []
            for i, (_, key) in enumerate(chunk):
                hit = cache.get(key)
                if hit is None:
                    todo.append(key)
                    todo_at.append(i)
                else:
                    known[i] = hit
            future = pool.submit(_check_chunk, todo) if todo else None
            pending.append(_Chunk(chunk, known, future, todo_at))
            return True

        more = True
        while True:
            while more and len(pending) < max_pending:
                more = submit()
            if not pending:
                return
            done = pending.popleft()
            known = done.known
            if done.future is not None:
                results = done.future.result()
                if rebuild is not None:
                    results = [rebuild(result) for result in results]
                for i, result in zip(done.todo_at, results, strict=True):
                    known[i] = result
                    cache.put(done.items[i][1], result)
            for i, (payload, _) in enumerate(done.items):
                yield payload, known[i]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _checker_for(  # noqa: PLR0913 - the options of check_many, keyword-only
    convert: Callable[[Report], _T],
    *,
    region: str | None,
    lang: str,
    rules: object | None,
    sender: Sender | None,
    workers: int,
    cache_size: int,
) -> _Checker[_T]:
    """Validate the options now, not at the first item, and build the checker."""
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        msg = f"workers must be a positive int, not {workers!r}"
        raise ValueError(msg)
    if isinstance(cache_size, bool) or not isinstance(cache_size, int) or cache_size < 0:
        msg = f"cache_size must be an int >= 0, not {cache_size!r}"
        raise ValueError(msg)
    checker = _Checker(convert, lang=lang, sender=sender, rules=rules)
    checker(("", region))  # raises on a bad region, language, sender or rules
    if workers > 1:
        try:
            pickle.dumps(checker)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            msg = f"workers > 1 needs picklable options (sender, rules): {exc}"
            raise TypeError(msg) from exc
    return checker


def check_many(  # noqa: PLR0913 - keyword-only options, like check()
    texts: Iterable[str],
    /,
    *,
    region: str | None = None,
    lang: str = "en",
    rules: object | None = None,
    sender: Sender | None = None,
    workers: int = 1,
    cache_size: int = DEFAULT_CACHE_SIZE,
    regions: Iterable[str | None] | None = None,
) -> Iterator[Report]:
    """Check many inputs; yield their reports in input order, as they are ready.

    The input is read as the reports are consumed: a generator over a file of any size is
    fine. Repeated inputs are served from a bounded least-recently-used cache.

    Args:
        texts: The inputs, any iterable of ``str`` (read lazily, once).
        region: As for :func:`~smscheck.check`, the same for every input.
        regions: Instead of ``region``, one region hint (or ``None``) per input, read in
            step with ``texts``; both must have the same length.
        lang: As for :func:`~smscheck.check`.
        rules: A rule set from ``load_rules()``, passed on to :func:`~smscheck.check`.
        sender: As for :func:`~smscheck.check`.
        workers: Processes to spread the checks over. ``1`` checks in this process; more
            start a process pool, which pays off past a few thousand inputs.
        cache_size: Reports kept for repeated inputs; ``0`` turns the cache off.

    Returns:
        An iterator of :class:`~smscheck.Report`, one per input, in input order.

    Raises:
        ValueError: a bad ``region``, ``lang``, ``workers`` or ``cache_size``, or both
            ``region`` and ``regions``, at the call; a bad region of ``regions``, or
            ``regions`` of another length than ``texts``, when its turn comes.
        TypeError: ``texts`` is a ``str`` or ``bytes`` (which would be checked character by
            character), at the call; an input is not a ``str``, when its turn comes.

    Example:
        ```python
        >>> import smscheck
        >>> reports = smscheck.check_many(["8 912 345-67-89", "", "8 912 345-67-89"], region="RU")
        >>> [(r.ok, r.number and r.number.e164) for r in reports]
        [(True, '+79123456789'), (False, None), (True, '+79123456789')]
        >>> reports = smscheck.check_many(["8 912 345-67-89", "07700 900123"], regions=["RU", "GB"])
        >>> [r.region_hint for r in reports]
        ['RU', 'GB']
        >>> smscheck.check_many("+79123456789")
        Traceback (most recent call last):
          ...
        TypeError: check_many() takes an iterable of str, not a str: put one input in a list

        ```
    """
    if isinstance(texts, (str, bytes, bytearray)):
        msg = (
            f"check_many() takes an iterable of str, not a {type(texts).__name__}: put one"
            " input in a list"
        )
        raise TypeError(msg)
    if regions is not None and region is not None:
        msg = "give check_many() region= or regions=, not both"
        raise ValueError(msg)
    if isinstance(regions, (str, bytes, bytearray)):
        msg = f"regions= takes one region per input, not a {type(regions).__name__}"
        raise TypeError(msg)
    checker = _checker_for(
        _as_report,
        region=region,
        lang=lang,
        rules=rules,
        sender=sender,
        workers=workers,
        cache_size=cache_size,
    )
    if workers > 1:
        checker = checker.compact()
    pairs: Iterable[tuple[None, _Key]]
    if regions is None:
        pairs = ((None, (text, region)) for text in texts)
    else:
        pairs = ((None, (text, hint)) for text, hint in _in_step(texts, regions))
    return (report for _, report in _run(pairs, checker, workers=workers, cache_size=cache_size))


def _in_step(
    texts: Iterable[str], regions: Iterable[str | None]
) -> Iterator[tuple[str, str | None]]:
    try:
        yield from zip(texts, regions, strict=True)
    except ValueError as exc:
        if not str(exc).startswith("zip()"):  # not ours: the caller's iterable raised it
            raise
        msg = "check_many(): texts and regions= have different lengths"
        raise ValueError(msg) from None
