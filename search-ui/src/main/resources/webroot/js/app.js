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

// The passage a search hit points at: scroll to it and give it focus, so keyboard users land there too.
if (location.hash.length > 1) {
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) { target.scrollIntoView({ block: 'center' }); target.focus({ preventScroll: true }); }
}
