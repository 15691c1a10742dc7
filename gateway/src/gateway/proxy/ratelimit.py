"""Rate limits for the public report routes, kept in process memory only.

The client address is used as a key for a few minutes and never leaves memory:
it is hashed with a per-process random salt, never logged, never stored, never
passed on. A restart forgets everything, which is the point.
"""

import hashlib
import secrets
import time
from collections import deque
from dataclasses import dataclass, field


@dataclass
class Window:
    limit: int
    seconds: float
    hits: dict[str, deque[float]] = field(default_factory=dict)

    def retry_after(self, key: str, now: float) -> float | None:
        """Record a hit for `key`; None when allowed, else the seconds to wait."""
        queue = self.hits.setdefault(key, deque())
        while queue and queue[0] <= now - self.seconds:
            queue.popleft()
        if len(queue) >= self.limit:
            return queue[0] + self.seconds - now
        queue.append(now)
        return None

    def prune(self, now: float) -> None:
        for key in [k for k, q in self.hits.items() if not q or q[-1] <= now - self.seconds]:
            del self.hits[key]


class PublicRateLimiter:
    """Per client: a few submissions per ten minutes, more reads; and a cap for everyone together."""

    MAX_TRACKED = 50_000

    def __init__(
        self,
        *,
        submissions: int = 10,
        submission_window: float = 600.0,
        reads: int = 60,
        read_window: float = 60.0,
        everyone_per_minute: int = 600,
    ) -> None:
        self._salt = secrets.token_bytes(16)
        self._submissions = Window(submissions, submission_window)
        self._reads = Window(reads, read_window)
        self._everyone = Window(everyone_per_minute, 60.0)
        self._last_prune = time.monotonic()

    def _key(self, client_address: str) -> str:
        return hashlib.blake2b(client_address.encode(), key=self._salt, digest_size=12).hexdigest()

    def retry_after(self, client_address: str, method: str, now: float | None = None) -> float | None:
        """None when this request may pass; otherwise the seconds until it may."""
        now = time.monotonic() if now is None else now
        if now - self._last_prune > 60 or len(self._reads.hits) > self.MAX_TRACKED:
            for window in (self._submissions, self._reads):
                window.prune(now)
            self._last_prune = now
        window = self._reads if method in ("GET", "HEAD") else self._submissions
        return self._everyone.retry_after("*", now) or window.retry_after(self._key(client_address), now)
