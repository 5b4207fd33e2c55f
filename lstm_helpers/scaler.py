"""Scaler (notebook 07): shift and stretch values to mean 0 and standard deviation 1, as measured
on the training period (split.scaler()), and back."""

from dataclasses import dataclass

import numpy as np

from ._checks import finite_array, real_number, series_array


@dataclass(frozen=True)
class Scaler:
    """Shift and stretch values to mean 0 and standard deviation 1, as measured where it was fitted."""

    mean: float
    scale: float  # above 0

    def __post_init__(self):
        object.__setattr__(self, "mean", real_number(self.mean, "Scaler.mean"))
        object.__setattr__(self, "scale", real_number(self.scale, "Scaler.scale"))
        if self.scale <= 0:
            raise ValueError(f"Scaler.scale must be above 0 (a spread to divide by), got {self.scale!r}")

    @classmethod
    def fit(cls, values):
        values = series_array(values, "values", min_length=2)
        size = float(np.max(np.abs(values)))
        if size > 1e150:  # squares would overflow: measure on values / size, then scale back
            shrunk = values / size
            mean, scale = size * float(np.mean(shrunk)), size * float(np.std(shrunk))
        else:
            mean, scale = float(np.mean(values)), float(np.std(values))
        if scale == 0:
            raise ValueError("values must not all be equal: there is no spread to scale by")
        return cls(mean, scale)

    def transform(self, values):
        return (finite_array(values, "values") - self.mean) / self.scale

    def inverse(self, values):
        return finite_array(values, "values") * self.scale + self.mean
