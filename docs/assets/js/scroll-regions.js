// A wide table scrolls sideways inside the wrapper Material puts around it; a region that
// scrolls must be reachable from the keyboard (axe: scrollable-region-focusable), so each
// one that overflows gets a tab stop. Runs after Material has wrapped the page's tables.
document$.subscribe(() => {
  requestAnimationFrame(() => {
    for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])")) {
      if (wrap.scrollWidth > wrap.clientWidth) wrap.tabIndex = 0
    }
  })
})
