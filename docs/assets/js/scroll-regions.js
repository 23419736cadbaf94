// A region that scrolls sideways must be reachable from the keyboard (axe:
// scrollable-region-focusable): a wide table, in Material's wrapper (written by the build:
// cnn_site/pages/tables.py), and a code block with long lines.
//
// Every such region starts with a tab stop, so that none is ever out of the keyboard's
// reach. Widths are read only on screen: a block far below is not laid out yet (site.css:
// content-visibility), and reading its width would make the browser lay it out while the
// page is still starting. A table wrapper that turns out not to overflow loses its tab
// stop once on screen, and gets it back if it comes to overflow. A code block is left to
// Material, which checks it when it first comes near the screen (mkdocs.yml: content.lazy)
// and keeps the tab stop only where the code overflows and the device can hover.
document$.subscribe(() => {
  for (const code of document.querySelectorAll(".md-typeset pre > code:not([tabindex])")) code.tabIndex = 0
  const wraps = document.querySelectorAll(".md-typeset__scrollwrap")
  const onScreen = new Set()
  const update = () => {
    const shown = [...onScreen]
    const overflowing = shown.map(wrap => wrap.scrollWidth > wrap.clientWidth)  // every read first
    shown.forEach((wrap, i) => {
      if (overflowing[i]) wrap.tabIndex = 0
      else wrap.removeAttribute("tabindex")
    })
  }
  const seen = new IntersectionObserver(entries => {
    for (const entry of entries) {
      if (entry.isIntersecting) onScreen.add(entry.target)
      else onScreen.delete(entry.target)
    }
    update()
  })
  // A table on screen can change width without moving: a font arrives, a phone is rotated.
  const resized = new ResizeObserver(update)
  for (const wrap of wraps) {
    wrap.tabIndex = 0
    seen.observe(wrap)
    resized.observe(wrap)
    resized.observe(wrap.firstElementChild)
  }
})
