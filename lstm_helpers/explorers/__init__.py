"""The course's explorers: ipywidgets that redraw a picture as a slider moves.

One module per notebook topic, named as the pictures are (pictures/): activations (01),
rnn (02), unit (03), companies (04), training (05), long_lag (06), prices (07: the progress
bar); base holds what they share. Importing this package imports none of them, so
`import lstm_helpers` loads no ipywidgets.
"""
