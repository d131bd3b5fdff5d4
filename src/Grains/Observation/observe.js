// Runs inside one frame. Numbers the interactive elements (open shadow roots included),
// tags each with data-rpa-id so the executor can find it again, and describes it compactly.
(args) => {
  const startId = args.startId | 0;
  const maxElements = args.maxElements | 0;
  const ATTR = 'data-rpa-id';
  const INTERACTIVE_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'textbox', 'combobox', 'listbox',
    'option', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'switch', 'tab', 'slider', 'spinbutton',
    'searchbox', 'treeitem', 'gridcell']);
  const clean = (s, max) => {
    if (!s) return '';
    s = String(s).replace(/\s+/g, ' ').trim();
    return s.length > max ? s.slice(0, max - 1) + '…' : s;
  };

  // Forget the previous step's numbering, in the document and in every open shadow root.
  const forEachRoot = (root, fn) => {
    fn(root);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let n = walker.currentNode; n; n = walker.nextNode()) {
      if (n.shadowRoot) forEachRoot(n.shadowRoot, fn);
    }
  };
  forEachRoot(document, r => r.querySelectorAll('[' + ATTR + ']').forEach(e => e.removeAttribute(ATTR)));

  const implicitRole = (el) => {
    const tag = el.tagName.toLowerCase();
    const type = (el.getAttribute('type') || '').toLowerCase();
    switch (tag) {
      case 'a': return el.hasAttribute('href') ? 'link' : '';
      case 'button': return 'button';
      case 'select': return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
      case 'textarea': return 'textbox';
      case 'summary': return 'button';
      case 'option': return 'option';
      case 'input':
        if (type === 'checkbox') return 'checkbox';
        if (type === 'radio') return 'radio';
        if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
        if (type === 'range') return 'slider';
        if (type === 'number') return 'spinbutton';
        if (type === 'search') return 'searchbox';
        if (type === 'hidden') return '';
        return 'textbox';
    }
    return '';
  };

  const textOf = (el) => clean(el.innerText || el.textContent || '', 120);
  const labelOf = (el) => {
    if (el.labels && el.labels.length) return clean(Array.from(el.labels).map(l => l.innerText || l.textContent).join(' '), 120);
    const wrapping = el.closest && el.closest('label');
    if (wrapping) return clean(wrapping.innerText || wrapping.textContent, 120);
    return '';
  };
  const nameOf = (el) => {
    const aria = el.getAttribute('aria-label');
    if (aria) return clean(aria, 120);
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      const root = el.getRootNode();
      const t = by.split(/\s+/).map(id => root.getElementById ? root.getElementById(id) : document.getElementById(id))
        .filter(Boolean).map(e => e.innerText || e.textContent).join(' ');
      if (t.trim()) return clean(t, 120);
    }
    const tag = el.tagName.toLowerCase();
    if (tag === 'input' || tag === 'select' || tag === 'textarea') {
      const l = labelOf(el);
      if (l) return l;
      const type = (el.getAttribute('type') || '').toLowerCase();
      if (['button', 'submit', 'reset'].includes(type) && el.value) return clean(el.value, 120);
      return clean(el.getAttribute('title') || el.getAttribute('placeholder') || el.getAttribute('name') || '', 120);
    }
    if (tag === 'img') return clean(el.getAttribute('alt') || '', 120);
    const t = textOf(el);
    if (t) return t;
    const img = el.querySelector && el.querySelector('img[alt]');
    if (img) return clean(img.getAttribute('alt'), 120);
    return clean(el.getAttribute('title') || '', 120);
  };

  const isVisible = (el, rect) => {
    if (rect.width <= 0 || rect.height <= 0) return false;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) return false;
    return true;
  };

  const isInteractive = (el) => {
    const tag = el.tagName.toLowerCase();
    if (el.hasAttribute('disabled') && tag !== 'button' && tag !== 'input' && tag !== 'select' && tag !== 'textarea') return false;
    if (['button', 'select', 'textarea', 'summary'].includes(tag)) return true;
    if (tag === 'input') return (el.getAttribute('type') || '').toLowerCase() !== 'hidden';
    if (tag === 'a') return el.hasAttribute('href') || el.hasAttribute('onclick') || getComputedStyle(el).cursor === 'pointer';
    const role = (el.getAttribute('role') || '').toLowerCase();
    if (INTERACTIVE_ROLES.has(role)) return true;
    if (el.isContentEditable && el.getAttribute('contenteditable') !== null) return true;
    if (el.hasAttribute('onclick')) return true;
    const tabindex = el.getAttribute('tabindex');
    if (tabindex !== null && Number(tabindex) >= 0) return true;
    // A click handler we cannot see: a pointer cursor that its parent does not share.
    const style = getComputedStyle(el);
    if (style.cursor === 'pointer') {
      const parent = el.parentElement;
      if (!parent || getComputedStyle(parent).cursor !== 'pointer') return true;
    }
    return false;
  };

  const cssPath = (el) => {
    if (el.id && /^[A-Za-z][\w-]*$/.test(el.id)) {
      const root = el.getRootNode();
      if (root.querySelectorAll('#' + el.id).length === 1) return '#' + el.id;
    }
    const parts = [];
    let node = el;
    for (let depth = 0; node && node.nodeType === 1 && depth < 5; depth++) {
      let part = node.tagName.toLowerCase();
      if (node.id && /^[A-Za-z][\w-]*$/.test(node.id)) { parts.unshift('#' + node.id + (parts.length ? '' : '')); break; }
      const parent = node.parentElement;
      if (parent) {
        const same = Array.from(parent.children).filter(c => c.tagName === node.tagName);
        if (same.length > 1) part += ':nth-of-type(' + (same.indexOf(node) + 1) + ')';
      }
      parts.unshift(part);
      node = parent;
    }
    return parts.join(' > ');
  };

  const found = [];
  const visit = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let n = walker.currentNode; n; n = walker.nextNode()) {
      if (n.nodeType !== 1) continue;
      if (n.shadowRoot) visit(n.shadowRoot);
      if (!isInteractive(n)) continue;
      // Skip an element nested in another interactive one of the same meaning (e.g. span in a button).
      const rect = n.getBoundingClientRect();
      if (!isVisible(n, rect)) continue;
      found.push({ el: n, rect });
    }
  };
  visit(document);

  const vw = window.innerWidth, vh = window.innerHeight;
  const inViewport = (r) => r.bottom > 0 && r.right > 0 && r.top < vh && r.left < vw;
  // Visible first, then document order; the rest is reported as a count.
  found.sort((a, b) => (inViewport(b.rect) ? 1 : 0) - (inViewport(a.rect) ? 1 : 0));
  const kept = maxElements > 0 ? found.slice(0, maxElements) : found;

  const elements = kept.map((f, i) => {
    const el = f.el, r = f.rect;
    const id = startId + i;
    el.setAttribute(ATTR, String(id));
    const tag = el.tagName.toLowerCase();
    const role = (el.getAttribute('role') || implicitRole(el) || 'clickable').toLowerCase();
    const type = tag === 'input' ? (el.getAttribute('type') || 'text').toLowerCase() : '';
    let value = '';
    if (tag === 'select') value = el.selectedIndex >= 0 ? clean(el.options[el.selectedIndex].text, 80) : '';
    else if ((tag === 'input' && !['checkbox', 'radio', 'button', 'submit'].includes(type)) || tag === 'textarea')
      value = type === 'password' ? (el.value ? '••••' : '') : clean(el.value, 80);
    const options = tag === 'select' ? Array.from(el.options).slice(0, 20).map(o => clean(o.text, 40)) : null;
    return {
      id, tag, role,
      name: nameOf(el),
      type,
      value,
      placeholder: clean(el.getAttribute('placeholder') || '', 80),
      href: tag === 'a' ? clean(el.getAttribute('href') || '', 120) : '',
      label: (tag === 'input' || tag === 'select' || tag === 'textarea') ? labelOf(el) : '',
      testId: el.getAttribute('data-testid') || '',
      css: cssPath(el),
      text: (tag === 'a' || tag === 'button' || role === 'clickable') ? textOf(el) : '',
      checked: (type === 'checkbox' || type === 'radio') ? !!el.checked : (el.getAttribute('aria-checked') === 'true'),
      disabled: !!el.disabled || el.getAttribute('aria-disabled') === 'true',
      expanded: el.getAttribute('aria-expanded') === 'true',
      inViewport: inViewport(r),
      options,
      x: r.left, y: r.top, width: r.width, height: r.height,
    };
  });

  const headings = Array.from(document.querySelectorAll('h1, h2, h3, [role=alert], [role=status]'))
    .filter(h => { const r = h.getBoundingClientRect(); return r.width > 0 && r.height > 0; })
    .slice(0, 20).map(h => clean(h.innerText, 120)).filter(Boolean);
  const bodyText = clean(document.body ? document.body.innerText : '', 4000);
  const below = found.filter(f => f.rect.top >= vh).length;

  // A JSON string: one parse on the .NET side, no per-property marshalling.
  return JSON.stringify({
    url: location.href,
    title: document.title,
    elements,
    totalElements: found.length,
    elementsBelow: below,
    headings,
    text: bodyText,
    scrollY: window.scrollY,
    scrollHeight: document.documentElement ? document.documentElement.scrollHeight : 0,
    viewportHeight: vh,
  });
}
