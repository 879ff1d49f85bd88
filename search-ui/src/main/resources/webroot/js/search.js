// Sök: the theme tree's branches open and close (buttons, so the keyboard works), and the search box suggests
// from /api/suggest while typing. Without this file every theme is shown and the box works as a plain input.

// Theme tree: a toggle before each concept that has narrower ones; branches open where something is chosen.
for (const branch of document.querySelectorAll('.theme-facet li[data-branch]')) {
  const children = branch.querySelector(':scope > ul');
  const link = branch.querySelector(':scope > a');
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'twisty';
  toggle.setAttribute('aria-controls', children.id);
  const name = document.createElement('span');
  name.className = 'visually-hidden';
  name.textContent = link.firstChild.textContent.trim();
  toggle.append(name);
  const open = children.querySelector('[aria-current]') !== null;
  toggle.setAttribute('aria-expanded', String(open));
  children.hidden = !open;
  toggle.addEventListener('click', () => {
    const expanded = toggle.getAttribute('aria-expanded') === 'true';
    toggle.setAttribute('aria-expanded', String(!expanded));
    children.hidden = expanded;
  });
  branch.insertBefore(toggle, link);
}

// The switch for unreviewed suggestions searches again at once (without scripts, with the Sök button).
document.getElementById('suggestions')?.addEventListener('change', (event) => event.target.form.requestSubmit());

// Suggestions while typing: a <datalist> filled from /api/suggest; any failure leaves the box as it is.
const input = document.getElementById('q');
const list = document.getElementById('q-suggestions');
let pending = null;
let timer = null;
input?.addEventListener('input', () => {
  clearTimeout(timer);
  const text = input.value.trim();
  if (text.length < 2 || text.length > 100) return;
  timer = setTimeout(async () => {
    pending?.abort();
    pending = new AbortController();
    try {
      const response = await fetch(`/api/suggest?q=${encodeURIComponent(text)}`, { credentials: 'same-origin', signal: pending.signal });
      if (!response.ok) return;
      const body = await response.json();
      const options = (body.suggestions ?? []).slice(0, 10).map((suggestion) => {
        const option = document.createElement('option');
        option.value = suggestion.text;
        if (suggestion.kind === 'theme') option.label = `${suggestion.text} (${document.documentElement.lang === 'en' ? 'theme' : 'tema'})`;
        return option;
      });
      list.replaceChildren(...options);
    } catch (e) {
      // suggestions are a help, not a need: a failed or aborted request changes nothing
    }
  }, 200);
});
