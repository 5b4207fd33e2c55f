"""The JavaScript that tests/browser/accessibility.py runs in the page. Each takes COURSE, the
selector of the course's own content (cell outputs and rendered markdown)."""

# Where an element is, for a person reading a failure: its cell's number in the notebook.
_WHERE = """const where = e => {
  const cell = e.closest('.jp-Cell');
  const cells = [...document.querySelectorAll('.jp-Notebook .jp-Cell')];
  return cell ? `cell ${cells.indexOf(cell) + 1}` : 'outside a cell';
};
const shown = e => e.checkVisibility({visibilityProperty: true}) && e.getClientRects().length > 0;"""

# Figures: <img>, <canvas>, <svg role=img> and any outermost <svg> bigger than an icon. Each is
# marked data-a11y-figure=k for the accessibility tree; a <figure>'s <figcaption> also counts.
FIGURES_JS = """(course) => {
  WHERE
  document.querySelectorAll('[data-a11y-figure]').forEach(e => e.removeAttribute('data-a11y-figure'));
  const found = [];
  for (const area of document.querySelectorAll(course)) {
    for (const e of area.querySelectorAll('img, canvas, svg')) {
      if (found.includes(e) || !shown(e)) continue;
      if (e.tagName.toLowerCase() === 'svg') {
        const r = e.getBoundingClientRect();
        const isImg = e.getAttribute('role') === 'img';
        if (!isImg && (e.parentElement.closest('svg') || r.width < 32 || r.height < 32)) continue;
      }
      found.push(e);
    }
  }
  return found.map((e, k) => {
    e.setAttribute('data-a11y-figure', String(k));
    const caption = e.closest('figure')?.querySelector('figcaption')?.textContent.trim() || '';
    return {kind: e.tagName.toLowerCase(), where: where(e), caption};
  });
}""".replace("WHERE", _WHERE)

# Controls: native ones, ARIA widgets, ipywidgets' editable readouts and accordion headers, and
# anything else keyboard-focusable. Marked data-a11y-control=k for the accessibility tree.
CONTROL_SELECTOR = (
    "input:not([type=hidden]), select, textarea, button, summary, a[href], [contenteditable=true], "
    "[contenteditable=''], [role=slider], [role=button], [role=checkbox], [role=switch], [role=radio], "
    "[role=tab], [role=combobox], [role=spinbutton], [role=textbox], [role=menuitem], [role=link], "
    ".jupyter-widget-Collapse-header, .p-Collapse-header, [tabindex]:not([tabindex='-1'])")

CONTROLS_JS = """(course) => {
  WHERE
  document.querySelectorAll('[data-a11y-control]').forEach(e => e.removeAttribute('data-a11y-control'));
  const found = [];
  for (const area of document.querySelectorAll(course))
    for (const e of area.querySelectorAll(`SELECTOR`))
      if (!found.includes(e) && shown(e) && !e.disabled && !e.closest('[aria-hidden=true]')) found.push(e);
  // ipywidgets' own editable readout beside each slider (the handle carries the value): counted apart
  const readouts = found.filter(e => e.classList.contains('widget-readout') && e.tabIndex < 0);
  return found.filter(e => !readouts.includes(e)).map((e, k) => {
    e.setAttribute('data-a11y-control', String(k));
    const kind = e.getAttribute('role') || (e.isContentEditable ? 'editable ' : '') + e.tagName.toLowerCase();
    const toggle = !!e.closest('.widget-toggle-buttons') || e.classList.contains('widget-toggle-button');
    return {kind, where: where(e), focusable: e.tabIndex >= 0, toggle};
  }).concat(readouts.map(e => ({kind: 'readout', where: where(e)})));
}""".replace("WHERE", _WHERE).replace("SELECTOR", CONTROL_SELECTOR)

# Each slider handle: a key that stays with it (data-a11y-slider), its label, and what a screen
# reader says for its value (aria-valuetext, else aria-valuenow).
VALUETEXT_JS = """(course) => {
  const sliders = [];
  for (const area of document.querySelectorAll(course))
    for (const h of area.querySelectorAll('[role=slider]')) {
      if (!h.dataset.a11ySlider) h.dataset.a11ySlider = String(window.a11ySliderCount = (window.a11ySliderCount || 0) + 1);
      const widget = h.closest('.widget-slider, .widget-hslider, .widget-vslider');
      const label = widget?.querySelector('.widget-label')?.textContent.trim() || h.getAttribute('aria-label') || '';
      sliders.push({key: h.dataset.a11ySlider, label,
                    spoken: h.getAttribute('aria-valuetext') ?? h.getAttribute('aria-valuenow') ?? ''});
    }
  return sliders;
}"""

# Explorers (an output with a slider) and how many of them hold a live region (aria-live or role=status).
LIVE_JS = """(course) => {
  const explorers = [...document.querySelectorAll('.jp-Notebook .jp-OutputArea-output')]
    .filter(a => a.querySelector('[role=slider]'));
  const live = explorers.filter(a => a.querySelector('[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log]'));
  return [explorers.length, live.length];
}"""

# Each visible slider's track (noUiSlider's target) width in CSS px, with its label.
SLIDER_TRACKS_JS = """(course) => {
  const tracks = [];
  for (const area of document.querySelectorAll(course))
    for (const t of area.querySelectorAll('.noUi-target, input[type=range]')) {
      if (!t.checkVisibility({visibilityProperty: true})) continue;
      const widget = t.closest('.widget-slider, .widget-hslider, .widget-vslider') || t;
      const label = widget.querySelector('.widget-label')?.textContent.trim() || '(no label)';
      const r = t.getBoundingClientRect();
      tracks.push({label, width: widget.classList.contains('widget-vslider') ? r.height : r.width});
    }
  return tracks;
}"""

# Text contrast from computed styles. For every visible text run in course content: its colour
# (CSS color, or fill for SVG text) with the opacity of every ancestor multiplied in, over the
# background it is drawn on: SVG shapes painted under it (hit-tested in their own coordinates),
# then the background colours of its HTML ancestors, on white. Large text (24 px, or 18.66 px
# bold) needs 3:1, other text 4.5:1. Failures are grouped by colour, background and size.
CONTRAST_JS = """(course) => {
  const parse = c => { const m = c && c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const hex = c => '#' + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, '0')).join('');
  const opacity = e => { let o = 1; for (let a = e; a && a.nodeType === 1; a = a.parentElement)
    o *= Number(getComputedStyle(a).opacity); return o; };
  const underSvg = (text, point) => {  // shapes of the same <svg> painted before the text, topmost first
    const svg = text.ownerSVGElement; if (!svg) return [];
    const shapes = [...svg.querySelectorAll('rect, circle, ellipse, polygon, path')]
      .filter(s => s.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING);
    const layers = [];
    for (const s of shapes.reverse()) {
      const fill = parse(getComputedStyle(s).fill); if (!fill || fill[3] === 0) continue;
      const m = s.getScreenCTM(); if (!m) continue;
      const p = new DOMPoint(point[0], point[1]).matrixTransform(m.inverse());
      if (!s.isPointInFill(p)) continue;
      fill[3] *= Number(getComputedStyle(s).fillOpacity) * opacity(s) / opacity(svg);
      layers.push(fill); if (fill[3] >= 1) break;
    }
    return layers;
  };
  const background = (e, point) => {
    const layers = e instanceof SVGElement ? underSvg(e, point) : [];
    if (layers.length && layers[layers.length - 1][3] >= 1) return layers.reduceRight((b, t) => over(t, b), [255, 255, 255, 1]);
    for (let a = e; a; a = a.parentElement) {
      const c = parse(getComputedStyle(a).backgroundColor);
      if (c && c[3] > 0) { c[3] *= opacity(a) / (a.parentElement ? opacity(a.parentElement) : 1); layers.push(c); }
      if (c && c[3] >= 1) break;
    }
    return layers.reduceRight((b, t) => over(t, b), [255, 255, 255, 1]);
  };
  const groups = new Map();
  for (const area of document.querySelectorAll(course)) {
    const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim(), e = node.parentElement;
      if (!text || !e || !e.checkVisibility({visibilityProperty: true, opacityProperty: false})) continue;
      if (e.closest('[disabled], .mod-disabled, script, style, title, desc')) continue;
      const range = document.createRange(); range.selectNodeContents(node);
      const r = range.getBoundingClientRect(); if (r.width < 1 || r.height < 1) continue;
      const style = getComputedStyle(e), svg = e instanceof SVGElement;
      const colour = parse(svg ? style.fill : style.color); if (!colour) continue;
      colour[3] *= (svg ? Number(style.fillOpacity) : 1) * opacity(e);
      const bg = background(e, [r.left + r.width / 2, r.top + r.height / 2]);
      const fg = over(colour, bg);
      let size = parseFloat(style.fontSize);
      if (svg && e.getScreenCTM()) { const m = e.getScreenCTM(); size *= Math.hypot(m.a, m.b); }
      const bold = Number(style.fontWeight) >= 700;
      const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
      const value = ratio(fg, bg);
      if (Math.round(value * 100) / 100 >= needed) continue;
      const key = [hex(fg), hex(bg), needed, Math.round(size)].join(' ');
      const g = groups.get(key) || {colour: hex(colour) + (colour[3] < 1 ? ` at opacity ${colour[3].toFixed(2)}` : ''),
        background: hex(bg), ratio: value, needed, size, count: 0, text: text.slice(0, 40)};
      g.count += 1; groups.set(key, g);
    }
  }
  return [...groups.values()].sort((a, b) => a.ratio - b.ratio);
}"""
