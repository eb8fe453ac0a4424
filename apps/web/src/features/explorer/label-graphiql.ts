/**
 * GraphiQL 4 leaves gaps that axe-core flags as serious: CodeMirror's hidden text areas have no
 * label, and each operation tab is a `role="tab"` element with buttons inside it (nested
 * interactive controls). This fills the gaps in the rendered DOM, and keeps them filled as
 * GraphiQL re-renders, until the returned function is called.
 *
 * The tab strip becomes a plain list of buttons: the tab and tablist roles go, and the button of
 * the active operation carries aria-current instead of the tab's aria-selected.
 */
export function labelGraphiQL(root: HTMLElement): () => void {
  const patch = () => {
    for (const [selector, label] of EDITOR_LABELS) {
      for (const textarea of root.querySelectorAll<HTMLTextAreaElement>(`${selector} textarea`)) {
        setAttribute(textarea, 'aria-label', label);
      }
    }
    for (const list of root.querySelectorAll('.graphiql-tabs[role="tablist"]')) list.removeAttribute('role');
    for (const tab of root.querySelectorAll('.graphiql-tab')) {
      const active = tab.classList.contains('graphiql-tab-active');
      if (tab.hasAttribute('role')) tab.removeAttribute('role');
      if (tab.hasAttribute('aria-selected')) tab.removeAttribute('aria-selected');
      const button = tab.querySelector('.graphiql-tab-button');
      if (!button) continue;
      if (active) setAttribute(button, 'aria-current', 'true');
      else if (button.hasAttribute('aria-current')) button.removeAttribute('aria-current');
    }
  };
  patch();
  const observer = new MutationObserver(patch);
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['role', 'aria-selected', 'class'] });
  return () => observer.disconnect();
}

/** Sets an attribute only when it differs, so the observer does not wake itself up. */
function setAttribute(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

const EDITOR_LABELS: readonly (readonly [string, string])[] = [
  ['.graphiql-query-editor', 'Query'],
  ['.graphiql-editor-tool .graphiql-editor:nth-child(1)', 'Variables (JSON)'],
  ['.graphiql-editor-tool .graphiql-editor:nth-child(2)', 'Headers (JSON)'],
  ['.graphiql-response', 'Response'],
];
