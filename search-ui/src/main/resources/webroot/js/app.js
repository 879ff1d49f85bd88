// Progressive enhancement only: every page works without this file.
const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? '';

/** fetch() for the JSON API with the session's CSRF token on requests that change something. */
export async function api(path, options = {}) {
  const headers = new Headers(options.headers ?? {});
  if (options.method && options.method !== 'GET') headers.set('X-CSRF-Token', csrf);
  const response = await fetch(path, { ...options, headers, credentials: 'same-origin' });
  if (response.status === 401) {
    // The session ended: keep the page (and its unsaved work) and ask to log in again in a new tab.
    window.dispatchEvent(new CustomEvent('lararena:login-needed', { detail: { path } }));
  }
  return response;
}

const texts = JSON.parse(document.getElementById('messages')?.textContent || '{}');

/** The page's text for {@code key} (from the message bundle of the reader's language), with {0}, {1} … filled in. */
export function t(key, ...args) {
  return args.reduce((text, arg, i) => text.replaceAll(`{${i}}`, String(arg)), texts[key] ?? key);
}

/**
 * The page's text for a count: {@code key.one} when {@code count} is one, else {@code key.many}, as t() fills it in
 * with {@code args}; without them, the count is its one argument ({0}).
 */
export function counted(key, count, ...args) {
  return t(`${key}.${count === 1 ? 'one' : 'many'}`, ...(args.length ? args : [count]));
}

// The passage a search hit points at: scroll to it and give it focus, so keyboard users land there too.
if (location.hash.length > 1) {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = document.getElementById(id);
  const shown = document.querySelector('ol.passages[data-from]')?.dataset;
  const ordinal = shown && id.startsWith(`${shown.document}-`) ? Number(id.slice(shown.document.length + 1)) : NaN;
  if (target) { target.scrollIntoView({ block: 'center' }); target.focus({ preventScroll: true }); }
  // A link to a passage of another part of a long document (one made before it had parts): open that part.
  else if (Number.isInteger(ordinal) && new URLSearchParams(location.search).get('from') !== String(ordinal)) {
    location.replace(`${location.pathname}?from=${ordinal}${location.hash}`);
  }
}

// The scripts of single pages, loaded only where their page is.
if (document.getElementById('q')) import('./search.js');
if (document.getElementById('coding')) import('./coding.js');
else if (document.getElementById('annotations')) import('./annotations.js').then((annotations) => annotations.load());

// Narrow screens: the navigation folds behind a menu button, and Sök's facets behind their "Filter" summary, so the
// hits start near the top. Without this file both stay open (they wrap; nothing is hidden).
const narrow = window.matchMedia('(max-width: 50rem)');
const menu = document.querySelector('.menu-toggle');
const nav = document.getElementById('main-nav');
if (menu && nav) {
  menu.hidden = false;
  const show = (open) => {
    menu.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('open', open);
  };
  menu.addEventListener('click', () => show(menu.getAttribute('aria-expanded') !== 'true'));
  nav.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && narrow.matches) { show(false); menu.focus(); }
  });
}
const filters = document.querySelector('details.filters');
if (filters) {
  const fold = () => { filters.open = !narrow.matches; };
  fold();
  narrow.addEventListener('change', fold);
}
