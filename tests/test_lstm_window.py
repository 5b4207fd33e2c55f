"""The LSTM as a forecasting model (lstm_window.py): it learns real structure, is seeded, and
sees nothing of the future: the test period never, the validation period only to pick a step."""

import numpy as np
import pytest

import lstm_helpers as lh


def days(n, start="2020-01-01"):
    return np.datetime64(start, "D") + np.arange(n)


def ar1(n, phi=0.6, seed=5):
    """x[t] = phi * x[t-1] + noise: tomorrow depends on today."""
    rng = np.random.default_rng(seed)
    values = np.zeros(n)
    for t in range(1, n):
        values[t] = phi * values[t - 1] + rng.normal()
    return values


def stormy(n, seed=7):
    """Noise whose size switches between calm (0.5) and stormy (3) stretches: its sign is
    unpredictable, the size of tomorrow's move is not."""
    rng = np.random.default_rng(seed)
    storm = np.cumsum(rng.random(n) < 0.03) % 2 == 1
    return rng.normal(size=n) * np.where(storm, 3.0, 0.5)


@pytest.fixture(scope="module")
def ar1_split():
    return lh.time_split(days(1500), ar1(1500), 5, days(1500)[1000], days(1500)[1250])


def small_lstm(**settings):
    return lh.LSTMWindow(**{"n_units": 4, "max_steps": 300, **settings})


def parameters(lstm):
    return [np.asarray(a) for a in lstm.training.model.parameters()]


def test_it_learns_an_ar1_series_better_than_tomorrow_equals_today(ar1_split):
    results = lh.evaluate({"zero": lh.ZeroReturn, "linear": lh.LinearWindow, "LSTM": small_lstm}, ar1_split)
    versus_zero = results.score("LSTM").rmse_vs_reference
    assert versus_zero.high < 0  # smaller errors than 0, beyond noise
    # ... and most of the way to the linear model, which is the right form for an AR(1)
    assert results.score("LSTM").rmse < 0.5 * (results.score("zero").rmse + results.score("linear").rmse)
    assert results.score("LSTM").direction_vs_up.low > 0


def test_it_learns_the_size_of_moves_in_a_volatility_clustered_series():
    sizes = np.abs(stormy(1600))
    split = lh.time_split(days(1600), sizes, 10, days(1600)[1000], days(1600)[1300])
    results = lh.evaluate({"mean": lh.TrainingMean, "LSTM": small_lstm}, split, reference="mean")
    assert results.score("LSTM").rmse_vs_reference.high < 0
    # and on the sign of the same series there is nothing to learn
    signs = lh.time_split(days(1600), stormy(1600), 10, days(1600)[1000], days(1600)[1300])
    assert not lh.evaluate({"LSTM": small_lstm}, signs).score("LSTM").rmse_vs_reference.high < 0


def test_the_same_seed_gives_the_same_model_and_another_seed_another(ar1_split):
    one, again = (small_lstm(seed=3).fit(ar1_split.train, ar1_split.validation) for _ in range(2))
    other = small_lstm(seed=4).fit(ar1_split.train, ar1_split.validation)
    inputs = ar1_split.test.inputs
    np.testing.assert_array_equal(one.predict(inputs), again.predict(inputs))
    assert not np.allclose(one.predict(inputs), other.predict(inputs))


def test_validation_only_chooses_which_step_to_keep(ar1_split):
    train, validation = ar1_split.train, ar1_split.validation
    shuffled = lh.time_split(days(1500), np.concatenate([ar1(1500)[:1000], ar1(500, seed=9)]), 5,
                             days(1500)[1000], days(1500)[1250]).validation
    never_stop = {"max_steps": 200, "patience": 1000}
    a = small_lstm(**never_stop).fit(train, validation)
    b = small_lstm(**never_stop).fit(train, shuffled)
    # the same path of weights whatever the validation period holds ...
    np.testing.assert_array_equal(a.training.training_losses, b.training.training_losses)
    for x, y in zip(a.training.last_model.parameters(), b.training.last_model.parameters()):
        np.testing.assert_array_equal(x, y)
    # ... and the model kept is that path's weights at the step chosen: training without any
    # validation period for exactly that many steps gives the same numbers
    plain = small_lstm(max_steps=a.training.best_step).fit(train)
    assert plain.training.check_steps.size == 0 and plain.training.stopped_because == "max_steps"
    for x, y in zip(parameters(a), parameters(plain)):
        np.testing.assert_array_equal(x, y)


def test_the_test_period_never_reaches_fit():
    values = ar1(1500)
    future = values.copy()
    future[1250:] = 100 + 50 * np.random.default_rng(0).normal(size=250)  # a wild, different future
    runs = [lh.evaluate({"LSTM": small_lstm}, lh.time_split(days(1500), v, 5, days(1500)[1000], days(1500)[1250]))
            for v in (values, future)]
    models = [r.models["LSTM"] for r in runs]
    np.testing.assert_array_equal(models[0].training.training_losses, models[1].training.training_losses)
    for x, y in zip(parameters(models[0]), parameters(models[1])):
        np.testing.assert_array_equal(x, y)


def test_the_scaler_is_fitted_on_the_training_period_only_unless_given(ar1_split):
    lstm = small_lstm(max_steps=25).fit(ar1_split.train, ar1_split.validation)
    assert lstm.scaler == lh.Scaler.fit(ar1_split.train.values) == ar1_split.scaler()
    # refitting on another period fits a fresh scaler there
    assert small_lstm(max_steps=25).fit(ar1_split.validation).scaler == lh.Scaler.fit(ar1_split.validation.values)
    given = lh.Scaler(0.0, 10.0)
    assert small_lstm(max_steps=25, scaler=given).fit(ar1_split.train).scaler is given


def test_unlike_the_linear_model_it_answers_to_the_scaler(ar1_split):
    honest = small_lstm().fit(ar1_split.train, ar1_split.validation).predict(ar1_split.test.inputs)
    other = small_lstm(scaler=lh.Scaler(1.0, 0.3)).fit(ar1_split.train, ar1_split.validation)
    assert not np.allclose(honest, other.predict(ar1_split.test.inputs))


def test_flat_loss_and_summary(ar1_split):
    lstm = small_lstm(max_steps=100, patience=2).fit(ar1_split.train, ar1_split.validation)
    scaler, mean = lstm.scaler, ar1_split.train.values.mean()
    expected = np.mean(((ar1_split.validation.targets - mean) / scaler.scale) ** 2)
    assert lstm.flat_loss(ar1_split.validation) == pytest.approx(expected)
    t = lstm.training
    text = lstm.summary()
    assert f"{t.steps} Adam steps of 64 windows" in text and f"{len(ar1_split.train)} training windows" in text
    assert f"kept step {t.best_step}, the lowest validation loss" in text
    assert t.validation_losses.min() == t.validation_losses[list(t.check_steps).index(t.best_step)]
    assert repr(lstm) == ("LSTMWindow(n_units=4, learning_rate=0.01, seed=0, batch_size=64,\n"
                          f"           max_steps=100, check_every=25, patience=2): fitted, kept step {t.best_step}")
    assert all(len(line) <= 90 for line in (repr(lstm) + "\n" + text).splitlines())  # a notebook shows them whole


def test_settings_and_order_of_calls_are_checked(ar1_split):
    for bad, error in (({"n_units": 0}, ValueError), ({"n_units": 2.5}, TypeError), ({"seed": -1}, ValueError),
                       ({"learning_rate": 0}, ValueError), ({"learning_rate": "fast"}, TypeError),
                       ({"learning_rate": float("nan")}, ValueError), ({"patience": 0}, ValueError),
                       ({"batch_size": True}, TypeError), ({"scaler": 3}, TypeError)):
        with pytest.raises(error, match=next(iter(bad))):
            lh.LSTMWindow(**bad)
    lstm = lh.LSTMWindow()
    for call in (lambda: lstm.predict(np.zeros((2, 5))), lambda: lstm.summary(),
                 lambda: lstm.flat_loss(ar1_split.train)):
        with pytest.raises(ValueError, match="fit the model"):
            call()
    with pytest.raises(TypeError, match="train must be a Period"):
        lstm.fit(np.zeros((5, 2)))
    with pytest.raises(TypeError, match="validation must be a Period"):
        lstm.fit(ar1_split.train, "2009")
    fitted = small_lstm(max_steps=25).fit(ar1_split.train)
    with pytest.raises(ValueError, match=r"inputs must have shape \(windows, 5\)"):
        fitted.predict(np.zeros(5))


def test_the_same_fit_twice_is_remembered_not_retrained(ar1_split):
    """Training is deterministic, so notebook 07 (and its exercises) reuse a fit of the same
    settings on the same data: the second fit returns the very same training."""
    first = small_lstm(max_steps=50).fit(ar1_split.train, ar1_split.validation)
    again = small_lstm(max_steps=50).fit(ar1_split.train, ar1_split.validation)
    assert again.training is first.training
    assert np.array_equal(again.predict(ar1_split.test.inputs), first.predict(ar1_split.test.inputs))
    other_seed = small_lstm(max_steps=50, seed=1).fit(ar1_split.train, ar1_split.validation)
    no_validation = small_lstm(max_steps=50).fit(ar1_split.train)
    other_scaler = small_lstm(max_steps=50, scaler=lh.Scaler(0.0, 1.0)).fit(ar1_split.train, ar1_split.validation)
    shorter = small_lstm(max_steps=50).fit(ar1_split.validation, ar1_split.train)
    trainings = [first.training, other_seed.training, no_validation.training, other_scaler.training,
                 shorter.training]
    assert len({id(t) for t in trainings}) == 5, "different settings or data never share a fit"
    assert other_scaler.scaler == lh.Scaler(0.0, 1.0) and first.scaler == ar1_split.scaler()
