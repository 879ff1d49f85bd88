// Kodning: tag selected text with a concept (in the box beside the selection, tag-popup.js), accept or reject suggestions (one by one or checked in bulk), memos on
// passages, who did what and undo of one's newest decisions (both from the server's review log, so they hold across
// tabs and sessions), through the JSON API with the session's CSRF token.
// An action the server refuses with 401 (the session ended), or with 403 for a CSRF token of an earlier session, is
// kept in this tab's sessionStorage; the page asks to log in again (returning here) and sends the kept actions when
// it loads after the login.
import { api, counted, t } from './app.js';
import { load, render, shown, status, conceptLabel, passageOf } from './annotations.js';
import { openTagPopup, close as closeTagPopup, tagPopupOpen } from './tag-popup.js';

const panel = document.getElementById('coding');
const documentId = panel.dataset.document;
const statusLine = document.getElementById('coding-status');
const loginNeeded = document.getElementById('login-needed');
const selectionPreview = document.getElementById('selection-preview');
const openTaggerButton = document.getElementById('open-tagger');
const undoButton = document.getElementById('undo');
const historyList = document.getElementById('history');
const memoList = document.getElementById('memo-list');
const memoHeading = document.getElementById('memo-passage');
const memoText = document.getElementById('memo-text');
const teamStatus = document.getElementById('team-status');
const markDoneButton = document.getElementById('mark-done');

const PENDING = `lararena.pending:${documentId}`;
const stored = (key, fallback) => { try { return JSON.parse(sessionStorage.getItem(key)) ?? fallback; } catch (e) { return fallback; } };
const store = (key, value) => sessionStorage.setItem(key, JSON.stringify(value));

let current = -1; // index into the list items j/k move over
let selection = null; // the last text selected inside one passage: { passageId, start, end, exact }
let selectedRange = null; // that selection's range in the page, for the tagging box to sit beside and keep visible
let memoPassage = null;

function say(text) { statusLine.textContent = text; }

// ---- actions: what each one sends, and how to undo it ----

/** The requests that carry out {@code action}, in order. */
function requests(action) {
  switch (action.kind) {
    case 'tag': return [{ method: 'POST', path: `/api/documents/${encodeURIComponent(documentId)}/annotations`,
      body: { passageId: action.passageId, start: action.start, end: action.end, concept: action.concept } }];
    case 'state': return [{ method: 'PATCH', path: `/api/annotations/${encodeURIComponent(action.id)}`, body: { state: action.state } }];
    case 'bulk': return [{ method: 'POST', path: `/api/documents/${encodeURIComponent(documentId)}/annotations/review`,
      body: { ids: action.ids, state: action.state } }];
    case 'restore': return Object.entries(action.previous).map(([state, ids]) => ({ method: 'POST',
      path: `/api/documents/${encodeURIComponent(documentId)}/annotations/review`, body: { ids, state } }));
    case 'delete': return [{ method: 'DELETE', path: `/api/annotations/${encodeURIComponent(action.id)}` }];
    case 'memo': return [{ method: 'POST', path: `/api/passages/${encodeURIComponent(action.passageId)}/memos`, body: { text: action.text } }];
    default: return [];
  }
}

/**
 * Sends {@code action}. On 401 it is kept for after the login and the page asks to log in; on another refusal the
 * server's reason is shown. Returns the server's answer, or undefined when the action did not happen (yet).
 */
/** Tries of a request the server answered busy (503): it did nothing then, so sending it again is safe. */
const BUSY_TRIES = 5;

/**
 * Sends one request; while the server answers busy (503 with Retry-After: it did not carry the request out), says so,
 * marks {@code item} busy and disabled, and sends it again after the wait, BUSY_TRIES times at most.
 */
async function send(request, label, item) {
  for (let attempt = 1; ; attempt++) {
    const response = await api(request.path, { method: request.method, headers: request.body ? { 'Content-Type': 'application/json' } : {},
      body: request.body ? JSON.stringify(request.body) : undefined });
    if (response.status !== 503 || attempt >= BUSY_TRIES) return response;
    const wait = Math.min(30, Math.max(1, Number(response.headers.get('Retry-After')) || 2));
    say(t('busyRetrying', wait, label));
    item?.setAttribute('aria-busy', 'true');
    item?.classList.add('busy');
    item?.querySelectorAll('button, input').forEach((control) => { control.disabled = true; });
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
  }
}

/** Ends an item's busy look (see {@link send}). */
function settled(item) {
  item?.removeAttribute('aria-busy');
  item?.classList.remove('busy');
  item?.querySelectorAll('button, input').forEach((control) => { control.disabled = false; });
}

/**
 * Sends {@code action}. On 401 it is kept for after the login and the page asks to log in; while the server is busy it
 * is sent again, with the item shown busy; on another refusal the server's reason is shown. Returns the server's
 * answer, or undefined when the action did not happen (yet): nothing is ever applied later without being shown.
 */
async function perform(action, { item = null } = {}) {
  if (!loginNeeded.hidden) { keep(action); return undefined; }
  let answer = null;
  for (const request of requests(action)) {
    let response;
    try {
      response = await send(request, action.label, item);
    } catch (e) {
      say(t('failed', e.message));
      return undefined;
    } finally {
      settled(item);
    }
    if (response.status === 503) { say(t('busyGaveUp', action.label)); return undefined; }
    if (response.status === 401) { keep(action); return undefined; }
    const body = await response.json().catch(() => null);
    // A new session started elsewhere (logged out and in again in another tab): this page's CSRF token is stale.
    if (response.status === 403 && /CSRF/.test(body?.detail ?? '')) { keep(action); return undefined; }
    if (!response.ok) { say(t('failed', body?.detail ?? response.status)); return undefined; }
    answer = body;
  }
  await loadReviewLog();
  showHistory();
  showUndo();
  return answer ?? {};
}

function keep(action) {
  store(PENDING, [...stored(PENDING, []), action]);
  loginNeeded.hidden = false;
  say(t('pending', action.label));
  loginNeeded.querySelector('a')?.focus();
}

async function retryKept() {
  const kept = stored(PENDING, []);
  if (kept.length === 0) return;
  sessionStorage.removeItem(PENDING);
  let done = 0;
  for (const action of kept) {
    if (await perform(action) !== undefined) {
      done++;
      if (action.kind === 'memo') await showMemos(action.passageId);
    }
  }
  if (done) {
    await reload();
    say(counted('retried', done));
  }
}

// ---- history and undo: the server's review log ----

// This document's reviews by people the caller may see, newest first: { annotationId, coder, from, to, at }. Not the
// annotator's entry for each suggestion: history and undo never show them, and a long document has a hundred thousand.
let reviewLog = [];
const me = () => document.querySelector('.session .user')?.firstChild?.textContent?.trim();

async function loadReviewLog() {
  try {
    const response = await fetch(`/api/documents/${encodeURIComponent(documentId)}/review-log?annotator=false`, { credentials: 'same-origin' });
    reviewLog = response.ok ? await response.json() : [];
  } catch (e) {
    reviewLog = [];
  }
}

/** The annotation a review log entry is about: as shown, or as the log names one in another part of the document. */
function annotationOf(entry) {
  return shown.find((a) => a.id === entry.annotationId) ?? entry.annotation ?? undefined;
}

function describe(entry) {
  const annotation = annotationOf(entry);
  return annotation ? `${conceptLabel(annotation)} – “${annotation.exact}”` : entry.annotationId;
}

/** The caller's newest decisions still in force (accepted or rejected), made at one moment: what undo takes back. */
function lastDecisions() {
  const latest = new Map();
  for (const entry of reviewLog) {
    if (entry.coder === me() && !latest.has(entry.annotationId)) latest.set(entry.annotationId, entry);
  }
  const inForce = [...latest.values()].filter((entry) => entry.to === 'accepted' || entry.to === 'rejected');
  if (!inForce.length) return [];
  const newest = inForce.reduce((x, y) => (x.at >= y.at ? x : y)).at;
  return inForce.filter((entry) => entry.at === newest);
}

function showUndo() {
  undoButton.disabled = lastDecisions().length === 0;
}

/** Who did what, newest first: the researchers' reviews of this document (blind mode permitting). */
function showHistory() {
  const items = reviewLog.filter((entry) => entry.coder !== 'annotator').slice(0, 60).map((entry) => {
    const li = document.createElement('li');
    const time = document.createElement('time');
    time.dateTime = entry.at ?? '';
    time.textContent = (entry.at ?? '').replace('T', ' ').slice(0, 16);
    li.append(time, ` ${entry.coder}: ${t(`state.${entry.to}`)}: ${describe(entry)}`);
    return li;
  });
  historyList.replaceChildren(...items);
}

/** Takes back the caller's newest decisions: a suggestion or a colleague's tag back to undecided, one's own new tag retracted. */
async function undo() {
  await loadReviewLog();
  const last = lastDecisions();
  if (!last.length) { say(t('nothingToUndo')); showUndo(); return; }
  const label = last.length === 1 ? describe(last[0]) : `${last.length} × ${describe(last[0])}`;
  const ownTag = (entry) => {
    const annotation = annotationOf(entry);
    return annotation?.origin === 'manual' && annotation.creator === me();
  };
  const previous = {};
  const deletes = [];
  for (const entry of last) {
    if (ownTag(entry) && entry.from === null) deletes.push(entry.annotationId);
    else (previous[ownTag(entry) ? entry.from : 'suggested'] ??= []).push(entry.annotationId);
  }
  let done = true;
  for (const id of deletes) done = done && await perform({ kind: 'delete', id, label: t('undone', label) }) !== undefined;
  if (Object.keys(previous).length) done = done && await perform({ kind: 'restore', previous, label: t('undone', label) }) !== undefined;
  if (done) {
    say(t('undone', label));
    await redrawKeepingCurrent();
  }
}

// ---- coding status: who is done; in blind mode colleagues' decisions show once the caller is ----

async function loadCodingStatus() {
  try {
    const response = await fetch(`/api/documents/${encodeURIComponent(documentId)}/coding-status`, { credentials: 'same-origin' });
    if (!response.ok) return;
    const { blind, coders } = await response.json();
    const mine = coders.find((entry) => entry.coder === me());
    const states = coders.map((entry) => t('coderStatus', entry.coder, t(`codingState.${entry.state}`))).join(', ');
    teamStatus.textContent = [blind && mine?.state !== 'done' ? t('blindHint') : '', states || t('noCoderStatus')].filter(Boolean).join(' ');
    markDoneButton.hidden = mine?.state === 'done';
  } catch (e) {
    teamStatus.textContent = t('loadFailed');
  }
}

async function markDone() {
  const response = await api(`/api/documents/${encodeURIComponent(documentId)}/coding-status`, {
    method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ state: 'done' }),
  });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    say(t('failed', body?.detail ?? response.status));
    return;
  }
  say(t('markedDone'));
  await reload(); // colleagues' decisions and tags show now, where the document is coded blind
}

// ---- annotations: list controls, suggestions, tagging ----

function decorate(li, annotation) {
  li.tabIndex = -1;
  const colleagues = (annotation.decisions ?? []).filter((d) => d.coder !== me() && d.coder !== 'annotator');
  if (colleagues.length) {
    const decisions = document.createElement('span');
    decisions.className = 'decisions';
    decisions.textContent = t('colleagues', colleagues.map((d) => `${d.coder} ${t(`state.${d.state}`)}`).join(', '));
    li.append(' ', decisions);
  }
  li.addEventListener('focus', () => highlight(annotation));
  if (annotation.state === 'suggested') {
    const check = document.createElement('input');
    check.type = 'checkbox';
    check.className = 'pick';
    check.setAttribute('aria-label', t('select', `“${annotation.exact}”, ${conceptLabel(annotation)}`));
    li.prepend(check, ' ');
  }
  if (annotation.state === 'retracted') return; // retracted stays in the history, but is not reviewed again
  const controls = document.createElement('span');
  controls.className = 'controls';
  for (const [state, key] of [['accepted', 'accept'], ['rejected', 'reject']]) {
    if (annotation.state === state) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `set-${state}`;
    button.textContent = t(key);
    button.setAttribute('aria-label', `${t(key)}: “${annotation.exact}”, ${conceptLabel(annotation)}`);
    button.addEventListener('click', () => setState(annotation, state));
    controls.append(button);
  }
  li.append(' ', controls);
}

function items() {
  return [...document.querySelectorAll('#annotations li.annotation')];
}

function highlight(annotation) {
  document.querySelectorAll('.ann.current').forEach((span) => span.classList.remove('current'));
  document.querySelectorAll('.ann').forEach((span) => {
    if (span.dataset.ann.split(' ').includes(annotation.id)) span.classList.add('current');
  });
  document.querySelector('.ann.current')?.scrollIntoView({ block: 'nearest' });
  showMemos(annotation.passageId);
}

function move(step) {
  const all = items();
  const suggestions = all.filter((li) => li.dataset.state === 'suggested');
  const pool = suggestions.length ? suggestions : all;
  const at = pool.indexOf(all[current]);
  // Past the last item of a part (or before the first) the keys go on into the next (or the previous) part, as
  // reading on would: a long document is coded a part at a time, not a part and then a hunt for the link.
  const beyond = pool.length === 0 || (at >= 0 && (at + step >= pool.length || at + step < 0));
  const partLink = beyond && document.querySelector(`nav.parts a[rel='${step > 0 ? 'next' : 'prev'}']`);
  if (partLink) {
    location.assign(partLink.href);
    return;
  }
  if (pool.length === 0) return;
  const next = pool[(at + step + pool.length) % pool.length];
  current = all.indexOf(next);
  all.forEach((li) => li.classList.toggle('current', li === next));
  next.focus();
}

function currentAnnotation() {
  const li = items()[current];
  return li ? shown.find((a) => a.id === li.dataset.id) : undefined;
}

async function setState(annotation, state) {
  if (!annotation) return;
  const label = t('stateAction', t(`state.${state}`), `${conceptLabel(annotation)} – “${annotation.exact}”`);
  const item = document.querySelector(`#annotations li[data-id="${CSS.escape(annotation.id)}"]`);
  if (await perform({ kind: 'state', id: annotation.id, state, previous: annotation.state, label }, { item }) !== undefined) {
    say(t(state === 'accepted' ? 'accepted' : 'rejected', `“${annotation.exact}”`));
    await redrawKeepingCurrent();
  }
}

/**
 * Draws the list again with the cursor where it was: on the same item when it is still listed, else at the same place
 * in the list. Focus goes back to it only when it was in the list (or nowhere) before.
 */
async function redrawKeepingCurrent() {
  const before = items()[current];
  const keepId = before?.dataset.id;
  const hadFocus = !document.activeElement || document.activeElement === document.body || document.activeElement.closest('#annotations');
  await reload();
  const all = items();
  const same = all.findIndex((li) => li.dataset.id === keepId);
  current = same >= 0 ? same : Math.min(current, all.length - 1);
  const li = all[current];
  if (li) {
    li.classList.add('current');
    if (hadFocus) li.focus();
  }
}

async function bulk(state) {
  const picked = [...document.querySelectorAll('#annotations input.pick:checked')].map((box) => box.closest('li').dataset.id);
  if (picked.length === 0) { say(t('nothingSelected')); return; }
  const previous = {};
  for (const id of picked) {
    const before = shown.find((a) => a.id === id)?.state ?? 'suggested';
    (previous[before] ??= []).push(id);
  }
  const label = counted('bulk', picked.length, picked.length, t(`state.${state}`));
  if (await perform({ kind: 'bulk', ids: picked, state, previous, label }) !== undefined) {
    say(label);
    await reload();
  }
}

/** Opens the tagging box beside the selected text, or says to select some first. */
function openTagger() {
  if (!selection || !selectedRange) { say(t('noSelection')); return; }
  openTagPopup(selectedRange, selection.exact, tagWith);
}

/** Tags the selection with {@code concept} (chosen in the tagging box; null when the box names none). */
async function tagWith(concept) {
  if (!concept) { say(t('unknownConcept')); return; }
  if (!selection) { closeTagPopup(); say(t('noSelection')); return; }
  const tagging = selection;
  closeTagPopup();
  const label = t('tagAction', tagging.exact, concept.label);
  const answer = await perform({ kind: 'tag', ...tagging, concept: concept.iri, label });
  if (answer !== undefined) {
    say(t('tagged', tagging.exact, concept.label));
    forgetSelection();
    await reload();
  }
}

function forgetSelection() {
  selection = null;
  selectedRange = null;
  selectionPreview.textContent = t('noSelection');
  openTaggerButton.disabled = true;
}

/** Keeps the selected text when it lies inside one passage's text, with code point offsets into it; true when it did. */
function readSelection() {
  const chosen = window.getSelection();
  if (!chosen || chosen.isCollapsed || chosen.rangeCount === 0) return;
  const range = chosen.getRangeAt(0);
  const textElement = range.commonAncestorContainer.nodeType === Node.ELEMENT_NODE
    ? range.commonAncestorContainer.closest('.text') : range.commonAncestorContainer.parentElement?.closest('.text');
  const passage = textElement?.closest('.passage[data-passage]');
  if (!passage) return;
  const before = document.createRange();
  before.selectNodeContents(textElement);
  before.setEnd(range.startContainer, range.startOffset);
  const start = Array.from(before.toString()).length;
  const exact = range.toString();
  if (!exact.trim()) return;
  selection = { passageId: passage.dataset.passage, start, end: start + Array.from(exact).length, exact };
  selectedRange = range.cloneRange();
  selectionPreview.textContent = t('selectionPreview', exact);
  openTaggerButton.disabled = false;
  return true;
}

// ---- memos ----

async function showMemos(passageId) {
  if (!passageId || !passageOf(passageId)) return;
  memoPassage = passageId;
  const ordinal = [...document.querySelectorAll('.passage[data-passage]')].indexOf(passageOf(passageId).element) + 1;
  memoHeading.textContent = t('memoFor', ordinal);
  document.querySelectorAll('.passage.memo-target').forEach((p) => p.classList.remove('memo-target'));
  passageOf(passageId).element.classList.add('memo-target');
  let memos = [];
  try {
    const response = await api(`/api/passages/${encodeURIComponent(passageId)}/memos`);
    if (response.ok) memos = await response.json();
  } catch (e) {
    // shown as no memos; writing one still works
  }
  if (memoPassage !== passageId) return;
  if (memos.length === 0) {
    const li = document.createElement('li');
    li.className = 'hint';
    li.textContent = t('memoEmpty');
    memoList.replaceChildren(li);
    return;
  }
  memoList.replaceChildren(...memos.map((memo) => {
    const li = document.createElement('li');
    const who = document.createElement('span');
    who.className = 'meta';
    who.textContent = t('by', memo.author, memo.created.replace('T', ' ').slice(0, 16));
    const text = document.createElement('p');
    text.textContent = memo.text;
    li.append(text, who);
    return li;
  }));
}

async function saveMemo(event) {
  event.preventDefault();
  const text = memoText.value;
  if (!memoPassage || !text.trim()) return;
  const ordinal = [...document.querySelectorAll('.passage[data-passage]')].indexOf(passageOf(memoPassage).element) + 1;
  if (await perform({ kind: 'memo', passageId: memoPassage, text, label: t('memoAction', ordinal) }) !== undefined) {
    memoText.value = '';
    say(t('memoSaved'));
    await showMemos(memoPassage);
  }
}

// ---- wiring ----

async function reload() {
  await load(decorate);
  await loadReviewLog();
  showHistory();
  showUndo();
  await loadCodingStatus();
}

openTaggerButton.addEventListener('click', openTagger);
// A selection made with the mouse or a finger opens the tagging box beside it, as in Taguette; one made with the
// keyboard opens it with t (the keys that make it would otherwise be taken from it).
document.querySelector('.passages')?.addEventListener('pointerup', () => setTimeout(() => {
  if (readSelection()) openTagger();
}, 0));
document.getElementById('accept-selected').addEventListener('click', () => bulk('accepted'));
document.getElementById('reject-selected').addEventListener('click', () => bulk('rejected'));
document.getElementById('memo-form').addEventListener('submit', saveMemo);
undoButton.addEventListener('click', undo);
markDoneButton.addEventListener('click', markDone);
document.addEventListener('selectionchange', readSelection);
document.querySelectorAll('.passage[data-passage]').forEach((passage) => {
  passage.addEventListener('click', () => showMemos(passage.dataset.passage));
  passage.addEventListener('focus', () => showMemos(passage.dataset.passage));
});
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || tagPopupOpen() || event.target.closest('input, textarea, select, [contenteditable]')) return;
  const keys = {
    j: () => move(1), k: () => move(-1), a: () => setState(currentAnnotation(), 'accepted'), r: () => setState(currentAnnotation(), 'rejected'),
    u: undo, t: openTagger,
  };
  const handler = keys[event.key];
  if (handler) { event.preventDefault(); handler(); }
});

await reload();
await retryKept();
