/**
 * The report's only script (vanilla, no library), inlined in the page and
 * allowed by its Content-Security-Policy hash:
 * - a highlight shows its findings' messages in a tooltip on hover, on
 *   keyboard focus and on tap; Escape hides it. The tooltip is built by
 *   cloning the findings' list items (never from strings), and every
 *   highlight is also `aria-describedby` those items for screen readers;
 * - a finding's message in the side list moves the focus to its highlight;
 * - the drafts table sorts by a column heading (aria-sort, announced).
 */
const script = String.raw`
(() => {
  const tip = document.getElementById('tip')
  const status = document.getElementById('status')
  let current = null
  const ids = (el) => (el.getAttribute('aria-describedby') || '').split(' ').filter(Boolean)
  const clear = () => document.querySelectorAll('.hl.active').forEach((m) => m.classList.remove('active'))
  function place(el, x, y) {
    const rects = Array.from(el.getClientRects())
    let r = rects[0] || el.getBoundingClientRect()
    if (x !== undefined) for (const rect of rects) if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) r = rect
    const width = tip.offsetWidth
    const height = tip.offsetHeight
    const left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8))
    const below = r.bottom + 8
    const top = below + height > window.innerHeight && r.top - height - 8 > 0 ? r.top - height - 8 : below
    tip.style.left = left + window.scrollX + 'px'
    tip.style.top = top + window.scrollY + 'px'
  }
  function show(el, x, y) {
    const list = ids(el)
    tip.replaceChildren()
    for (const id of list) {
      const source = document.getElementById(id)
      if (!source) continue
      const item = document.createElement('div')
      item.className = source.className
      for (const node of source.childNodes) item.appendChild(node.cloneNode(true))
      for (const link of item.querySelectorAll('a')) link.replaceWith(...link.childNodes)
      tip.appendChild(item)
    }
    clear()
    for (const id of list) document.querySelectorAll('.hl[aria-describedby~="' + id + '"]').forEach((m) => m.classList.add('active'))
    tip.hidden = false
    place(el, x, y)
    current = el
  }
  function hide() {
    tip.hidden = true
    clear()
    current = null
  }
  const mark = (target) => (target && target.closest ? target.closest('.hl[aria-describedby]') : null)
  document.addEventListener('mouseover', (event) => {
    const el = mark(event.target)
    if (el) {
      if (el !== current) show(el, event.clientX, event.clientY)
    } else if (current && current !== document.activeElement) hide()
  })
  document.addEventListener('focusin', (event) => {
    const el = mark(event.target)
    if (el) show(el)
    else if (current) hide()
  })
  document.addEventListener('focusout', (event) => {
    if (current && !mark(event.relatedTarget)) hide()
  })
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && current) hide()
  })
  document.addEventListener('click', (event) => {
    const goto = event.target.closest && event.target.closest('[data-goto]')
    if (goto) {
      const el = document.querySelector('.hl[tabindex][aria-describedby~="' + goto.getAttribute('data-goto') + '"]')
      if (el) {
        event.preventDefault()
        el.scrollIntoView({block: 'center'})
        el.focus({preventScroll: true})
      }
      return
    }
    const el = mark(event.target)
    if (el && el !== current) show(el, event.clientX, event.clientY)
  })
  window.addEventListener('resize', () => current && place(current))
  for (const button of document.querySelectorAll('th button[data-sort]')) {
    button.addEventListener('click', () => {
      const th = button.closest('th')
      const table = button.closest('table')
      const key = button.getAttribute('data-sort')
      const order = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending'
      for (const other of table.querySelectorAll('th[aria-sort]')) other.setAttribute('aria-sort', 'none')
      th.setAttribute('aria-sort', order)
      const sign = order === 'ascending' ? 1 : -1
      const body = table.tBodies[0]
      const rows = Array.from(body.rows)
      const value = (row) => row.getAttribute('data-' + key)
      rows.sort((a, b) => {
        const x = value(a)
        const y = value(b)
        const by = key === 'name' ? x.localeCompare(y) : Number(x) - Number(y)
        return by * sign || Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index'))
      })
      for (const row of rows) body.appendChild(row) // one by one: a spread of 100,000 rows overflows the stack
      if (status) status.textContent = 'Drafts sorted by ' + button.textContent.trim() + ', ' + order
    })
  }
})()
`

/** Leading indentation dropped; line breaks kept (the script relies on them, no semicolons). */
export const SCRIPT = script.replace(/^\s+/gm, '').trim()
