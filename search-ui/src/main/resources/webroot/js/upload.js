// Ladda upp: send the chosen files, then follow each one's status on the ingest event stream.
import { api, counted, t } from './app.js';

const form = document.getElementById('upload');
if (form) {
  const list = document.getElementById('progress');
  const error = document.getElementById('upload-error');
  const send = document.getElementById('send');
  const rows = new Map();
  const labels = Object.fromEntries(['queued', 'extracting', 'annotating', 'indexing', 'indexed', 'duplicate', 'failed']
    .map((status) => [status, t(`status.${status}`)]));
  const steps = ['queued', 'extracting', 'annotating', 'indexing', 'indexed'];
  // How far a file has come: an end (failed, duplicate) is past every step, so a late answer never moves it back.
  const rank = (status) => (status === 'failed' || status === 'duplicate' ? steps.length : steps.indexOf(status));

  /** A link to a document (the reader's words, not its id). */
  const documentLink = (id, text) => {
    const link = document.createElement('a');
    link.href = `/dokument/${encodeURIComponent(id)}`;
    link.textContent = text;
    return link;
  };

  // "Standard" says what it means for the type chosen (interviews and transcripts: researchers only; other types:
  // pilots; a type left to be found from the text: researchers only until it is known).
  const type = document.getElementById('type');
  const visibilityDefault = document.getElementById('visibility-default');
  const explainDefault = () => {
    const said = type.selectedOptions[0]?.dataset.defaultVisibility;
    if (said && visibilityDefault) visibilityDefault.textContent = said;
  };
  type.addEventListener('change', explainDefault);
  form.addEventListener('reset', () => setTimeout(explainDefault, 0));

  // progress: {done, total} passages of a long step (a large document is annotated in turns with the others).
  const show = (id, status, detail, progress) => {
    const row = rows.get(id);
    if (!row) return;
    row.dataset.status = status;
    row.querySelector('.status').textContent = labels[status] ?? status;
    const within = progress && progress.total > 0 ? progress.done / progress.total : 0;
    row.querySelector('progress').value = status === 'failed' || status === 'duplicate' ? 100 : (steps.indexOf(status) + 1 + within) * 20;
    row.querySelector('.detail').replaceChildren(progress ? counted('passagesDone', progress.total, progress.done, progress.total) : detail ?? '');
  };
  // A duplicate links the document that has the same bytes, by its title.
  const sameAs = (doc) => {
    const link = document.createElement('a');
    link.href = `/dokument/${encodeURIComponent(doc.duplicateOf)}`;
    link.textContent = t('sameAs', doc.duplicateOfTitle ?? doc.duplicateOf);
    return link;
  };

  const events = new EventSource('/api/ingest/events');
  events.addEventListener('status', (event) => {
    const update = JSON.parse(event.data);
    show(update.documentId, update.status, update.status === 'failed' ? update.error
      : update.status === 'duplicate' ? sameAs(update) : '', update.progress);
  });

  const dropzone = document.getElementById('dropzone');
  dropzone.addEventListener('dragover', (e) => { e.preventDefault(); dropzone.classList.add('over'); });
  dropzone.addEventListener('dragleave', () => dropzone.classList.remove('over'));
  dropzone.addEventListener('drop', (e) => {
    e.preventDefault();
    dropzone.classList.remove('over');
    document.getElementById('files').files = e.dataTransfer.files;
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (send.disabled) return; // a second click while sending sends nothing twice
    send.disabled = true;
    error.hidden = true;
    try {
      const response = await api('/api/documents', { method: 'POST', body: new FormData(form) });
      const body = await response.json();
      if (!response.ok) {
        error.textContent = body.detail ?? t('uploadFailed');
        error.hidden = false;
        return;
      }
      for (const file of body) {
        const row = document.createElement('li');
        row.id = `file-${file.id}`;
        // The file's row opens its document (a duplicate is not kept: its row links to the one that was).
        const name = file.duplicateOf ? document.createElement('span') : documentLink(file.id, file.filename);
        name.className = 'name';
        name.textContent = file.filename;
        const bar = document.createElement('progress');
        bar.max = 100;
        bar.setAttribute('aria-label', file.filename);
        const status = document.createElement('span');
        status.className = 'status';
        const detail = document.createElement('span');
        detail.className = 'detail';
        row.append(name, bar, status, detail);
        list.append(row);
        rows.set(file.id, row);
        show(file.id, file.status, file.duplicateOf ? sameAs(file) : '');
        // The stream may have told of steps before the row existed: ask once for where the file is now.
        // Its answer may also come after later events of the stream: it only ever moves the file forward.
        api(`/api/documents/${file.id}`).then((r) => r.ok ? r.json() : null).then((doc) => {
          if (doc && rank(doc.status) > rank(rows.get(file.id).dataset.status)) {
            show(file.id, doc.status, doc.status === 'duplicate' ? sameAs(doc) : doc.error ?? '');
          }
        });
      }
      form.reset();
    } catch (failure) {
      error.textContent = t('connectionLost');
      error.hidden = false;
    } finally {
      send.disabled = false;
    }
  });
}
