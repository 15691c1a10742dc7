"""Timing helpers shared by the benchmark scripts (run as scripts: this folder is on sys.path)."""

import time
from collections.abc import Sequence

import httpx


def percentile(samples: Sequence[float], p: float) -> float:
    """The p-th percentile, interpolated between the two nearest samples."""
    ordered = sorted(samples)
    k = (len(ordered) - 1) * p / 100
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


async def timed(
    client: httpx.AsyncClient, path: str, params: dict[str, str], headers: dict[str, str]
) -> float:
    """Milliseconds for one GET; anything but a 200 stops the benchmark."""
    started = time.perf_counter()
    response = await client.get(path, params=params, headers=headers)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"GET {path} {params} -> {response.status_code}: {response.text[:300]}")
    return elapsed


def report(title: str, samples: list[float], width: int = 34) -> None:
    """One line: p50, p95, p99 and max in milliseconds."""
    print(
        f"  {title:<{width}} n={len(samples):>4}  p50 {percentile(samples, 50):6.1f}  "
        f"p95 {percentile(samples, 95):6.1f}  p99 {percentile(samples, 99):6.1f}  "
        f"max {max(samples):6.1f} ms"
    )
