// Kodning's tagging box: a small dialog beside the text selection (as in Taguette) that shows the quote, offers a
// type-ahead over the concepts (preferred labels from the page, synonyms and inflected forms from /api/concepts),
// tags with Enter and closes with Escape, giving focus back to where it was. The selection stays visible while the
// box has focus through a CSS highlight of the selected range (a focused text field would otherwise hide it).
import { t } from './app.js';

const popup = document.getElementById('tag-popup');
const quote = document.getElementById('tag-quote');
const input = document.getElementById('concept');
const listbox = document.getElementById('concept-options');
const concepts = document.getElementById('concepts');
const RECENT = 'lararena.recent-concepts';
const SHOWN = 10;

let onTag = () => {};
let returnFocus = null;
let selected = null; // the range the box tags, put back as the page's selection when the box closes untagged
let options = []; // the concepts the list box shows now: { iri, label, top, via }
let active = -1;
let typeAhead = null;

/** The concepts the page offers, recent ones first (the rest in the page's order: by label). */
function offered() {
  const all = [...concepts.options].map((o) => ({ iri: o.dataset.iri, label: o.value, top: o.textContent }));
  const recent = readRecent();
  return [...recent.map((iri) => all.find((c) => c.iri === iri)).filter(Boolean), ...all.filter((c) => !recent.includes(c.iri))];
}

function readRecent() {
  try { return JSON.parse(localStorage.getItem(RECENT)) ?? []; } catch (e) { return []; }
}

/** Recent concepts come first in the type-ahead next time. */
function remember(iri) {
  localStorage.setItem(RECENT, JSON.stringify([iri, ...readRecent().filter((r) => r !== iri)].slice(0, 8)));
}

const fold = (text) => text.toLocaleLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

/** Preferred labels that start with, then contain, what was typed; all offered concepts when nothing is typed. */
function localMatches(typed) {
  const wanted = fold(typed);
  if (!wanted) return offered();
  const candidates = offered();
  return [...candidates.filter((c) => fold(c.label).startsWith(wanted)),
    ...candidates.filter((c) => !fold(c.label).startsWith(wanted) && fold(c.label).includes(wanted))];
}

function show(found) {
  const seen = new Set();
  options = found.filter((c) => !seen.has(c.iri) && seen.add(c.iri)).slice(0, SHOWN);
  active = options.length && input.value.trim() ? 0 : -1;
  listbox.replaceChildren(...options.map((concept, i) => {
    const li = document.createElement('li');
    li.id = `concept-option-${i}`;
    li.setAttribute('role', 'option');
    li.dataset.iri = concept.iri;
    const label = document.createElement('span');
    label.textContent = concept.label;
    const detail = document.createElement('span');
    detail.className = 'meta';
    detail.textContent = concept.via ? `${concept.via} → ${concept.top}` : concept.top;
    li.append(label, ' ', detail);
    li.addEventListener('mousedown', (event) => event.preventDefault()); // keep focus in the field
    li.addEventListener('click', () => choose(i));
    return li;
  }));
  listbox.hidden = options.length === 0;
  input.setAttribute('aria-expanded', String(options.length > 0));
  if (!options.length && input.value.trim()) {
    const none = document.createElement('li');
    none.className = 'hint';
    none.setAttribute('role', 'option');
    none.setAttribute('aria-disabled', 'true');
    none.textContent = t('noMatch', input.value.trim());
    listbox.replaceChildren(none);
    listbox.hidden = false;
  }
  mark();
}

function mark() {
  [...listbox.querySelectorAll('[role=option]')].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
  if (active >= 0) {
    input.setAttribute('aria-activedescendant', `concept-option-${active}`);
    document.getElementById(`concept-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  } else {
    input.removeAttribute('aria-activedescendant');
  }
}

/** Beyond the preferred labels: the ontology's synonyms, inflected forms and spellings without å, ä, ö. */
async function searchConcepts(typed) {
  try {
    const response = await fetch(`/api/concepts?q=${encodeURIComponent(typed)}`, { credentials: 'same-origin' });
    if (!response.ok || input.value.trim() !== typed) return;
    const english = document.documentElement.lang === 'en';
    const byIri = new Map(offered().map((c) => [c.iri, c]));
    const found = (await response.json()).map((concept) => {
      const label = english ? concept.labelEn : concept.label;
      const known = byIri.get(concept.iri);
      return { iri: concept.iri, label: known?.label ?? label, top: known?.top ?? '', via: fold(label).includes(fold(typed)) ? null : typed, exact: concept.exact };
    });
    const exact = found.filter((c) => c.exact);
    show([...localMatches(typed), ...exact, ...found.filter((c) => !c.exact)]);
    if (!localMatches(typed).length && exact.length) { active = 0; mark(); }
  } catch (e) {
    // the preferred labels still work
  }
}

input.addEventListener('input', () => {
  const typed = input.value.trim();
  show(localMatches(typed));
  clearTimeout(typeAhead);
  if (typed.length >= 2) typeAhead = setTimeout(() => searchConcepts(typed), 150);
});

input.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    if (!options.length) return;
    active = (active + (event.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length;
    mark();
  }
});

popup.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') { event.preventDefault(); event.stopPropagation(); close(t('tagClosed')); }
});

document.getElementById('tag-form').addEventListener('submit', (event) => {
  event.preventDefault();
  choose(active);
});
document.getElementById('tag-close').addEventListener('click', () => close(t('tagClosed')));

/** Tags with the concept at {@code index} of the list (or the one the field names exactly). */
function choose(index) {
  const typed = fold(input.value.trim());
  const concept = options[index] ?? options.find((c) => fold(c.label) === typed);
  if (!concept) {
    onTag(null);
    input.focus();
    return;
  }
  remember(concept.iri);
  onTag(concept);
}

/**
 * Opens the box beside {@code range} for the quote {@code exact}; {@code tag(concept)} is called with the concept
 * chosen (null when none is), and may close the box.
 */
export function openTagPopup(range, exact, tag) {
  onTag = tag;
  if (popup.hidden) returnFocus = document.activeElement === document.body ? range.startContainer.parentElement?.closest('.passage') : document.activeElement;
  quote.textContent = exact;
  selected = range.cloneRange();
  if (window.CSS?.highlights && window.Highlight) CSS.highlights.set('tag-selection', new Highlight(selected));
  popup.hidden = false;
  place(range);
  input.value = '';
  show(localMatches(''));
  input.focus({ preventScroll: true });
}

/** Next to the selection: below it, or above it when there is no room below; never off the sides of the screen. */
function place(range) {
  const target = range.getBoundingClientRect();
  const frame = (popup.offsetParent ?? document.body).getBoundingClientRect();
  const width = popup.offsetWidth;
  // The page's width without its scroll bar: the box must not make the page scroll sideways.
  const left = Math.min(Math.max(target.left, 8), document.documentElement.clientWidth - width - 8);
  const below = target.bottom + 8;
  const top = below + popup.offsetHeight > window.innerHeight && target.top - popup.offsetHeight - 8 > 0
    ? target.top - popup.offsetHeight - 8 : below;
  popup.style.left = `${left - frame.left}px`;
  popup.style.top = `${top - frame.top}px`;
}

export function tagPopupOpen() {
  return !popup.hidden;
}

/**
 * Closes the box, ends the selection's highlight and gives focus back. Closed without tagging ({@code message} given,
 * and announced), the selection is put back, so the reader can tag it after all.
 */
export function close(message) {
  if (popup.hidden) return;
  popup.hidden = true;
  listbox.hidden = true;
  input.setAttribute('aria-expanded', 'false');
  if (window.CSS?.highlights) CSS.highlights.delete('tag-selection');
  (returnFocus?.isConnected ? returnFocus : document.getElementById('open-tagger'))?.focus({ preventScroll: true });
  returnFocus = null;
  if (message && selected?.startContainer.isConnected) {
    getSelection().removeAllRanges();
    getSelection().addRange(selected);
  }
  selected = null;
  if (message) document.getElementById('coding-status').textContent = message;
}
