// Lists the links-* events an example element fires, with the keys of each detail.
/* global document */
export function logEvents(element, names, list) {
  if (!element || !list || list.tagName !== 'OL') return;
  for (const name of names) {
    element.addEventListener(name, (event) => {
      const item = document.createElement('li');
      const detail = event.detail && typeof event.detail === 'object' ? Object.keys(event.detail).join(', ') : '';
      const at = new Date().toLocaleTimeString('en-GB');
      item.textContent = name + (detail ? ' — detail: { ' + detail + ' }' : '') + ' at ' + at;
      list.prepend(item);
      while (list.children.length > 10) list.lastElementChild.remove();
    });
  }
}
