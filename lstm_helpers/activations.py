"""The two squashing functions an LSTM is built from, and their slopes (notebook 01).

sigmoid squashes any number into (0, 1): a gate, the fraction of something to let through.
tanh squashes any number into (-1, 1): a memory, with a sign.
Both are flat far from 0, which is where gradients vanish.

Why an exp of our own: numpy's exp and tanh, and the C library's, take different code
paths on different CPUs (AVX2, AVX-512, another libm) and can differ in the last bits.
Notebook 06 trains chaotically for hundreds of steps, which turns such bits into other
results. So the course computes e^a itself from + - * /, np.rint and np.ldexp only, the
same operations in the same order everywhere: the same bits on every machine. The method
is fdlibm's: a = k ln2 + r with |r| <= ln2 / 2 (Cody-Waite, ln2 in two parts), then
e^r - 1 = 2r / (R(r^2) - r) with a degree-5 polynomial R, within about 1 ulp.

sigmoid_values and tanh_values are the unchecked array versions every LSTM of the package
uses (lstm_math.lstm_day); sigmoid_float and tanh_float are the scalar fast path of notebook
05's training, where numpy's per-call cost, or an exp written in Python, would dominate.
"""

import math

import numpy as np

from ._checks import finite_array, plain

LN2_HI = 6.93147180369123816490e-01  # ln 2 to 32 bits: k * LN2_HI is exact for the k used here
LN2_LO = 1.90821492927058770002e-10  # the rest of ln 2
INV_LN2 = 1.44269504088896338700e00
R1, R2, R3 = 1.66666666666666019037e-01, -2.77777777770155933842e-03, 6.61375632143793436117e-05
R4, R5 = -1.65339022054652515390e-06, 4.13813679705723846039e-08
LOWEST = -746.0  # e^a is 0 in a float below about -745.13: arguments are clamped here


# 2^k for k = 0, -1, ..., -1100, read as POWERS_OF_TWO[k] (k <= 0 counts from the end): a
# table lookup is 5x cheaper than np.ldexp, and exact (k >= -1076 for a >= LOWEST; 0 below -1074).
POWERS_OF_TWO = np.ldexp(1.0, np.concatenate([[0], np.arange(-1100, 0)]))
POWERS_OF_TWO.setflags(write=False)


def exp_parts(a, overwrite=False):
    """(k, p) with e^a = 2^k (1 + p), for a float array a <= 0 (1-D or more); k holds whole numbers.

    p is e^r - 1 for |r| <= ln2 / 2, accurate to about 1 ulp even near 0 (so tanh stays
    accurate for tiny arguments). Only + - * /, np.rint and np.maximum: the same bits on any CPU.
    overwrite: a is the caller's scratch, and may be used as a buffer (one array fewer a call).
    """
    a = np.maximum(a, LOWEST, out=a if overwrite else None)  # the buffers below are written in place
    k = a * INV_LN2
    np.rint(k, out=k)
    r = k * LN2_HI
    np.subtract(a, r, out=r)
    r -= np.multiply(k, LN2_LO, out=a)  # r = (a - k ln2_hi) - k ln2_lo
    t = r * r
    c = t * R5  # c = t (R1 + t (R2 + t (R3 + t (R4 + t R5)))), Horner's rule in place
    for coefficient in (R4, R3, R2, R1):
        c += coefficient
        c *= t
    np.subtract(r, c, out=c)
    np.subtract(2.0, c, out=c)
    r *= 2.0
    r /= c  # 2r / (2 - c)
    return k, r


def exp_and_expm1(a, overwrite=False):
    """(e^a, e^a - 1) for a float array a <= 0, each within about 1 ulp (overwrite: as for exp_parts)."""
    k, p = exp_parts(a, overwrite)
    two_k = POWERS_OF_TWO.take(k.astype(np.intp))  # 2^k, exactly (k <= 0: Python's negative indexing)
    scaled = np.multiply(p, two_k, out=p)  # 2^k p, rounded once, as np.ldexp(p, k) is
    e = two_k + scaled
    two_k -= 1.0
    two_k += scaled  # e - 1 = (2^k - 1) + 2^k p: exact near 0, where k = 0
    return e, two_k


def exact_exp(x):
    """e^x for a float array x between -745 and 709 (0 below), the same bits on any CPU."""
    x = np.asarray(x, dtype=float)
    k, p = exp_parts(np.minimum(np.atleast_1d(x), 709.78))  # exp_parts reduces any a; only a <= 0 is needed inside
    k = k.astype(np.int32)
    return (np.ldexp(1.0, k) + np.ldexp(p, k)).reshape(x.shape)


def sigmoid_values(z):
    """sigmoid of a float array: 1 / (1 + e^-z) for z >= 0, e^z / (1 + e^z) below, never overflowing."""
    shape, z = np.shape(z), np.atleast_1d(z)  # in-place arithmetic needs arrays, not numpy scalars
    e = exp_and_expm1(-np.abs(z))[0]
    return (np.where(z >= 0, 1.0, e) / (1.0 + e)).reshape(shape)


def tanh_values(x, out=None):
    """tanh of a float array: |u| / (1 + e) with e = e^(-2|x|), u = e - 1, and the sign of x.
    out: an array of x's shape (at least 1-D) to write the result in."""
    shape, x = np.shape(x), np.atleast_1d(x)  # in-place arithmetic needs arrays, not numpy scalars
    a = np.abs(x)
    np.minimum(a, -LOWEST, out=a)  # clamped first: 2|x| cannot overflow
    a *= -2.0
    e, u = exp_and_expm1(a, overwrite=True)
    np.copysign(u, x, out=u)
    e += 1.0
    if out is not None:
        return np.divide(u, e, out=out)
    u /= e
    return u.reshape(shape)


def sigmoid_float(z):
    """sigmoid of one Python float, fast: (1 + tanh(z / 2)) / 2 with the C library's tanh.

    The scalar fast path of notebook 05's training, where an exp written in Python would
    double the time (measured: benchmarks/run.py). It agrees with sigmoid_values to about
    1e-16 but not bit for bit on every machine; notebook 05's smooth training does not
    turn that into other printed numbers, as notebook 06's chaotic training would.
    """
    return 0.5 + 0.5 * math.tanh(0.5 * z)


tanh_float = math.tanh  # tanh of one Python float, fast (the C library's): see sigmoid_float


def sigmoid(x):
    """The sigmoid e^x / (e^x + 1) of a number or an array; sigmoid(5) is 0.99."""
    return plain(sigmoid_values(finite_array(x, "x")))


def tanh(x):
    """The hyperbolic tangent (e^x - e^-x) / (e^x + e^-x); tanh(-2) is -0.96."""
    return plain(tanh_values(finite_array(x, "x")))


def sigmoid_derivative(x):
    """The slope of sigmoid at x: sigmoid(x) * (1 - sigmoid(x)), at most 0.25."""
    s = sigmoid_values(finite_array(x, "x"))
    return plain(s * (1.0 - s))


def tanh_derivative(x):
    """The slope of tanh at x: 1 - tanh(x)^2, at most 1."""
    t = tanh_values(finite_array(x, "x"))
    return plain(1.0 - t * t)
