"""The course's pictures: figures (matplotlib), diagrams and charts (SVG), and tables.

One module per notebook topic, named as the explorers are (explorers/):
activations (01), rnn (02), unit (03), companies (04), training (05), long_lag (06),
prices (07); shared by them: colours (the palette), figure (matplotlib style, PNG,
live redraws), svg (SVG building blocks) and chart (SVG line charts). Importing this
package imports none of them, so `import lstm_helpers` loads no matplotlib.
"""
