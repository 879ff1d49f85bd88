// Dokument and Kodning: the document's annotations as coloured spans in the passages (one colour per top theme,
// as in the legend) and as a side list. Offsets are Unicode code points into the passage text.
import { counted, t } from './app.js';

const list = document.getElementById('annotations');
const statusLine = document.getElementById('annotations-status');
const documentId = list?.dataset.document;
const researcher = list?.dataset.researcher === 'true';
const HIDDEN_FROM_READERS = ['rejected', 'retracted'];
// The part of the document the page shows: only its annotations are asked for (a long document has a hundred thousand).
const part = document.querySelector('ol.passages[data-from]')?.dataset;
const partQuery = part ? `?from=${encodeURIComponent(part.from)}&count=${encodeURIComponent(part.count)}` : '';

const themes = new Map(); // top theme IRI → { className, label }
document.querySelectorAll('.legend li[data-theme]').forEach((li) => themes.set(li.dataset.theme,
  { className: li.className, label: li.dataset.label ?? li.textContent, badge: li.dataset.badge ?? '' }));
let onlyTheme = null; // the class of the one theme the legend shows alone, or null for all

// The legend's buttons show one theme at a time; pressing the shown one again shows all.
document.querySelectorAll('.legend li[data-theme] button.legend-toggle').forEach((button) => {
  button.addEventListener('click', () => {
    const className = button.closest('li').className;
    onlyTheme = onlyTheme === className ? null : className;
    document.querySelectorAll('.legend button.legend-toggle').forEach((other) =>
      other.setAttribute('aria-pressed', String(onlyTheme !== null && other.closest('li').className === onlyTheme)));
    showOnly();
  });
});

/** Dims every annotation outside the theme the legend shows alone (none when all are shown). */
function showOnly() {
  document.querySelectorAll('.passage .ann, #annotations li.annotation').forEach((element) =>
    element.classList.toggle('dimmed', onlyTheme !== null && !element.classList.contains(onlyTheme)));
}
const conceptLabels = new Map(); // concept IRI → label in the page's language (where the page lists concepts)
document.querySelectorAll('#concepts option[data-iri]').forEach((option) => conceptLabels.set(option.dataset.iri, option.value));

const passages = new Map(); // passage id → { element, text }
document.querySelectorAll('.passage[data-passage]').forEach((li) => {
  const text = li.querySelector('.text');
  passages.set(li.dataset.passage, { element: li, textElement: text, text: text.textContent });
});

/** The annotations shown now, in reading order. */
export const shown = [];

export function conceptLabel(annotation) {
  return conceptLabels.get(annotation.concept?.iri) ?? annotation.concept?.label ?? annotation.concept?.iri ?? '';
}

export function themeLabel(annotation) {
  return themes.get(annotation.theme?.iri)?.label ?? annotation.theme?.label ?? '';
}

export function passageOf(passageId) {
  return passages.get(passageId);
}

export function status(text) {
  if (statusLine) statusLine.textContent = text;
}

/** Fetches the annotations of the document's part on the page and shows them; {@code decorate(li, annotation)} adds controls to list items. */
export async function load(decorate) {
  status(t('loading'));
  let all;
  try {
    const response = await fetch(`/api/documents/${encodeURIComponent(documentId)}/annotations${partQuery}`, { credentials: 'same-origin' });
    if (!response.ok) { status(t('loadFailed')); return shown; }
    all = await response.json();
  } catch (e) {
    status(t('loadFailed'));
    return shown;
  }
  // Each passage's place looked up once: a large document has thousands of passages and a hundred thousand suggestions.
  const place = new Map([...passages.keys()].map((id, i) => [id, i]));
  shown.splice(0, shown.length, ...all
    .filter((a) => researcher || !HIDDEN_FROM_READERS.includes(a.state))
    .sort((a, b) => (place.get(a.passageId) ?? -1) - (place.get(b.passageId) ?? -1) || a.start - b.start || a.end - b.end));
  render(decorate);
  return shown;
}

/** Shows {@link shown} again (after a change). */
export function render(decorate) {
  // Grouped by passage in one pass, not one pass over every annotation for each passage.
  const byPassage = new Map();
  for (const annotation of shown) {
    if (HIDDEN_FROM_READERS.includes(annotation.state)) continue;
    if (!byPassage.has(annotation.passageId)) byPassage.set(annotation.passageId, []);
    byPassage.get(annotation.passageId).push(annotation);
  }
  for (const [id, passage] of passages) {
    paint(passage, byPassage.get(id) ?? []);
  }
  const items = shown.map((annotation) => {
    const li = document.createElement('li');
    li.dataset.id = annotation.id;
    li.dataset.state = annotation.state;
    li.className = `annotation ${themes.get(annotation.theme?.iri)?.className ?? 'theme-none'}`;
    const quote = document.createElement('q');
    quote.textContent = annotation.exact;
    const concept = document.createElement('span');
    concept.className = 'concept';
    concept.textContent = `${conceptLabel(annotation)}${themeLabel(annotation) && themeLabel(annotation) !== conceptLabel(annotation) ? ` (${themeLabel(annotation)})` : ''}`;
    const meta = document.createElement('span');
    meta.className = 'meta';
    // Why it is there, in words the server writes for every page alike (Explanation.java).
    meta.textContent = [annotation.explanation,
      t('by', annotation.creator ?? '', (annotation.created ?? '').replace('T', ' ').slice(0, 16))].join(' · ');
    li.append(quote, ' ', concept, ' ', meta);
    decorate?.(li, annotation);
    return li;
  });
  list.replaceChildren(...items);
  showOnly();
  status(shown.length ? counted('count', shown.length) : t('none'));
}

/** Paints a passage's text with a span per stretch covered by the same annotations (shortest one's colour on top). */
function paint(passage, annotations) {
  const chars = Array.from(passage.text);
  const clamp = (n) => Math.max(0, Math.min(chars.length, n | 0));
  const cuts = [...new Set([0, chars.length, ...annotations.flatMap((a) => [clamp(a.start), clamp(a.end)])])].sort((x, y) => x - y);
  const pieces = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const from = cuts[i];
    const to = cuts[i + 1];
    const text = chars.slice(from, to).join('');
    const covering = annotations.filter((a) => a.start <= from && a.end >= to && a.start < a.end)
      .sort((a, b) => (a.end - a.start) - (b.end - b.start));
    if (covering.length === 0) { pieces.push(text); continue; }
    const span = document.createElement('span');
    const theme = themes.get(covering[0].theme?.iri);
    span.className = `ann ${theme?.className ?? 'theme-none'} state-${covering[0].state}${covering.length > 1 ? ' overlap' : ''}`;
    span.dataset.ann = covering.map((a) => a.id).join(' ');
    // Reachable by keyboard, with its theme's letter (a pseudo-element: the text and its offsets stay as they are)
    // and its label shown on focus as on hover, and read out as the group's name.
    const label = covering.map((a) => `${themeLabel(a) && themeLabel(a) !== conceptLabel(a) ? `${themeLabel(a)}: ` : ''}${conceptLabel(a)} (${t(`state.${a.state}`)})`).join('; ');
    span.title = label;
    span.dataset.label = label;
    span.dataset.badge = theme?.badge ?? '';
    span.tabIndex = 0;
    span.setAttribute('role', 'group');
    span.setAttribute('aria-label', label);
    span.textContent = text;
    pieces.push(span);
  }
  passage.textElement.replaceChildren(...pieces);
}
