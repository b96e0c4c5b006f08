"""The shape of a generated channel: how many partners sit at each level of the forest, and which
parent each one gets. Pure arithmetic over indices, so no phase holds the channel in memory."""

from __future__ import annotations

import random
from dataclasses import dataclass

# Share of the non-distributor partners at levels 1..4 (reseller, sub-reseller, ...).
LEVEL_SHARES = (0.20, 0.40, 0.30, 0.10)
# Parents are drawn as floor(size * u ** SKEW): a few large distributors get most of the channel.
SKEW = 3.0


@dataclass(frozen=True)
class ChannelShape:
    partners: int
    seed: int

    @property
    def distributors(self) -> int:
        return max(3, round(self.partners * 0.002))

    @property
    def level_sizes(self) -> tuple[int, ...]:
        rest = self.partners - self.distributors
        sizes = [int(rest * share) for share in LEVEL_SHARES]
        sizes[0] += rest - sum(sizes)  # rounding goes to the resellers
        return (self.distributors, *sizes)

    def level_offset(self, level: int) -> int:
        return sum(self.level_sizes[:level])

    def partner_id(self, level: int, index: int) -> str:
        return f"gp{self.level_offset(level) + index:07d}"

    def rng(self, phase: str) -> random.Random:
        """One generator per phase: the same seed and phase give the same rows, in the same order."""
        return random.Random(f"{self.seed}:{phase}")

    def parent_index(self, rng: random.Random, level: int) -> int:
        above = self.level_sizes[level - 1]
        return min(above - 1, int(above * rng.random() ** SKEW))

    def all_partner_ids(self):
        for level, size in enumerate(self.level_sizes):
            for index in range(size):
                yield self.partner_id(level, index)
