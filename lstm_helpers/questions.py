"""The course's exercises, notebook by notebook. Answers are computed, never typed in."""

from .exercises import ExerciseSet, NumberExercise


def _start_here():
    gate, memory = 0.25, 2.0
    return ExerciseSet(
        "00_start_here",
        q1=NumberExercise(
            prompt=f"A gate outputs {gate}. How much of a long-term memory of {memory} gets through?",
            expected=gate * memory,
            mistakes=[
                (memory - gate * memory, "that is the part the gate lets go; a gate says how much to keep."),
                (memory / gate, "a gate multiplies the memory; it does not divide it."),
            ],
            hints=[
                "A gate is a percentage: 0.25 means 25%.",
                f"Multiply the memory by the gate: {memory} x {gate}.",
            ],
            solution=f"The gate keeps {gate:.0%} of the memory: {memory} x {gate} = {gate * memory}.",
        ),
    )


_BUILDERS = {
    "00_start_here": _start_here,
}


def exercises_for(notebook):
    """The ExerciseSet of a notebook, by its number ("01") or full name."""
    key = str(notebook)
    matches = [name for name in _BUILDERS if name == key or name.split("_")[0] == key]
    if not matches:
        known = ", ".join(name.split("_")[0] for name in _BUILDERS)
        raise ValueError(f"notebook must be one of {known} (or its full name), got {notebook!r}")
    return _BUILDERS[matches[0]]()


def all_exercise_sets():
    """Every notebook's ExerciseSet, in course order."""
    return [build() for build in _BUILDERS.values()]
