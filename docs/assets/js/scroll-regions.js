// A wide table scrolls sideways inside the wrapper Material puts around it; a region that
// scrolls must be reachable from the keyboard (axe: scrollable-region-focusable), so each
// one that overflows gets a tab stop. Runs after Material has wrapped the page's tables.
// All widths are read before any tab stop is written: a write between two reads would make
// the browser lay the page out again for each table.
document$.subscribe(() => {
  requestAnimationFrame(() => {
    const wraps = [...document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])")]
    const overflowing = wraps.filter(wrap => wrap.scrollWidth > wrap.clientWidth)
    for (const wrap of overflowing) wrap.tabIndex = 0
  })
})
