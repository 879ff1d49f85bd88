// Samstämmighet: settles a document's consensus (PUT /api/documents/{id}/consensus), by adopting one coder's coding
// with one click or by choosing per differing passage whose spans stand, then loads the page again so that it shows
// the consensus now in force. Its texts are the page's, in the reader's language (js.agreement.*).
import { api, counted, t } from './app.js';

async function settle(button, body, describe) {
  const status = button.closest('.adopt').querySelector('.adopt-status');
  const response = await api(`/api/documents/${encodeURIComponent(button.dataset.document)}/consensus`, {
    method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    status.textContent = t('agreement.failed', answer?.detail ?? response.status);
    return;
  }
  status.textContent = counted('agreement.saved', answer.annotations.length, describe, answer.annotations.length, answer.adjudicator);
  window.location.reload();
}

document.querySelectorAll('button[data-adopt]').forEach((button) => {
  button.addEventListener('click', () => settle(button, { adopt: button.dataset.adopt }, t('agreement.adopted', button.dataset.adopt)));
});

document.querySelectorAll('button.write-consensus').forEach((button) => {
  button.addEventListener('click', () => {
    const section = button.closest('section.differences');
    const ids = new Set(button.dataset.agreed.split(' ').filter(Boolean));
    for (const row of section.querySelectorAll('tr[data-passage]')) {
      const picked = row.querySelector('input[type="radio"]:checked');
      if (!picked) {
        section.querySelector('.adopt-status').textContent = t('agreement.pick', row.dataset.passage);
        return;
      }
      picked.dataset.annotations.split(' ').filter(Boolean).forEach((id) => ids.add(id));
    }
    settle(button, { annotations: [...ids] }, t('agreement.byPassage'));
  });
});
