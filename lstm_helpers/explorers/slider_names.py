"""Slider handles named and read as rounded numbers in the page (notebooks 01-06).

ipywidgets 8 draws a slider with noUiSlider, whose handle (role=slider) has no accessible
name and reads an unrounded value such as "1.0499999999999998" (ipywidgets issue 2650), and
ipywidgets has no option to change either. So each explorer carries a tiny, invisible Output
widget holding a <script>: once per page, it ties every slider handle to its description
label (aria-labelledby, giving the label an id) and keeps the handle's aria-valuetext equal
to the slider's rounded readout (a MutationObserver on aria-valuenow). JupyterLab 4 and the
Notebook run it (an Output widget's outputs are trusted); where scripts do not run
(VS Code's or Colab's sandboxes, an untrusted notebook) it does nothing, and the notebook's
stored text outputs do not change (it lives in the widget's state, not in a cell output).

Under ipywidgets 7 (Colab) there is no such widget: its sliders are jQuery UI ones with no
role=slider for the script to name, and the classic Notebook's widget front end for 7
(widgetsnbextension 3.6) cannot make an Output widget at all ("_deserialize_state is not a
function"), which left every explorer holding one blank there.
"""

import ipywidgets as w

NOUISLIDER = int(w.__version__.split(".")[0]) >= 8  # ipywidgets 8 draws sliders with noUiSlider

# Page-wide, installed once: a second explorer's copy of the script returns at the guard.
SCRIPT = """<script>
(() => {
  if (window.lstmHelpersSliderNames) return;
  window.lstmHelpersSliderNames = true;
  let labels = 0;
  const fix = handle => {
    const slider = handle.closest('.widget-slider, .widget-hslider, .widget-vslider');
    if (!slider) return;
    const label = slider.querySelector('.widget-label');
    if (label && label.textContent.trim() && !handle.hasAttribute('aria-labelledby')) {
      label.id = label.id || `lstm-helpers-slider-label-${++labels}`;
      handle.setAttribute('aria-labelledby', label.id);
    }
    const readout = slider.querySelector('.widget-readout');
    const text = readout && readout.textContent.trim();
    if (text && handle.getAttribute('aria-valuetext') !== text) handle.setAttribute('aria-valuetext', text);
  };
  const fixAll = root => root.querySelectorAll('[role=slider]').forEach(fix);
  new MutationObserver(records => {
    for (const r of records) {
      if (r.type === 'attributes') fix(r.target);
      else for (const n of r.addedNodes) if (n.nodeType === 1) (n.matches('[role=slider]') ? fix(n) : fixAll(n));
    }
  }).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow']});
  fixAll(document);
})();
</script>"""


def slider_names_output():
    """An invisible Output widget whose one output is SCRIPT (text/plain empty, so nothing shows
    where HTML is not rendered), or None under ipywidgets 7, where the script has nothing to do.
    Its outputs are set directly, so no kernel is needed to make it."""
    if not NOUISLIDER:
        return None
    output = w.Output(layout=w.Layout(height="0", overflow="hidden"))
    output.outputs = ({"output_type": "display_data", "metadata": {},
                       "data": {"text/html": SCRIPT, "text/plain": ""}},)
    return output
